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
const { columnLetter, LISA2_SHEET, sheetToShow } = project("workbook/layout");
// The same cell formats as the adapter sends: the baseline differs in how often it calls Excel, not in what it writes.
const { MARKS_SHEET, cellProperties, renameSheets } = project("workbook/office/office-adapter");
// The same rules as the adapter adds: the baseline differs in how often it calls Excel.
const { MARK_FILL, isMarkFormula, markRules } = project("workbook/marks");

const lower = (name) => name.toLocaleLowerCase("et");

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
  // As ours: the workbook shows what was written (Koond, else the first schedule).
  const shown = sheetToShow(model.sheets);
  if (shown >= 0) {
    worksheets[shown].activate();
    await context.sync();
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

/** The sheets' names and protection, in one sync. */
async function lockedSheets(context) {
  const collection = context.workbook.worksheets.load("items/name,protection/protected");
  await context.sync();
  return new Map(collection.items.map((item) => [lower(item.name), item.protection.protected]));
}

/** Our marks taken off: each unprotected sheet's conditional formats loaded on their own, each of ours deleted on its own. */
async function takeMarksOff(context, locked) {
  let removed = 0;
  const collection = context.workbook.worksheets.load("items/name");
  await context.sync();
  for (const worksheet of collection.items) {
    if (locked.get(lower(worksheet.name)) !== false) continue;
    const formats = worksheet.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
    await context.sync();
    for (const format of formats.items) {
      if (format.type !== "Custom" || format.customOrNullObject.isNullObject) continue;
      const formula = format.customOrNullObject.rule.formula;
      if (formula && !isMarkFormula(formula)) continue;
      format.delete();
      await context.sync();
      removed++;
    }
  }
  return removed;
}

/**
 * markFindings: the workbook read as `readWorkbook` reads it (a sync per row), for the codes the marks are keyed to;
 * the old marks off, one at a time; each new mark added with a sync of its own.
 */
async function markFindings(context, findings) {
  const sheets = await readWorkbook(context);
  const locked = await lockedSheets(context);
  const { rules, cells } = markRules(findings, sheets, (sheet) => locked.get(lower(sheet)) !== false);
  await takeMarksOff(context, locked);
  for (const rule of rules) {
    const format = context.workbook.worksheets
      .getItem(rule.sheet)
      .getRange(rule.address)
      .conditionalFormats.add("Custom");
    format.custom.rule.formula = rule.formula;
    format.custom.format.fill.color = MARK_FILL[rule.severity];
    await context.sync();
  }
  return cells;
}

/** clearMarks: our conditional formats, one at a time. (The bench's workbooks never had the earlier design's sheet.) */
async function clearMarks(context) {
  return takeMarksOff(context, await lockedSheets(context));
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

/**
 * writeCellsOnSheets (an edit's amounts): each cell read on its own for the way back, then written on its own, as a
 * loop over `range.values` with a sync per cell does.
 */
async function writeCellsOnSheets(context, writes) {
  for (const { sheet, updates } of writes) {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    for (const { cell } of updates) {
      worksheet.getRange(cell).load("formulas,numberFormat");
      await context.sync();
    }
  }
  for (const { sheet, updates } of writes) {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    for (const { cell, value, numFmt, formula } of updates) {
      const range = worksheet.getRange(cell);
      range.numberFormat = [[numFmt ?? "General"]];
      if (formula !== undefined) range.formulas = [[`=${formula}`]];
      else range.values = [[value]];
      await context.sync();
    }
  }
}

/**
 * editRows (a row added or removed): each cell to be written read on its own for the way back, the rows inserted or
 * deleted with a sync, then each cell of a new row and each other cell written on its own with a sync.
 */
async function editRows(context, edit) {
  const { change } = edit;
  const worksheet = context.workbook.worksheets.getItem(change.sheet);
  for (const { sheet, updates } of [...edit.before, ...edit.after]) {
    const other = context.workbook.worksheets.getItem(sheet);
    for (const { cell } of updates) {
      other.getRange(cell).load("formulas,numberFormat");
      await context.sync();
    }
  }
  const writeEach = async (writes) => {
    for (const { sheet, updates } of writes) {
      const other = context.workbook.worksheets.getItem(sheet);
      for (const { cell, value, numFmt, formula } of updates) {
        const range = other.getRange(cell);
        range.numberFormat = [[numFmt ?? "General"]];
        if (formula !== undefined) range.formulas = [[`=${formula}`]];
        else range.values = [[value ?? ""]];
        await context.sync();
      }
    }
  };
  await writeEach(edit.before);
  if (change.kind === "delete") {
    worksheet.getRange(`${change.first}:${change.first + change.count - 1}`).delete("Up");
    await context.sync();
    return;
  }
  if (change.appendToTable) for (let row = 0; row < change.count; row++) worksheet.tables.getItemAt(0).rows.add();
  else worksheet.getRange(`${change.at}:${change.at + change.count - 1}`).insert("Down");
  await context.sync();
  const width = change.rows.reduce((widest, row) => Math.max(widest, row.length), 1);
  for (let r = 0; r < change.rows.length; r++) {
    for (let c = 0; c < width; c++) {
      const model = change.rows[r][c] ?? null;
      const range = worksheet.getRange(`${columnLetter(c)}${change.at + r}`);
      range.numberFormat = [[model?.numFmt ?? (typeof model?.value === "string" && !model.formula ? "@" : "General")]];
      range.formulas = [[model?.formula ? `=${model.formula}` : (model?.value ?? "")]];
      range.setCellProperties([[cellProperties(model)]]);
      await context.sync();
    }
  }
  for (const [row, height] of Object.entries(change.heights)) {
    worksheet.getRange(`${row}:${row}`).format.rowHeight = height;
    await context.sync();
  }
  await writeEach(edit.after);
}

module.exports = {
  editRows,
  writeWorkbook,
  readWorkbook,
  markFindings,
  clearMarks,
  rewriteFormulas,
  writeAnnexSheets,
  writeCellsOnSheets,
};
