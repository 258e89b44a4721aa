import { CSSProperties } from "react";
import { Bounds, contains, intersects } from "../../workbook/fake";
import { CellView, GRIDLINE } from "../sheet-view";
import { BASE_FONT_PX, SELECTION } from "./styles";

/** A cell's inline style: its own format, its borders, and the selection drawn on it. */

/** Font sizes keep their ratio to Calibri 11, which the grid draws at BASE_FONT_PX. */
const PX_PER_POINT = BASE_FONT_PX / 11;

const HORIZONTAL: Record<string, CSSProperties["textAlign"]> = {
  Left: "left",
  Center: "center",
  CenterAcrossSelection: "center",
  Right: "right",
  Justify: "justify",
  Distributed: "justify",
  Fill: "left",
};
const VERTICAL: Record<string, CSSProperties["verticalAlign"]> = {
  Top: "top",
  Center: "middle",
  Bottom: "bottom",
  Justify: "top",
  Distributed: "middle",
};

/** Numbers right, truth values and errors centred, text left: Excel's General alignment. */
function textAlign(cell: CellView): CSSProperties["textAlign"] {
  const alignment = cell.style.horizontalAlignment ?? "General";
  if (alignment !== "General") return HORIZONTAL[alignment] ?? "left";
  if (cell.kind === "number") return "right";
  return cell.kind === "boolean" || cell.kind === "error" ? "center" : "left";
}

/** The selection's outline, drawn inside the cells on its edge so that it needs no overlay to position. */
function selectionShadow(cell: CellView, selection: Bounds): string | undefined {
  const { bounds } = cell;
  const shadows: string[] = [];
  if (bounds.r1 <= selection.r1) shadows.push(`inset 0 2px 0 ${SELECTION}`);
  if (bounds.r2 >= selection.r2) shadows.push(`inset 0 -2px 0 ${SELECTION}`);
  if (bounds.c1 <= selection.c1) shadows.push(`inset 2px 0 0 ${SELECTION}`);
  if (bounds.c2 >= selection.c2) shadows.push(`inset -2px 0 0 ${SELECTION}`);
  return shadows.length ? shadows.join(", ") : undefined;
}

export function cellStyle(cell: CellView, selection: Bounds | null, overflowAllowed: boolean): CSSProperties {
  const { style, borders } = cell;
  const selected = selection !== null && intersects(cell.bounds, selection);
  const multiple = selection !== null && (selection.r1 !== selection.r2 || selection.c1 !== selection.c2);
  const isActive = selection !== null && contains(cell.bounds, selection.r1, selection.c1);
  const fill = style.fillColor && style.fillColor !== "#FFFFFF" ? style.fillColor : undefined;
  return {
    borderRight: borders.right,
    borderBottom: borders.bottom,
    // The edge shared with the header is the header's, unless the cell has a line there.
    borderTop: cell.row === 0 && borders.top !== GRIDLINE ? borders.top : undefined,
    borderLeft: cell.column === 0 && borders.left !== GRIDLINE ? borders.left : undefined,
    // A range's other cells are tinted, as Excel does; the active cell keeps its own fill.
    backgroundColor: selected && multiple && !isActive ? (fill ?? "#e3efe7") : fill,
    backgroundImage: selected && multiple && !isActive && fill ? "linear-gradient(#21734622, #21734622)" : undefined,
    boxShadow: selected ? selectionShadow(cell, selection) : undefined,
    color: style.fontColor && style.fontColor !== "#000000" ? style.fontColor : undefined,
    fontWeight: style.bold ? "bold" : undefined,
    fontStyle: style.italic ? "italic" : undefined,
    fontSize: style.fontSize ? `${Math.round(style.fontSize * PX_PER_POINT * 10) / 10}px` : undefined,
    textAlign: textAlign(cell),
    verticalAlign: VERTICAL[style.verticalAlignment ?? "Bottom"] ?? "bottom",
    whiteSpace: style.wrapText ? "pre-wrap" : "pre",
    overflowWrap: style.wrapText ? "anywhere" : undefined,
    overflow: cell.overflowPx > 0 && overflowAllowed ? "visible" : "hidden",
    paddingLeft: style.indentLevel ? `${3 + style.indentLevel * 9}px` : undefined,
  };
}
