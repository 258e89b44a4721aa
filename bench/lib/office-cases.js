"use strict";
/**
 * The Office rows: each operation of OfficeWorkbookAdapter and of the naive adapter (naive-office.js) on two in-memory
 * Excels (src/workbook/fake) with Excel on the web's 5 MB limits, one after the other as the task pane does them: write
 * the workbook, read it back, mark the check's findings, clear the marks, rewrite every roll-up formula after a user
 * typed numbers over them, write lisa 2. After each, both workbooks must be the same (every cell's value, formula and
 * format, every sheet's layout) and so must what the operation returned. Syncs and bytes are what the fake counts for
 * that operation: `context.sync()` calls, and the UTF-8 bytes of the JSON requests and responses.
 */
const { performance } = require("perf_hooks");
const { project } = require("./modules");
const { assertSame } = require("./compare");
const { grouped } = require("./table");
const naive = require("./naive-office");

const { createFakeExcel } = project("workbook/fake");
const { OfficeWorkbookAdapter } = project("workbook/office/office-adapter");
const { planToWorkbook } = project("workbook/write-plan");
const { workbookToPlan } = project("workbook/read-plan");
const { rollupFormulas } = project("workbook/rollups");
const { analysePlan, editableRows, lisa2SheetsForWorkbook, previewEdit } = project("app");
const Decimal = require("decimal.js");

async function measured(fake, operation) {
  fake.stats.reset();
  const start = performance.now();
  const result = await operation();
  const ms = performance.now() - start;
  const bytes = fake.stats.requests.reduce((sum, record) => sum + record.requestBytes + record.responseBytes, 0);
  return { result, syncs: fake.stats.syncs, bytes, ms };
}

/** Every operation on `plan`, ours and naive; throws when the two workbooks or results part. */
async function officeComparison(plan, checkRounds = 5) {
  const oursExcel = createFakeExcel();
  const naiveExcel = createFakeExcel();
  const adapter = new OfficeWorkbookAdapter((batch) => batch(oursExcel.context));
  const rows = [];
  const step = async (operation, detail, runOurs, runNaive) => {
    const ours = await measured(oursExcel, runOurs);
    const theirs = await measured(naiveExcel, runNaive);
    assertSame(`${operation}: the workbooks after it`, oursExcel.workbook.snapshot(), naiveExcel.workbook.snapshot());
    assertSame(`${operation}: what it returned`, ours.result, theirs.result);
    rows.push({ operation, detail: detail(ours.result), ours, naive: theirs });
    return ours.result;
  };

  const { workbook } = planToWorkbook(plan);
  const cells = workbook.sheets.reduce(
    (sum, sheet) => sum + sheet.rows.reduce((n, row) => n + row.filter(Boolean).length, 0),
    0,
  );
  await step(
    "write",
    () => `${workbook.sheets.length} sheets, ${grouped(cells)} cells`,
    () => adapter.writeWorkbook(workbook),
    () => naive.writeWorkbook(naiveExcel.context, workbook),
  );
  const sheets = await step(
    "read",
    (result) => `${result.length} sheets`,
    () => adapter.readWorkbook(),
    () => naive.readWorkbook(naiveExcel.context),
  );
  const readBack = workbookToPlan(sheets).plan;
  // Analysed once, as the use cases do: findings with their cells for marking, trees for roll-ups and lisa 2.
  const analysis = analysePlan(readBack);
  const findings = analysis.check.findings;
  await step(
    "mark",
    (marked) => `${grouped(marked)} cells of ${grouped(findings.length)} findings`,
    () => adapter.markFindings(findings),
    () => naive.markFindings(naiveExcel.context, findings),
  );
  await step(
    "clear marks",
    (cleared) => `${grouped(cleared)} marks`,
    () => adapter.clearMarks(),
    () => naive.clearMarks(naiveExcel.context),
  );
  // The one-click check, end to end: read, analyse, mark (checkAndMark over readAndMark); the naive one reads and
  // marks as its own operations do. Timed too: the first run is measured with the others, then `rounds` more of ours
  // (marking again replaces the marks, so each run does the same work) give the median.
  const checkOnce = (sheetsRead) => analysePlan(workbookToPlan(sheetsRead).plan).check.findings;
  const endToEnd = await step(
    "check end to end (read, analyse, mark)",
    (result) => `${grouped(result.marked)} cells marked`,
    async () => ({ marked: (await adapter.readAndMark(checkOnce)).marked }),
    async () => ({
      marked: await naive.markFindings(naiveExcel.context, checkOnce(await naive.readWorkbook(naiveExcel.context))),
    }),
  );
  const row = rows[rows.length - 1];
  const times = [row.ours.ms];
  for (let round = 1; round < checkRounds; round++)
    times.push((await measured(oursExcel, () => adapter.readAndMark(checkOnce))).ms);
  times.sort((a, b) => a - b);
  row.oursMedianMs = times[Math.floor(times.length / 2)];
  row.oursRuns = times.length;
  void endToEnd;
  await step(
    "clear marks after the check",
    (cleared) => `${grouped(cleared)} marks`,
    () => adapter.clearMarks(),
    () => naive.clearMarks(naiveExcel.context),
  );
  // As when a user has typed the totals over every parent's SUM: each roll-up formula has to be written again.
  const formulas = rollupFormulas(analysis.implementers, () => null);
  for (const excel of [oursExcel, naiveExcel]) {
    for (const { sheet, cell, result } of formulas) excel.workbook.setCells(sheet, cell, [[result]]);
  }
  await step(
    "rewrite roll-ups",
    (result) => `${result.changed} formulas`,
    () => adapter.rewriteFormulas(formulas),
    () => naive.rewriteFormulas(naiveExcel.context, formulas),
  );
  // An officer's edit: the first implementer's largest row with items raised by a tenth, spread over its items (and
  // theirs) to the cent, written in place with its parents' and Koond's figures.
  const editable = (await editableRows(adapter))[0];
  const target = editable.rows.filter((row) => row.items.length > 0 && row.amount)[0];
  const preview = await previewEdit(adapter, {
    kind: "spread",
    implementer: editable.name,
    code: target.code,
    total: new Decimal(target.amount).times(1.1).toDecimalPlaces(2),
  });
  const editCells = preview.writes.reduce((sum, write) => sum + write.updates.length, 0);
  await step(
    "spread, written",
    () => `${grouped(preview.changes.length)} rows changed, ${grouped(editCells)} cells`,
    () => adapter.writeCellsOnSheets(preview.writes),
    () => naive.writeCellsOnSheets(naiveExcel.context, preview.writes),
  );
  // A row added under that row, then removed again: whole rows inserted and deleted, every SUM where it now stands.
  const addition = await previewEdit(adapter, {
    kind: "add",
    implementer: editable.name,
    under: target.code,
    label: "Lisatud tegevus",
    amount: new Decimal("1000.00"),
  });
  const cellsOf = (edit) =>
    [...edit.before, ...edit.after].reduce((sum, write) => sum + write.updates.length, 0) +
    (edit.change.kind === "insert" ? edit.change.rows.reduce((n, row) => n + row.length, 0) : 0);
  await step(
    "row added, written",
    () => `${grouped(addition.changes.length)} rows changed, ${grouped(cellsOf(addition.rows))} cells`,
    () => adapter.editRows(addition.rows),
    () => naive.editRows(naiveExcel.context, addition.rows),
  );
  const removal = await previewEdit(adapter, { kind: "remove", implementer: editable.name, code: addition.code });
  await step(
    "row removed, written",
    () => `${grouped(removal.changes.length)} rows changed, ${grouped(cellsOf(removal.rows))} cells`,
    () => adapter.editRows(removal.rows),
    () => naive.editRows(naiveExcel.context, removal.rows),
  );
  const annex = lisa2SheetsForWorkbook(analysis).workbook;
  const annexCells = annex.sheets.reduce(
    (sum, sheet) => sum + sheet.rows.reduce((n, row) => n + row.filter(Boolean).length, 0),
    0,
  );
  await step(
    "lisa 2 sheets",
    () => `${annex.sheets.length} sheets, ${grouped(annexCells)} cells`,
    () => adapter.writeAnnexSheets(annex),
    () => naive.writeAnnexSheets(naiveExcel.context, annex),
  );
  return rows;
}

module.exports = { officeComparison };
