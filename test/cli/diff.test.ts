import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/workbook/xlsx/exceljs-adapter";
import { FIXTURE_PATH, fixtureText } from "../helpers";
import { CONVERT_TIMEOUT_MS, convertWithLibreOffice, findSoffice, writeRecalcProfile } from "../libreoffice";

/**
 * `diff` on the bundled directive and an amendment of it made by hand in its text: a new item 3.5.2.1.3.2 of 200 put
 * in Tartu's schedule before „Abiks tartlasele“, which becomes 3.5.2.1.3.3, the parents raised by 200, and Jõhvi's
 * agreement extended to 2028. The same pair as text, as workbooks `import` writes, and mixed, gives the same changes.
 */

jest.setTimeout(2 * CONVERT_TIMEOUT_MS + 120_000);

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

/** Replaces the one occurrence of `from`, failing if the fixture does not hold it exactly once. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly once in the fixture: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function amendedText(): string {
  let text = fixtureText();
  text = replaceOnce(
    text,
    "3.5.2.1.3.2 „Abiks tartlasele“",
    "3.5.2.1.3.2 Uus infokampaania.\n01.01.2025- 31.12.2025\n01.01.2025- 31.12.2025\n200 Tartu linn\n" +
      "3.5.2.1.3.3 „Abiks tartlasele“",
  );
  text = replaceOnce(text, "3 977,15 Tartu linn", "4 177,15 Tartu linn");
  text = replaceOnce(text, "93 988,53 Tartu linn", "94 188,53 Tartu linn");
  text = replaceOnce(text, "Jõhvi vallal kuni 31.12.2026", "Jõhvi vallal kuni 31.12.2028");
  return text;
}

describe("tat-budget diff", () => {
  let dir: string;
  let newText: string;
  let oldBook: string;
  let newBook: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "tat-diff-"));
    newText = path.join(dir, "uus.txt");
    writeFileSync(newText, amendedText());
    oldBook = path.join(dir, "vana.xlsx");
    newBook = path.join(dir, "uus.xlsx");
    expect((await run("import", FIXTURE_PATH, "-o", oldBook)).status).toBe(0);
    expect((await run("import", newText, "-o", newBook)).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const jsonOf = async (before: string, after: string) => {
    const result = await run("diff", before, after, "--json");
    expect([result.status, result.stderr]).toEqual([0, ""]);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };

  test("the text pair: the insertion, one renumbering, the parents, the agreement; totals up by 200", async () => {
    const json = await jsonOf(FIXTURE_PATH, newText);
    expect(json.changes).toEqual([
      {
        implementer: "Tartu linn",
        code: "3.5.2.1",
        codeBefore: "3.5.2.1",
        label: expect.stringMatching(/^Sihtrühmale teenuste arendamine/),
        change: "changed",
        fields: [{ field: "amount", before: "93988.53", after: "94188.53" }],
        amountBefore: "93988.53",
        amountAfter: "94188.53",
        difference: "200.00",
        counted: "0.00",
      },
      {
        implementer: "Tartu linn",
        code: "3.5.2.1.3",
        codeBefore: "3.5.2.1.3",
        label: expect.stringMatching(/^Tõhusa kommunikatsiooni/),
        change: "changed",
        fields: [{ field: "amount", before: "3977.15", after: "4177.15" }],
        amountBefore: "3977.15",
        amountAfter: "4177.15",
        difference: "200.00",
        counted: "0.00",
      },
      {
        implementer: "Tartu linn",
        code: "3.5.2.1.3.2",
        codeBefore: null,
        label: "Uus infokampaania.",
        change: "added",
        fields: [],
        amountBefore: null,
        amountAfter: "200.00",
        difference: "200.00",
        counted: "200.00",
      },
      {
        implementer: "Tartu linn",
        code: "3.5.2.1.3.3",
        codeBefore: "3.5.2.1.3.2",
        label: expect.stringMatching(/^„Abiks tartlasele“/),
        change: "renumbered",
        fields: [{ field: "code", before: "3.5.2.1.3.2", after: "3.5.2.1.3.3" }],
        amountBefore: "1577.15",
        amountAfter: "1577.15",
        difference: "0.00",
        counted: "0.00",
      },
    ]);
    expect(json.totals).toContainEqual({
      implementer: "Tartu linn",
      before: "93988.53",
      after: "94188.53",
      difference: "200.00",
    });
    expect((json.grandTotal as { difference: string }).difference).toBe("200.00");
    expect(json.partnerships).toEqual([
      {
        implementer: "Jõhvi vald",
        before: { start: "2025-01-01", end: "2026-12-31" },
        after: { start: "2025-01-01", end: "2028-12-31" },
      },
    ]);
    expect(json.indicators).toEqual([]);
  });

  test("the same pair as workbooks, and mixed, gives the same changes", async () => {
    const texts = await jsonOf(FIXTURE_PATH, newText);
    const books = await jsonOf(oldBook, newBook);
    const mixed = await jsonOf(FIXTURE_PATH, newBook);
    expect(books).toEqual(texts);
    expect(mixed).toEqual(texts);
  });

  test("the same pair as Word documents (lisa 1 written from each text) gives the same changes", async () => {
    const oldDocx = path.join(dir, "vana.docx");
    const newDocx = path.join(dir, "uus.docx");
    expect((await run("lisa1", FIXTURE_PATH, "-o", oldDocx)).status).toBe(0);
    expect((await run("lisa1", newText, "-o", newDocx)).status).toBe(0);
    const texts = await jsonOf(FIXTURE_PATH, newText);
    expect(await jsonOf(oldDocx, newDocx)).toEqual(texts);
    expect(await jsonOf(oldDocx, newBook)).toEqual(texts);
  });

  test("human output in Estonian and English; no changes is exit 0", async () => {
    const et = await run("diff", FIXTURE_PATH, newText);
    expect(et.status).toBe(0);
    expect(et.stdout).toContain("3.5.2.1.3.2 → 3.5.2.1.3.3");
    expect(et.stdout).toContain("ümber nummerdatud");
    expect(et.stdout).toContain("Jõhvi vald: 01.01.2025–31.12.2026 → 01.01.2025–31.12.2028");
    const en = await run("diff", FIXTURE_PATH, newText, "--lang", "en");
    expect(en.stdout).toContain("renumbered");
    expect(en.stdout).toMatch(/Total\s+\S+\s+\S+\s+200\.00/);
    const same = await run("diff", FIXTURE_PATH, oldBook);
    expect([same.status, same.stdout]).toEqual([0, "Muudatusi ei ole: kavad on samad.\n"]);
  });

  test("-o writes the Muudatused sheet: the change table with an empty Põhjendus column, then the totals", async () => {
    const output = path.join(dir, "muudatused.xlsx");
    const written = await run("diff", FIXTURE_PATH, newText, "-o", output);
    expect([written.status, written.stderr]).toEqual([0, ""]);
    expect(written.stdout).toContain(`Muudatuste leht kirjutatud: ${output}`);
    const [sheet] = await readWorkbookFile(output);
    expect(sheet.name).toBe("Muudatused");
    const values = sheet.rows.map((row) => (row ?? []).map((cell) => cell?.value ?? null));
    expect(values[2]).toEqual([
      "Elluviija / partner",
      "Kood",
      "Kood enne",
      "Tegevus",
      "Muutus",
      "Enne",
      "Pärast",
      "Vahe",
      "Põhjendus",
    ]);
    const table = values.slice(3, 7).map((row) => [row[0], row[1], row[2], row[4], row[5], row[6], row[7], row[8]]);
    expect(table).toEqual([
      ["Tartu linn", "3.5.2.1", "3.5.2.1", "muudetud: summa", 93988.53, 94188.53, 200, ""],
      ["Tartu linn", "3.5.2.1.3", "3.5.2.1.3", "muudetud: summa", 3977.15, 4177.15, 200, ""],
      ["Tartu linn", "3.5.2.1.3.2", "", "lisatud", "", 200, 200, ""],
      ["Tartu linn", "3.5.2.1.3.3", "3.5.2.1.3.2", "ümber nummerdatud: kood", 1577.15, 1577.15, 0, ""],
    ]);
    // The difference is a formula of its row, so a corrected amount carries through.
    expect(sheet.rows[3]?.[7]?.formula).toBe("N(G4)-N(F4)");
    const tartu = values.find((row) => row[0] === "Tartu linn" && row.length === 4);
    expect(tartu).toEqual(["Tartu linn", 93988.53, 94188.53, 200]);
    const total = values.find((row) => row[0] === "Kokku")!;
    expect(total).toEqual(["Kokku", 1266860.75, 1267060.75, 200]);
    expect((await run("diff", FIXTURE_PATH, newText, "-o", output)).status).toBe(2);
  });

  test("LibreOffice recalculates the sheet to the same figures and reads the Word table back", async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice is needed here: npm run test:deps installs it");
    const sheet = path.join(dir, "lo-muudatused.xlsx");
    const docx = path.join(dir, "lo-muudatused.docx");
    const written = await run("diff", FIXTURE_PATH, newText, "-o", sheet, "--docx", docx);
    expect([written.status, written.stderr]).toEqual([0, ""]);
    expect(written.stdout).toContain(`Muudatuste tabel kirjutatud: ${docx}`);
    const converted = path.join(dir, "lo");
    const profile = writeRecalcProfile(path.join(dir, "lo-profile"));
    await convertWithLibreOffice(soffice, profile, [sheet], converted, "xlsx");
    // The encoding named: plain "txt:Text" writes the system's, which is not UTF-8 under every locale (õ became ?).
    await convertWithLibreOffice(soffice, profile, [docx], converted, "txt:Text (encoded):UTF8");
    const [recalculated] = await readWorkbookFile(path.join(converted, "lo-muudatused.xlsx"));
    const differences = recalculated.rows.slice(3, 7).map((row) => row?.[7]?.value);
    expect(differences).toEqual([200, 200, 200, 0]);
    const total = recalculated.rows.find((row) => row?.[0]?.value === "Kokku")!;
    expect(total.slice(1, 4).map((cell) => cell?.value)).toEqual([1266860.75, 1267060.75, 200]);
    const text = readFileSync(path.join(converted, "lo-muudatused.txt"), "utf8");
    const lines = text.split(/\r?\n/).map((line) => line.trim());
    for (const expected of [
      "Põhjendus",
      "3.5.2.1.3.2 → 3.5.2.1.3.3",
      "ümber nummerdatud: kood",
      "Uus infokampaania.",
      "94\u00a0188,53",
      "1\u00a0267\u00a0060,75",
      "Jõhvi vald: 01.01.2025 – 31.12.2026 → 01.01.2025 – 31.12.2028",
    ]) {
      expect(lines).toContain(expected);
    }
  });

  test("--into: a copy of the new workbook with Muudatused and the changed cells marked lilac; reasons carried over", async () => {
    const copy = path.join(dir, "uus-muudatustega.xlsx");
    const written = await run("diff", FIXTURE_PATH, newBook, "--into", copy);
    expect([written.status, written.stderr]).toEqual([0, ""]);
    // The parents' amounts, the added row's eight shown cells and the renumbered row's code: 11 cells.
    expect(written.stdout).toContain(
      `Töövihiku koopia lehega „Muudatused“ kirjutatud: ${copy} (märgitud 11 muudetud lahtrit)`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(copy);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain("Muudatused");
    const formattings = (
      workbook.getWorksheet("Tartu") as ExcelJS.Worksheet & {
        conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
      }
    ).conditionalFormattings;
    // A range may carry several rules (a finding's and a change's on one column): each lilac rule, by its code.
    const keyed = formattings.flatMap((formatting) =>
      formatting.rules
        .filter(
          (rule) => (rule.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb?.toUpperCase() === "FFE4D7F5",
        )
        .map((rule) => {
          const formula = (rule as { formulae?: string[] }).formulae?.[0] ?? "";
          return `${formatting.ref.replace(/\d+:.*/, "")} ${/\$A\d+="([^"]+)"/.exec(formula)?.[1]}`;
        }),
    );
    expect(keyed.sort()).toEqual(
      [
        "G 3.5.2.1",
        "G 3.5.2.1.3",
        // Not C: the new row's frame (2025) differs from Tartu's agreement (2023–2025), and a finding's mark shows
        // over a change's.
        ...["A", "B", "D", "E", "F", "G", "I"].map((column) => `${column} 3.5.2.1.3.2`),
        "A 3.5.2.1.3.3",
      ].sort(),
    );
    const frameRules = formattings
      .filter((formatting) => formatting.ref.startsWith("C"))
      .flatMap((formatting) => formatting.rules)
      .filter((rule) => ((rule as { formulae?: string[] }).formulae?.[0] ?? "").includes('"3.5.2.1.3.2"'));
    expect(frameRules.map((rule) => (rule.style?.fill as ExcelJS.FillPattern).bgColor?.argb)).toEqual(["FFFFE699"]);
    // The officer writes a reason on the copy; compared again, the reason stands beside its change.
    const changes = workbook.getWorksheet("Muudatused")!;
    expect(changes.getCell("B6").value).toBe("3.5.2.1.3.2");
    changes.getCell("I6").value = "Linnavalitsuse korraldus";
    await workbook.xlsx.writeFile(copy);
    const again = path.join(dir, "uus-muudatustega-2.xlsx");
    const rewritten = await run("diff", FIXTURE_PATH, copy, "--into", again);
    expect([rewritten.status, rewritten.stderr]).toEqual([0, ""]);
    expect(rewritten.stdout).toContain("põhjendusi säilitati 1");
    const reread = (await readWorkbookFile(again)).find((sheet) => sheet.name === "Muudatused")!;
    expect(reread.rows[5]?.[1]?.value).toBe("3.5.2.1.3.2");
    expect(reread.rows[5]?.[8]?.value).toBe("Linnavalitsuse korraldus");
    // A document is not a workbook to copy: refused, nothing written.
    const refused = await run("diff", FIXTURE_PATH, newText, "--into", path.join(dir, "ei.xlsx"));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--into vajab uueks versiooniks tat-budget töövihikut");
    expect(existsSync(path.join(dir, "ei.xlsx"))).toBe(false);
  });

  test("an input that cannot be read is exit 2; one file is a usage error", async () => {
    const missing = await run("diff", FIXTURE_PATH, path.join(dir, "puudub.txt"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("puudub.txt");
    expect((await run("diff", FIXTURE_PATH)).status).toBe(2);
  });
});
