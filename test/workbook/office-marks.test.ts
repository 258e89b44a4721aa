import { analysePlan } from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import { createFakeExcel } from "../../src/workbook/fake";
import { MARK_FILL, isMarkFormula } from "../../src/workbook/marks";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import type { CellFinding } from "../../src/workbook/port";
import { workbookToPlan } from "../../src/workbook/read-plan";
import type { RawSheet } from "../../src/workbook/model";
import { planToWorkbook } from "../../src/workbook/write-plan";
import { fixtureText } from "../helpers";

/** The demo plan (the directive of 25.03.2025 nr 68) written into a fresh fake, and an adapter over it. */
async function demoWorkbook(options: Parameters<typeof createFakeExcel>[0] = {}, requestLimit?: number) {
  const fake = createFakeExcel(options);
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context), requestLimit);
  await adapter.writeWorkbook(planToWorkbook(parseDirectiveText(fixtureText()).plan).workbook);
  return { fake, adapter };
}

const findingsOf = (sheets: RawSheet[]) => analysePlan(workbookToPlan(sheets).plan).check.findings;

/** The schedule with the most findings in the demo plan, a repeated code among them. */
const SCHEDULE = "Rakvere";
const MARK_COLOURS = new Set(Object.values(MARK_FILL));

/** What the officer does between checking and clearing, the same on any workbook. */
async function officerEdits(fake: Awaited<ReturnType<typeof demoWorkbook>>["fake"], insertAt: number) {
  const sheet = fake.context.workbook.worksheets.getItem(SCHEDULE);
  sheet.getRange(`${insertAt}:${insertAt}`).insert("Down");
  await fake.context.sync();
  const table = fake.workbook.tableList().find((entry) => entry.sheet === SCHEDULE)!;
  const codes = () =>
    fake.workbook
      .values(SCHEDULE, table.address.split("!")[1])
      .slice(1)
      .map((cells) => cells[0]);
  const before = codes();
  // The schedule's table, descending by code: its rows move.
  sheet.tables.getItemAt(0).sort.apply([{ key: 0, ascending: false }]);
  await fake.context.sync();
  expect(codes()).not.toEqual(before);
  expect(codes()).toEqual([...before].sort((a, b) => String(b).localeCompare(String(a))));
}

/** Rows (1-based) of a code in column A of the schedule: one, or more where the code repeats. */
function rowsOfCode(fake: Awaited<ReturnType<typeof demoWorkbook>>["fake"], code: string): number[] {
  const column = fake.workbook.values(SCHEDULE, "A1:A80").map((cells) => cells[0]);
  const rows = column.flatMap((value, index) => (value === code ? [index + 1] : []));
  expect(rows.length).toBeGreaterThan(0);
  return rows;
}

describe("marks as conditional formats, over the Excel fake through the adapter", () => {
  it("check in 3 syncs; marks follow an inserted row and a sort; clearing leaves every fill the officer's", async () => {
    const { fake, adapter } = await demoWorkbook();
    const twin = (await demoWorkbook()).fake;

    // The officer's own fill on a cell before the check, on both workbooks.
    for (const excel of [fake, twin]) {
      excel.context.workbook.worksheets.getItem(SCHEDULE).getRange("B6").format.fill.color = "#00B050";
      await excel.context.sync();
    }

    fake.stats.reset();
    let findings: readonly CellFinding[] = [];
    const { marked, sheets } = await adapter.readAndMark((read) => (findings = findingsOf(read)));
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(fake.stats.roundTrips).toBeLessThanOrEqual(3);
    expect(sheets.map((sheet) => sheet.name)).toEqual(fake.workbook.sheetNames());
    const cells = new Set(
      findings.flatMap((f) => (f.position.sheet ? [`${f.position.sheet}!${f.position.cell}`] : [])),
    );
    expect(marked).toBe(cells.size);
    expect(marked).toBeGreaterThan(20);

    // The schedule's findings, by the code of their row, with the column they are in.
    const codeOf = (cell: string) => fake.workbook.value(SCHEDULE, `A${/\d+/.exec(cell)![0]}`) as string;
    const onSchedule = findings
      .filter((f) => f.position.sheet === SCHEDULE && /^\d/.test(String(codeOf(f.position.cell!))))
      .map((f) => ({
        column: /^[A-Z]+/.exec(f.position.cell!)![0],
        code: codeOf(f.position.cell!),
        cell: f.position.cell!,
      }));
    expect(onSchedule.length).toBeGreaterThan(0);
    // A mark shows, and writes no cell's own fill.
    for (const { cell } of onSchedule) {
      expect(MARK_COLOURS.has(fake.workbook.displayedFill(SCHEDULE, cell))).toBe(true);
      expect(fake.workbook.format(SCHEDULE, cell).fillColor).not.toBe(fake.workbook.displayedFill(SCHEDULE, cell));
    }
    const first = onSchedule[0];
    const firstRow = Number(/\d+/.exec(first.cell)![0]);

    // The officer recolours a marked cell by hand, on both workbooks.
    for (const excel of [fake, twin]) {
      excel.context.workbook.worksheets.getItem(SCHEDULE).getRange(first.cell).format.fill.color = "#7030A0";
      await excel.context.sync();
    }
    // A row above the marked cell, then the table sorted.
    await officerEdits(fake, firstRow);
    await officerEdits(twin, firstRow);

    // A finding on a code that stands once on the sheet is marked on the row of that code, wherever it went. A code
    // on several rows (Rakvere's 3.5.2.1.1.1 twice, and its numbered items) is marked on its cell: the rule moved down
    // with the inserted row and stayed put when the table was sorted. Every other cell is unmarked.
    const repeated = onSchedule.filter(({ code }) => rowsOfCode(twin, code).length > 1);
    expect(repeated.map(({ code }) => code)).toContain("3.5.2.1.1.1");
    const markedCells = new Set(
      onSchedule.flatMap(({ column, code, cell }) => {
        if (!repeated.some((finding) => finding.code === code)) {
          return rowsOfCode(fake, code).map((row) => `${column}${row}`);
        }
        const row = Number(/\d+/.exec(cell)![0]);
        return [`${column}${row >= firstRow ? row + 1 : row}`];
      }),
    );
    expect(markedCells.size).toBeGreaterThan(3);
    for (const cell of markedCells)
      expect([cell, MARK_COLOURS.has(fake.workbook.displayedFill(SCHEDULE, cell))]).toEqual([cell, true]);
    const column = first.column;
    for (let row = 1; row <= 60; row++) {
      const cell = `${column}${row}`;
      if (markedCells.has(cell)) continue;
      expect([cell, fake.workbook.displayedFill(SCHEDULE, cell)]).toEqual([
        cell,
        fake.workbook.format(SCHEDULE, cell).fillColor,
      ]);
    }

    const cleared = await adapter.clearMarks();
    expect(cleared).toBeGreaterThan(0);
    for (const name of fake.workbook.sheetNames()) expect(fake.workbook.conditionalFormatList(name)).toEqual([]);
    // Every fill is the officer's: the workbook is the twin that was never marked, recoloured cell included.
    expect(fake.workbook.snapshot()).toEqual(twin.workbook.snapshot());
    expect(
      rowsOfCode(fake, first.code).map((row) => fake.workbook.format(SCHEDULE, `${column}${row}`).fillColor),
    ).toContain("#7030A0");
  });

  it("keeps the officer's own conditional formats; marking again replaces ours", async () => {
    const { fake, adapter } = await demoWorkbook();
    const own = fake.context.workbook.worksheets.getItem(SCHEDULE).getRange("G5:G30").conditionalFormats.add("Custom");
    own.custom.rule.formula = "=G5>1000";
    own.custom.format.fill.color = "#FF0000";
    await fake.context.sync();
    const mine = fake.workbook.conditionalFormatList(SCHEDULE);

    await adapter.readAndMark(findingsOf);
    const first = fake.workbook.snapshot();
    await adapter.readAndMark(findingsOf);
    expect(fake.workbook.snapshot()).toEqual(first);
    expect(fake.workbook.conditionalFormatList(SCHEDULE).filter((f) => !isMarkFormula(f.formula))).toEqual(mine);

    await adapter.clearMarks();
    expect(fake.workbook.conditionalFormatList(SCHEDULE)).toEqual(mine);
  });

  it("leaves protected sheets unmarked, and their old marks on until they are unprotected", async () => {
    const { fake, adapter } = await demoWorkbook();
    await adapter.readAndMark(findingsOf);
    const before = fake.workbook.conditionalFormatList(SCHEDULE);
    expect(before.length).toBeGreaterThan(0);
    const sheet = fake.context.workbook.worksheets.getItem(SCHEDULE);
    sheet.protection.protect();
    await fake.context.sync();

    await adapter.readAndMark(findingsOf);
    expect(fake.workbook.conditionalFormatList(SCHEDULE)).toEqual(before);
    await adapter.clearMarks();
    expect(fake.workbook.conditionalFormatList(SCHEDULE)).toEqual(before);
    expect(fake.workbook.conditionalFormatList("Pärnu")).toEqual([]);

    sheet.protection.unprotect();
    await fake.context.sync();
    await adapter.clearMarks();
    expect(fake.workbook.conditionalFormatList(SCHEDULE)).toEqual([]);
  });

  it("falls back to the blocked reading when the used ranges do not fit in one response", async () => {
    const { fake, adapter } = await demoWorkbook({}, 20_000);
    const reference = await demoWorkbook();
    const expected = await reference.adapter.readAndMark(findingsOf);
    fake.control.responseLimitBytes = 40_000;
    fake.stats.reset();
    const result = await adapter.readAndMark(findingsOf);
    expect(fake.stats.requests.some((request) => request.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(result.marked).toBe(expected.marked);
    expect(result.sheets).toEqual(expected.sheets);
    for (const request of fake.stats.requests.filter((sent) => !sent.error))
      expect(request.responseBytes).toBeLessThanOrEqual(40_000);
    for (const name of fake.workbook.sheetNames())
      expect(fake.workbook.conditionalFormatList(name)).toEqual(reference.fake.workbook.conditionalFormatList(name));
  });

  it("puts back the fills the earlier design saved, and deletes its very hidden sheet", async () => {
    const { fake, adapter } = await demoWorkbook();
    fake.workbook.addSheet("tat-budget märgid");
    fake.workbook.setCells("tat-budget märgid", "A1", [
      ["Leht", "Lahter", "Täide", "Muster"],
      [SCHEDULE, "B6", "#00B050", "Solid"],
      [SCHEDULE, "C6", "#FFFFFF", "None"],
    ]);
    const sheet = fake.context.workbook.worksheets.getItem(SCHEDULE);
    sheet.getRange("B6").format.fill.color = MARK_FILL.error;
    sheet.getRange("C6").format.fill.color = MARK_FILL.warning;
    fake.context.workbook.worksheets.getItem("tat-budget märgid").visibility = "VeryHidden";
    await fake.context.sync();

    expect(await adapter.clearMarks()).toBe(2);
    expect(fake.workbook.format(SCHEDULE, "B6").fillColor).toBe("#00B050");
    expect(fake.workbook.format(SCHEDULE, "C6").fillColor).toBe("#FFFFFF");
    expect(fake.workbook.sheetNames()).not.toContain("tat-budget märgid");
  });
});
