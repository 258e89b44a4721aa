/**
 * A workbook as plain data: what the canonical layout puts in each cell. Adapters render it (ExcelJS into a
 * file, Office.js into the open workbook) and read cells back into `RawCell` grids.
 */

export type CellValue = string | number | boolean | null;

export interface CellModel {
  value: CellValue;
  /** Without the leading "="; `value` then holds the result the formula is expected to give. */
  formula?: string;
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  indent?: number;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  /** A thin border on all four sides, as the annex tables have. */
  border?: boolean;
  /** Background colour, "#RRGGBB". */
  fill?: string;
  /** Font colour, "#RRGGBB". */
  color?: string;
  /** Font size in points. */
  size?: number;
}

export interface TableModel {
  name: string;
  /** 1-based row of the header; the table spans `columns.length` columns from A. */
  headerRow: number;
  lastRow: number;
  columns: string[];
}

export type SheetKind = "schedule" | "summary" | "settings" | "indicators" | "annex" | "changes";

/**
 * Sheets made whole from the plan each time (lisa 2's, the change table): writing them again replaces the old ones
 * in their place, with no backup, as nothing of the officer's is kept on them but what the writer carries over.
 */
export const isGeneratedSheet = (kind: SheetKind): boolean => kind === "annex" || kind === "changes";

export interface SheetModel {
  name: string;
  kind: SheetKind;
  /** Row 1 first; a row is an array of cells from column A, null where empty. */
  rows: Array<Array<CellModel | null>>;
  widths: number[];
  hiddenColumns: number[];
  table?: TableModel;
  /** Rows above this (1-based) stay in view when scrolling. */
  freezeRows?: number;
  /** Row heights in points, by 1-based row, where text wraps in merged cells (Excel does not fit those). */
  rowHeights?: Record<number, number>;
  /** Merged ranges ("A1:D1"). */
  merges?: string[];
  /** Page setup for printing: A4, fitted to the page width, header rows repeated on every page. */
  print?: PrintSetup;
  /** Protected against accidental typing (no password: a generated sheet, not a secret). */
  protect?: boolean;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Rows repeated at the top of every printed page, 1-based, inclusive. */
  repeatRows?: [number, number];
}

export interface WorkbookModel {
  sheets: SheetModel[];
}

/** A cell as an adapter reads it back: its value (a formula's cached result) and its formula, if any. */
export interface RawCell {
  value: CellValue | Date;
  formula?: string;
}

/** A sheet read back: its rows of cells from A1, as far as the used range goes. */
export interface RawSheet {
  name: string;
  rows: Array<Array<RawCell | null>>;
  /**
   * Hidden (or very hidden) in the workbook, which the officer does not see: set only then. An officer's own
   * workbook is read for its visible sheets' tables; ours reads its sheets whatever their state.
   */
  hidden?: true;
}

export const cell = (value: CellValue, style: Omit<CellModel, "value"> = {}): CellModel => ({ value, ...style });

/** A Date from any realm (ExcelJS's, a test sandbox's, a frame's): `instanceof` fails across realms. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}
