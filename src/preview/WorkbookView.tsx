import { makeStyles, mergeClasses } from "@fluentui/react-components";
import { LockClosed12Regular } from "@fluentui/react-icons";
import {
  CSSProperties,
  KeyboardEvent,
  MouseEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { Bounds, columnName, contains, intersects } from "../workbook/fake/a1";
import type { ExcelContext } from "../workbook/office/excel-api";
import { editText, typedInput } from "./number-format";
import {
  CellView,
  DEFAULT_LIMITS,
  DEFAULT_ROW_HEIGHT_PX,
  GRIDLINE,
  GridLimits,
  selectionAddress,
  SheetView,
  sheetView,
} from "./sheet-view";
import type { PreviewWorkbook } from "./store";

/**
 * The fake workbook as a small Excel: sheet tabs, a grid of the active sheet with the selection, a name box and a
 * formula bar. Clicks, keys and typed values go through `store.run` like the add-in's own calls, so the fake
 * decides (a protected sheet refuses) and every view of the workbook redraws.
 *
 * For end-to-end tests: tabs are `[role=tab][data-sheet="Koond"]`, cells `[role=gridcell][data-cell="G12"]`
 * (with `aria-selected` and, for formulas, `data-formula`), the editor `[data-testid=cell-editor]`, refusals
 * `[role=alert]`.
 */

export interface WorkbookViewProps {
  store: PreviewWorkbook;
  /** How much of a sheet to draw; the rest is counted in the status line. Default 300 rows × 30 columns. */
  limits?: GridLimits;
}

const HEADER_BACKGROUND = "#f3f3f3";
const HEADER_BORDER = "1px solid #c8c8c8";
const SELECTION = "#217346";
const ROW_HEADER_WIDTH = 44;
const BASE_FONT_PX = 13;
/** Font sizes keep their ratio to Calibri 11, which the grid draws at BASE_FONT_PX. */
const PX_PER_POINT = BASE_FONT_PX / 11;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minHeight: 0,
    minWidth: 0,
    backgroundColor: "#ffffff",
    fontFamily: "Calibri, Carlito, 'Segoe UI', Arial, sans-serif",
    fontSize: `${BASE_FONT_PX}px`,
    color: "#000000",
  },
  formulaBar: {
    flexShrink: 0,
    display: "flex",
    alignItems: "stretch",
    borderBottom: HEADER_BORDER,
    minHeight: "26px",
    fontSize: "13px",
  },
  nameBox: {
    width: "96px",
    flexShrink: 0,
    padding: "4px 6px",
    borderRight: HEADER_BORDER,
    fontFamily: "inherit",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  formulaText: {
    flexGrow: 1,
    minWidth: 0,
    padding: "4px 8px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  message: {
    flexShrink: 0,
    display: "flex",
    alignItems: "center",
    columnGap: "8px",
    padding: "6px 10px",
    backgroundColor: "#fde7e9",
    color: "#a4262c",
    borderBottom: "1px solid #f1bbbc",
  },
  messageText: { flexGrow: 1 },
  dismiss: {
    border: "none",
    background: "transparent",
    cursor: "pointer",
    fontSize: "16px",
    lineHeight: 1,
    color: "inherit",
  },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: "auto",
    position: "relative",
  },
  table: {
    // Separate borders, each drawn once by the cell left of or above it: collapsed borders of sticky headers
    // would scroll away with the rows.
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    userSelect: "none",
  },
  columnHeader: {
    position: "sticky",
    top: 0,
    zIndex: 3,
    height: "20px",
    backgroundColor: HEADER_BACKGROUND,
    borderRight: HEADER_BORDER,
    borderBottom: HEADER_BORDER,
    fontWeight: "normal",
    color: "#444444",
    textAlign: "center",
    padding: 0,
  },
  corner: {
    left: 0,
    zIndex: 4,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    backgroundColor: HEADER_BACKGROUND,
    borderRight: HEADER_BORDER,
    borderBottom: HEADER_BORDER,
    fontWeight: "normal",
    color: "#444444",
    textAlign: "center",
    padding: "0 4px",
  },
  headerSelected: {
    backgroundColor: "#d2e8da",
    color: "#0f5132",
    fontWeight: "bold",
  },
  cell: {
    position: "relative",
    padding: "0 3px",
    verticalAlign: "bottom",
    lineHeight: "18px",
    cursor: "cell",
    ":focus": { outline: "none" },
  },
  overflowText: {
    position: "relative",
    zIndex: 1,
    overflow: "hidden",
  },
  editor: {
    position: "absolute",
    top: 0,
    left: 0,
    zIndex: 5,
    boxSizing: "border-box",
    height: "100%",
    minHeight: "22px",
    width: "100%",
    minWidth: "160px",
    margin: 0,
    padding: "0 3px",
    border: `2px solid ${SELECTION}`,
    fontFamily: "inherit",
    fontSize: "inherit",
    outline: "none",
  },
  bottom: {
    // Many sheets wrap the tabs onto more lines: the grid gives up the room, not the tabs.
    flexShrink: 0,
    display: "flex",
    alignItems: "center",
    columnGap: "12px",
    borderTop: HEADER_BORDER,
    backgroundColor: HEADER_BACKGROUND,
    minHeight: "30px",
  },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    minWidth: 0,
  },
  tab: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: "4px",
    padding: "5px 12px",
    border: "none",
    borderRight: HEADER_BORDER,
    background: "transparent",
    fontFamily: "inherit",
    fontSize: "13px",
    color: "#333333",
    cursor: "pointer",
    ":hover": { backgroundColor: "#e6e6e6" },
  },
  tabActive: {
    backgroundColor: "#ffffff",
    color: SELECTION,
    fontWeight: "bold",
    boxShadow: `inset 0 -3px 0 ${SELECTION}`,
    ":hover": { backgroundColor: "#ffffff" },
  },
  status: {
    marginLeft: "auto",
    padding: "0 10px",
    color: "#555555",
    fontSize: "12px",
    whiteSpace: "nowrap",
  },
  empty: { padding: "16px" },
});

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

function cellStyle(cell: CellView, selection: Bounds | null, overflowAllowed: boolean): CSSProperties {
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

/** What a refused change tells the user: a protected sheet, else Excel's own message. */
function refusal(error: unknown, sheet: string, address: string, isProtected: boolean): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code === "AccessDenied" || isProtected) return `Leht „${sheet}“ on kaitstud: lahtrit ${address} ei saa muuta.`;
  return `Lahtrit ${address} ei saanud muuta: ${message ?? String(error)}`;
}

interface Editing {
  sheetId: string;
  cell: CellView;
  draft: string;
  /** What the editor opened with: committing it unchanged writes nothing. */
  original: string;
}

/** The cell drawn at a position: the cell itself, or the merged area covering it. */
function cellAt(view: SheetView, row: number, column: number): CellView | null {
  const cell = view.cells.get(row)?.get(column);
  if (cell) return cell;
  if (cell === undefined) return null;
  for (const line of view.cells.values())
    for (const other of line.values()) if (other && contains(other.bounds, row, column)) return other;
  return null;
}

export function WorkbookView({ store, limits = DEFAULT_LIMITS }: WorkbookViewProps) {
  const styles = useStyles();
  const version = useSyncExternalStore(store.subscribe, () => store.version);
  const state = store.fake.workbook;
  const baseId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const tabsRef = useRef<HTMLDivElement>(null);
  /** Set when the grid itself moves the selection, so that the new cell takes the focus (a goTo from the pane must not). */
  const focusGrid = useRef(false);
  const [editing, setEditingState] = useState<Editing | null>(null);
  // Blur, Enter and a click elsewhere may all end one edit: the ref lets only the first one commit it.
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };
  const [message, setMessage] = useState<string | null>(null);

  const visibleSheets = state.sheets.filter((sheet) => sheet.visibility === "Visible");
  const active = state.sheetById(state.activeSheetId);
  const selection = active && state.selected?.sheetId === active.id ? state.selected.bounds : null;
  const selectionKey = active && selection ? `${active.id}!${selectionAddress(selection)}` : null;

  // The state is mutable: `version` is what says it changed.
  const view = useMemo(
    () => (active ? sheetView(state, active, limits, selection) : null),
    [state, active, limits, selection, version],
  );

  const activeCell = view && selection ? cellAt(view, selection.r1, selection.c1) : null;

  useEffect(() => {
    if (!activeCell) {
      scrollerRef.current?.scrollTo?.({ top: 0, left: 0 });
      return;
    }
    const element = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${activeCell.address}"]`);
    if (!element) return;
    // jsdom has no scrollIntoView.
    if (typeof element.scrollIntoView === "function") element.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (focusGrid.current) {
      focusGrid.current = false;
      element.focus({ preventScroll: true });
    }
  }, [selectionKey, activeCell?.address]);

  /** Runs a change through the fake; a refusal shows above the grid. */
  const change = async (batch: (context: ExcelContext) => Promise<void>, describe: (error: unknown) => string) => {
    try {
      await store.run(batch);
      setMessage(null);
    } catch (error) {
      setMessage(describe(error));
    }
  };

  const select = (sheet: string, bounds: Bounds) => {
    const address = selectionAddress(bounds);
    // Only a move changes the selection key, which is what hands the focus over and resets this.
    focusGrid.current = `${state.sheetByName(sheet)?.id}!${address}` !== selectionKey;
    void change(
      async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(address).select();
        await context.sync();
      },
      (error) => `Lahtrit ${address} ei saanud valida: ${(error as Error).message}`,
    );
  };

  const activate = (sheet: string) => {
    if (sheet === active?.name) return;
    commit(false);
    void change(
      async (context) => {
        context.workbook.worksheets.getItem(sheet).activate();
        await context.sync();
      },
      (error) => `Lehte „${sheet}“ ei saanud avada: ${(error as Error).message}`,
    );
  };

  const startEditing = (cell: CellView, replace?: string) => {
    if (!active) return;
    const original = editText(cell.value, cell.formula, cell.numberFormat);
    setEditing({
      sheetId: active.id,
      cell,
      draft: replace ?? original,
      original: replace === undefined ? original : "",
    });
  };

  const cancel = () => {
    const current = editingRef.current;
    if (!current) return;
    setEditing(null);
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${current.cell.address}"]`)?.focus();
  };

  /** Writes the editor's text as typed; with `moveDown` (Enter) the cell below is selected after, as in Excel. */
  const commit = (moveDown: boolean) => {
    const current = editingRef.current;
    if (!current) return;
    setEditing(null);
    const sheet = state.sheetById(current.sheetId);
    if (!sheet) return;
    focusGrid.current = moveDown;
    const { address, bounds } = current.cell;
    const below = `${columnName(bounds.c1)}${bounds.r2 + 2}`;
    const unchanged = current.draft === current.original;
    if (unchanged && !moveDown) return;
    void change(
      async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet.name);
        if (!unchanged) worksheet.getRange(address).formulas = [[typedInput(current.draft)]];
        // After the write: Excel stops a batch at a refused action, so a refused write keeps the selection.
        if (moveDown) worksheet.getRange(below).select();
        await context.sync();
      },
      (error) => refusal(error, sheet.name, address, sheet.protection !== null),
    );
  };

  const clearSelection = () => {
    if (!active || !selection) return;
    const address = selectionAddress(selection);
    const rows = selection.r2 - selection.r1 + 1;
    const columns = selection.c2 - selection.c1 + 1;
    if (rows * columns > 100_000) return;
    void change(
      async (context) => {
        context.workbook.worksheets.getItem(active.name).getRange(address).formulas = Array.from({ length: rows }, () =>
          Array<string>(columns).fill(""),
        );
        await context.sync();
      },
      (error) => refusal(error, active.name, address, active.protection !== null),
    );
  };

  const onCellClick = (event: MouseEvent, cell: CellView) => {
    if (!active) return;
    commit(false);
    if (event.shiftKey && selection) {
      select(active.name, {
        r1: Math.min(selection.r1, cell.bounds.r1),
        c1: Math.min(selection.c1, cell.bounds.c1),
        r2: Math.max(selection.r1, cell.bounds.r2),
        c2: Math.max(selection.c1, cell.bounds.c2),
      });
    } else select(active.name, cell.bounds);
  };

  const onGridKeyDown = (event: KeyboardEvent) => {
    if (!active || !view || editingRef.current) return;
    const from = activeCell ?? cellAt(view, 0, view.columns[0]);
    if (!from) return;
    const { bounds } = from;
    const columnBefore = [...view.columns].reverse().find((column) => column < bounds.c1);
    const columnAfter = view.columns.find((column) => column > bounds.c2);
    const lastRow = view.rows.length - 1;
    const targets: Record<string, [number, number | undefined]> = {
      ArrowUp: [Math.max(0, bounds.r1 - 1), bounds.c1],
      ArrowDown: [Math.min(lastRow, bounds.r2 + 1), bounds.c1],
      ArrowLeft: [bounds.r1, columnBefore],
      ArrowRight: [bounds.r1, columnAfter],
      Tab: [bounds.r1, event.shiftKey ? columnBefore : columnAfter],
    };
    const target = targets[event.key];
    if (target) {
      const [row, column] = target;
      // Tab at the grid's edge leaves the grid, in the browser's focus order.
      if (column === undefined && event.key === "Tab") return;
      event.preventDefault();
      const cell = column === undefined ? from : cellAt(view, row, column);
      if (cell) select(active.name, cell.bounds);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      startEditing(from);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      clearSelection();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing into a selected cell replaces its content, as in Excel.
      event.preventDefault();
      startEditing(from, event.key);
    }
  };

  const onTabKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + visibleSheets.length) % visibleSheets.length;
    activate(visibleSheets[next].name);
    tabsRef.current?.querySelectorAll<HTMLElement>("[role=tab]")[next]?.focus();
  };

  const tabId = (index: number) => `${baseId}-tab-${index}`;
  const activeIndex = visibleSheets.findIndex((sheet) => sheet.id === active?.id);

  const status = view
    ? [
        view.clippedRows || view.clippedColumns
          ? `Näidatud ${view.rows.length} rida ja ${view.columns.length + view.hiddenColumns.length} veergu; ` +
            `peidetud ${view.clippedRows} rida ja ${view.clippedColumns} veergu.`
          : null,
        view.hiddenColumns.length ? `Peidetud veerud: ${view.hiddenColumns.join(", ")}.` : null,
        active?.protection ? "Leht on kaitstud." : null,
      ]
        .filter(Boolean)
        .join(" ")
    : "";

  return (
    <div className={styles.root}>
      <div className={styles.formulaBar}>
        <output className={styles.nameBox} aria-label="Nimeväli" data-testid="name-box">
          {selection ? selectionAddress(selection) : ""}
        </output>
        <output className={styles.formulaText} aria-label="Valemiriba" data-testid="formula-bar">
          {activeCell ? editText(activeCell.value, activeCell.formula, activeCell.numberFormat) : ""}
        </output>
      </div>
      {message && (
        <div className={styles.message} role="alert" data-testid="grid-message">
          <span className={styles.messageText}>{message}</span>
          <button type="button" className={styles.dismiss} aria-label="Sulge teade" onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      )}
      <div
        ref={scrollerRef}
        className={styles.scroller}
        role="tabpanel"
        aria-labelledby={activeIndex >= 0 ? tabId(activeIndex) : undefined}
      >
        {view ? (
          <table
            ref={tableRef}
            className={styles.table}
            role="grid"
            aria-label={view.name}
            aria-rowcount={view.rows.length + 1}
            aria-colcount={view.columns.length + 1}
            aria-multiselectable="true"
            // A fixed layout keeps the columns' widths only with the table's width given.
            style={{ width: `${ROW_HEADER_WIDTH + [...view.columnWidthsPx.values()].reduce((a, b) => a + b, 0)}px` }}
            onKeyDown={onGridKeyDown}
          >
            <colgroup>
              <col style={{ width: `${ROW_HEADER_WIDTH}px` }} />
              {view.columns.map((column) => (
                <col key={column} style={{ width: `${view.columnWidthsPx.get(column)}px` }} />
              ))}
            </colgroup>
            <thead>
              <tr role="row">
                <th className={mergeClasses(styles.columnHeader, styles.corner)} aria-label={view.name} />
                {view.columns.map((column) => (
                  <th
                    key={column}
                    role="columnheader"
                    scope="col"
                    data-column={columnName(column)}
                    className={mergeClasses(
                      styles.columnHeader,
                      selection !== null && column >= selection.c1 && column <= selection.c2 && styles.headerSelected,
                    )}
                  >
                    {columnName(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row} role="row" style={{ height: `${view.rowHeightsPx.get(row) ?? DEFAULT_ROW_HEIGHT_PX}px` }}>
                  <th
                    role="rowheader"
                    scope="row"
                    data-row={row + 1}
                    className={mergeClasses(
                      styles.rowHeader,
                      selection !== null && row >= selection.r1 && row <= selection.r2 && styles.headerSelected,
                    )}
                  >
                    {row + 1}
                  </th>
                  {view.columns.map((column) => {
                    const cell = view.cells.get(row)?.get(column);
                    if (!cell) return null;
                    const isEditing = editing?.sheetId === view.id && editing.cell.address === cell.address;
                    const isActive = activeCell?.address === cell.address;
                    const selected = selection !== null && intersects(cell.bounds, selection);
                    return (
                      <td
                        key={column}
                        role="gridcell"
                        data-cell={cell.address}
                        data-formula={
                          typeof cell.formula === "string" && cell.formula.startsWith("=") ? cell.formula : undefined
                        }
                        aria-selected={selected}
                        tabIndex={isActive || (!selection && row === 0 && column === view.columns[0]) ? 0 : -1}
                        rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                        colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                        className={styles.cell}
                        style={cellStyle(cell, selection, !isEditing)}
                        title={
                          typeof cell.formula === "string" && cell.formula.startsWith("=") ? cell.formula : undefined
                        }
                        onClick={(event) => onCellClick(event, cell)}
                        onDoubleClick={() => startEditing(cell)}
                      >
                        {isEditing ? (
                          <input
                            className={styles.editor}
                            data-testid="cell-editor"
                            aria-label={`Lahter ${cell.address}`}
                            autoFocus
                            value={editing.draft}
                            onChange={(event) => setEditing({ ...editing, draft: event.target.value })}
                            onBlur={() => commit(false)}
                            onKeyDown={(event) => {
                              event.stopPropagation();
                              if (event.key === "Enter") {
                                event.preventDefault();
                                commit(true);
                              } else if (event.key === "Escape") {
                                event.preventDefault();
                                cancel();
                              }
                            }}
                            onClick={(event) => event.stopPropagation()}
                            onDoubleClick={(event) => event.stopPropagation()}
                          />
                        ) : cell.overflowPx > 0 && cell.text ? (
                          // Runs on over the empty cells to the right and no further, above their fills.
                          <div className={styles.overflowText} style={{ width: `calc(100% + ${cell.overflowPx}px)` }}>
                            {cell.text}
                          </div>
                        ) : (
                          cell.text
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className={styles.empty}>Töövihikus pole ühtki nähtavat lehte.</p>
        )}
      </div>
      <div className={styles.bottom}>
        <div className={styles.tabs} role="tablist" aria-label="Lehed" ref={tabsRef}>
          {visibleSheets.map((sheet, index) => {
            const selected = sheet.id === active?.id;
            return (
              <button
                key={sheet.id}
                id={tabId(index)}
                type="button"
                role="tab"
                data-sheet={sheet.name}
                data-protected={sheet.protection ? "true" : undefined}
                aria-selected={selected}
                tabIndex={selected ? 0 : -1}
                className={mergeClasses(styles.tab, selected && styles.tabActive)}
                title={sheet.protection ? `${sheet.name} (kaitstud)` : undefined}
                onClick={() => activate(sheet.name)}
                onKeyDown={(event) => onTabKeyDown(event, index)}
              >
                {sheet.protection && <LockClosed12Regular aria-label="kaitstud" />}
                {sheet.name}
              </button>
            );
          })}
        </div>
        <div className={styles.status} data-testid="grid-status">
          {status}
        </div>
      </div>
    </div>
  );
}
