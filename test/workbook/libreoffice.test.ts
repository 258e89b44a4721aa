import Decimal from "decimal.js";
import { mkdirSync, mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { parseDirectiveText } from "../../src/import/text";
import { ActionPlan } from "../../src/model/plan";
import { PlanTotals, planTotals } from "../../src/model/totals";
import { COLUMN, SUMMARY_SHEET } from "../../src/workbook/layout";
import { CellModel, RawCell, RawSheet, WorkbookModel } from "../../src/workbook/model";
import { ScheduleSheetRef, planToWorkbook } from "../../src/workbook/write-plan";
import { readWorkbookFile, writeWorkbookFile } from "../../src/workbook/xlsx/exceljs-adapter";
import { fixtureText } from "../helpers";
import { CONVERT_TIMEOUT_MS, convertWithLibreOffice, findSoffice, writeRecalcProfile } from "../libreoffice";

/**
 * An independent engine checks our totals: the workbook written from the real directive is opened by
 * LibreOffice Calc (headless), recalculated from its formulas and saved again, and every total it then shows
 * must equal our exact decimal totals to the cent. The cached formula results are falsified before
 * LibreOffice sees the file, so only a real recalculation can pass.
 *
 * CI needs LibreOffice Calc: on Debian/Ubuntu `apt-get install libreoffice-calc`.
 */

const LIBREOFFICE_PACKAGE = "libreoffice-calc";
jest.setTimeout(CONVERT_TIMEOUT_MS + 60_000);

/** The cached result every formula cell gets in the file handed to LibreOffice: no total is this. */
const FALSE_RESULT = -987654.32;

const SCHEDULE_AMOUNT = COLUMN.amount;
const SCHEDULE_DECLARED = COLUMN.declared;
const SCHEDULE_CODE = COLUMN.code;
/** Koond's columns (0-based): the label ("Kokku" on the total row), the schedule's sheet name, Kogusumma. */
const SUMMARY_LABEL = 0;
const SUMMARY_SHEET_NAME = 2;
const SUMMARY_TOTAL = 3;

const EDIT = { sheet: "Tartu", code: "3.5.2.1.3.1", from: "2400.00", to: 2500 } as const;

// ---------------------------------------------------------------------------------------------------------------
// Workbook models

/** A copy of the model in which every formula's cached result is wrong. */
function withFalseResults(model: WorkbookModel): WorkbookModel {
  return {
    sheets: model.sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row) =>
        row.map((modelCell): CellModel | null =>
          modelCell?.formula ? { ...modelCell, value: FALSE_RESULT } : modelCell && { ...modelCell },
        ),
      ),
    })),
  };
}

const normalCode = (value: unknown) => (typeof value === "string" ? value.trim().replace(/\.+$/, "") : null);

/** 0-based row index of the schedule row printed with `code`. */
function modelRowOfCode(model: WorkbookModel, sheet: string, code: string): number {
  const rows = model.sheets.find((candidate) => candidate.name === sheet)?.rows ?? [];
  const matches = rows.flatMap((row, index) => (normalCode(row[SCHEDULE_CODE]?.value) === code ? [index] : []));
  if (matches.length !== 1) throw new Error(`${sheet}: ${matches.length} rows with code ${code}`);
  return matches[0];
}

/** The model with the leaf amount of `code` typed over, as an officer would in the amount cell. */
function withAmount(model: WorkbookModel, sheet: string, code: string, amount: number): WorkbookModel {
  const index = modelRowOfCode(model, sheet, code);
  return {
    sheets: model.sheets.map((candidate) =>
      candidate.name !== sheet
        ? candidate
        : {
            ...candidate,
            rows: candidate.rows.map((row, rowIndex) =>
              rowIndex !== index
                ? row
                : row.map((modelCell, column) => {
                    if (column !== SCHEDULE_AMOUNT) return modelCell;
                    if (!modelCell || modelCell.formula) throw new Error(`${sheet} ${code}: not a leaf amount`);
                    return { ...modelCell, value: amount };
                  }),
            ),
          },
    ),
  };
}

/** The same plan with one row's declared amount replaced, for our engine's view of the edit. */
function planWithAmount(plan: ActionPlan, sheetRef: ScheduleSheetRef, code: string, amount: number): ActionPlan {
  const matches = sheetRef.implementer.rows.filter((row) => row.code === code).length;
  if (matches !== 1) throw new Error(`${sheetRef.sheet}: ${matches} rows with code ${code}`);
  return {
    ...plan,
    implementers: plan.implementers.map((implementer) =>
      implementer !== sheetRef.implementer
        ? implementer
        : {
            ...implementer,
            rows: implementer.rows.map((row) => (row.code === code ? { ...row, amount: new Decimal(amount) } : row)),
          },
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the recalculated file

/** The recalculated file, read through our adapter. */
async function readRecalculated(file: string): Promise<RawSheet[]> {
  return readWorkbookFile(file);
}

const sheetNamed = (sheets: RawSheet[], name: string): RawSheet => {
  const sheet = sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`no sheet "${name}" in ${sheets.map((candidate) => candidate.name).join(", ")}`);
  return sheet;
};

const rawCell = (sheet: RawSheet, row: number, column: number): RawCell | null => sheet.rows[row - 1]?.[column] ?? null;

/** A number LibreOffice computed, as an exact two-decimal string. */
function cents(raw: RawCell | null, where: string): string {
  if (typeof raw?.value !== "number") throw new Error(`${where}: expected a number, found ${JSON.stringify(raw)}`);
  return new Decimal(String(raw.value)).toFixed(2);
}

interface Shown {
  /** Every formula cell of the amount column, by "sheet!G<row>": its computed value in cents. */
  parents: Map<string, string>;
  /** Koond's Kogusumma by schedule sheet name, and the grand total. */
  implementerTotals: Map<string, string>;
  grandTotal: string;
}

/** What the recalculated workbook shows: the amount formulas of the schedules and Koond's totals. */
function shownTotals(sheets: RawSheet[], schedules: ScheduleSheetRef[]): Shown {
  const parents = new Map<string, string>();
  for (const ref of schedules) {
    const sheet = sheetNamed(sheets, ref.sheet);
    sheet.rows.forEach((row, index) => {
      const amount = row?.[SCHEDULE_AMOUNT] ?? null;
      if (amount?.formula) parents.set(`${ref.sheet}!G${index + 1}`, cents(amount, `${ref.sheet}!G${index + 1}`));
    });
  }
  const summary = sheetNamed(sheets, SUMMARY_SHEET);
  const implementerTotals = new Map<string, string>();
  let grandTotal: string | null = null;
  summary.rows.forEach((row, index) => {
    const sheetName = row?.[SUMMARY_SHEET_NAME]?.value;
    const total = rawCell(summary, index + 1, SUMMARY_TOTAL);
    if (typeof sheetName === "string" && schedules.some((ref) => ref.sheet === sheetName)) {
      expect(total?.formula).toBeTruthy();
      implementerTotals.set(sheetName, cents(total, `${SUMMARY_SHEET}!D${index + 1}`));
    } else if (row?.[SUMMARY_LABEL]?.value === "Kokku") {
      expect(total?.formula).toBeTruthy();
      grandTotal = cents(total, `${SUMMARY_SHEET}!D${index + 1}`);
    }
  });
  if (grandTotal === null) throw new Error(`${SUMMARY_SHEET}: no "Kokku" row`);
  return { parents, implementerTotals, grandTotal };
}

/** What our engine says those cells must show. */
function expectedTotals(totals: PlanTotals, schedules: ScheduleSheetRef[]): Shown {
  const parents = new Map<string, string>();
  const implementerTotals = new Map<string, string>();
  schedules.forEach((ref, index) => {
    const implementer = totals.implementers[index];
    expect(implementer.tree.implementer.name).toBe(ref.implementer.name);
    for (const node of implementer.tree.nodes) {
      if (node.children.length === 0) continue;
      const computed = implementer.computed[node.index];
      if (!computed) throw new Error(`${ref.sheet} ${node.code}: our engine computed no amount`);
      parents.set(`${ref.sheet}!G${ref.rowOf[node.index]}`, computed.toFixed(2));
    }
    if (!implementer.total) throw new Error(`${ref.sheet}: our engine computed no total`);
    implementerTotals.set(ref.sheet, implementer.total.toFixed(2));
  });
  if (!totals.grandComputed) throw new Error("our engine computed no grand total");
  return { parents, implementerTotals, grandTotal: totals.grandComputed.toFixed(2) };
}

// ---------------------------------------------------------------------------------------------------------------

describe("LibreOffice Calc recalculates the written workbook to our totals", () => {
  const { plan } = parseDirectiveText(fixtureText());
  const { workbook, schedules } = planToWorkbook(plan);
  const tartu = schedules.find((ref) => ref.sheet === EDIT.sheet);
  let workDir = "";
  let given: RawSheet[] = [];
  let recalculated: RawSheet[] = [];
  let edited: RawSheet[] = [];

  beforeAll(async () => {
    const soffice = findSoffice();
    if (!soffice) {
      throw new Error(
        `LibreOffice (soffice) is not installed: this test needs it to recalculate the workbook independently. ` +
          `Install the Debian/Ubuntu package "${LIBREOFFICE_PACKAGE}" (apt-get install -y ${LIBREOFFICE_PACKAGE}).`,
      );
    }
    workDir = mkdtempSync(path.join(os.tmpdir(), "tat-budget-libreoffice-"));
    const inDir = path.join(workDir, "in");
    const outDir = path.join(workDir, "out");
    mkdirSync(inDir);
    mkdirSync(outDir);
    const plainFile = path.join(inDir, "plan.xlsx");
    const editedFile = path.join(inDir, "edited.xlsx");
    await writeWorkbookFile(withFalseResults(workbook), plainFile);
    await writeWorkbookFile(withFalseResults(withAmount(workbook, EDIT.sheet, EDIT.code, EDIT.to)), editedFile);
    given = await readWorkbookFile(plainFile);

    const profileUrl = writeRecalcProfile(path.join(workDir, "lo-profile"));
    await convertWithLibreOffice(soffice, profileUrl, [plainFile, editedFile], outDir, "xlsx");
    recalculated = await readRecalculated(path.join(outDir, "plan.xlsx"));
    edited = await readRecalculated(path.join(outDir, "edited.xlsx"));
  });

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("hands LibreOffice a file whose cached formula results are all wrong", () => {
    const formulas = given.flatMap((sheet) => sheet.rows.flatMap((row) => (row ?? []).filter((raw) => raw?.formula)));
    // Every parent amount, every Koond total and difference, and the Kokku row.
    expect(formulas.length).toBeGreaterThan(schedules.length * 2);
    expect(formulas.every((raw) => raw?.value === FALSE_RESULT)).toBe(true);
    const expected = expectedTotals(planTotals(plan), schedules);
    const all = [...expected.parents.values(), ...expected.implementerTotals.values(), expected.grandTotal];
    expect(all).not.toContain(new Decimal(FALSE_RESULT).toFixed(2));
  });

  it("shows every parent's amount, every implementer's total and the grand total as our engine does", () => {
    const shown = shownTotals(recalculated, schedules);
    const expected = expectedTotals(planTotals(plan), schedules);
    // The same formula cells, with the same values, to the cent.
    expect(Object.fromEntries(shown.parents)).toEqual(Object.fromEntries(expected.parents));
    expect(Object.fromEntries(shown.implementerTotals)).toEqual(Object.fromEntries(expected.implementerTotals));
    expect(shown.grandTotal).toBe(expected.grandTotal);
    expect(shown.grandTotal).toBe("1266860.75");
    expect(shown.parents.size).toBeGreaterThan(schedules.length);
    expect(shown.implementerTotals.size).toBe(schedules.length);
  });

  it("carries an edited leaf amount up through its parents to Koond, leaving the declared amount", () => {
    if (!tartu) throw new Error(`no schedule sheet "${EDIT.sheet}"`);
    const leafIndex = modelRowOfCode(workbook, EDIT.sheet, EDIT.code);
    const parentIndex = modelRowOfCode(workbook, EDIT.sheet, "3.5.2.1.3");
    const topIndex = modelRowOfCode(workbook, EDIT.sheet, "3.5.2.1");
    const sheet = sheetNamed(edited, EDIT.sheet);
    const before = sheetNamed(recalculated, EDIT.sheet);
    const amount = (raws: RawSheet, index: number) =>
      cents(rawCell(raws, index + 1, SCHEDULE_AMOUNT), `row ${index + 1}`);

    expect(amount(before, leafIndex)).toBe(EDIT.from);
    expect(amount(sheet, leafIndex)).toBe("2500.00");
    expect(rawCell(sheet, parentIndex + 1, SCHEDULE_AMOUNT)?.formula).toBeTruthy();
    expect(amount(sheet, parentIndex)).toBe("4077.15");
    expect(cents(rawCell(sheet, parentIndex + 1, SCHEDULE_DECLARED), "declared")).toBe("3977.15");
    expect(rawCell(sheet, parentIndex + 1, SCHEDULE_DECLARED)?.formula).toBeUndefined();
    expect(amount(sheet, topIndex)).toBe("94088.53");

    const shown = shownTotals(edited, schedules);
    expect(shown.implementerTotals.get(EDIT.sheet)).toBe("94088.53");
    expect(shown.grandTotal).toBe("1266960.75");

    // And everything else agrees with our engine run on the edited plan.
    const expected = expectedTotals(planTotals(planWithAmount(plan, tartu, EDIT.code, EDIT.to)), schedules);
    expect(Object.fromEntries(shown.parents)).toEqual(Object.fromEntries(expected.parents));
    expect(Object.fromEntries(shown.implementerTotals)).toEqual(Object.fromEntries(expected.implementerTotals));
    expect(shown.grandTotal).toBe(expected.grandTotal);
  });
});
