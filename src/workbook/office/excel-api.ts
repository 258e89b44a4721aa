/**
 * The part of the Excel JavaScript API (Office.js) that the adapter uses, as structural types: the real
 * `Excel.RequestContext` satisfies them, and so does our in-memory fake (src/workbook/fake), so the adapter
 * is tested without Excel. Semantics are Excel's: objects are proxies; properties must be `load`ed and the
 * context `sync`ed before they are read; writes are queued and sent at the next `sync`.
 */

export type ExcelValue = string | number | boolean;

export interface ExcelContext {
  workbook: ExcelWorkbook;
  application: { suspendApiCalculationUntilNextSync(): void };
  sync(): Promise<void>;
}

export interface ExcelWorkbook {
  worksheets: ExcelWorksheetCollection;
}

export interface ExcelWorksheetCollection {
  items: ExcelWorksheet[];
  load(propertyNames: string): ExcelWorksheetCollection;
  add(name: string): ExcelWorksheet;
  getItem(name: string): ExcelWorksheet;
  getItemOrNullObject(name: string): ExcelWorksheet;
}

export interface ExcelWorksheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  isNullObject: boolean;
  load(propertyNames: string): ExcelWorksheet;
  getRange(address: string): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  tables: { add(address: string, hasHeaders: boolean): { name: string } };
  freezePanes: { freezeRows(count: number): void };
  activate(): void;
  delete(): void;
}

export interface ExcelCellProperties {
  format?: {
    /** `pattern` "None" is no fill at all, which Excel also reports with color "#FFFFFF". */
    fill?: { color?: string; pattern?: string };
    font?: { color?: string; bold?: boolean; italic?: boolean };
    indentLevel?: number;
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
  format: {
    columnWidth: number;
    font: { bold: boolean; italic: boolean; color: string };
    fill: { color: string; clear(): void };
  };
  load(propertyNames: string): ExcelRange;
  getCellProperties(loadOptions: {
    format?: { fill?: { color?: boolean; pattern?: boolean }; font?: { color?: boolean; bold?: boolean } };
  }): { value: ExcelCellProperties[][] };
  setCellProperties(properties: ExcelCellProperties[][]): void;
  select(): void;
}
