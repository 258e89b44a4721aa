import Decimal from "decimal.js";
import { analysePlan, planWithLisa2Workbook, previewEdit } from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import { implementerTotals } from "../../src/model/totals";
import { StructureProtectedError } from "../../src/workbook/errors";
import { CalculationMode, createFakeExcel, FakeWorkbookState } from "../../src/workbook/fake";
import { WorkbookModel } from "../../src/workbook/model";
import type { ExcelValue } from "../../src/workbook/office/excel-api";
import { MARKS_SHEET, OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { workbookToPlan } from "../../src/workbook/read-plan";
import { rollupFormulas } from "../../src/workbook/rollups";
import { fixtureText } from "../helpers";

/**
 * The Office adapter in a workbook whose structure is protected (Workbook.protection, ExcelApi 1.7) or whose
 * calculation is manual (Application.calculationMode): sheet-changing writes are refused before anything changes,
 * cell writes go through, and after a write of formulas the values Excel shows are current without the officer's
 * mode being changed. Sync counts are those of the table atop office-adapter.ts.
 */

function excelWith(options: { calculationMode?: CalculationMode } = {}) {
  const fake = createFakeExcel(options);
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context));
  const syncsOf = async <T>(operation: () => Promise<T>): Promise<{ result: T; syncs: number }> => {
    const before = fake.stats.syncs;
    const result = await operation();
    return { result, syncs: fake.stats.syncs - before };
  };
  const protect = async () => {
    fake.context.workbook.protection.protect();
    await fake.context.sync();
  };
  return { fake, adapter, syncsOf, protect };
}

/** The sample directive's schedules, and lisa 2 at 7 % on them, as separate workbooks. */
function models(): { schedules: WorkbookModel; annex: WorkbookModel } {
  const plan = parseDirectiveText(fixtureText()).plan;
  const { workbook } = planWithLisa2Workbook(analysePlan(plan), { indirectRatePercent: new Decimal(7) });
  return { schedules: { sheets: workbook.sheets.slice(0, -2) }, annex: { sheets: workbook.sheets.slice(-2) } };
}

/** Every sheet's values as Range.values reads them now (in Manual mode: the results Excel last computed). */
function allValues(workbook: FakeWorkbookState): Record<string, ExcelValue[][]> {
  const values: Record<string, ExcelValue[][]> = {};
  for (const sheet of workbook.sheetNames()) {
    const used = workbook.usedRange(sheet);
    if (!used) continue;
    const local = used.slice(used.lastIndexOf("!") + 1);
    values[sheet] = workbook.values(sheet, `A1:${local.split(":")[1] ?? local}`);
  }
  return values;
}

/** The 1-based row of a schedule's code in column A. */
function rowOf(workbook: FakeWorkbookState, sheet: string, code: string): number {
  const codes = workbook.values(sheet, "A1:A60").map((cells) => cells[0]);
  const index = codes.indexOf(code);
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe("a workbook whose structure is protected", () => {
  it("refuses writing the plan in 1 sync, with the message that says where to unprotect, and changes nothing", async () => {
    const { fake, adapter, syncsOf, protect } = excelWith();
    await protect();
    const before = fake.workbook.snapshot();
    const { schedules } = models();
    let refusal: unknown;
    const { syncs } = await syncsOf(() =>
      adapter.writeWorkbook(schedules).catch((error: unknown) => (refusal = error)),
    );
    expect(refusal).toBeInstanceOf(StructureProtectedError);
    expect((refusal as Error).message).toMatch(/^Töövihiku struktuur on kaitstud: .*Läbivaatus → Kaitse töövihikut/);
    expect((refusal as StructureProtectedError).messageEn).toMatch(/Review → Protect Workbook/);
    expect(syncs).toBe(1);
    expect(fake.workbook.snapshot()).toEqual(before);

    // Unprotected, the same write goes through in its 2 syncs.
    fake.context.workbook.protection.unprotect();
    await fake.context.sync();
    expect((await syncsOf(() => adapter.writeWorkbook(schedules))).syncs).toBe(2);
  });

  it("refuses a write with cells to list (a pasted table's Seaded row) whole: neither sheets nor cells", async () => {
    const { fake, adapter, protect } = excelWith();
    fake.workbook.addSheet("Seaded");
    fake.workbook.setCells("Seaded", "A1", [["vana"]]);
    await protect();
    const before = fake.workbook.snapshot();
    const { schedules } = models();
    const one: WorkbookModel = { sheets: schedules.sheets.slice(0, 1) };
    await expect(
      adapter.writeWorkbook(one, {}, { sheet: "Seaded", updates: [{ cell: "A1", value: "uus" }] }),
    ).rejects.toBeInstanceOf(StructureProtectedError);
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  it("refuses writing lisa 2's sheets in 1 sync and changes nothing", async () => {
    const { fake, adapter, syncsOf, protect } = excelWith();
    const { schedules, annex } = models();
    await adapter.writeWorkbook(schedules);
    await adapter.writeAnnexSheets(annex);
    await protect();
    const before = fake.workbook.snapshot();
    const attempt = await syncsOf(() => adapter.writeAnnexSheets(annex).catch((error: unknown) => error));
    expect(attempt.result).toBeInstanceOf(StructureProtectedError);
    expect((attempt.result as StructureProtectedError).operation).toBe("annex");
    expect(attempt.syncs).toBe(1);
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  it("refuses rewriting roll-ups (their backup is a sheet) in 1 sync, changing nothing; nothing to rewrite is no refusal", async () => {
    const { fake, adapter, syncsOf, protect } = excelWith();
    await adapter.writeWorkbook(models().schedules);
    const section = rowOf(fake.workbook, "Tartu", "3.5.2.1.3");
    const plan = workbookToPlan(await adapter.readWorkbook()).plan;
    const formulas = rollupFormulas(implementerTotals(plan), () => null);
    await protect();
    expect(await adapter.rewriteFormulas(formulas)).toEqual({ changed: 0, backup: null });

    fake.workbook.setCells("Tartu", `G${section}`, [[4000]]);
    const before = fake.workbook.snapshot();
    const attempt = await syncsOf(() => adapter.rewriteFormulas(formulas).catch((error: unknown) => error));
    expect(attempt.result).toBeInstanceOf(StructureProtectedError);
    expect(attempt.syncs).toBe(1);
    expect(fake.workbook.snapshot()).toEqual(before);
    expect(fake.workbook.formula("Tartu", `G${section}`)).toBe(4000);
  });

  it("still writes cells (the settings on Seaded) in 2 syncs: structure protection does not guard cells", async () => {
    const { fake, adapter, syncsOf, protect } = excelWith();
    fake.workbook.addSheet("Seaded");
    await protect();
    const { syncs } = await syncsOf(() =>
      adapter.writeCells("Seaded", [
        { cell: "B2", value: "68", numFmt: "@" },
        { cell: "B3", value: 7 },
      ]),
    );
    expect(syncs).toBe(2);
    expect(fake.workbook.values("Seaded", "B2:B3")).toEqual([["68"], [7]]);
    expect(fake.workbook.workbookProtection).not.toBeNull();
  });

  it("marks and clears: marks are conditional formats, no sheet is added; the earlier design's sheet waits", async () => {
    const { fake, adapter, protect } = excelWith();
    await adapter.writeWorkbook(models().schedules);
    const findings = analysePlan(workbookToPlan(await adapter.readWorkbook()).plan).check.findings;
    const located = findings.filter((finding) => finding.position.sheet && finding.position.cell);
    expect(located.length).toBeGreaterThan(0);
    const { sheet, cell } = located[0].position;
    const sheets = fake.workbook.sheetNames();
    await protect();
    expect(await adapter.markFindings(findings)).toBeGreaterThan(0);
    expect(fake.workbook.sheetNames()).toEqual(sheets);
    expect(fake.workbook.displayedFill(sheet!, cell!)).not.toBe(fake.workbook.format(sheet!, cell!).fillColor);
    expect(await adapter.clearMarks()).toBeGreaterThan(0);
    expect(fake.workbook.displayedFill(sheet!, cell!)).toBe(fake.workbook.format(sheet!, cell!).fillColor);

    // A workbook marked by the earlier design: the fills it saved come back, but its very hidden sheet cannot be
    // deleted under a protected structure, so it stays, emptied, until a clearing may delete it.
    fake.context.workbook.protection.unprotect();
    await fake.context.sync();
    fake.workbook.addSheet(MARKS_SHEET);
    fake.workbook.setCells(MARKS_SHEET, "A1", [
      ["Leht", "Lahter", "Täide", "Muster"],
      [sheet!, cell!, "#00B050", "Solid"],
    ]);
    fake.context.workbook.worksheets.getItem(sheet!).getRange(cell!).format.fill.color = "#F8CBAD";
    fake.context.workbook.worksheets.getItem(MARKS_SHEET).visibility = "VeryHidden";
    await fake.context.sync();
    await protect();
    expect(await adapter.clearMarks()).toBe(1);
    expect(fake.workbook.format(sheet!, cell!).fillColor).toBe("#00B050");
    expect(fake.workbook.visibility(MARKS_SHEET)).toBe("VeryHidden");
    fake.context.workbook.protection.unprotect();
    await fake.context.sync();
    await adapter.clearMarks();
    expect(fake.workbook.sheetNames()).toEqual(sheets);
  });
});

describe("a workbook in Manual calculation mode", () => {
  it("writes the plan in 2 syncs and shows the totals an automatic workbook shows; the mode stays Manual", async () => {
    const manual = excelWith({ calculationMode: "Manual" });
    const automatic = excelWith();
    const { schedules } = models();
    expect((await manual.syncsOf(() => manual.adapter.writeWorkbook(schedules))).syncs).toBe(2);
    await automatic.adapter.writeWorkbook(schedules);
    expect(allValues(manual.fake.workbook)).toEqual(allValues(automatic.fake.workbook));
    expect(manual.fake.workbook.calculationMode).toBe("Manual");
  });

  it("writes lisa 2 over schedules edited since the last calculation: its figures are current", async () => {
    const manual = excelWith({ calculationMode: "Manual" });
    const automatic = excelWith();
    const { schedules, annex } = models();
    for (const { fake, adapter } of [manual, automatic]) {
      await adapter.writeWorkbook(schedules);
      // An item edited by hand: in Manual mode its section's SUM still shows the old total.
      const item = rowOf(fake.workbook, "Tartu", "3.5.2.1.3") + 1;
      fake.workbook.setCells("Tartu", `G${item}`, [[1000]]);
    }
    const stale = manual.fake.workbook.value("Tartu", `G${rowOf(manual.fake.workbook, "Tartu", "3.5.2.1.3")}`);
    expect(stale).not.toEqual(
      automatic.fake.workbook.value("Tartu", `G${rowOf(automatic.fake.workbook, "Tartu", "3.5.2.1.3")}`),
    );
    expect((await manual.syncsOf(() => manual.adapter.writeAnnexSheets(annex))).syncs).toBe(2);
    await automatic.adapter.writeAnnexSheets(annex);
    expect(allValues(manual.fake.workbook)).toEqual(allValues(automatic.fake.workbook));
    expect(manual.fake.workbook.calculationMode).toBe("Manual");
  });

  it("finishes lisa 2 after a failure once an old sheet is gone, and calculates there too", async () => {
    const { schedules, annex } = models();
    const prepared = async (calculationMode: CalculationMode) => {
      const excel = excelWith({ calculationMode });
      await excel.adapter.writeWorkbook(schedules);
      await excel.adapter.writeAnnexSheets(annex);
      const item = rowOf(excel.fake.workbook, "Tartu", "3.5.2.1.3") + 1;
      excel.fake.workbook.setCells("Tartu", `G${item}`, [[1000]]);
      return excel;
    };
    // How many actions the regenerating batch has: the last is the calculation.
    const probe = await prepared("Manual");
    const first = probe.fake.stats.requests.length;
    await probe.adapter.writeAnnexSheets(annex);
    const actions = probe.fake.stats.requests[first + 1].actions;

    const manual = await prepared("Manual");
    manual.fake.control.failSync(manual.fake.stats.syncs + 2, { applied: actions - 1 });
    await manual.adapter.writeAnnexSheets(annex);
    const automatic = await prepared("Automatic");
    await automatic.adapter.writeAnnexSheets(annex);
    expect(allValues(manual.fake.workbook)).toEqual(allValues(automatic.fake.workbook));
  });

  it("writes an edit's amounts in 2 syncs and the totals above them follow, as in an automatic workbook", async () => {
    const edit = {
      kind: "spread" as const,
      implementer: "Tartu linn",
      code: "3.5.2.1.3",
      total: new Decimal(5000),
    };
    const manual = excelWith({ calculationMode: "Manual" });
    const automatic = excelWith();
    for (const { adapter } of [manual, automatic]) await adapter.writeWorkbook(models().schedules);
    const preview = await previewEdit(manual.adapter, edit);
    expect((await manual.syncsOf(() => manual.adapter.writeCellsOnSheets(preview.writes))).syncs).toBe(2);
    await automatic.adapter.writeCellsOnSheets((await previewEdit(automatic.adapter, edit)).writes);
    expect(manual.fake.workbook.value("Tartu", `G${rowOf(manual.fake.workbook, "Tartu", "3.5.2.1")}`)).toBe(95011.38);
    expect(allValues(manual.fake.workbook)).toEqual(allValues(automatic.fake.workbook));
    expect(manual.fake.workbook.calculationMode).toBe("Manual");
  });

  it("rewrites a roll-up in 2 syncs and the totals above it follow", async () => {
    const { fake, adapter, syncsOf } = excelWith({ calculationMode: "Manual" });
    await adapter.writeWorkbook(models().schedules);
    const section = rowOf(fake.workbook, "Tartu", "3.5.2.1.3");
    const top = rowOf(fake.workbook, "Tartu", "3.5.2.1");
    const right = fake.workbook.value("Tartu", `G${top}`) as number;
    const items = fake.workbook.value("Tartu", `G${section}`) as number;
    fake.workbook.setCells("Tartu", `G${section}`, [[items + 500]]);
    fake.context.application.calculate("Recalculate");
    await fake.context.sync();
    expect(fake.workbook.value("Tartu", `G${top}`)).toBeCloseTo(right + 500, 6);

    const plan = workbookToPlan(await adapter.readWorkbook()).plan;
    const { result, syncs } = await syncsOf(() =>
      adapter.rewriteFormulas(rollupFormulas(implementerTotals(plan), () => null)),
    );
    expect([result.changed, syncs]).toEqual([1, 2]);
    expect(fake.workbook.value("Tartu", `G${top}`)).toBeCloseTo(right, 6);
    expect(fake.workbook.calculationMode).toBe("Manual");
  });

  it("reads the plan in 3 syncs with the SUMs' current values, not the stale ones", async () => {
    const { fake, adapter, syncsOf } = excelWith({ calculationMode: "Manual" });
    await adapter.writeWorkbook(models().schedules);
    const section = rowOf(fake.workbook, "Tartu", "3.5.2.1.3");
    const old = fake.workbook.value("Tartu", `G${section}`) as number;
    const item = fake.workbook.value("Tartu", `G${section + 1}`) as number;
    fake.workbook.setCells("Tartu", `G${section + 1}`, [[item + 100]]);
    expect(fake.workbook.value("Tartu", `G${section}`)).toBe(old);

    const { result: sheets, syncs } = await syncsOf(() => adapter.readWorkbook());
    expect(syncs).toBe(3);
    const rows = workbookToPlan(sheets).plan.implementers.flatMap((implementer) => implementer.rows);
    const read = rows.find((candidate) => candidate.sheet?.name === "Tartu" && candidate.code === "3.5.2.1.3")?.sheet
      ?.shownAmount;
    expect(read?.toNumber()).toBeCloseTo(old + 100, 6);
    expect(fake.workbook.calculationMode).toBe("Manual");
  });
});
