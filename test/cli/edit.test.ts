import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { RULES, runChecks } from "../../src/checks";
import { main } from "../../src/cli/main";
import { workbookToPlan } from "../../src/workbook/read-plan";
import { RawSheet } from "../../src/workbook/model";
import { readWorkbookFile } from "../../src/workbook/xlsx/exceljs-adapter";
import { FIXTURE_PATH } from "../helpers";
import { CONVERT_TIMEOUT_MS, convertWithLibreOffice, findSoffice, writeRecalcProfile } from "../libreoffice";

/**
 * `spread` and `move` on the workbook `import` writes from the bundled directive: the rows they print, the file they
 * write (never the input), what a check of it finds, and LibreOffice's own recalculation of its formulas.
 */

jest.setTimeout(CONVERT_TIMEOUT_MS + 120_000);

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

const cellOf = (sheet: RawSheet, address: string): unknown => {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return sheet.rows[Number(digits) - 1]?.[column]?.value;
};

/** The amount of the row printed with `code` on a schedule sheet (column A the code, G the amount). */
function amountOf(sheets: RawSheet[], sheetName: string, code: string, column = "G"): unknown {
  const sheet = sheets.find((each) => each.name === sheetName)!;
  const index = sheet.rows.findIndex((row) => String(row?.[0]?.value ?? "").replace(/\.+$/, "") === code);
  return cellOf(sheet, `${column}${index + 1}`);
}

function koondLine(sheets: RawSheet[], label: string): unknown[] {
  const koond = sheets.find((sheet) => sheet.name === "Koond")!;
  const row = koond.rows.find((cells) => cells?.[0]?.value === label || cells?.[2]?.value === label)!;
  return row.slice(3, 6).map((cell) => cell?.value);
}

/** `spread` of Tartu's 3.5.2.1.3 from `input` to `total`, written to `output`. */
const spreadTartu = (input: string, total: string, output: string, ...more: string[]) =>
  run("spread", input, "--implementer", "Tartu", "--code", "3.5.2.1.3", "--total", total, "-o", output, ...more);

describe("tat-budget spread and move", () => {
  let dir: string;
  let plan: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "tat-edit-"));
    plan = path.join(dir, "kava.xlsx");
    expect((await run("import", FIXTURE_PATH, "-o", plan)).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("spreading Tartu's 3.5.2.1.3 to 5 000 writes 3 017,24 and 1 982,76, and Tartu's total 95 011,38", async () => {
    const out = path.join(dir, "spread.xlsx");
    const before = readFileSync(plan);
    const { status, stdout, stderr } = await run(
      "spread",
      plan,
      "--implementer",
      "Tartu",
      "--code",
      "3.5.2.1.3",
      "--total",
      "5 000,00",
      "-o",
      out,
    );
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout.replace(/\u00a0/g, " ")).toBe(
      [
        "Muutuvad read:",
        "  Tartu linn  3.5.2.1  93 988,53 → 95 011,38",
        "  Tartu linn  3.5.2.1.3  3 977,15 → 5 000,00",
        "  Tartu linn  3.5.2.1.3.1  2 400,00 → 3 017,24",
        "  Tartu linn  3.5.2.1.3.2  1 577,15 → 1 982,76",
        "Kokku Tartu linn: 93 988,53 → 95 011,38",
        `Töövihik kirjutatud: ${out}`,
        "",
      ].join("\n"),
    );
    // The input is left as it was.
    expect(readFileSync(plan).equals(before)).toBe(true);
    const sheets = await readWorkbookFile(out);
    expect(amountOf(sheets, "Tartu", "3.5.2.1.3.1")).toBe(3017.24);
    expect(amountOf(sheets, "Tartu", "3.5.2.1.3.2")).toBe(1982.76);
    // A parent's SUM stays a formula, with its new result; its declared amount is the new one.
    expect(amountOf(sheets, "Tartu", "3.5.2.1.3")).toBe(5000);
    expect(amountOf(sheets, "Tartu", "3.5.2.1.3", "H")).toBe(5000);
    expect(amountOf(sheets, "Tartu", "3.5.2.1", "H")).toBe(95011.38);
    expect(koondLine(sheets, "Tartu")).toEqual([95011.38, 95011.38, 0]);

    // The check afterwards finds nothing the edit made: the same findings as before, but for Tartu's amounts.
    const findings = (file: RawSheet[]) =>
      runChecks(workbookToPlan(file).plan, RULES).findings.map(
        (finding) => `${finding.rule} ${finding.implementer} ${finding.code}`,
      );
    const original = findings(await readWorkbookFile(plan));
    expect(findings(sheets)).toEqual(original);
    expect(findings(sheets).filter((finding) => finding.startsWith("sum-mismatch Tartu"))).toEqual([]);
  });

  test("moving 1 000 from Tartu to Tallinn keeps the grand total; Koond follows", async () => {
    const out = path.join(dir, "move.xlsx");
    const { status, stdout } = await run(
      "move",
      plan,
      "--implementer",
      "Tartu linn",
      "--from",
      "3.5.2.1.3.1",
      "--to",
      "3.5.2.1.3.1",
      "--to-implementer",
      "Tallinna linn",
      "--amount",
      "1000.00",
      "-o",
      out,
      "--lang",
      "en",
    );
    expect(status).toBe(0);
    expect(stdout).toContain("Rows changed:");
    const before = await readWorkbookFile(plan);
    const after = await readWorkbookFile(out);
    expect(amountOf(after, "Tartu", "3.5.2.1.3.1")).toBe(1400);
    const tallinnBefore = amountOf(before, "Tallinn", "3.5.2.1.3.1") as number;
    expect(amountOf(after, "Tallinn", "3.5.2.1.3.1")).toBe(tallinnBefore + 1000);
    // The grand total stays: Koond's Kokku line carries it (as its formulas' results).
    const grand = runChecks(workbookToPlan(before).plan, RULES).grandComputed!.toNumber();
    expect(koondLine(after, "Kokku")).toEqual([grand, grand, 0]);
    expect(runChecks(workbookToPlan(after).plan, RULES).grandComputed!.toNumber()).toBe(grand);
    const [tartuBefore] = koondLine(before, "Tartu") as number[];
    expect(koondLine(after, "Tartu")[0]).toBe(Math.round((tartuBefore - 1000) * 100) / 100);
  });

  test("a refusal says why, exits 2 and writes no file", async () => {
    const out = path.join(dir, "refused.xlsx");
    const locked = await spreadTartu(plan, "2000", out, "--lock", "3.5.2.1.3.1");
    expect(locked.status).toBe(2);
    expect(locked.stderr.replace(/\u00a0/g, " ")).toBe(
      "tat-budget: 3.5.2.1.3: lukustatud read on kokku 2 400,00, rohkem kui 2 000,00.\n",
    );
    expect(existsSync(out)).toBe(false);
    const overdrawn = await run(
      "move",
      plan,
      "--implementer",
      "Tartu",
      "--from",
      "3.5.2.1.3.2",
      "--to",
      "3.5.2.1.1.2",
      "--amount",
      "2000",
      "-o",
      out,
      "--lang",
      "en",
    );
    expect(overdrawn.status).toBe(2);
    expect(overdrawn.stderr).toBe("tat-budget: 3.5.2.1.3.2 has 1577.15: moving 2000.00 would make it negative.\n");
    expect(existsSync(out)).toBe(false);
    const intoInput = await spreadTartu(plan, "1", plan);
    expect(intoInput.status).toBe(2);
    expect(intoInput.stderr).toContain("never its input");
    const notAnAmount = await spreadTartu(plan, "5k", out);
    expect(notAnAmount.status).toBe(2);
    expect(notAnAmount.stderr).toContain('--total "5k" is not an amount');
    expect(existsSync(out)).toBe(false);
  });

  test("LibreOffice recalculating the edited workbook from scratch gets the engine's totals", async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice Calc is needed here: npm run test:deps installs it");
    const out = path.join(dir, "spread-lo.xlsx");
    expect((await spreadTartu(plan, "5000", out)).status).toBe(0);
    const converted = path.join(dir, "lo");
    const profile = writeRecalcProfile(path.join(dir, "lo-profile"));
    await convertWithLibreOffice(soffice, profile, [out], converted, "xlsx");
    const recalculated = await readWorkbookFile(path.join(converted, "spread-lo.xlsx"));
    const engine = runChecks(workbookToPlan(await readWorkbookFile(out)).plan, RULES);
    const tartu = engine.totals.find((line) => line.implementer === "Tartu linn")!;
    expect(tartu.computed!.toFixed(2)).toBe("95011.38");
    expect(amountOf(recalculated, "Tartu", "3.5.2.1")).toBe(95011.38);
    expect(koondLine(recalculated, "Tartu")).toEqual([95011.38, 95011.38, 0]);
    expect((koondLine(recalculated, "Kokku")[0] as number).toFixed(2)).toBe(engine.grandComputed!.toFixed(2));
  });
});
