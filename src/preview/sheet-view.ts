import { Bounds, columnName, formatBounds, MAX_COLUMNS } from "../workbook/fake";
import type { FakeWorkbookState, Style } from "../workbook/fake";
import type { SheetState } from "../workbook/fake/state";
import type { ExcelCellBorder, ExcelValue } from "../workbook/office/excel-api";
import { formatValue, ValueKind, valueKind } from "./number-format";

/**
 * What the grid draws of one sheet, read from the fake's state without going through the API (no syncs, no
 * counters): the displayed texts, the effective formats, merges and borders. Pure data, so the React component
 * only lays it out.
 */

export interface GridLimits {
  maxRows: number;
  maxColumns: number;
}

export const DEFAULT_LIMITS: GridLimits = { maxRows: 300, maxColumns: 30 };

/** An empty sheet still shows a grid to click and type into, as Excel does. */
const MIN_ROWS = 40;
const MIN_COLUMNS = 20;
/** Room below and beside the used range to type into. */
const SPARE_ROWS = 5;
const SPARE_COLUMNS = 2;

const POINTS_TO_PX = 4 / 3;
/** Excel's default row height, 15 pt. */
export const DEFAULT_ROW_HEIGHT_PX = 20;
/** Excel's default column width, 48 pt (8.43 characters of Calibri 11). */
const DEFAULT_COLUMN_WIDTH_PT = 48;
export const GRIDLINE = "1px solid #e1e1e1";

export type Edge = "top" | "right" | "bottom" | "left";

export interface CellView {
  row: number;
  column: number;
  /** "G12" */
  address: string;
  /** The cell, or the merged area it anchors: what a click selects. */
  bounds: Bounds;
  value: ExcelValue;
  /** As Range.formulas reads it: "=SUM(G5:G7)", "'1.1", or the constant. */
  formula: ExcelValue;
  kind: ValueKind;
  text: string;
  numberFormat: string;
  style: Style;
  rowSpan: number;
  colSpan: number;
  /** CSS borders of the four edges: the cell's own lines, its neighbours' on the shared edge, else gridlines. */
  borders: Record<Edge, string>;
  /** How far text may run on into the empty cells to its right, as Excel lets it; 0 for none. */
  overflowPx: number;
}

export interface SheetView {
  id: string;
  name: string;
  /** 0-based rows and (visible) columns shown. */
  rows: number[];
  columns: number[];
  columnWidthsPx: Map<number, number>;
  /** Set heights only; other rows take the default. */
  rowHeightsPx: Map<number, number>;
  /** By row, then column; null where a merged area covers the cell. */
  cells: Map<number, Map<number, CellView | null>>;
  /** Rows and columns of the used range left out by the limits. */
  clippedRows: number;
  clippedColumns: number;
  /** Hidden columns among those shown, as letters. */
  hiddenColumns: string[];
}

const cellKey = (row: number, column: number) => row * MAX_COLUMNS + column;

/** The format a cell shows: its column's, overridden by its own (the fake keeps no row formats). */
export function effectiveStyle(sheet: SheetState, row: number, column: number): Style {
  return { ...sheet.columnStyles.get(column), ...sheet.cells.get(cellKey(row, column))?.style };
}

const BORDER_WIDTHS: Record<string, number> = { Hairline: 1, Thin: 1, Medium: 2, Thick: 3 };
const BORDER_STYLES: Record<string, string> = {
  Continuous: "solid",
  Dash: "dashed",
  DashDot: "dashed",
  DashDotDot: "dashed",
  Dot: "dotted",
  Double: "double",
  SlantDashDot: "dashed",
};

interface Line {
  css: string;
  width: number;
}

function line(border: ExcelCellBorder | undefined): Line | null {
  if (!border?.style || border.style === "None") return null;
  // A double line needs three pixels to show as two.
  const width = border.style === "Double" ? 3 : (BORDER_WIDTHS[border.weight ?? "Thin"] ?? 1);
  return { css: `${width}px ${BORDER_STYLES[border.style] ?? "solid"} ${border.color ?? "#000000"}`, width };
}

/** The heavier of two lines on one edge; the cell's own on a tie. */
function heavier(own: Line | null, neighbour: Line | null): Line | null {
  if (!own) return neighbour;
  if (!neighbour) return own;
  return neighbour.width > own.width ? neighbour : own;
}

function usedExtent(state: FakeWorkbookState, sheet: SheetState): { rows: number; columns: number } {
  const used = state.usedBounds(sheet, false);
  let rows = used ? used.r2 + 1 : 0;
  let columns = used ? used.c2 + 1 : 0;
  for (const merged of sheet.merges) {
    rows = Math.max(rows, merged.r2 + 1);
    columns = Math.max(columns, merged.c2 + 1);
  }
  return { rows, columns };
}

/**
 * The sheet as the grid shows it: from A1 to past the used range (and the selection), at most `limits` rows and
 * columns.
 */
export function sheetView(
  state: FakeWorkbookState,
  sheet: SheetState,
  limits: GridLimits = DEFAULT_LIMITS,
  include: Bounds | null = null,
): SheetView {
  const used = usedExtent(state, sheet);
  // A selection of whole rows or columns ("C:D") says nothing about how far to draw.
  const selectedRows = include && include.r2 - include.r1 < 10_000 ? include.r2 + 1 : 0;
  const selectedColumns = include && include.c2 - include.c1 < 1_000 ? include.c2 + 1 : 0;
  const rowCount = Math.min(limits.maxRows, Math.max(MIN_ROWS, used.rows + SPARE_ROWS, selectedRows));
  const columnCount = Math.min(limits.maxColumns, Math.max(MIN_COLUMNS, used.columns + SPARE_COLUMNS, selectedColumns));
  const rows = Array.from({ length: rowCount }, (_, row) => row);
  const allColumns = Array.from({ length: columnCount }, (_, column) => column);
  const columns = allColumns.filter((column) => !sheet.hiddenColumns.has(column));

  const window: Bounds = { r1: 0, c1: 0, r2: rowCount - 1, c2: columnCount - 1 };
  const values = state.read(sheet, window, "values");
  const formulas = state.read(sheet, window, "formulas");

  const shownColumns = new Set(columns);
  const anchors = new Map<number, Bounds>();
  const covered = new Set<number>();
  for (const merged of sheet.merges) {
    if (merged.r1 >= rowCount || !shownColumns.has(merged.c1)) continue;
    anchors.set(cellKey(merged.r1, merged.c1), merged);
    for (let r = merged.r1; r <= Math.min(merged.r2, rowCount - 1); r++)
      for (let c = merged.c1; c <= merged.c2; c++) if (r !== merged.r1 || c !== merged.c1) covered.add(cellKey(r, c));
  }

  const borderOf = (row: number, column: number, edge: Edge): Line | null =>
    row < 0 || column < 0 ? null : line(effectiveStyle(sheet, row, column).borders?.[edge]);
  const columnWidthsPx = new Map(
    columns.map((column) => [
      column,
      Math.round((sheet.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH_PT) * POINTS_TO_PX),
    ]),
  );
  /** The width of the empty cells right of a column, up to the first one with content or in a merge. */
  const overflowWidth = (row: number, index: number): number => {
    let width = 0;
    for (const column of columns.slice(index + 1)) {
      if (covered.has(cellKey(row, column)) || anchors.has(cellKey(row, column))) break;
      if (valueKind(values[row][column]) !== "empty") break;
      width += columnWidthsPx.get(column)!;
    }
    return width;
  };

  const cells = new Map<number, Map<number, CellView | null>>();
  for (const row of rows) {
    const rowCells = new Map<number, CellView | null>();
    cells.set(row, rowCells);
    columns.forEach((column, index) => {
      if (covered.has(cellKey(row, column))) {
        rowCells.set(column, null);
        return;
      }
      const merged = anchors.get(cellKey(row, column));
      const bounds = merged ?? { r1: row, c1: column, r2: row, c2: column };
      const own = effectiveStyle(sheet, row, column);
      // The fill shown: a mark (a conditional format) over the cell's own.
      const style = sheet.conditionalFormats.length ? { ...own, fillColor: state.shownFill(sheet, row, column) } : own;
      const value = values[row][column];
      const numberFormat = style.numberFormat ?? "General";
      const kind = valueKind(value);
      // A merged area takes its outer edges from the cells on them.
      const [bottomRow, rightColumn] = [Math.min(bounds.r2, rowCount - 1), bounds.c2];
      const next = columns.find((other) => other > rightColumn);
      const edges: Record<Edge, Line | null> = {
        top: heavier(borderOf(row, column, "top"), borderOf(row - 1, column, "bottom")),
        left: heavier(borderOf(row, column, "left"), index > 0 ? borderOf(row, columns[index - 1], "right") : null),
        bottom: heavier(borderOf(bottomRow, column, "bottom"), borderOf(bottomRow + 1, column, "top")),
        right: heavier(borderOf(row, rightColumn, "right"), next === undefined ? null : borderOf(row, next, "left")),
      };
      const alignment = style.horizontalAlignment ?? "General";
      const overflows =
        kind === "text" && !merged && !style.wrapText && (alignment === "General" || alignment === "Left");
      rowCells.set(column, {
        row,
        column,
        address: `${columnName(column)}${row + 1}`,
        bounds,
        value,
        formula: formulas[row][column],
        kind,
        text: formatValue(value, numberFormat),
        numberFormat,
        style,
        rowSpan: merged ? Math.min(merged.r2, rowCount - 1) - merged.r1 + 1 : 1,
        colSpan: merged ? columns.filter((c) => c >= merged.c1 && c <= merged.c2).length : 1,
        borders: {
          top: edges.top?.css ?? GRIDLINE,
          right: edges.right?.css ?? GRIDLINE,
          bottom: edges.bottom?.css ?? GRIDLINE,
          left: edges.left?.css ?? GRIDLINE,
        },
        overflowPx: overflows ? overflowWidth(row, index) : 0,
      });
    });
  }

  const rowHeightsPx = new Map<number, number>();
  for (const [row, height] of sheet.rowHeights)
    if (row < rowCount) rowHeightsPx.set(row, Math.round(height * POINTS_TO_PX));

  return {
    id: sheet.id,
    name: sheet.name,
    rows,
    columns,
    columnWidthsPx,
    rowHeightsPx,
    cells,
    clippedRows: Math.max(0, used.rows - rowCount),
    clippedColumns: Math.max(0, used.columns - columnCount),
    hiddenColumns: allColumns.filter((column) => sheet.hiddenColumns.has(column)).map(columnName),
  };
}

/** The selection as the name box shows it: "G12", "A1:C3". */
export const selectionAddress = formatBounds;
