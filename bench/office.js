#!/usr/bin/env node
"use strict";
// Syncs and payload bytes of each Office operation at 100, 10 000 and 100 000 rows, on the in-memory Excel fake,
// beside a naive cell-by-cell adapter run in the same process (a benchmark, not a test). The naive adapter does
// what a first attempt does: a range and an assignment per cell, a sync per row.
const { performance } = require("perf_hooks");
const { createFakeExcel } = require("../dist/node/workbook/fake");
const { OfficeWorkbookAdapter } = require("../dist/node/workbook/office/office-adapter");
const { planToWorkbook } = require("../dist/node/workbook/write-plan");
const { workbookToPlan } = require("../dist/node/workbook/read-plan");
const { RULES, runChecks } = require("../dist/node/checks");
const { columnLetter } = require("../dist/node/workbook/layout");
const { syntheticPlan } = require("./synthetic-plan");

const sizes = (process.env.BENCH_SIZES || "100,10000,100000").split(",").map(Number);

async function naiveWrite(context, model) {
  for (const sheet of model.sheets) context.workbook.worksheets.add(sheet.name);
  await context.sync();
  for (const sheet of model.sheets) {
    const worksheet = context.workbook.worksheets.getItem(sheet.name);
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const range = worksheet.getRange(`${columnLetter(c)}${r + 1}`);
        if (cell.numFmt) range.numberFormat = [[cell.numFmt]];
        range.formulas = [[cell.formula ? `=${cell.formula}` : cell.value === null ? "" : cell.value]];
      }
      // The naive baseline syncs in a loop on purpose: this is what the adapter is measured against.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
  }
}

async function naiveRead(context, model) {
  for (const sheet of model.sheets) {
    const worksheet = context.workbook.worksheets.getItem(sheet.name);
    for (let r = 0; r < sheet.rows.length; r++) {
      const cells = [];
      for (let c = 0; c < 13; c++) cells.push(worksheet.getRange(`${columnLetter(c)}${r + 1}`).load("values,formulas"));
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
  }
}

async function measure(fake, operation) {
  fake.stats.reset();
  const start = performance.now();
  const result = await operation();
  return {
    result,
    syncs: fake.stats.syncs,
    bytes: fake.stats.totalRequestBytes + fake.stats.requests.reduce((sum, r) => sum + r.responseBytes, 0),
    ms: performance.now() - start,
  };
}

const format = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

(async () => {
  console.log(
    "rows     operation        syncs   payload bytes     ms | naive syncs  naive bytes    naive ms | syncs ratio",
  );
  for (const size of sizes) {
    const plan = syntheticPlan(size);
    const { workbook } = planToWorkbook(plan);
    const fake = createFakeExcel({ requestLimitBytes: null, responseLimitBytes: null });
    const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context));
    const write = await measure(fake, () => adapter.writeWorkbook(workbook));
    const read = await measure(fake, () => adapter.readWorkbook());
    const findings = runChecks(workbookToPlan(read.result).plan, RULES).findings;
    const mark = await measure(fake, () => adapter.markFindings(findings));
    const clear = await measure(fake, () => adapter.clearMarks());
    const naiveFake = createFakeExcel({ requestLimitBytes: null, responseLimitBytes: null });
    const naive =
      process.env.BENCH_NAIVE === "0"
        ? null
        : {
            write: await measure(naiveFake, () => naiveWrite(naiveFake.context, workbook)),
            read: await measure(naiveFake, () => naiveRead(naiveFake.context, workbook)),
          };
    const rows = plan.implementers.reduce((count, implementer) => count + implementer.rows.length, 0);
    for (const [name, ours, theirs] of [
      ["write", write, naive && naive.write],
      ["read", read, naive && naive.read],
      [`mark (${findings.length})`, mark, null],
      ["clear", clear, null],
    ]) {
      const tail = theirs
        ? `${format(theirs.syncs).padStart(12)} ${format(theirs.bytes).padStart(12)} ${format(theirs.ms).padStart(11)} | ${(theirs.syncs / ours.syncs).toFixed(0)}x fewer`
        : "";
      console.log(
        `${format(rows).padEnd(8)} ${name.padEnd(16)} ${String(ours.syncs).padStart(5)} ${format(ours.bytes).padStart(15)} ${format(ours.ms).padStart(6)} | ${tail}`,
      );
    }
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
