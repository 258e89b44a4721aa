"use strict";
/* eslint-disable office-addins/no-context-sync-in-loop -- this adapter syncs in loops on purpose: it is the
   first attempt that OfficeWorkbookAdapter is measured against. */
/**
 * The Office operations as a first attempt writes them: the same Office.js calls and the same outcome as
 * OfficeWorkbookAdapter (the bench compares the two workbooks cell by cell), but a range per cell and a
 * `context.sync()` per row written or read, per cell looked at, and per sheet's layout. It covers the paths the
 * bench measures (a workbook written into a new one, marks on unprotected sheets, a rewrite, a first lisa 2) and
 * refuses what it does not (a sheet name that is taken).
 */
const { project } = require("./modules");
const { columnLetter, LISA2_SHEET } = project("workbook/layout");
// The same cell formats as the adapter sends: the baseline differs in how often it calls Excel, not in what it writes.
const { MARKS_SHEET, cellProperties, renameSheets } = project("workbook/office/office-adapter");

const MARK_FILL = { error: "#F8CBAD", warning: "#FFE699", info: "#DDEBF7" };
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };

const lower = (name) => name.toLocaleLowerCase("et");
const cellKey = ({ sheet, cell }) => `${lower(sheet)}\u0000${cell}`;

/** One sheet: every cell on its own, a sync after each row, then the sheet's layout and a sync. */
async function writeSheet(context, worksheet, sheet) {
  // A loop, not Math.max(...rows): spreading some 200 000 arguments overflows the stack.
  const width = sheet.rows.reduce((widest, row) => Math.max(widest, row.length), Math.max(1, sheet.widths.length));
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    for (let c = 0; c < width; c++) {
      const model = row[c] ?? null;
      const range = worksheet.getRange(`${columnLetter(c)}${r + 1}`);
      range.numberFormat = [[model?.numFmt ?? (typeof model?.value === "string" && !model.formula ? "@" : "General")]];
      range.formulas = [[model?.formula ? `=${model.formula}` : (model?.value ?? "")]];
      const properties = cellProperties(model);
      if (properties.format) range.setCellProperties([[properties]]);
    }
    await context.sync();
  }
  sheet.widths.forEach((columnWidth, column) => {
    const range = worksheet.getRange(`${columnLetter(column)}:${columnLetter(column)}`);
    range.format.columnWidth = Math.round(columnWidth * 5.6);
    if (sheet.hiddenColumns.includes(column)) range.columnHidden = true;
  });
  if (sheet.table && sheet.table.lastRow > sheet.table.headerRow) {
    worksheet.tables.add(
      `A${sheet.table.headerRow}:${columnLetter(sheet.table.columns.length - 1)}${sheet.table.lastRow}`,
      true,
    );
  }
  if (sheet.freezeRows) worksheet.freezePanes.freezeRows(sheet.freezeRows);
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
    worksheet.getRange(`${row}:${row}`).format.rowHeight = height;
  }
  for (const merged of sheet.merges ?? []) worksheet.getRange(merged).merge(false);
  if (sheet.print) {
    const layout = worksheet.pageLayout;
    layout.orientation = sheet.print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.setPrintMargins("Inches", { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 });
    if (sheet.print.repeatRows) layout.setPrintTitleRows(`$${sheet.print.repeatRows[0]}:$${sheet.print.repeatRows[1]}`);
    layout.headersFooters.defaultForAllPages.leftFooter = "&A";
    layout.headersFooters.defaultForAllPages.rightFooter = "&P / &N";
  }
  if (sheet.protect) worksheet.protection.protect({ allowFormatColumns: true, selectionMode: "Normal" });
  await context.sync();
}

/** writeWorkbook into a workbook that has none of the model's sheet names. */
async function writeWorkbook(context, model) {
  const collection = context.workbook.worksheets.load("items/name");
  await context.sync();
  const taken = new Set(collection.items.map((sheet) => lower(sheet.name)));
  const clash = model.sheets.find((sheet) => taken.has(lower(sheet.name)));
  if (clash) throw new Error(`The naive adapter does not replace sheets: "${clash.name}" is taken.`);
  const worksheets = model.sheets.map((sheet) => context.workbook.worksheets.add(sheet.name));
  await context.sync();
  for (let index = 0; index < model.sheets.length; index++) {
    await writeSheet(context, worksheets[index], model.sheets[index]);
  }
  return { sheets: Object.fromEntries(model.sheets.map((sheet) => [sheet.name, sheet.name])), backups: [] };
}

/** readWorkbook: each sheet's used range, then every cell of it on its own, a sync per row. */
async function readWorkbook(context) {
  const collection = context.workbook.worksheets.load("items/name");
  await context.sync();
  const sheets = [];
  for (const worksheet of collection.items.filter((sheet) => sheet.name !== MARKS_SHEET)) {
    const sheet = { name: worksheet.name, rows: [] };
    sheets.push(sheet);
    const used = worksheet.getUsedRangeOrNullObject().load("address,rowCount,columnCount");
    await context.sync();
    if (used.isNullObject) continue;
    const match = /!\$?([A-Z]+)\$?(\d+)/.exec(used.address);
    const left = [...match[1]].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
    const top = Number(match[2]);
    for (let r = 0; r < used.rowCount; r++) {
      const cells = [];
      for (let c = 0; c < used.columnCount; c++) {
        cells.push(worksheet.getRange(`${columnLetter(left + c)}${top + r}`).load("values,formulas"));
      }
      await context.sync();
      const row = (sheet.rows[top - 1 + r] ??= []);
      cells.forEach((cell, c) => {
        const value = cell.values[0][0];
        const formula = cell.formulas[0][0];
        const isFormula = typeof formula === "string" && formula.startsWith("=");
        if (!isFormula && (value === "" || value === null)) return;
        row[left + c] = isFormula ? { value: value === "" ? null : value, formula: formula.slice(1) } : { value };
      });
    }
  }
  return sheets;
}

/** The hidden sheet of saved fills and its rows, read in one sync. */
async function loadSaved(context) {
  const collection = context.workbook.worksheets.load("items/name,protection/protected");
  const sheet = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true).load("values");
  await context.sync();
  const locked = new Map(collection.items.map((item) => [lower(item.name), item.protection.protected]));
  const entries =
    sheet.isNullObject || used.isNullObject
      ? []
      : used.values.slice(1).map((row) => ({
          sheet: String(row[0]),
          cell: String(row[1]),
          fill: String(row[2]),
          pattern: String(row[3]),
        }));
  const length = sheet.isNullObject || used.isNullObject ? 0 : used.values.length;
  return { sheet, entries, length, locked };
}

/** Each saved fill put back, a sync per cell. */
async function restoreFills(context, entries) {
  for (const entry of entries) {
    const range = context.workbook.worksheets.getItem(entry.sheet).getRange(entry.cell);
    if (entry.pattern === "None") range.format.fill.clear();
    else range.format.fill.color = entry.fill;
    await context.sync();
  }
}

/** The list of saved fills written row by row, a sync per row; rows of a longer earlier list are blanked. */
async function writeSaved(context, saved, entries) {
  const sheet = saved.sheet.isNullObject ? context.workbook.worksheets.add(MARKS_SHEET) : saved.sheet;
  sheet.visibility = "VeryHidden";
  await context.sync();
  const rows = [["Leht", "Lahter", "Täide", "Muster"], ...entries.map((e) => [e.sheet, e.cell, e.fill, e.pattern])];
  while (rows.length < saved.length) rows.push(["", "", "", ""]);
  for (let r = 0; r < rows.length; r++) {
    sheet.getRange(`A${r + 1}:D${r + 1}`).values = [rows[r]];
    await context.sync();
  }
}

/** markFindings: each cell's fill read on its own, then marked on its own, then the saved list row by row. */
async function markFindings(context, findings) {
  const targets = new Map();
  for (const finding of findings) {
    const { sheet, cell } = finding.position;
    if (!sheet || !cell) continue;
    const known = targets.get(cellKey({ sheet, cell }));
    if (!known || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[known.severity]) {
      targets.set(cellKey({ sheet, cell }), { sheet, cell, severity: finding.severity });
    }
  }
  const saved = await loadSaved(context);
  const originals = new Map(saved.entries.map((entry) => [cellKey(entry), entry]));
  const marks = [...targets.values()].filter((target) => saved.locked.get(lower(target.sheet)) === false);
  const rows = [];
  for (const target of marks) {
    const range = context.workbook.worksheets.getItem(target.sheet).getRange(target.cell);
    const properties = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
    await context.sync();
    // A ClientResult, filled in by the sync above: it has no load() of its own.
    // eslint-disable-next-line office-addins/load-object-before-read
    const fill = properties.value[0]?.[0]?.format?.fill;
    rows.push(
      originals.get(cellKey(target)) ?? {
        sheet: target.sheet,
        cell: target.cell,
        fill: fill?.color ?? "#FFFFFF",
        pattern: fill?.pattern ?? "None",
      },
    );
  }
  const listed = new Set(rows.map(cellKey));
  rows.push(
    ...saved.entries.filter((entry) => saved.locked.get(lower(entry.sheet)) === true && !listed.has(cellKey(entry))),
  );
  await restoreFills(
    context,
    saved.entries.filter((entry) => saved.locked.get(lower(entry.sheet)) === false),
  );
  for (const target of marks) {
    context.workbook.worksheets.getItem(target.sheet).getRange(target.cell).format.fill.color =
      MARK_FILL[target.severity];
    await context.sync();
  }
  await writeSaved(context, saved, rows);
  return marks.length;
}

/** clearMarks: each saved fill put back on its own, then the saved list goes. */
async function clearMarks(context) {
  const saved = await loadSaved(context);
  if (saved.sheet.isNullObject) return 0;
  const restorable = saved.entries.filter((entry) => saved.locked.get(lower(entry.sheet)) === false);
  const waiting = saved.entries.filter((entry) => saved.locked.get(lower(entry.sheet)) === true);
  await restoreFills(context, restorable);
  if (waiting.length === 0) {
    // Excel refuses to delete a very hidden sheet: hidden first (Worksheet.delete(), ExcelApi 1.1).
    saved.sheet.visibility = "Hidden";
    saved.sheet.delete();
    await context.sync();
  } else {
    await writeSaved(context, saved, waiting);
  }
  return restorable.length;
}

/** rewriteFormulas: each cell read on its own; the backup written row by row, then each cell on its own. */
async function rewriteFormulas(context, formulas) {
  const collection = context.workbook.worksheets.load("items/name");
  await context.sync();
  const changed = [];
  for (const target of formulas) {
    const range = context.workbook.worksheets.getItem(target.sheet).getRange(target.cell).load("formulas");
    await context.sync();
    const before = range.formulas[0][0];
    if (String(before) !== `=${target.formula}`) changed.push({ ...target, before, after: `=${target.formula}` });
  }
  if (changed.length === 0) return { changed: 0, backup: null };
  const taken = new Set(collection.items.map((sheet) => lower(sheet.name)));
  let backup = "tat-budget varu";
  for (let n = 2; taken.has(lower(backup)); n++) backup = `tat-budget varu ${n}`;
  const sheet = context.workbook.worksheets.add(backup);
  sheet.visibility = "VeryHidden";
  sheet.getRange("A1:D1").values = [["Leht", "Lahter", "Enne", "Pärast"]];
  await context.sync();
  for (let index = 0; index < changed.length; index++) {
    const { sheet: name, cell, before, after } = changed[index];
    sheet.getRange(`A${index + 2}:D${index + 2}`).values = [[name, cell, `'${String(before)}`, `'${after}`]];
    await context.sync();
  }
  for (const { sheet: name, cell, after } of changed) {
    context.workbook.worksheets.getItem(name).getRange(cell).formulas = [[after]];
    await context.sync();
  }
  return { changed: changed.length, backup };
}

/** writeAnnexSheets into a workbook without annex sheets yet (the first lisa 2). */
async function writeAnnexSheets(context, model) {
  const collection = context.workbook.worksheets.load("items/name");
  await context.sync();
  const taken = new Set(collection.items.map((sheet) => lower(sheet.name)));
  const clash = model.sheets.find((sheet) => taken.has(lower(sheet.name)) || taken.has(lower(`${sheet.name} (uus)`)));
  if (clash) throw new Error(`The naive adapter does not replace sheets: "${clash.name}" is taken.`);
  const renamed = renameSheets(model, {});
  const worksheets = renamed.sheets.map((sheet) => context.workbook.worksheets.add(sheet.name));
  await context.sync();
  for (let index = 0; index < renamed.sheets.length; index++) {
    await writeSheet(context, worksheets[index], renamed.sheets[index]);
  }
  const budget = model.sheets.findIndex((sheet) => sheet.name === LISA2_SHEET);
  if (worksheets.length > 0) worksheets[Math.max(0, budget)].activate();
  await context.sync();
  return { sheets: model.sheets.map((sheet) => sheet.name), replaced: [] };
}

module.exports = { writeWorkbook, readWorkbook, markFindings, clearMarks, rewriteFormulas, writeAnnexSheets };
