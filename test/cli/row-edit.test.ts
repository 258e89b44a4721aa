import ExcelJS from "exceljs";
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
 * `add-row` and `remove-row` on the workbook `import` (and `annex`) write from the bundled directive: the code they
 * print, the rows they move, a workbook LibreOffice recalculates from scratch to the engine's totals, and lisa 2's
 * sheets generated again without a broken reference.
 */

jest.setTimeout(2 * CONVERT_TIMEOUT_MS + 180_000);

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { status, stdout: stdout.replace(/\u00a0/g, " "), stderr };
}

const sheetOf = (sheets: RawSheet[], name: string) => sheets.find((sheet) => sheet.name === name)!;
const codes = (sheets: RawSheet[], name: string) =>
  sheetOf(sheets, name)
    .rows.slice(4)
    .map((row) => String(row?.[0]?.value ?? ""));
/**
 * Every cell of a workbook whose formula names a reference that broke (#REF!) or whose value is an error, as
 * LibreOffice saved them after recalculating: read with ExcelJS itself, for the port's reader turns errors into blanks.
 */
async function errors(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const found: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as { formula?: string; result?: unknown; error?: string } | null;
        const result = value && typeof value === "object" ? ("result" in value ? value.result : value) : null;
        const broken =
          (typeof value?.formula === "string" && value.formula.includes("#REF!")) ||
          (result !== null && typeof result === "object" && "error" in (result as object));
        if (broken) found.push(`${sheet.name}!${cell.address}`);
      }),
    ),
  );
  return found;
}
const koondLine = (sheets: RawSheet[], label: string) => {
  const row = sheetOf(sheets, "Koond").rows.find(
    (cells) => cells?.[0]?.value === label || cells?.[2]?.value === label,
  )!;
  return row
    .slice(3, 6)
    .map((cell) => (typeof cell?.value === "number" ? Math.round(cell.value * 100) / 100 + 0 : cell?.value));
};

describe("tat-budget add-row and remove-row", () => {
  let dir: string;
  let plan: string;
  let withLisa2: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "tat-rows-"));
    plan = path.join(dir, "kava.xlsx");
    withLisa2 = path.join(dir, "kava-lisa2.xlsx");
    expect((await run("import", FIXTURE_PATH, "-o", plan)).status).toBe(0);
    expect((await run("annex", FIXTURE_PATH, "-o", withLisa2)).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("add-row prints the new code, places the row under its parent and the totals follow", async () => {
    const out = path.join(dir, "lisatud.xlsx");
    const input = readFileSync(plan);
    const { status, stdout, stderr } = await run(
      "add-row",
      plan,
      "--implementer",
      "Tartu",
      "--under",
      "3.5.2.1.3",
      "--label",
      "Infokogumiku trükk",
      "--amount",
      "1 000,50",
      "--plan",
      "01.03.2025 – 30.06.2025",
      "-o",
      out,
    );
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout.split("\n")[0]).toBe("Lisatud rida: 3.5.2.1.3.3");
    expect(stdout).toContain("  Tartu linn  3.5.2.1.3.3  – → 1 000,50  (lisatud)\n");
    expect(stdout).toContain("Kokku Tartu linn: 93 988,53 → 94 989,03\n");
    expect(readFileSync(plan).equals(input)).toBe(true);
    const sheets = await readWorkbookFile(out);
    expect(codes(sheets, "Tartu").slice(7, 12)).toEqual([
      "3.5.2.1.3",
      "3.5.2.1.3.1",
      "3.5.2.1.3.2",
      "3.5.2.1.3.3",
      "3.5.2.1.4",
    ]);
    const read = workbookToPlan(sheets).plan;
    const added = read.implementers
      .find((each) => each.name === "Tartu linn")!
      .rows.find((row) => row.code === "3.5.2.1.3.3")!;
    expect(added.label).toBe("Infokogumiku trükk");
    expect(added.amount?.toFixed(2)).toBe("1000.50");
    expect(added.plan?.start.toIso()).toBe("2025-03-01");
    expect(added.plan?.end.toIso()).toBe("2025-06-30");
    expect(added.responsible).toBe("Tartu linn");
    const check = runChecks(read, RULES);
    expect(
      check.findings.filter((finding) => finding.implementer === "Tartu linn" && finding.category === "sums"),
    ).toEqual([]);
  });

  test("remove-row with --renumber closes the gap; without it the codes stay", async () => {
    const renumbered = path.join(dir, "eemaldatud.xlsx");
    const kept = path.join(dir, "eemaldatud-vahega.xlsx");
    const first = await run(
      "remove-row",
      plan,
      "--implementer",
      "Tartu linn",
      "--code",
      "3.5.2.1.3",
      "--renumber",
      "-o",
      renumbered,
    );
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("  Tartu linn  3.5.2.1.3.1  2 400,00 → –  (eemaldatud)\n");
    expect(first.stdout).toContain("  Tartu linn  3.5.2.1.4 → 3.5.2.1.3  (uus number)\n");
    expect(first.stdout).toContain("Kokku Tartu linn: 93 988,53 → 90 011,38\n");
    expect(codes(await readWorkbookFile(renumbered), "Tartu").slice(7, 12)).toEqual([
      "3.5.2.1.3",
      "3.5.2.1.3.1",
      "3.5.2.1.4",
      "3.5.2.1.4.1",
      "",
    ]);
    expect((await run("remove-row", plan, "--implementer", "Tartu", "--code", "3.5.2.1.3", "-o", kept)).status).toBe(0);
    expect(codes(await readWorkbookFile(kept), "Tartu").slice(7, 11)).toEqual([
      "3.5.2.1.4",
      "3.5.2.1.4.1",
      "3.5.2.1.5",
      "3.5.2.1.5.1",
    ]);
  });

  test("a refused edit exits 2 with the reason and writes no file", async () => {
    const out = path.join(dir, "ei.xlsx");
    const top = await run("remove-row", plan, "--implementer", "Tartu", "--code", "3.5.2.1", "-o", out);
    expect(top.status).toBe(2);
    expect(top.stderr).toMatch(/tipp/);
    const numbered = await run(
      "add-row",
      plan,
      "--implementer",
      "ELVL",
      "--under",
      "3.5.1.2 › 6.",
      "--label",
      "x",
      "--amount",
      "1",
      "-o",
      out,
    );
    expect(numbered.status).toBe(2);
    const period = await run(
      "add-row",
      plan,
      "--implementer",
      "Tartu",
      "--under",
      "3.5.2.1.3",
      "--label",
      "x",
      "--amount",
      "1",
      "--frame",
      "2025",
      "-o",
      out,
    );
    expect(period.status).toBe(2);
    expect(period.stderr).toContain("--frame „2025“ ei ole ajavahemik");
    expect(existsSync(out)).toBe(false);
  });

  test("LibreOffice recalculating the edited workbooks from scratch gets the engine's totals, lisa 2 included", async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice Calc is needed here: npm run test:deps installs it");
    const added = path.join(dir, "lo-lisatud.xlsx");
    const removed = path.join(dir, "lo-eemaldatud.xlsx");
    const section = path.join(dir, "lo-uus-tegevus.xlsx");
    const addArgs = ["--implementer", "Tartu", "--label", "Uus", "--amount", "750"];
    expect((await run("add-row", withLisa2, "--under", "3.5.2.1.3", ...addArgs, "-o", added)).status).toBe(0);
    const regenerated = await run(
      "remove-row",
      withLisa2,
      "--implementer",
      "Pärnu linn",
      "--code",
      "3.5.2.1.2",
      "--renumber",
      "-o",
      removed,
    );
    expect(regenerated.stdout).toContain("Lisa 2 lehed loodi uuesti: Lisa 2, Lisa 2 maatriks\n");
    const newSection = await run("add-row", withLisa2, "--under", "3.5.2.1", ...addArgs, "-o", section);
    expect(newSection.stdout.split("\n")[0]).toBe("Lisatud rida: 3.5.2.1.6");
    const converted = path.join(dir, "lo");
    const profile = writeRecalcProfile(path.join(dir, "lo-profile"));
    await convertWithLibreOffice(soffice, profile, [added, removed, section], converted, "xlsx");
    for (const file of [added, removed, section]) {
      const recalculated = await readWorkbookFile(path.join(converted, path.basename(file)));
      const engine = runChecks(workbookToPlan(await readWorkbookFile(file)).plan, RULES);
      expect([file, await errors(path.join(converted, path.basename(file)))]).toEqual([file, []]);
      for (const line of engine.totals) {
        const total = Number(line.computed!.toFixed(2));
        expect([line.implementer, koondLine(recalculated, line.implementer)]).toEqual([
          line.implementer,
          [total, total, 0],
        ]);
      }
      const grand = Number(engine.grandComputed!.toFixed(2));
      expect(koondLine(recalculated, "Kokku")[0]).toBe(grand);
      // Lisa 2's direct costs are the schedules' total, recomputed by LibreOffice from its formulas.
      const lisa2 = sheetOf(recalculated, "Lisa 2").rows.flat();
      expect(lisa2.some((cell) => typeof cell?.value === "number" && Math.abs(cell.value - grand) < 0.005)).toBe(true);
    }
  });
});
