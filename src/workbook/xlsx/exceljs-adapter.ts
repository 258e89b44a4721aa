import ExcelJS from "exceljs";
import { CellModel, RawSheet, SheetModel, WorkbookModel } from "../model";
import { writeFileAtomically } from "./atomic-file";
import { readSheets } from "./read-sheets";

export { readSheets } from "./read-sheets";

/**
 * The .xlsx adapter, for the CLI and tests: renders the canonical workbook with ExcelJS and reads any
 * workbook's cells back. Formulas are written with their expected result, so that a viewer that does not
 * recalculate still shows the totals; Excel and LibreOffice recalculate them on opening.
 */
export async function writeWorkbookFile(model: WorkbookModel, file: string): Promise<void> {
  writeFileAtomically(file, await writeWorkbookBuffer(model));
}

export async function writeWorkbookBuffer(model: WorkbookModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "tat-budget";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of model.sheets) renderSheet(workbook, sheet);
  await protectSheets(workbook, model);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Adds one canonical sheet to the workbook, after the others; the name must be free. */
export function renderSheet(workbook: ExcelJS.Workbook, sheet: SheetModel): void {
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: sheet.freezeRows ? [{ state: "frozen", ySplit: sheet.freezeRows }] : [],
  });
  sheet.widths.forEach((width, index) => {
    const column = worksheet.getColumn(index + 1);
    column.width = width;
    if (sheet.hiddenColumns.includes(index)) column.hidden = true;
  });
  if (sheet.table && sheet.table.lastRow > sheet.table.headerRow) {
    const { table } = sheet;
    worksheet.addTable({
      name: table.name,
      ref: `A${table.headerRow}`,
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: table.columns.map((name) => ({ name, filterButton: true })),
      rows: sheet.rows
        .slice(table.headerRow, table.lastRow)
        .map((row) => table.columns.map((_, index) => toExcelValue(row[index] ?? null))),
    });
  }
  sheet.rows.forEach((row, rowIndex) => {
    row.forEach((model, columnIndex) => {
      if (!model) return;
      const target = worksheet.getCell(rowIndex + 1, columnIndex + 1);
      const inTable = sheet.table && rowIndex + 1 > sheet.table.headerRow && rowIndex + 1 <= sheet.table.lastRow;
      if (!inTable || rowIndex + 1 === sheet.table?.headerRow) target.value = toExcelValue(model);
      styleCell(target, model);
    });
  });
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) worksheet.getRow(Number(row)).height = height;
  for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  if (sheet.print) {
    worksheet.pageSetup = {
      ...worksheet.pageSetup,
      paperSize: 9, // A4
      orientation: sheet.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: sheet.print.repeatRows ? `${sheet.print.repeatRows[0]}:${sheet.print.repeatRows[1]}` : undefined,
    };
    worksheet.headerFooter = { oddFooter: "&L&A&R&P / &N" };
  }
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const THIN = { style: "thin" } as const;

export function styleCell(target: ExcelJS.Cell, model: CellModel): void {
  if (model.numFmt) target.numFmt = model.numFmt;
  if (model.bold || model.italic || model.color || model.size)
    target.font = {
      bold: model.bold,
      italic: model.italic,
      ...(model.color ? { color: { argb: argb(model.color) } } : {}),
      ...(model.size ? { size: model.size } : {}),
    };
  if (model.indent || model.wrap || model.align || model.border)
    target.alignment = {
      indent: model.indent,
      wrapText: model.wrap,
      horizontal: model.align,
      // Table cells of several lines read from the top, like the Word tables they stand for.
      vertical: model.wrap || model.border ? "top" : undefined,
    };
  if (model.border) target.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (model.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(model.fill) } };
}

/** Locks a generated sheet against accidental typing; selecting and widening columns stay allowed. */
export async function protectSheets(workbook: ExcelJS.Workbook, model: WorkbookModel): Promise<void> {
  for (const sheet of model.sheets) {
    const worksheet = workbook.getWorksheet(sheet.name);
    if (sheet.protect && worksheet)
      await worksheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  }
}

export function toExcelValue(model: CellModel | null): ExcelJS.CellValue {
  if (!model) return null;
  if (model.formula) return { formula: model.formula, result: model.value ?? undefined } as ExcelJS.CellFormulaValue;
  return model.value;
}

export async function readWorkbookFile(file: string): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return readSheets(workbook);
}

export async function readWorkbookBuffer(buffer: Buffer): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  return readSheets(workbook);
}
