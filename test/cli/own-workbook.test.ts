import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { FIXTURE_PATH, fixtureWithLine } from "../helpers";
import { TARTU_FIRST_ROW, TARTU_ROWS, tartuWorkbook } from "./tartu-workbook";

/**
 * An officer's or a partner's own workbook (issue 15, item 6): no Seaded sheet, a schedule table typed anywhere on
 * a sheet. `check`, `parse` and `import` read it like a pasted range; it must check as the directive's text does.
 */
async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), "tat-own-"));
const file = (name: string, content: Buffer | string) => {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
};

interface JsonFinding {
  rule: string;
  code: string | null;
  implementer: string | null;
  sheet?: string;
  cell?: string;
}

const tartuFindings = (json: { findings: JsonFinding[] }) =>
  json.findings.filter((finding) => finding.implementer === "Tartu linn").map(({ rule, code }) => ({ rule, code }));

/** Row 296 of the fixture is 3.5.2.1.3.2's amount: one cent more makes its section's sum disagree. */
const CENT_MORE_TEXT = () => fixtureWithLine(296, "1 577,15 Tartu linn", "1 577,16 Tartu linn");

describe("tat-budget on a workbook that is not ours", () => {
  it("checks a hand-typed Tartu table as the directive's text checks Tartu: no findings, the same totals", async () => {
    const workbook = file("tartu.xlsx", await tartuWorkbook());
    const fromText = JSON.parse((await run("check", FIXTURE_PATH, "--json")).stdout);
    const checked = await run("check", workbook, "--json");
    expect([checked.status, checked.stderr]).toEqual([0, ""]);
    const fromWorkbook = JSON.parse(checked.stdout);
    // The text has other implementers' findings, Tartu none; the workbook holds Tartu alone.
    expect(tartuFindings(fromText)).toEqual([]);
    expect(fromWorkbook.findings).toEqual([]);
    const tartuTotal = fromText.totals.find((line: { implementer: string }) => line.implementer === "Tartu linn");
    expect(tartuTotal).toEqual({
      implementer: "Tartu linn",
      declared: "93988.53",
      computed: "93988.53",
      difference: "0.00",
    });
    expect(fromWorkbook.totals).toEqual([tartuTotal]);
  });

  it("finds what the text finds when both have the same fault, and names the sheet and the cell", async () => {
    const text = file("cent.txt", CENT_MORE_TEXT());
    const workbook = file("tartu-cent.xlsx", await tartuWorkbook({ amounts: { "3.5.2.1.3.2": 1577.16 } }));
    const fromText = await run("check", text, "--json");
    const fromWorkbook = await run("check", workbook, "--json");
    expect([fromText.status, fromWorkbook.status]).toEqual([1, 1]);
    const expected = [{ rule: "sum-mismatch", code: "3.5.2.1.3" }];
    expect(tartuFindings(JSON.parse(fromText.stdout))).toEqual(expected);
    const findings: JsonFinding[] = JSON.parse(fromWorkbook.stdout).findings;
    expect(tartuFindings({ findings })).toEqual(expected);
    // 3.5.2.1.3 is the table's 8th row; the amounts stand in column D of this sheet, not in our layout's G.
    expect(findings[0]).toMatchObject({ sheet: "Tartu 2025", cell: `D${TARTU_FIRST_ROW + 7}` });
    const report = await run("check", workbook);
    expect(report.stdout).toContain(`Tartu 2025!D${TARTU_FIRST_ROW + 7}`);
  });

  it("parses the table's rows as the text's: codes, labels, amounts, periods and responsible parties", async () => {
    const workbook = file("tartu-parse.xlsx", await tartuWorkbook());
    const fromText = JSON.parse((await run("parse", FIXTURE_PATH, "--json")).stdout);
    const parsed = await run("parse", workbook, "--json");
    expect(parsed.status).toBe(0);
    const json = JSON.parse(parsed.stdout);
    // Rows compared but for their line, which is the text's line there and the sheet's row here.
    const withoutLine = (row: { line?: number }) => ({ ...row, line: undefined });
    expect(json.implementers).toHaveLength(1);
    expect(json.implementers[0]).toMatchObject({ name: "Tartu linn", role: "partner" });
    expect(json.implementers[0].rows.map(withoutLine)).toEqual(fromText.implementers[1].rows.map(withoutLine));
    // A row's line is its sheet row.
    expect(json.implementers[0].rows.map((row: { line: number }) => row.line)).toEqual(
      TARTU_ROWS.map((_, index) => TARTU_FIRST_ROW + index),
    );
    expect(json.diagnostics).toEqual([]);
  });

  it("imports it as our workbook, which then checks with the same totals", async () => {
    const workbook = file("tartu-import.xlsx", await tartuWorkbook());
    const output = path.join(dir, "kava.xlsx");
    const imported = await run("import", workbook, "-o", output);
    expect([imported.status, imported.stdout]).toEqual([
      0,
      `Töövihik kirjutatud: ${output} (lehed: Koond, Tartu, Seaded, Näitajad)\n`,
    ]);
    const checked = JSON.parse((await run("check", output, "--json")).stdout);
    expect(checked.findings).toEqual([]);
    expect(checked.grandTotal).toBe("93988.53");
  });

  it("takes the implementer from the sheet's name when the table does not say, and skips a hidden sheet's table", async () => {
    const bytes = await tartuWorkbook({
      sheetName: "Pärnu linn",
      extraSheets: (book) => {
        const sheet = book.getWorksheet("Pärnu linn")!;
        // No responsible party in any row: nothing in the table names its implementer.
        for (let row = TARTU_FIRST_ROW; row < TARTU_FIRST_ROW + TARTU_ROWS.length; row++)
          sheet.getCell(`C${row}`).value = null;
        const old = book.addWorksheet("Vana koopia", { state: "hidden" });
        old.addRow([
          "Tegevus",
          "Tegevuse üldajaraam",
          "Tegevuse algus- ja lõppkuupäev",
          "Planeeritav maksumus",
          "Tegevuse eest vastutaja",
        ]);
        old.addRow(["3.5.2.1 Vana", "01.01.2023-31.12.2025", "01.01.2025-31.12.2025", 1, "Tartu linn"]);
      },
    });
    const parsed = JSON.parse((await run("parse", file("parnu.xlsx", bytes), "--json", "--lang", "en")).stdout);
    expect(
      parsed.implementers.map((implementer: { name: string; role: string }) => [implementer.name, implementer.role]),
    ).toEqual([["Pärnu linn", "partner"]]);
    expect(parsed.diagnostics.filter((d: { id: string }) => d.id === "hidden-sheet")).toEqual([
      expect.objectContaining({
        severity: "warning",
        messageEn: 'Sheet "Vana koopia" is hidden; its table was not read.',
      }),
    ]);
  });

  it("refuses a workbook with no schedule table, with the reason and exit status 2, in either language", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Eelarve").addRows([
      ["Kulu", "Summa"],
      ["Rent", 1200],
    ]);
    const workbook = file("eelarve.xlsx", Buffer.from(await book.xlsx.writeBuffer()));
    const et = await run("check", workbook);
    expect([et.status, et.stdout]).toEqual([2, ""]);
    expect(et.stderr).toMatch(
      /^tat-budget: Töövihikus ei ole ühtegi tegevuste ajakava tabelit: ühelgi lehel pole päiserida/,
    );
    const en = await run("parse", workbook, "--json", "--lang", "en");
    expect([en.status, en.stdout]).toEqual([2, ""]);
    expect(en.stderr).toMatch(/^tat-budget: The workbook holds no schedule table: no sheet has a header row/);
  });

  it("refuses a file that is no workbook in the officer's words, never the zip library's", async () => {
    const valid = await tartuWorkbook();
    const cases: Array<[string, Buffer, RegExp, RegExp]> = [
      [
        "random.xlsx",
        Buffer.from("see on lihtsalt tekst, mitte töövihik\n"),
        /selle sisu on muud liiki/,
        /its content is of another kind/,
      ],
      ["cut.xlsx", valid.subarray(0, Math.floor(valid.length / 2)), /see on katki või poolik/, /damaged or incomplete/],
      // An OLE compound file's signature: an Excel 97–2003 .xls, or a password-encrypted .xlsx.
      [
        "old.xlsx",
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
        /Excel 97–2003 töövihik \(\.xls\) või parooliga/,
        /Excel 97–2003 workbook \(\.xls\) or a password-protected/,
      ],
    ];
    for (const [name, bytes, et, en] of cases) {
      const at = file(name, bytes);
      const estonian = await run("check", at);
      const english = await run("parse", at, "--json", "--lang", "en");
      expect([estonian.status, english.status, estonian.stdout, english.stdout]).toEqual([2, 2, "", ""]);
      expect(estonian.stderr).toMatch(et);
      expect(english.stderr).toMatch(en);
      expect(`${estonian.stderr}${english.stderr}`).not.toMatch(/central directory|zip file|jszip/i);
    }
    // A Word document named .xlsx is a zip ExcelJS opens as a workbook of no sheets.
    const lisa1 = path.join(dir, "lisa1.docx");
    expect((await run("lisa1", FIXTURE_PATH, "-o", lisa1)).status).toBe(0);
    const { readFileSync } = await import("fs");
    const renamed = await run("parse", file("lisa1.xlsx", readFileSync(lisa1)), "--lang", "en");
    expect([renamed.status, renamed.stderr]).toEqual([
      2,
      `tat-budget: ${path.join(dir, "lisa1.xlsx")}: the file is not an Excel workbook (.xlsx): it is a packed Office file, but it holds no worksheet (a Word document or another file renamed to .xlsx, perhaps).\n`,
    ]);
  });

  it("says so when the output's folder does not exist, instead of Node's ENOENT and a stack", async () => {
    const missing = path.join(dir, "puudub");
    const result = await run(
      "import",
      file("tartu-out.xlsx", await tartuWorkbook()),
      "-o",
      path.join(missing, "kava.xlsx"),
    );
    expect([result.status, result.stdout, result.stderr]).toEqual([
      2,
      "",
      `tat-budget: kausta ${missing} ei ole: faili ei saanud sinna kirjutada. Looge kaust või valige teine koht.\n`,
    ]);
  });

  it("leaves out a sheet too large to be a table, and reads the table beside it", async () => {
    const bytes = await tartuWorkbook({
      extraSheets: (book) => {
        const data = book.addWorksheet("Andmed");
        for (let row = 0; row < 400; row++) data.addRow(Array.from({ length: 300 }, (_, column) => row * 300 + column));
      },
    });
    const checked = await run("check", file("tartu-large.xlsx", bytes), "--json");
    expect(checked.status).toBe(0);
    expect(JSON.parse(checked.stdout).totals).toEqual([
      { implementer: "Tartu linn", declared: "93988.53", computed: "93988.53", difference: "0.00" },
    ]);
    const parsed = JSON.parse((await run("parse", file("tartu-large.xlsx", bytes), "--json")).stdout);
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        id: "sheet-too-large",
        messageEn:
          'Sheet "Andmed" has 120,000 cells; a schedule table is read up to 100,000. The sheet was skipped; move the schedule table to a sheet of its own.',
      }),
    ]);
    // 120 000 cells written and read twice: seconds, not the default five.
  }, 120_000);
});
