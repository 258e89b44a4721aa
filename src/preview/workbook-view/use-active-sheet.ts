import { useMemo, useSyncExternalStore } from "react";
import { Bounds, contains } from "../../workbook/fake";
import { CellView, GridLimits, selectionAddress, SheetView, sheetView } from "../sheet-view";
import type { PreviewWorkbook } from "../store";

export type WorkbookState = PreviewWorkbook["fake"]["workbook"];
export type Sheet = WorkbookState["sheets"][number];

/** What the grid shows of the workbook at this render: the active sheet, its view and the selection on it. */
export interface ActiveSheet {
  state: WorkbookState;
  /** The tabs: hidden and very hidden sheets have none. */
  visibleSheets: Sheet[];
  active: Sheet | undefined;
  /** The selection, when it is on the active sheet. */
  selection: Bounds | null;
  /** "sheet id!A1:B2": changes when, and only when, the selection moves. */
  selectionKey: string | null;
  /** Null when no sheet is visible. */
  view: SheetView | null;
  /** The cell drawn at the selection's top left corner. */
  activeCell: CellView | null;
}

/** The cell drawn at a position: the cell itself, or the merged area covering it. */
export function cellAt(view: SheetView, row: number, column: number): CellView | null {
  const cell = view.cells.get(row)?.get(column);
  if (cell) return cell;
  if (cell === undefined) return null;
  for (const line of view.cells.values())
    for (const other of line.values()) if (other && contains(other.bounds, row, column)) return other;
  return null;
}

/** Reads the workbook afresh after every batch that `store.run` ends. */
export function useActiveSheet(store: PreviewWorkbook, limits: GridLimits): ActiveSheet {
  const version = useSyncExternalStore(store.subscribe, () => store.version);
  const state = store.fake.workbook;

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
  return { state, visibleSheets, active, selection, selectionKey, view, activeCell };
}
