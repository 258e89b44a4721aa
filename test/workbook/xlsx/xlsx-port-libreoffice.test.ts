import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { analysePlan } from "../../../src/app";
import { parseDirectiveText } from "../../../src/import/text";
import { implementerTotals, planTotals } from "../../../src/model/totals";
import { isMarkFormula } from "../../../src/workbook/marks";
import { RawSheet } from "../../../src/workbook/model";
import { workbookToPlan } from "../../../src/workbook/read-plan";
import { rollupFormulas } from "../../../src/workbook/rollups";
import { planToWorkbook } from "../../../src/workbook/write-plan";
import { readWorkbookFile } from "../../../src/workbook/xlsx/exceljs-adapter";
import { XlsxWorkbookPort } from "../../../src/workbook/xlsx/xlsx-port";
import { fixtureText } from "../../helpers";
import { CONVERT_TIMEOUT_MS, convertWithLibreOffice, findSoffice, writeRecalcProfile } from "../../libreoffice";

/**
 * An independent engine opens what the port saves: the workbook after the CLI's heaviest sequence (an import over
 * a user's sheet, a second import replacing every sheet, a roll-up typed over and rewritten, findings marked) is
 * recalculated by LibreOffice Calc, and the rewritten formula, whose result the file does not carry, must come out
 * as the sum of its items, the summaries to the cent of our totals, and the user's formula must follow the backup.
 *
 * Needs LibreOffice Calc, as test/workbook/libreoffice.test.ts does (`npm run test:deps`).
 */
jest.setTimeout(CONVERT_TIMEOUT_MS + 60_000);

const cents = (value: unknown) => new Decimal(String(value)).toFixed(2);

describe("a file saved by the .xlsx port, recalculated by LibreOffice Calc", () => {
  let workDir = "";
  let recalculated: RawSheet[] = [];
  let section = 0;
  let ownCell = { sheet: "", cell: "" };
  let reopened: XlsxWorkbookPort | null = null;
  const { plan } = parseDirectiveText(fixtureText());
  const sheet = (name: string) => recalculated.find((candidate) => candidate.name === name)!;
  const cell = (name: string, column: number, row: number) => sheet(name).rows[row - 1]?.[column]?.value;

  beforeAll(async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc.");
    workDir = mkdtempSync(path.join(os.tmpdir(), "tat-xlsx-port-lo-"));
    const outDir = path.join(workDir, "out");
    mkdirSync(outDir);

    const port = XlsxWorkbookPort.empty();
    const mine = port.workbook.addWorksheet("Tartu");
    mine.getCell("A1").value = "minu töö";
    mine.getCell("B1").value = 42;
    // A wrong cached result, which only a recalculation over the backup corrects.
    port.workbook.addWorksheet("Minu").getCell("A1").value = { formula: "Tartu!B1*2", result: 1 };
    await port.writeWorkbook(planToWorkbook(plan).workbook, { Tartu: "replace" });
    const model = planToWorkbook(plan).workbook;
    await port.writeWorkbook(model, Object.fromEntries(model.sheets.map((s) => [s.name, "replace" as const])));
    const tartu = (await port.readWorkbook()).find((candidate) => candidate.name === "Tartu")!;
    section = tartu.rows.findIndex((row) => row?.[0]?.value === "3.5.2.1.3") + 1;
    await port.writeCells("Tartu", [{ cell: `G${section}`, value: 4000 }]);
    const read = workbookToPlan(await port.readWorkbook()).plan;
    expect(
      (
        await port.rewriteFormulas(
          rollupFormulas(implementerTotals(read), () => null).map(({ sheet, cell, formula }) => ({
            sheet,
            cell,
            formula,
          })),
        )
      ).changed,
    ).toBe(1);
    // The officer's own fill on a cell the check marks, set before marking.
    const findings = analysePlan(read).check.findings;
    const rakvere = findings.find((f) => f.position.sheet === "Rakvere" && f.position.cell)!;
    ownCell = { sheet: rakvere.position.sheet!, cell: rakvere.position.cell! };
    port.workbook.getWorksheet(ownCell.sheet)!.getCell(ownCell.cell).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FF00B050" },
    };
    expect(await port.markFindings(findings)).toBeGreaterThan(20);

    const file = path.join(workDir, "kava.xlsx");
    await port.save(file);
    await convertWithLibreOffice(soffice, writeRecalcProfile(path.join(workDir, "lo-profile")), [file], outDir, "xlsx");
    recalculated = await readWorkbookFile(path.join(outDir, "kava.xlsx"));
    reopened = await XlsxWorkbookPort.load(readFileSync(path.join(outDir, "kava.xlsx")));
  });

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("calculates the rewritten roll-up, which the file carried without a result, as the sum of its items", () => {
    expect(cell("Tartu", 6, section)).toBeCloseTo(3977.15, 6);
    const items = new Decimal(String(cell("Tartu", 6, section + 1))).plus(String(cell("Tartu", 6, section + 2)));
    expect(cents(cell("Tartu", 6, section))).toBe(items.toFixed(2));
  });

  it("gives the new summary, and the backed-up one over the backed-up schedules, our exact total", () => {
    const total = planTotals(plan).grandComputed!.toFixed(2);
    for (const name of ["Koond", "Koond (varu)"]) {
      const row = sheet(name).rows.findIndex((cells) => cells?.[0]?.value === "Kokku") + 1;
      expect({ name, total: cents(cell(name, 3, row)) }).toEqual({ name, total });
    }
  });

  it("follows the user's sheet to its backup, as Excel would", () => {
    expect(sheet("Minu").rows[0]?.[0]).toEqual({ value: 84, formula: "'Tartu (varu)'!B1*2" });
  });

  it("opens the marked file keeping the officer's fill under a mark, and our marks clear off it", async () => {
    const port = reopened!;
    const fill = port.workbook.getWorksheet(ownCell.sheet)!.getCell(ownCell.cell).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe("FF00B050");
    const marks = () =>
      port.workbook.worksheets.flatMap((worksheet) =>
        (
          worksheet as ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
        ).conditionalFormattings
          .flatMap((format) => format.rules)
          .filter((rule) => rule.type === "expression" && isMarkFormula(rule.formulae?.[0])),
      );
    expect(marks().length).toBeGreaterThan(10);
    expect(await port.clearMarks()).toBeGreaterThan(10);
    expect(marks()).toEqual([]);
    expect(
      (port.workbook.getWorksheet(ownCell.sheet)!.getCell(ownCell.cell).fill as ExcelJS.FillPattern).fgColor?.argb,
    ).toBe("FF00B050");
  });
});
