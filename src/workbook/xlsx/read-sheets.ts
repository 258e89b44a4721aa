import ExcelJS from "exceljs";
import { RawCell, RawSheet, isDate } from "../model";

/* Reading a workbook's cells with ExcelJS and nothing else (no file system), for the command line's port. */

/**
 * Every sheet's cells as raw grids. `asSaved` reads a workbook changed in memory as the same workbook would read
 * once saved and loaded: ExcelJS makes a number under a date format a Date only when it loads a file, so a date
 * written as its serial (as Seaded's are) would otherwise read as a number until the file is saved.
 */
export function readSheets(workbook: ExcelJS.Workbook, options: { asSaved?: boolean } = {}): RawSheet[] {
  const date1904 = Boolean(workbook.properties?.date1904);
  return workbook.worksheets.map((worksheet) => {
    const rows: Array<Array<RawCell | null>> = [];
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: Array<RawCell | null> = [];
      let saved = 0;
      row.eachCell({ includeEmpty: true }, (excelCell, columnNumber) => {
        // ExcelJS does not save an empty cell of the default format (one a mark was taken off, say): a row read
        // from the file ends at its last saved cell, the gaps before it reading as empty.
        if (!(excelCell.type === ExcelJS.ValueType.Null && isDefaultStyle(excelCell.style))) saved = columnNumber;
        // A formula's value object drops a result of 0 (ExcelJS keeps truthy fields only): ask the cell.
        const formula = excelCell.formula;
        let raw = formula ? { value: plainResult(excelCell.result), formula } : toRawCell(excelCell.value);
        // A merged cell shows its master's value, which the loader converts by the master's format.
        if (options.asSaved && typeof raw?.value === "number" && isLoadedAsDate(excelCell.master.numFmt))
          raw = { ...raw, value: loadedDate(raw.value, date1904) };
        cells[columnNumber - 1] = raw;
      });
      if (options.asSaved) cells.length = Math.min(cells.length, saved);
      rows[rowNumber - 1] = cells;
    });
    const hidden = worksheet.state === "hidden" || worksheet.state === "veryHidden";
    return hidden ? { name: worksheet.name, rows, hidden } : { name: worksheet.name, rows };
  });
}

/** ExcelJS 4.4's own test (utils.isDateFmt) for a format whose numbers it loads as Dates, letter for letter. */
function isLoadedAsDate(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/**
 * Whether ExcelJS saves a cell of this style with the default format, leaving an empty one out: nothing but a
 * "General" number format or no fill. Loaded styles carry their default font and border, so they count as set,
 * which errs towards keeping the cell.
 */
function isDefaultStyle(style: Partial<ExcelJS.Style> | undefined): boolean {
  return Object.entries(style ?? {}).every(
    ([key, value]) =>
      value === undefined ||
      (key === "numFmt" && value === "General") ||
      (key === "fill" &&
        (value as ExcelJS.Fill).type === "pattern" &&
        (value as ExcelJS.FillPattern).pattern === "none"),
  );
}

/** The Date ExcelJS's loader makes of a serial (utils.excelToDate). */
function loadedDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function plainResult(result: unknown): RawCell["value"] {
  if (result === undefined || result === null) return null;
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean" || isDate(result))
    return result;
  return null;
}

function toRawCell(value: ExcelJS.CellValue): RawCell | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return { value };
  if (isDate(value)) return { value };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const formula = "formula" in value ? value.formula : (value as ExcelJS.CellSharedFormulaValue).sharedFormula;
      const result = (value as ExcelJS.CellFormulaValue).result;
      const plain = result === undefined || (typeof result === "object" && !isDate(result)) ? null : result;
      return { value: plain, formula };
    }
    if ("richText" in value) return { value: value.richText.map((part) => part.text).join("") };
    if ("text" in value) return { value: String((value as ExcelJS.CellHyperlinkValue).text) };
    if ("error" in value) return { value: String(value.error) };
  }
  return { value: String(value) };
}
