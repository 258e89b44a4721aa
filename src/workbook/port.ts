import { CellModel, RawCell, RawSheet, WorkbookModel } from "./model";
import type { CellUpdate } from "./settings";

/**
 * The workbook port: what the use cases (`src/app/`) ask of a workbook, whichever holds it. Three adapters have it:
 * the Office.js adapter over the open workbook in Excel (`office/`), the same adapter over the Excel fake in the
 * preview and the tests (`fake/`), and an .xlsx file through ExcelJS for the command line (`xlsx/`).
 */
export interface WorkbookPort {
  listSheets(): Promise<string[]>;
  /** `cells` are written in the same batch as the sheets: both land, or neither. */
  writeWorkbook(
    model: WorkbookModel,
    conflicts?: Record<string, SheetConflict>,
    cells?: CellWrites,
  ): Promise<WriteResult>;
  readWorkbook(): Promise<RawSheet[]>;
  /**
   * Marks the cells of the findings by severity, as a layer of conditional formats that `clearMarks` takes off (no
   * cell's own fill is touched); the number of cells marked. Marking again replaces the earlier marks.
   */
  markFindings(findings: readonly CellFinding[]): Promise<number>;
  /**
   * Reads the workbook as `readWorkbook` and marks what `findingsOf` finds in it, in one go: the one-click check
   * (in Excel one run of 3 syncs where `readWorkbook` then `markFindings` took 5).
   */
  readAndMark(
    findingsOf: (sheets: RawSheet[]) => readonly CellFinding[],
  ): Promise<{ sheets: RawSheet[]; marked: number }>;
  /** Takes off our marks and nothing else; the number of marks taken off. */
  clearMarks(): Promise<number>;
  rewriteFormulas(formulas: FormulaWrite[]): Promise<RewriteResult>;
  goTo(position: { sheet?: string; cell?: string }): Promise<void>;
  /**
   * Writes generated sheets (`isGeneratedSheet`: lisa 2's, Muudatused), each replacing the sheet of its name in that
   * sheet's place; refuses any other kind of sheet.
   */
  writeAnnexSheets(model: WorkbookModel): Promise<AnnexResult>;
  writeCells(sheet: string, updates: CellUpdate[]): Promise<void>;
  /** Cells of several sheets in one batch: all of them land, or none (an edit of two schedules and Koond). */
  writeCellsOnSheets(writes: readonly CellWrites[]): Promise<void>;
  /**
   * Inserts or deletes whole rows of one sheet, with cells written before and after, in one batch: all of it lands,
   * or the workbook is as it was (an activity added to a schedule or removed from it). References elsewhere follow
   * the rows, as Excel makes them follow any inserted or deleted row.
   */
  editRows(edit: RowsEdit): Promise<void>;
  /** The selected range; `refuse` sees how many cells would be read, before they are, and may throw. */
  readSelection(refuse?: (cells: number) => void): Promise<SelectionCells>;
}

/**
 * How bad a marked cell's finding is: the checks' severities, spelled here so the workbook needs no checks; and
 * "change", a cell an amendment changed (the comparison with the approved version), in a colour of its own.
 */
export type MarkSeverity = "error" | "warning" | "info" | "change";

/** A finding as marking sees it: its cell (set by `locateFindings`) and its severity. */
export interface CellFinding {
  severity: MarkSeverity;
  position: { sheet?: string; cell?: string };
}

/**
 * A roll-up formula to write (without "="). `result` is what it computes, for a file that no engine recalculates
 * before it is read again; Excel computes its own and ignores it.
 */
export interface FormulaWrite {
  sheet: string;
  cell: string;
  formula: string;
  result?: number | null;
}

/** What to do with a sheet of the new workbook whose name is taken. */
export type SheetConflict = "replace" | "keep-both";

export interface WriteResult {
  /** The sheets written, by the model's name → the name they got. */
  sheets: Record<string, string>;
  /** Old sheets kept as backups before being replaced: their new names. */
  backups: string[];
}

export interface AnnexResult {
  /** The annex sheets written, in the model's order. */
  sheets: string[];
  /** Those of them that replaced a sheet of the same name. */
  replaced: string[];
}

export interface RewriteResult {
  changed: number;
  /** The hidden sheet holding what the rewritten cells held before, or null when nothing changed. */
  backup: string | null;
}

/** Cells of one sheet to write along with the sheets of `writeWorkbook`. */
export interface CellWrites {
  sheet: string;
  updates: CellUpdate[];
}

/** The selected range as read: its sheet, its address without the sheet ("D5:H40") and its cells. */
export interface SelectionCells {
  sheet: string;
  address: string;
  cells: Array<Array<RawCell | null>>;
}

/**
 * Whole rows of one sheet, 1-based as Excel numbers them: `count` new rows at `at` (what stood there moves down),
 * with their cells; or the rows `first`…`first + count - 1` deleted (what stood below moves up).
 */
export type RowsChange =
  | {
      kind: "insert";
      sheet: string;
      at: number;
      count: number;
      /**
       * The rows go below the last row of the sheet's first table, which takes them in; a row inserted below a table
       * would stay outside it.
       */
      appendToTable: boolean;
      /** The new rows' cells, from column A. */
      rows: Array<Array<CellModel | null>>;
      /** Heights in points of the new rows that need one, by their row number. */
      heights: Record<number, number>;
    }
  | { kind: "delete"; sheet: string; first: number; count: number };

export interface RowsEdit {
  /** Written first, in the cells as they stand before the rows change. */
  before: readonly CellWrites[];
  change: RowsChange;
  /** Written last, in the cells as they stand after (an insertion only: after a deletion there is nothing to add). */
  after: readonly CellWrites[];
}
