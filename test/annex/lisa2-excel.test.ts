import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { Lisa2 } from "../../src/annex/lisa2";
import { analysePlan, lisa2SheetsForWorkbook, planWithLisa2Workbook } from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import { COLUMN, LISA2_MATRIX_SHEET, LISA2_SHEET } from "../../src/workbook/layout";
import { RawSheet, WorkbookModel } from "../../src/workbook/model";
import { workbookToPlan } from "../../src/workbook/read-plan";
import { readWorkbookFile, writeWorkbookFile } from "../../src/workbook/xlsx/exceljs-adapter";
import { XlsxWorkbookPort } from "../../src/workbook/xlsx/xlsx-port";
import { fixtureText } from "../helpers";
import {
  CONVERT_TIMEOUT_MS,
  TEST_OUTPUT_DIR,
  convertWithLibreOffice,
  findSoffice,
  pdfText,
  pdfToPng,
  writeRecalcProfile,
} from "../libreoffice";

/**
 * Lisa 2 in Excel, checked by an independent engine: LibreOffice Calc opens the generated workbook with every
 * cached formula result falsified, recalculates it, and must show each annex figure to the cent. An edit in a
 * schedule must reach the annex through the formulas alone, and regenerating must replace only the annex sheets.
 * The annex sheets are rendered to PNG in test-output/lisa2-xlsx/ for a person to look at.
 */

jest.setTimeout(CONVERT_TIMEOUT_MS * 2 + 60_000);

const FALSE_RESULT = -987654.32;
const SEVEN = new Decimal(7);

function withFalseResults(model: WorkbookModel): WorkbookModel {
  return {
    sheets: model.sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row) =>
        row.map((cell) =>
          cell?.formula ? { ...cell, value: typeof cell.value === "string" ? "?" : FALSE_RESULT } : cell,
        ),
      ),
    })),
  };
}

/** The model with a leaf amount of a schedule typed over, as an officer would. */
function withScheduleAmount(model: WorkbookModel, sheetName: string, code: string, amount: number): WorkbookModel {
  let edited = 0;
  const sheets = model.sheets.map((sheet) =>
    sheet.name !== sheetName
      ? sheet
      : {
          ...sheet,
          rows: sheet.rows.map((row) => {
            if (row[COLUMN.code]?.value !== code) return row;
            edited++;
            return row.map((cell, column) => (column === COLUMN.amount && cell ? { ...cell, value: amount } : cell));
          }),
        },
  );
  if (edited !== 1) throw new Error(`${sheetName}: ${edited} rows with code ${code}`);
  return { sheets };
}

const sheetNamed = (sheets: RawSheet[], name: string): RawSheet => {
  const sheet = sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`no sheet "${name}" in ${sheets.map((candidate) => candidate.name).join(", ")}`);
  return sheet;
};

function cents(value: unknown, where: string): string {
  if (typeof value !== "number") throw new Error(`${where}: expected a number, found ${JSON.stringify(value)}`);
  return new Decimal(String(value)).toFixed(2);
}

/** The budget table as LibreOffice computed it: "Rea nr" → the Kokku cell, in cents, or "–" for an absent activity. */
function budgetColumn(sheet: RawSheet): Map<string, string> {
  const header = sheet.rows.findIndex((row) => row?.[0]?.value === "Rea nr");
  if (header < 0) throw new Error("no header row on the annex sheet");
  const amounts = new Map<string, string>();
  // Below the header and the row of column numbers, until the table ends.
  for (let index = header + 2; index < sheet.rows.length; index++) {
    const row = sheet.rows[index];
    const number = row?.[0]?.value;
    if (typeof number !== "string" || number === "") break;
    const value = row?.[3]?.value;
    amounts.set(number, value === "–" ? value : cents(value, `${sheet.name} line ${number}`));
  }
  return amounts;
}

/** A labelled value below the table, by the label in column C (or B on the matrix sheet). */
function beside(sheet: RawSheet, label: string, labelColumn: number, valueColumn: number): unknown {
  const row = sheet.rows.find((candidate) => candidate?.[labelColumn]?.value === label);
  if (!row) throw new Error(`no "${label}" on ${sheet.name}`);
  return row[valueColumn]?.value;
}

/** The matrix as computed: TAT number (or "personal") → cells by column, "Kokku" row included. */
function matrixCells(sheet: RawSheet, columns: number): Map<string, Array<string | null>> {
  const header = sheet.rows.findIndex((row) => row?.[0]?.value === "Tegevuse nr TAT-is");
  const cells = new Map<string, Array<string | null>>();
  for (let index = header + 1; index < sheet.rows.length; index++) {
    const row = sheet.rows[index] ?? [];
    const key = row[1]?.value === "Kokku" ? "Kokku" : (row[0]?.value as string) || (row[1]?.value as string);
    if (!key) break;
    const values = [];
    for (let column = 2; column < 2 + columns + 1; column++) {
      const value = row[column]?.value;
      values.push(value === "–" ? null : cents(value, `${sheet.name} ${key} column ${column}`));
    }
    cells.set(key, values);
  }
  return cells;
}

const money = (amount: Decimal) => amount.toFixed(2);

describe("lisa 2 in Excel, recalculated by LibreOffice Calc", () => {
  const soffice = findSoffice();
  let workDir: string;
  let recalculated: Record<"plain" | "edited" | "regenerated", RawSheet[]>;
  let lisa2: Lisa2;
  let regeneratedLisa2: Lisa2;
  let plainFile: string;
  let regeneratedFile: string;

  beforeAll(async () => {
    if (!soffice) throw new Error("LibreOffice (soffice) is needed: run `npm run test:deps`.");
    workDir = mkdtempSync(path.join(os.tmpdir(), "tat-lisa2-"));
    const inDir = path.join(workDir, "in");
    const outDir = path.join(workDir, "out");
    mkdirSync(inDir);
    mkdirSync(outDir);
    const plan = parseDirectiveText(fixtureText()).plan;
    const generated = planWithLisa2Workbook(analysePlan(plan), { indirectRatePercent: SEVEN });
    lisa2 = generated.lisa2;
    plainFile = path.join(inDir, "plain.xlsx");
    const editedFile = path.join(inDir, "edited.xlsx");
    await writeWorkbookFile(withFalseResults(generated.workbook), plainFile);
    await writeWorkbookFile(
      withFalseResults(withScheduleAmount(generated.workbook, "Tartu", "3.5.2.1.3.1", 2500)),
      editedFile,
    );

    // The officer's own work in the workbook: a note on Koond and a sheet of their own, which regenerating keeps.
    // Saved by a spreadsheet, its formulas' results are true: the plan is read back from them.
    const trueFile = path.join(workDir, "true.xlsx");
    await writeWorkbookFile(generated.workbook, trueFile);
    const own = new ExcelJS.Workbook();
    await own.xlsx.readFile(trueFile);
    own.getWorksheet("Koond")!.getCell("H1").value = "Minu märkus";
    own.addWorksheet("Märkmed").getCell("A1").value = "Küsida Tartult 3.5.2.1.2 kohta";
    const ownFile = path.join(workDir, "own.xlsx");
    await own.xlsx.writeFile(ownFile);
    const readBack = workbookToPlan(await readWorkbookFile(ownFile)).plan;
    const regenerated = lisa2SheetsForWorkbook(analysePlan(readBack), { indirectRatePercent: new Decimal(5) });
    regeneratedLisa2 = regenerated.lisa2;
    regeneratedFile = path.join(inDir, "regenerated.xlsx");
    // As `annex` does with a workbook: only the annex sheets are replaced, in a copy.
    const port = await XlsxWorkbookPort.open(ownFile);
    await port.writeAnnexSheets(withFalseResults(regenerated.workbook));
    await port.save(regeneratedFile);

    const profile = writeRecalcProfile(path.join(workDir, "profile"), "et-EE");
    await convertWithLibreOffice(soffice, profile, [plainFile, editedFile, regeneratedFile], outDir, "xlsx");
    recalculated = {
      plain: await readWorkbookFile(path.join(outDir, "plain.xlsx")),
      edited: await readWorkbookFile(path.join(outDir, "edited.xlsx")),
      regenerated: await readWorkbookFile(path.join(outDir, "regenerated.xlsx")),
    };
  });

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test("every line of the annex shows the model's figure to the cent", () => {
    const shown = budgetColumn(sheetNamed(recalculated.plain, LISA2_SHEET));
    expect([...shown.keys()]).toEqual(lisa2.lines.map((line) => line.number));
    for (const line of lisa2.lines)
      expect(`${line.number} ${shown.get(line.number)}`).toBe(
        `${line.number} ${line.absent ? "–" : money(line.amount)}`,
      );
    // Read off the document, not the model. Jõhvi has no 3.5.2.1.2: "–", which the SUMs over it pass by, so its
    // share is 49 445 + 4 520 + 1 520 + 0 as its schedule declares; its 3.5.2.1.5 is a row at 0, so 0,00.
    expect(shown.get("1.1.2.7.2")).toBe("–");
    expect(shown.get("1.1.2.7.5")).toBe("0.00");
    expect(shown.get("1.1.2.7")).toBe("55485.00");
    expect(shown.get("1")).toBe("1355541.00");
    expect(shown.get("1.1")).toBe("1266860.75");
    expect(shown.get("1.2")).toBe("88680.25");
    expect(shown.get("1.1.1.2")).toBe("84350.84");
    expect(shown.get("1.1.2.2.1")).toBe("5660.54");
  });

  test("the annex reconciles with the schedules (lisa 1) in the workbook itself", () => {
    const sheet = sheetNamed(recalculated.plain, LISA2_SHEET);
    expect(cents(beside(sheet, "Lisa 1 ajakavade kogusumma (ajakavade ülemised read)", 2, 3), "lisa 1")).toBe(
      "1266860.75",
    );
    expect(cents(beside(sheet, "Vahe", 2, 3), "vahe")).toBe("0.00");
    expect(beside(sheet, "Lisa 2 ja lisa 1 kontroll", 2, 3)).toBe("Klapib");
    expect(sheet.rows.some((row) => String(row?.[0]?.value ?? "").startsWith("MUSTAND: kontroll leidis 18 viga"))).toBe(
      true,
    );
    expect(beside(sheet, "Kontrolli vead (18)", 0, 0)).toBe("Kontrolli vead (18)");
  });

  test("the matrix sheet: every cell is the budget line's, row and column totals agree", () => {
    const sheet = sheetNamed(recalculated.plain, LISA2_MATRIX_SHEET);
    const cells = matrixCells(sheet, lisa2.matrix.columns.length);
    for (const row of lisa2.matrix.rows) {
      const key = row.tatNumber ?? row.label;
      expect([key, ...cells.get(key)!]).toEqual([
        key,
        ...row.cells.map((cell) => (cell ? money(cell) : null)),
        money(row.total),
      ]);
    }
    expect(cells.get("Kokku")).toEqual([...lisa2.matrix.columnTotals.map(money), "1266860.75"]);
    expect(cells.get("3.5.2.1.1")![9]).toBe("250477.75");
    // Jõhvi (column 7 of 9) has no 3.5.2.1.2; the row's total passes over the dash.
    expect(cells.get("3.5.2.1.2")![6]).toBeNull();
    expect(cells.get("3.5.2.1.2")![9]).toBe("141377.77");
    expect(beside(sheet, "Kontroll: kokku võrdub lehe „Lisa 2“ reaga 1.1 (otsesed kulud)", 1, 11)).toBe("Klapib");
  });

  test("a schedule edit reaches the annex through the formulas alone", () => {
    // Tartu 3.5.2.1.3.1: 2 400,00 → 2 500,00 in its schedule, nothing else touched.
    const shown = budgetColumn(sheetNamed(recalculated.edited, LISA2_SHEET));
    expect(shown.get("1.1.2.2.3")).toBe("4077.15");
    expect(shown.get("1.1.2.2")).toBe("9737.69");
    expect(shown.get("1.1")).toBe("1266960.75");
    // 1 266 960,75 × 0,07 = 88 687,2525 → 88 687,25.
    expect(shown.get("1.2")).toBe("88687.25");
    expect(shown.get("1")).toBe("1355648.00");
    const matrix = matrixCells(sheetNamed(recalculated.edited, LISA2_MATRIX_SHEET), 9);
    expect(matrix.get("Kokku")![1]).toBe("94088.53");
    expect(beside(sheetNamed(recalculated.edited, LISA2_SHEET), "Lisa 2 ja lisa 1 kontroll", 2, 3)).toBe("Klapib");
  });

  test("regenerating from the workbook replaces only the annex sheets, in their places", () => {
    const sheets = recalculated.regenerated;
    // The new annex sheets stand where the old ones stood, before the officer's own sheet, as in Excel.
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      "Koond",
      "ELVL",
      "Tartu",
      "Tallinn",
      "Rakvere",
      "Saaremaa",
      "Pärnu",
      "Jõhvi",
      "Haapsalu",
      "Kohtla-Järve",
      "Seaded",
      "Näitajad",
      LISA2_SHEET,
      LISA2_MATRIX_SHEET,
      "Märkmed",
    ]);
    expect(sheetNamed(sheets, "Koond").rows[0]?.[7]?.value).toBe("Minu märkus");
    expect(sheetNamed(sheets, "Märkmed").rows[0]?.[0]?.value).toBe("Küsida Tartult 3.5.2.1.2 kohta");
    const shown = budgetColumn(sheetNamed(sheets, LISA2_SHEET));
    // 1 266 860,75 × 0,05 = 63 343,0375 → 63 343,04.
    expect(shown.get("1.2")).toBe("63343.04");
    expect(money(regeneratedLisa2.lines.find((line) => line.number === "1.2")!.amount)).toBe("63343.04");
    expect(shown.get("1")).toBe("1330203.79");
  });

  test("the annex sheets are protected and set up for A4 printing with repeated headers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(plainFile);
    const budget = workbook.getWorksheet(LISA2_SHEET)!;
    const matrix = workbook.getWorksheet(LISA2_MATRIX_SHEET)!;
    for (const sheet of [budget, matrix]) {
      expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.fitToPage).toBe(true);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      expect(sheet.pageSetup.fitToHeight).toBe(0);
    }
    expect(budget.pageSetup.orientation).toBe("portrait");
    expect(matrix.pageSetup.orientation).toBe("landscape");
    const header = budget.getColumn(1).values.findIndex((value) => value === "Rea nr");
    expect(budget.pageSetup.printTitlesRow).toBe(`${header}:${header + 1}`);
    expect(budget.getCell(`D${header + 2}`).numFmt).toBe("#,##0.00");
    // The schedules stay editable.
    expect((workbook.getWorksheet("Tartu") as unknown as { sheetProtection?: unknown }).sheetProtection).toBeFalsy();
  });

  test("a picture of the annex sheets, rendered by LibreOffice in an Estonian locale", async () => {
    const outputDir = path.join(TEST_OUTPUT_DIR, "lisa2-xlsx");
    rmSync(outputDir, { recursive: true, force: true });
    mkdirSync(outputDir, { recursive: true });
    // Only the annex sheets are printed: the others are hidden, the annex is the active sheet.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(plainFile);
    for (const sheet of workbook.worksheets) if (!sheet.name.startsWith(LISA2_SHEET)) sheet.state = "hidden";
    workbook.views = [
      {
        activeTab: workbook.worksheets.findIndex((sheet) => sheet.name === LISA2_SHEET),
      } as ExcelJS.WorkbookView,
    ];
    const file = path.join(outputDir, "lisa2.xlsx");
    await workbook.xlsx.writeFile(file);
    const profile = writeRecalcProfile(path.join(workDir, "profile-pdf"), "et-EE");
    await convertWithLibreOffice(soffice!, profile, [file], outputDir, "pdf");
    const pdf = path.join(outputDir, "lisa2.pdf");
    const text = pdfText(pdf).replace(/[\u00a0\u202f]/g, " ");
    // Estonian number format: space groups, comma decimals.
    expect(text).toMatch(/1\.1\s+Otsesed kulud\s+1 266 860,75/);
    expect(text).toMatch(/1\.2\s+Kaudsed kulud \(7 % otsestest kuludest\)\s+88 680,25/);
    expect(text).toContain("Klapib");
    const pages = pdfToPng(pdf, path.join(outputDir, "lisa2"));
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });
});
