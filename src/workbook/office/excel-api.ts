/**
 * The part of the Excel JavaScript API (Office.js) that the adapter uses, as structural types: the real
 * `Excel.RequestContext` satisfies them, and so does our in-memory fake (src/workbook/fake), so the adapter
 * is tested without Excel. Semantics are Excel's: objects are proxies; properties must be `load`ed and the
 * context `sync`ed before they are read; writes are queued and sent at the next `sync`.
 */

export type ExcelValue = string | number | boolean;

/**
 * The newest Excel API set the adapter calls: 1.9 for Range.getCellProperties/setCellProperties and
 * Worksheet.pageLayout (@types/office-js "[Api set: ExcelApi 1.9]"); manifest.xml's <Requirements> names the same.
 */
export const REQUIRED_EXCEL_API = { name: "ExcelApi", version: "1.9" } as const;

export interface ExcelContext {
  workbook: ExcelWorkbook;
  application: ExcelApplication;
  sync(): Promise<void>;
}

/** Excel.Application, the part we use. */
export interface ExcelApplication {
  /**
   * ExcelApi 1.1 to read, 1.8 to set. "Manual, where calculation is done when the user requests it"; a runtime
   * property, "not persisted in the workbook".
   */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual";
  load(propertyNames: string): ExcelApplication;
  /** ExcelApi 1.1: "Recalculate all currently opened workbooks in Excel." */
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void;
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
}

/** Excel.WorkbookProtection (ExcelApi 1.7): the protection of the workbook's structure. */
export interface ExcelWorkbookProtection {
  protected: boolean;
  load(propertyNames: string): ExcelWorkbookProtection;
  /** "Protects the workbook. Fails if the workbook has been protected." */
  protect(password?: string): void;
  unprotect(password?: string): void;
}

export interface ExcelWorkbook {
  worksheets: ExcelWorksheetCollection;
  /** While `protected`, Excel refuses adding, deleting, renaming, moving, hiding and showing sheets. */
  protection: ExcelWorkbookProtection;
  /** The active sheet's selected range (one area; Excel refuses a multi-area selection here). */
  getSelectedRange(): ExcelRange;
}

export interface ExcelWorksheetCollection {
  items: ExcelWorksheet[];
  load(propertyNames: string): ExcelWorksheetCollection;
  add(name: string): ExcelWorksheet;
  /** By the sheet's name or its id. */
  getItem(key: string): ExcelWorksheet;
  getItemOrNullObject(key: string): ExcelWorksheet;
  getActiveWorksheet(): ExcelWorksheet;
}

export interface ExcelWorksheet {
  /** Stays with the sheet through renames and moves. */
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** 0-based among all sheets, hidden ones included; setting it moves the sheet. */
  position: number;
  isNullObject: boolean;
  load(propertyNames: string): ExcelWorksheet;
  /** Without an address, the whole sheet ("If not specified, the entire worksheet range is returned."). */
  getRange(address?: string): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  tables: {
    add(address: string, hasHeaders: boolean): ExcelTable;
    /** ExcelApi 1.1: the sheet's tables in order. */
    getItemAt(index: number): ExcelTable;
  };
  freezePanes: { freezeRows(count: number): void };
  pageLayout: ExcelPageLayout;
  protection: ExcelWorksheetProtection;
  activate(): void;
  delete(): void;
}

export interface ExcelTable {
  name: string;
  load(propertyNames: string): ExcelTable;
  /**
   * ExcelApi 1.1: "Adds one or more rows to the table"; with no index, "the addition happens at the end". Its
   * `count` (ExcelApi 1.1): "Returns the number of rows in the table", the header not counted.
   */
  rows: { add(index?: number | null): void; count: number; load(propertyNames: string): ExcelTable["rows"] };
  /** ExcelApi 1.2: sorts the table's data rows; `key` is the column's offset in the table. */
  sort: { apply(fields: ExcelSortField[], matchCase?: boolean): void };
}

/** Excel.PageLayout (ExcelApi 1.9). Margins are in points unless set through `setPrintMargins` with a unit. */
export interface ExcelPageLayout {
  orientation: "Portrait" | "Landscape";
  /** Excel.PaperType: "A4", "Letter", … */
  paperSize: string;
  /** Set as a whole object: Office.js ignores `zoom.scale = …` on the proxy. 0 pages tall is "automatic". */
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  headersFooters: { defaultForAllPages: { leftFooter: string; rightFooter: string } };
  /** In points; read after `load` (the self-test checks what setPrintMargins stored). */
  readonly leftMargin: number;
  readonly topMargin: number;
  load(propertyNames: string): ExcelPageLayout;
  /** Whole rows only: "$9:$10". */
  setPrintTitleRows(printTitleRows: string): void;
  setPrintMargins(
    unit: "Points" | "Inches" | "Centimeters",
    marginOptions: { top?: number; bottom?: number; left?: number; right?: number; header?: number; footer?: number },
  ): void;
}

/** Excel.WorksheetProtectionOptions: what users may still do on the protected sheet. */
export interface ExcelProtectionOptions {
  allowAutoFilter?: boolean;
  allowDeleteColumns?: boolean;
  allowDeleteRows?: boolean;
  allowEditObjects?: boolean;
  allowEditScenarios?: boolean;
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertColumns?: boolean;
  allowInsertHyperlinks?: boolean;
  allowInsertRows?: boolean;
  allowPivotTables?: boolean;
  allowSort?: boolean;
  selectionMode?: "Normal" | "Unlocked" | "None";
}

export interface ExcelWorksheetProtection {
  protected: boolean;
  load(propertyNames: string): ExcelWorksheetProtection;
  /** Documented to fail on a sheet already protected. */
  protect(options?: ExcelProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
}

/** Excel.CellBorder: one edge as `setCellProperties` takes it. */
export interface ExcelCellBorder {
  style?: "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot";
  weight?: "Hairline" | "Thin" | "Medium" | "Thick";
  color?: string;
}

export type ExcelHorizontalAlignment =
  "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed";
export type ExcelVerticalAlignment = "Top" | "Center" | "Bottom" | "Justify" | "Distributed";

/** Excel.SettableCellProperties, the part we use: Excel.CellPropertiesFormat's fields by their Office.js names. */
export interface ExcelCellProperties {
  format?: {
    /** `pattern` "None" is no fill at all, which Excel also reports with color "#FFFFFF". */
    fill?: { color?: string; pattern?: string };
    font?: { color?: string; bold?: boolean; italic?: boolean; size?: number };
    indentLevel?: number;
    wrapText?: boolean;
    horizontalAlignment?: ExcelHorizontalAlignment;
    verticalAlignment?: ExcelVerticalAlignment;
    /** Excel.CellBorderCollection: keyed top/bottom/left/right (not EdgeTop…, which name `RangeBorder` items). */
    borders?: { top?: ExcelCellBorder; bottom?: ExcelCellBorder; left?: ExcelCellBorder; right?: ExcelCellBorder };
  };
}

/** Excel.CellPropertiesLoadOptions, the part we (and the self-test's probes) ask for. */
export interface ExcelCellPropertiesLoadOptions {
  format?: {
    fill?: { color?: boolean; pattern?: boolean };
    font?: { color?: boolean; bold?: boolean; italic?: boolean; size?: boolean };
    horizontalAlignment?: boolean;
    verticalAlignment?: boolean;
    wrapText?: boolean;
    indentLevel?: boolean;
    /** Excel.CellPropertiesBorderLoadOptions: which fields of every edge to read. */
    borders?: { style?: boolean; weight?: boolean; color?: boolean };
  };
}

export interface ExcelRange {
  address: string;
  rowCount: number;
  columnCount: number;
  values: ExcelValue[][];
  formulas: ExcelValue[][];
  numberFormat: string[][];
  isNullObject: boolean;
  columnHidden: boolean;
  /** The sheet the range is on. */
  worksheet: ExcelWorksheet;
  format: {
    columnWidth: number;
    /** In points, for every row of the range. */
    rowHeight: number;
    font: { bold: boolean; italic: boolean; color: string };
    fill: { color: string; clear(): void };
  };
  load(propertyNames: string): ExcelRange;
  getCellProperties(loadOptions: ExcelCellPropertiesLoadOptions): { value: ExcelCellProperties[][] };
  setCellProperties(properties: ExcelCellProperties[][]): void;
  /** ExcelApi 1.6: "The collection of `ConditionalFormats` that intersect the range." */
  conditionalFormats: ExcelConditionalFormatCollection;
  /**
   * ExcelApi 1.1: inserts cells in place of the range, shifting the others ("Down": the cells below, with their
   * formats; references to them follow). Returns the range at the now blank space.
   */
  insert(shift: "Down" | "Right"): ExcelRange;
  /** ExcelApi 1.1: "Deletes the cells associated with the range"; "Up" shifts the cells below up. */
  delete(shift: "Up" | "Left"): void;
  /** ExcelApi 1.2. */
  sort: ExcelRangeSort;
  /** `across` true merges each row of the range separately. */
  merge(across?: boolean): void;
  unmerge(): void;
  select(): void;
}

/** Excel.SortField, the part we use: `key` is the column's offset within the range (or table). */
export interface ExcelSortField {
  key: number;
  ascending?: boolean;
}

/** Excel.Table, the part we use. */

/** Excel.RangeSort (ExcelApi 1.2). */
export interface ExcelRangeSort {
  apply(fields: ExcelSortField[], matchCase?: boolean, hasHeaders?: boolean, orientation?: "Rows" | "Columns"): void;
}

/** Excel.ConditionalFormatCollection (ExcelApi 1.6). */
export interface ExcelConditionalFormatCollection {
  items: ExcelConditionalFormat[];
  /** "items/type,items/customOrNullObject/rule/formula": paths on the items. */
  load(propertyNames: string): ExcelConditionalFormatCollection;
  /** "Adds a new conditional format to the collection at the first/top priority." */
  add(type: "Custom"): ExcelConditionalFormat;
}

/** Excel.ConditionalFormat (ExcelApi 1.6), the custom (formula) kind. */
export interface ExcelConditionalFormat {
  readonly id: string;
  readonly type: string;
  /** "Returns the custom conditional format properties if the current conditional format is a custom type." */
  custom: ExcelCustomConditionalFormat;
  /** As `custom`, a null object for a format of another type. */
  customOrNullObject: ExcelCustomConditionalFormat;
  delete(): void;
}

export interface ExcelCustomConditionalFormat {
  isNullObject: boolean;
  /** The formula, with "=", relative to the top-left cell of the range the format applies to. */
  rule: { formula: string };
  format: { fill: { color: string; clear(): void } };
}
