/**
 * The one shape every importer gives its tables in (issue 15): a grid of cells, row by row, as the source lays them
 * out. Word's table cells, the PDF's cells rebuilt from its drawing, the selected range and the text's rows each
 * make one; the shared table stage (this folder) finds the header in it, assembles the schedule's rows, reads
 * amounts and dates, and words the diagnostics. The formats differ only in how they make the grid.
 */

/**
 * One cell: its value as the source gives it (a spreadsheet's number or date, or text) and, from a workbook, its
 * formula. The workbook adapters' `RawCell` is one, so a selection is handed over as it is.
 */
export interface GridCell {
  value: string | number | boolean | Date | null;
  formula?: string;
  /**
   * The cell only continues a vertical merge from the cell above (Word's vMerge), its value that cell's repeated:
   * the header names a column once, a body row keeps the value as its own.
   */
  mergedFromAbove?: boolean;
}

export interface GridRow {
  /** By column, left to right; a cell merged over several columns stands in its first, the others are null. */
  cells: Array<GridCell | null>;
  /**
   * Where the row is in its source, for diagnostics: the text's or the PDF's 1-based line (the row's first), the
   * Word document's paragraph line, the sheet's 1-based row number. Null when the source has no lines.
   */
  line: number | null;
  /** The source itself says the row is header (Word's "repeat as header row"), whatever its words. */
  header?: boolean;
}

export interface TableGrid {
  rows: GridRow[];
  /** The table's number from its caption ("Tabel 5. Tegevuste ajakava"), when the source has one. */
  table?: number;
}

/** A cell's text as the stage reads it: trimmed, null when empty. */
export function gridCellText(cell: GridCell | null | undefined): string | null {
  if (!cell || cell.value === null || cell.value === undefined) return null;
  const text = cell.value instanceof Date ? cell.value.toISOString() : String(cell.value);
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}
