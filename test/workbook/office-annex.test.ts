import Decimal from "decimal.js";
import { analysePlan, lisa2SheetsForWorkbook, planWithLisa2Workbook } from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import { createFakeExcel, FakeExcelError, FakeWorkbookState } from "../../src/workbook/fake";
import { AMOUNT_FORMAT, COLUMN, LISA2_MATRIX_SHEET, LISA2_SHEET, columnLetter } from "../../src/workbook/layout";
import { WorkbookModel } from "../../src/workbook/model";
import type { ExcelContext, ExcelValue } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { workbookToPlan } from "../../src/workbook/read-plan";
import { planToWorkbook } from "../../src/workbook/write-plan";
import { fixtureText } from "../helpers";

/**
 * Lisa 2 written into Excel through the Office adapter, against the Excel fake: the annex sheets' formats, print
 * setup and protection as Office.js sets them, their figures as the fake's formula engine computes them from the
 * schedules, a schedule edit reaching them, and regeneration replacing the annex sheets and nothing else.
 */

// The real Office.js context fits the subset the adapter is typed against (a compile-time check).
const officeJsFits: Excel.RequestContext extends ExcelContext ? true : false = true;

const SEVEN = new Decimal(7);

/** The canonical workbook, then lisa 2 at 7 %, written as the task pane writes them: schedules first. */
async function workbookWithAnnex() {
  const fake = createFakeExcel();
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context));
  const syncsOf = async <T>(operation: () => Promise<T>): Promise<{ result: T; syncs: number }> => {
    const before = fake.stats.syncs;
    const result = await operation();
    return { result, syncs: fake.stats.syncs - before };
  };
  const plan = parseDirectiveText(fixtureText()).plan;
  const { workbook } = planWithLisa2Workbook(analysePlan(plan), { indirectRatePercent: SEVEN });
  const schedules: WorkbookModel = { sheets: workbook.sheets.slice(0, -2) };
  const annex: WorkbookModel = { sheets: workbook.sheets.slice(-2) };
  const written = await syncsOf(() => adapter.writeWorkbook(schedules));
  const annexed = await syncsOf(() => adapter.writeAnnexSheets(annex));
  return { fake, adapter, syncsOf, annex, written, annexed };
}

/** A sheet's used range as Range.values reads it, from A1. */
function sheetValues(workbook: FakeWorkbookState, sheet: string): ExcelValue[][] {
  const used = workbook.usedRange(sheet);
  if (!used) return [];
  const local = used.slice(used.lastIndexOf("!") + 1);
  return workbook.values(sheet, `A1:${local.split(":")[1] ?? local}`);
}

/** The budget table: line number ("1.1") → its 1-based row and the Kokku value the fake computed. */
function budgetLines(workbook: FakeWorkbookState): Map<string, { row: number; amount: ExcelValue }> {
  const rows = sheetValues(workbook, LISA2_SHEET);
  const header = rows.findIndex((row) => row[0] === "Rea nr");
  expect(header).toBeGreaterThan(0);
  const lines = new Map<string, { row: number; amount: ExcelValue }>();
  // Below the header and its row of column numbers, until the table ends.
  for (let index = header + 2; index < rows.length && rows[index][0] !== ""; index++)
    lines.set(String(rows[index][0]), { row: index + 1, amount: rows[index][3] });
  return lines;
}

const amountOf = (workbook: FakeWorkbookState, line: string) => budgetLines(workbook).get(line)?.amount;

/** The value beside a label below a table: the label in `labelColumn`, the value in the row's last cell. */
function beside(workbook: FakeWorkbookState, sheet: string, label: string, labelColumn: number): ExcelValue {
  const row = sheetValues(workbook, sheet).find((cells) => cells[labelColumn] === label);
  if (!row) throw new Error(`no "${label}" on ${sheet}`);
  return [...row].reverse().find((value) => value !== "")!;
}

const budgetCheck = (workbook: FakeWorkbookState) => beside(workbook, LISA2_SHEET, "Lisa 2 ja lisa 1 kontroll", 2);
const matrixCheck = (workbook: FakeWorkbookState) =>
  beside(workbook, LISA2_MATRIX_SHEET, "Kontroll: kokku võrdub lehe „Lisa 2“ reaga 1.1 (otsesed kulud)", 1);

/** The 1-based row of a schedule code on an implementer's sheet. */
function scheduleRow(workbook: FakeWorkbookState, sheet: string, code: string): number {
  const index = sheetValues(workbook, sheet).findIndex((row) => row[COLUMN.code] === code);
  if (index < 0) throw new Error(`no ${code} on ${sheet}`);
  return index + 1;
}

/** Everything but the annex sheets, as the fake's snapshot shows it. */
function otherSheets(workbook: FakeWorkbookState): unknown {
  const snapshot = workbook.snapshot() as { sheets: Array<{ name: string }>; tables: unknown };
  return {
    sheets: snapshot.sheets.filter((sheet) => sheet.name !== LISA2_SHEET && sheet.name !== LISA2_MATRIX_SHEET),
    tables: snapshot.tables,
  };
}

async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof FakeExcelError) return error.code;
    throw error;
  }
  return "no error";
}

describe("lisa 2 through the Office adapter, against the Excel fake", () => {
  it("writes the schedules in 2 syncs and the annex in 2, with figures the fake computes from the schedules", async () => {
    const { fake, written, annexed } = await workbookWithAnnex();
    expect(officeJsFits).toBe(true);
    expect(written.syncs).toBe(2);
    expect(annexed.syncs).toBe(2);
    expect(annexed.result).toEqual({ sheets: [LISA2_SHEET, LISA2_MATRIX_SHEET], replaced: [] });
    const workbook = fake.workbook;
    expect(workbook.sheetNames().slice(-2)).toEqual([LISA2_SHEET, LISA2_MATRIX_SHEET]);
    expect(workbook.activeSheetName).toBe(LISA2_SHEET);

    const lines = budgetLines(workbook);
    expect(lines.get("1.1")!.amount).toBeCloseTo(1266860.75, 6);
    expect(lines.get("1.2")!.amount).toBe(88680.25);
    expect(lines.get("1")!.amount).toBeCloseTo(1355541, 6);
    expect(lines.get("1.1.2.2.3")!.amount).toBeCloseTo(3977.15, 6);
    // Jõhvi has no 3.5.2.1.2: "–", a text the SUM above it passes by (49 445 + 4 520 + 1 520 + 0); its 3.5.2.1.5
    // is a row of its schedule at 0, so 0.
    const johvi = lines.get("1.1.2.7.2")!;
    expect([johvi.amount, workbook.formula(LISA2_SHEET, `D${johvi.row}`)]).toEqual(["–", "–"]);
    expect(workbook.format(LISA2_SHEET, `D${johvi.row}`)).toMatchObject({ horizontalAlignment: "Right" });
    expect(lines.get("1.1.2.7.5")!.amount).toBe(0);
    expect(lines.get("1.1.2.7")!.amount).toBeCloseTo(55485, 6);
    const matrixRows = sheetValues(workbook, LISA2_MATRIX_SHEET);
    const matrixHeader = matrixRows.find((row) => row[0] === "Tegevuse nr TAT-is")!;
    const row3_5_2_1_2 = matrixRows.find((row) => row[0] === "3.5.2.1.2")!;
    expect(row3_5_2_1_2[matrixHeader.indexOf("Jõhvi vald")]).toBe("–");
    expect(row3_5_2_1_2[matrixHeader.indexOf("Kokku")]).toBeCloseTo(141377.77, 6);
    expect(budgetCheck(workbook)).toBe("Klapib");
    // The matrix reads the budget sheet by its name, 'Lisa 2'!D…, and agrees with it.
    expect(matrixCheck(workbook)).toBe("Klapib");
    const direct = lines.get("1.1")!.row;
    expect(workbook.formula(LISA2_SHEET, `D${lines.get("1.2")!.row}`)).toBe(`=ROUND(D${direct}*$D$7/100,2)`);
  });

  it("renders the annex formats, print setup and protection through Office.js", async () => {
    const { fake, annex } = await workbookWithAnnex();
    const workbook = fake.workbook;
    const [budget, matrix] = annex.sheets;
    const header = budget.print!.repeatRows![0];
    const lines = budgetLines(workbook);
    const direct = lines.get("1.1")!.row;

    // Protected without a password; widening columns stays allowed.
    for (const sheet of [LISA2_SHEET, LISA2_MATRIX_SHEET])
      expect(workbook.protection(sheet)).toEqual({
        options: { allowFormatColumns: true, selectionMode: "Normal" },
        hasPassword: false,
      });
    expect(workbook.protection("Tartu")).toBeNull();

    expect(workbook.pageLayout(LISA2_SHEET)).toEqual({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: `$${header}:$${header + 1}`,
      margins: { left: 36, right: 36, top: 43.2, bottom: 43.2, header: 21.6, footer: 21.6 },
      headersFooters: { leftFooter: "&A", rightFooter: "&P / &N" },
    });
    const matrixLayout = workbook.pageLayout(LISA2_MATRIX_SHEET);
    expect([matrixLayout.orientation, matrixLayout.paperSize, matrixLayout.printTitleRows]).toEqual([
      "Landscape",
      "A4",
      `$${matrix.print!.repeatRows![0]}:$${matrix.print!.repeatRows![0]}`,
    ]);
    // The schedules have their own print setup, landscape with their header row repeated: the annex keeps it.
    expect(workbook.pageLayout("Tartu").orientation).toBe("Landscape");
    expect(workbook.pageLayout("Tartu").printTitleRows).toBe("$4:$4");

    // The heading rows are merged across the table; the matrix has 9 implementers, so A to L.
    expect(workbook.merges(LISA2_SHEET).slice(0, 6)).toEqual([1, 2, 3, 4, 5, 6].map((row) => `A${row}:D${row}`));
    expect(workbook.merges(LISA2_SHEET)).toEqual(budget.merges);
    expect(workbook.merges(LISA2_MATRIX_SHEET)[0]).toBe(`A1:${columnLetter(matrix.widths.length - 1)}1`);
    expect(workbook.merges(LISA2_MATRIX_SHEET)[0]).toBe("A1:L1");
    expect(workbook.value(LISA2_SHEET, "A2")).toBe("LISA 2");
    expect(workbook.rowHeight(LISA2_SHEET, 4)).toBe(34);
    for (const [row, height] of Object.entries(budget.rowHeights!))
      expect(workbook.rowHeight(LISA2_SHEET, Number(row))).toBe(height);
    expect(workbook.rowHeight(LISA2_SHEET, direct)).toBe(15);

    const thin = { style: "Continuous", weight: "Thin", color: "#000000" };
    const amount = workbook.format(LISA2_SHEET, `D${direct}`);
    expect(amount).toMatchObject({ numberFormat: AMOUNT_FORMAT, bold: true, verticalAlignment: "Top" });
    expect(amount.borders).toEqual({ top: thin, bottom: thin, left: thin, right: thin });
    const label = budget.rows[direct - 1][2]!;
    expect(label.indent).toBe(1);
    expect(workbook.format(LISA2_SHEET, `C${direct}`)).toMatchObject({
      wrapText: true,
      indentLevel: label.indent,
      numberFormat: "@",
    });
    expect(workbook.format(LISA2_SHEET, `A${header}`)).toMatchObject({
      fillColor: "#D9D9D9",
      horizontalAlignment: "Center",
      wrapText: true,
      bold: true,
    });
    expect(workbook.format(LISA2_SHEET, `A${header + 1}`).fontSize).toBe(8);
    expect(workbook.format(LISA2_SHEET, "A4")).toMatchObject({ fontSize: 12, horizontalAlignment: "Center" });
    expect(workbook.format(LISA2_SHEET, "A1").horizontalAlignment).toBe("Right");
    expect(workbook.format(LISA2_SHEET, "D7")).toMatchObject({
      numberFormat: 'General" %"',
      horizontalAlignment: "Right",
    });
    // Outside the tables nothing is drawn: the defaults.
    expect(workbook.format(LISA2_SHEET, "A7")).toMatchObject({
      borders: {},
      verticalAlignment: "Bottom",
      fontSize: 11,
    });
    // The draft's warning in red, and the matrix's empty cells in grey.
    expect(workbook.format(LISA2_SHEET, "A3").fontColor).toBe("#C00000");
    const dash = sheetValues(workbook, LISA2_MATRIX_SHEET).flatMap((row, r) =>
      row.flatMap((value, c) => (value === "–" ? [`${columnLetter(c)}${r + 1}`] : [])),
    );
    expect(dash.length).toBeGreaterThan(0);
    expect(workbook.format(LISA2_MATRIX_SHEET, dash[0]).fontColor).toBe("#808080");
    expect(workbook.frozenRows(LISA2_SHEET)).toBe(header + 1);
    expect(workbook.columnWidth(LISA2_SHEET, "C")).toBe(Math.round(66 * 5.6));
  });

  it("refuses typing into the protected annex, through the API and as a user would", async () => {
    const { fake } = await workbookWithAnnex();
    const workbook = fake.workbook;
    const direct = `D${budgetLines(workbook).get("1.1")!.row}`;
    const before = workbook.formula(LISA2_SHEET, direct);
    const sheet = fake.context.workbook.worksheets.getItem(LISA2_SHEET);
    sheet.getRange(direct).values = [[1]];
    expect(await codeOf(() => fake.context.sync())).toBe("AccessDenied");
    sheet.getRange(direct).format.fill.color = "#FFFF00";
    expect(await codeOf(() => fake.context.sync())).toBe("AccessDenied");
    expect(await codeOf(() => workbook.setCells(LISA2_SHEET, direct, [[1]]))).toBe("AccessDenied");
    expect(workbook.formula(LISA2_SHEET, direct)).toBe(before);
    expect(workbook.format(LISA2_SHEET, direct).fillColor).toBe("#FFFFFF");
    // Widening a column is allowed by the protection's options.
    sheet.getRange("C:C").format.columnWidth = 400;
    await fake.context.sync();
    expect(workbook.columnWidth(LISA2_SHEET, "C")).toBe(400);
  });

  it("follows a schedule edit through the formulas: Tartu 3.5.2.1.3.1 2 400 → 2 500", async () => {
    const { fake, adapter } = await workbookWithAnnex();
    const workbook = fake.workbook;
    const row = scheduleRow(workbook, "Tartu", "3.5.2.1.3.1");
    expect(workbook.value("Tartu", `G${row}`)).toBe(2400);
    workbook.setCells("Tartu", `G${row}`, [[2500]]);

    const lines = budgetLines(workbook);
    expect(lines.get("1.1.2.2.3")!.amount).toBeCloseTo(4077.15, 6);
    expect(lines.get("1.1.2.2")!.amount).toBeCloseTo(9737.69, 6);
    expect(lines.get("1.1")!.amount).toBeCloseTo(1266960.75, 6);
    // 1 266 960,75 × 0,07 = 88 687,2525 → 88 687,25.
    expect(lines.get("1.2")!.amount).toBe(88687.25);
    expect(lines.get("1")!.amount).toBeCloseTo(1355648, 6);
    expect(budgetCheck(workbook)).toBe("Klapib");
    expect(matrixCheck(workbook)).toBe("Klapib");

    // Regenerating reads the edit back: at 5 %, 1 266 960,75 × 0,05 = 63 348,0375 → 63 348,04.
    const readBack = workbookToPlan(await adapter.readWorkbook());
    expect(readBack.diagnostics).toEqual([]);
    await adapter.writeAnnexSheets(
      lisa2SheetsForWorkbook(analysePlan(readBack.plan), { indirectRatePercent: new Decimal(5) }).workbook,
    );
    expect(amountOf(workbook, "1.2")).toBe(63348.04);
  });

  it("regenerates at 5 % in 2 syncs, replacing the annex sheets in place and changing nothing else", async () => {
    const { fake, adapter, syncsOf } = await workbookWithAnnex();
    const workbook = fake.workbook;
    // The officer's own work: a note on Koond and a sheet of their own after the annex.
    workbook.setCells("Koond", "H1", [["Minu märkus"]]);
    workbook.addSheet("Märkmed");
    workbook.setCells("Märkmed", "A1", [["Küsida Tartult 3.5.2.1.2 kohta"]]);
    const names = workbook.sheetNames();
    const before = otherSheets(workbook);

    const readBack = workbookToPlan(await adapter.readWorkbook());
    expect(readBack.diagnostics).toEqual([]);
    const regenerated = lisa2SheetsForWorkbook(analysePlan(readBack.plan), { indirectRatePercent: new Decimal(5) });
    const { result, syncs } = await syncsOf(() => adapter.writeAnnexSheets(regenerated.workbook));
    expect(syncs).toBe(2);
    expect(result).toEqual({
      sheets: [LISA2_SHEET, LISA2_MATRIX_SHEET],
      replaced: [LISA2_SHEET, LISA2_MATRIX_SHEET],
    });

    // Each annex sheet once, where it was; no backups, no temporary names.
    expect(workbook.sheetNames()).toEqual(names);
    expect(otherSheets(workbook)).toEqual(before);
    expect(workbook.activeSheetName).toBe(LISA2_SHEET);
    // 1 266 860,75 × 0,05 = 63 343,0375 → 63 343,04.
    expect(amountOf(workbook, "1.2")).toBe(63343.04);
    expect(amountOf(workbook, "1")).toBeCloseTo(1330203.79, 6);
    expect(budgetCheck(workbook)).toBe("Klapib");
    // The new matrix names the new budget sheet, not a #REF! left by the old one.
    expect(matrixCheck(workbook)).toBe("Klapib");
    expect(sheetValues(workbook, LISA2_MATRIX_SHEET).flat()).not.toContain("#REF!");
    expect(workbook.protection(LISA2_SHEET)).not.toBeNull();
    expect(workbook.merges(LISA2_SHEET)).toEqual(regenerated.workbook.sheets[0].merges);
  });

  it("writes the annex sheets of a new workbook together with the schedules, in 2 syncs", async () => {
    const fake = createFakeExcel();
    const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context));
    const plan = parseDirectiveText(fixtureText()).plan;
    await adapter.writeWorkbook(planWithLisa2Workbook(analysePlan(plan), { indirectRatePercent: SEVEN }).workbook);
    expect(fake.stats.syncs).toBe(2);
    expect(amountOf(fake.workbook, "1.2")).toBe(88680.25);
    expect(budgetCheck(fake.workbook)).toBe("Klapib");
    expect(matrixCheck(fake.workbook)).toBe("Klapib");
    expect(fake.workbook.protection(LISA2_MATRIX_SHEET)).not.toBeNull();
  });

  it("replaces only annex sheets: a model with any other kind of sheet is refused before Excel is touched", async () => {
    const fake = createFakeExcel();
    const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context));
    const { workbook } = planToWorkbook(parseDirectiveText(fixtureText()).plan);
    await expect(adapter.writeAnnexSheets({ sheets: workbook.sheets.slice(0, 1) })).rejects.toThrow(
      "Not annex sheets, not replaced: Koond.",
    );
    expect(fake.stats.syncs).toBe(0);
  });
});
