import { mkdtempSync, truncateSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/workbook/xlsx/exceljs-adapter";
import { FIXTURE_PATH } from "../helpers";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

describe("tat-budget parse", () => {
  it("prints the JSON shape of the issue", async () => {
    const { status, stdout } = await run("parse", FIXTURE_PATH, "--json");
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["planPeriod", "implementers", "indicators", "diagnostics"]);
    const tartu = json.implementers[1];
    expect(Object.keys(tartu)).toEqual(["name", "role", "tables", "partnership", "rows"]);
    expect(tartu).toMatchObject({
      name: "Tartu linn",
      role: "partner",
      tables: [9],
      partnership: { start: "2023-01-01", end: "2025-12-31" },
    });
    expect(tartu.rows[1]).toEqual({
      code: "3.5.2.1.1",
      label: "KOV-s elava sihtrühma kaasamine punktis 1.4 nimetatud eesmärki toetavasse tegevusse.",
      kind: "activity",
      amount: "5660.54",
      frame: { start: "2023-01-01", end: "2025-12-31" },
      plan: { start: "2025-01-01", end: "2025-12-31" },
      responsible: "Tartu linn",
      line: 250,
    });
    expect(json.implementers[0].rows[0]).toMatchObject({ code: null, kind: "personnel", amount: "119582.00" });
    expect(json.indicators[0]).toEqual({
      table: 2,
      name: "KOV koordinaatorite arv",
      unit: "Arv",
      target: "8",
      target2029: "7",
      explanation: expect.any(String),
    });
    expect(json.diagnostics).toEqual([]);
  });

  it("prints a readable summary with every implementer's declared total", async () => {
    const { status, stdout } = await run("parse", FIXTURE_PATH);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Tegevuskava periood: 01\.01\.2025 – 31\.12\.2025/);
    expect(stdout).toMatch(/Tartu linn\s+partner\s+9\s+15\s+93\u00a0988,53\s+01\.01\.2023 – 31\.12\.2025/);
    expect(stdout).toMatch(/Kohtla-Järve linn\s+partner\s+16\s+15\s+118\u00a0640,00\s+01\.01\.2025 – 31\.12\.2027/);
    expect(stdout).toMatch(/Kokku\s+134\s+1\u00a0266\u00a0860,75/);
    expect(stdout).toContain("Impordi teated: puuduvad");
  });

  it("speaks English when asked", async () => {
    const { stdout } = await run("parse", FIXTURE_PATH, "--lang", "en");
    expect(stdout).toMatch(/Total\s+134\s+1266860\.75/);
  });

  it("lists import diagnostics with their lines", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const file = path.join(dir, "garbled.txt");
    const { readFileSync } = await import("fs");
    writeFileSync(file, readFileSync(FIXTURE_PATH, "utf8").replace("5 660,54 Tartu linn", "5 66O,54 Tartu linn"));
    const { status, stdout } = await run("parse", file);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /Impordi teated \(1\):\n {2}\[error\] rida 250: Rea „3\.5\.2\.1\.1“ planeeritav maksumus „5 66O,54“/,
    );
  });

  it("refuses a text without schedules with exit status 2 and the reason", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const file = path.join(dir, "letter.txt");
    writeFileSync(file, "Tere!\nEelarve tuleb homme.\n");
    const { status, stderr } = await run("parse", file);
    expect(status).toBe(2);
    expect(stderr).toContain("Tegevuste ajakava");
  });

  it("refuses a folder given as the file, with exit status 2", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const { status, stderr } = await run("parse", dir);
    expect(status).toBe(2);
    expect(stderr).toContain("on kaust, mitte fail");
  });

  it("refuses a missing file and a binary file", async () => {
    expect((await run("parse", "/no/such/file.txt")).stderr).toContain("faili ei leitud");
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const file = path.join(dir, "plan.txt");
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe]));
    const binary = await run("parse", file);
    expect([binary.status, binary.stderr]).toEqual([2, expect.stringContaining("ei ole UTF-8 tekstifail")]);
    // A file named .pdf or .docx goes to its importer, which says what is wrong with it.
    const pdf = path.join(dir, "plan.pdf");
    writeFileSync(pdf, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe]));
    expect([(await run("parse", pdf)).status, (await run("parse", pdf)).stderr]).toEqual([
      2,
      "tat-budget: Fail ei ole loetav PDF. Valige käskkirja lisa 1 PDF-fail.\n",
    ]);
    const docx = path.join(dir, "plan.docx");
    writeFileSync(docx, "see ei ole Wordi fail");
    expect((await run("parse", docx)).status).toBe(2);
  });

  it("refuses a file over its size limit before reading it, naming the limit, in either language", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    // Sparse files: their size is what is checked, their content is never read.
    const text = path.join(dir, "kaskkiri.txt");
    writeFileSync(text, "");
    truncateSync(text, 20 * 1024 * 1024);
    const refused = await run("parse", text);
    expect([refused.status, refused.stderr]).toEqual([
      2,
      "tat-budget: Fail „kaskkiri.txt“ on liiga suur: 20 MB; suurim lubatud on 5 MB. Käskkirja lisa 1 on palju " +
        "väiksem: kontrollige, kas valisite õige faili.\n",
    ]);
    const pdf = path.join(dir, "lisa1.pdf");
    writeFileSync(pdf, "");
    truncateSync(pdf, 30 * 1024 * 1024 + 1);
    expect((await run("check", pdf, "--lang", "en")).stderr).toBe(
      'tat-budget: The file "lisa1.pdf" is too large: 30.1 MB; the largest accepted is 30 MB. A directive\'s annex 1 ' +
        "is far smaller: check that this is the right file.\n",
    );
    const docx = path.join(dir, "lisa1.docx");
    writeFileSync(docx, "");
    truncateSync(docx, 20 * 1024 * 1024 + 1);
    expect((await run("parse", docx)).stderr).toContain("suurim lubatud on 20 MB");
  });

  it("answers bad usage with status 2 and the usage", async () => {
    expect((await run("parse")).status).toBe(2);
    expect((await run("frobnicate")).status).toBe(2);
    expect((await run("parse", FIXTURE_PATH, "--lang", "fi")).status).toBe(2);
    const help = await run("--help");
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining("tat-budget parse")]);
  });
});

describe("tat-budget check", () => {
  it("groups the findings by implementer and severity, with counts, and exits 1 on errors", async () => {
    const { status, stdout } = await run("check", FIXTURE_PATH);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^Kontrolli tulemus: 18 viga, 10 hoiatust, 4 teadet\n/);
    expect(stdout).toMatch(/\nRakvere linn\n {2}Vead \(13\)\n {4}rida 457 {2}\[plan-outside-year\]/);
    expect(stdout).toMatch(
      /\nKohtla-Järve linn\n {2}Vead \(1\)\n[^]*\n {2}Hoiatused \(2\)\n {4}rida 972 {2}\[missing-responsible\]/,
    );
    expect(stdout).toMatch(/Kokku\s+1\u00a0266\u00a0860,75\s+1\u00a0266\u00a0860,75\s+0,00/);
  });

  it("prints findings and totals as JSON", async () => {
    const { status, stdout } = await run("check", FIXTURE_PATH, "--json");
    expect(status).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.findings).toHaveLength(32);
    expect(json.findings).toContainEqual(
      expect.objectContaining({
        rule: "plan-outside-year",
        severity: "error",
        implementer: "Rakvere linn",
        code: "3.5.2.1.2.1",
        line: 471,
        expected: "01.01.2025 – 31.12.2025",
        actual: "01.01.2023 – 31.12.2025",
        message: expect.stringContaining("01.01.2023 – 31.12.2025"),
      }),
    );
    expect(json.totals[1]).toEqual({
      implementer: "Tartu linn",
      declared: "93988.53",
      computed: "93988.53",
      difference: "0.00",
    });
    expect(json.grandTotal).toBe("1266860.75");
    expect(json.counts).toEqual({ error: 18, warning: 10, info: 4 });
  });

  it("reports a wrong sum with both numbers, and exits 0 on a plan with no errors", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const { readFileSync } = await import("fs");
    const wrong = path.join(dir, "wrong.txt");
    writeFileSync(wrong, readFileSync(FIXTURE_PATH, "utf8").replace("2 400 Tartu linn", "2 500 Tartu linn"));
    const json = JSON.parse((await run("check", wrong, "--json", "--lang", "en")).stdout);
    const sum = json.findings.find((finding: { rule: string }) => finding.rule === "sum-mismatch");
    expect(sum).toMatchObject({
      implementer: "Tartu linn",
      code: "3.5.2.1.3",
      line: 280,
      declared: "3977.15",
      computed: "4077.15",
      difference: "100.00",
      expected: "4077.15",
      actual: "3977.15",
    });
    expect(sum.message).toMatch(/^Row 3\.5\.2\.1\.3 declares €3977\.15, but its items add up to €4077\.15/);
    expect(sum.related.map((row: { line: number }) => row.line)).toEqual([286, 293]);

    const clean = path.join(dir, "clean.txt");
    writeFileSync(
      clean,
      [
        "Tallinn 02.02.2026 nr 7",
        "Toetatava tegevuse „Näide“ tegevuskava perioodil 01.01.2026 – 31.12.2026",
        "Partnerluslepingu alusel viiakse ellu tegevusi Narva linnas ajavahemikus 01.03.2024-31.12.2026.",
        "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Narva linnas",
        "Tabel 1. Tegevuste ajakava",
        "3.5.2.1 Sihtrühmale teenuste arendamine",
        "01.03.2024- 31.12.2026",
        "01.01.2026- 31.12.2026",
        "1 150,50 Narva linn",
        "3.5.2.1.1 Infopäevad",
        "01.03.2024- 31.12.2026",
        "01.02.2026- 30.11.2026",
        "1 000,25 ELVL ja Narva linn",
        "Otsesed personalikulud",
        "01.03.2024- 31.12.2026",
        "01.01.2026- 31.12.2026",
        "150,25 Narva linn",
      ].join("\n"),
    );
    const result = await run("check", clean);
    expect(result.stdout).toMatch(/^Kontrolli tulemus: 0 viga, 0 hoiatust, 0 teadet\nVastuolusid ei leitud\./);
    expect(result.status).toBe(0);
  });
});

describe("tat-budget recalc", () => {
  it("prints every parent row declared against computed", async () => {
    const { status, stdout } = await run("recalc", FIXTURE_PATH);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /3\.5\.2\.1\.3\s+Tõhusa kommunikatsiooni tagamine sihtrühmale\.\s+3\u00a0977,15\s+3\u00a0977,15\s+0,00/,
    );
    expect(stdout).toMatch(/Pärnu linn kokku\s+58\u00a0174,77\s+58\u00a0174,77\s+0,00/);
    expect(stdout).toMatch(/Kokku: 1\u00a0266\u00a0860,75 \/ 1\u00a0266\u00a0860,75 \/ 0,00/);
  });
});

describe("tat-budget on workbooks", () => {
  it("imports the text into a workbook, refuses to overwrite it, and checks it with cell positions", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const workbook = path.join(dir, "kava.xlsx");
    const imported = await run("import", FIXTURE_PATH, "-o", workbook);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("lehed: Koond, ELVL, Tartu, Tallinn, Rakvere");
    const again = await run("import", FIXTURE_PATH, "-o", workbook);
    expect([again.status, again.stderr]).toEqual([2, expect.stringContaining("on juba olemas")]);

    const checked = await run("check", workbook, "--json");
    expect(checked.status).toBe(1);
    const json = JSON.parse(checked.stdout);
    expect(json.counts).toEqual({ error: 18, warning: 10, info: 4 });
    // Placed by its cell; the document's line 130 cannot be found in Excel.
    expect(json.findings[0]).toMatchObject({ rule: "plan-outside-year", sheet: "ELVL", cell: "E14", line: null });
    expect(json.grandTotal).toBe("1266860.75");
  });

  it("recalc -o writes the roll-up formulas back into a copy, leaving everything else", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const workbook = path.join(dir, "kava.xlsx");
    await run("import", FIXTURE_PATH, "-o", workbook);
    // The user types over a parent's formula and colours a cell of their own.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    const tartu = book.getWorksheet("Tartu")!;
    let sectionRow = 0;
    tartu.eachRow((row, number) => {
      if (row.getCell(1).value === "3.5.2.1.3") sectionRow = number;
    });
    tartu.getCell(`G${sectionRow}`).value = 4000;
    tartu.getCell("K1").value = "minu märkus";
    tartu.getCell("K1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    await book.xlsx.writeFile(workbook);

    const overridden = JSON.parse((await run("check", workbook, "--json")).stdout);
    expect(overridden.findings.filter((f: { rule: string }) => f.rule === "parent-overridden")).toHaveLength(1);

    const out = path.join(dir, "uus.xlsx");
    const recalc = await run("recalc", workbook, "-o", out);
    expect(recalc.status).toBe(0);
    expect(recalc.stdout).toContain("(45 valemit, neist muutus 1)");
    expect(recalc.stdout).toContain(`Tartu!G${sectionRow}: arv → =SUM(G${sectionRow + 1}:G${sectionRow + 2})`);

    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(out);
    const sheet = after.getWorksheet("Tartu")!;
    expect(sheet.getCell(`G${sectionRow}`).formula).toBe(`SUM(G${sectionRow + 1}:G${sectionRow + 2})`);
    expect(sheet.getCell("K1").value).toBe("minu märkus");
    expect(sheet.getCell("K1").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    const fixed = JSON.parse((await run("check", out, "--json")).stdout);
    expect(fixed.findings.filter((f: { rule: string }) => f.rule === "parent-overridden")).toEqual([]);
  });

  it("refuses a file that is not a workbook", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const fake = path.join(dir, "vale.xlsx");
    writeFileSync(fake, "see ei ole töövihik");
    const result = await run("check", fake);
    expect([result.status, result.stderr]).toEqual([
      2,
      expect.stringContaining("vale.xlsx: fail ei ole Exceli töövihik (.xlsx): selle sisu on muud liiki"),
    ]);
  });
});

describe("tat-budget annex", () => {
  it("writes lisa 2 from the text: a workbook with the schedules and the annex, and the Word document", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const workbook = path.join(dir, "lisa2.xlsx");
    const docx = path.join(dir, "lisa2.docx");
    const result = await run("annex", FIXTURE_PATH, "-o", workbook, "--docx", docx, "--indirect-rate", "7");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `Töövihik kirjutatud: ${workbook} (lehed: Koond, ELVL, Tartu, Tallinn, Rakvere, Saaremaa, Pärnu, Jõhvi, Haapsalu, Kohtla-Järve, Seaded, Näitajad, Lisa 2, Lisa 2 maatriks)`,
    );
    expect(result.stdout).toContain("1.1 Otsesed kulud: 1 266 860,75");
    expect(result.stdout).toContain("1.2 Kaudsed kulud (7 %): 88 680,25");
    expect(result.stdout).toContain("1 Kokku: 1 355 541,00");
    expect(result.stdout).toContain("Lisa 1 ajakavade kogusumma 1 266 860,75: klapib reaga 1.1");
    expect(result.stdout).toContain("MUSTAND: kontroll leidis 18 viga");
    const { statSync } = await import("fs");
    expect(statSync(docx).size).toBeGreaterThan(5000);
    // The rate goes into Seaded with the plan, so the workbook regenerates lisa 2 at the same rate.
    const again = await run("annex", workbook, "-o", path.join(dir, "uuesti.xlsx"), "--lang", "en");
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(
      "Lisa 2 written: " +
        path.join(dir, "uuesti.xlsx") +
        ' (sheets "Lisa 2" and "Lisa 2 maatriks" replaced; other sheets unchanged)',
    );
    expect(again.stdout).toContain("1.2 Indirect costs (7 %): 88 680,25");
  });

  it("refuses a bad rate, a missing output and an existing file, with the reason", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const workbook = path.join(dir, "lisa2.xlsx");
    const badRate = await run("annex", FIXTURE_PATH, "-o", workbook, "--indirect-rate", "seitse");
    expect([badRate.status, badRate.stderr]).toEqual([
      2,
      expect.stringContaining(
        'protsent 0–100, nt 7 / --indirect-rate must be a percentage from 0 to 100, e.g. 7 (not "seitse")',
      ),
    ]);
    const tooHigh = await run("annex", FIXTURE_PATH, "-o", workbook, "--indirect-rate=101");
    expect(tooHigh.status).toBe(2);
    const noOutput = await run("annex", FIXTURE_PATH);
    expect([noOutput.status, noOutput.stderr]).toEqual([2, expect.stringContaining("annex vajab väljundfaili")]);
    const wrongKind = await run("annex", FIXTURE_PATH, "-o", path.join(dir, "lisa2.docx"));
    expect([wrongKind.status, wrongKind.stderr]).toEqual([2, expect.stringContaining("-o peab olema .xlsx-fail")]);
    expect((await run("annex", FIXTURE_PATH, "-o", workbook)).status).toBe(0);
    const again = await run("annex", FIXTURE_PATH, "-o", workbook);
    expect([again.status, again.stderr]).toEqual([2, expect.stringContaining("on juba olemas")]);
    expect((await run("annex", FIXTURE_PATH, "-o", workbook, "--force", "--indirect-rate", "7,5 %")).stdout).toContain(
      "1.2 Kaudsed kulud (7,5 %): 95 014,56",
    );
  });
});

describe("tat-budget lisa1 and Word input", () => {
  it("writes lisa 1's tables as .docx, and reading that document gives the same plan as the text", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const docx = path.join(dir, "lisa1.docx");
    const written = await run("lisa1", FIXTURE_PATH, "-o", docx);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe(`Lisa 1 kirjutatud: ${docx} (9 elluviijat ja partnerit, 12 ajakava tabelit)\n`);
    const withoutLines = (json: string) =>
      JSON.stringify(JSON.parse(json), (key, value) => (key === "line" ? undefined : value));
    const fromText = await run("parse", FIXTURE_PATH, "--json");
    const fromWord = await run("parse", docx, "--json");
    expect(fromWord.status).toBe(0);
    expect(withoutLines(fromWord.stdout)).toBe(withoutLines(fromText.stdout));
    // Lisa 1 holds the tables, not the text beside them: the text's rules have nothing to say.
    const checked = await run("check", docx, "--json");
    expect(JSON.parse(checked.stdout).counts).toEqual({ error: 18, warning: 7, info: 4 });
    expect((await run("lisa1", FIXTURE_PATH, "-o", docx)).status).toBe(2);
    expect((await run("lisa1", FIXTURE_PATH, "-o", path.join(dir, "lisa1.xlsx"))).stderr).toContain("lisa1 vajab");
  });
});

describe("tat-budget demo", () => {
  it("runs the main job on the bundled sample: import, workbook, check", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { status, stdout } = await run("demo");
      expect(status).toBe(0);
      expect(stdout).toContain("kaskkiri-2025-03-25-nr68.txt");
      expect(stdout).toMatch(/Kokku\s+134\s+1\u00a0266\u00a0860,75/);
      expect(stdout).toContain("Töövihik kirjutatud: tat-budget-naidis.xlsx");
      expect(stdout).toContain("Kontrolli tulemus: 18 viga, 10 hoiatust, 4 teadet");
      const { existsSync } = await import("fs");
      expect(existsSync(path.join(dir, "tat-budget-naidis.xlsx"))).toBe(true);
      // Lisa 2 in both formats, without indirect costs until a rate is set.
      expect(stdout).toContain("Lisa 2 Wordis: tat-budget-naidis-lisa2.docx");
      expect(stdout).toContain("1.2 Kaudsed kulud: määr määramata");
      expect(existsSync(path.join(dir, "tat-budget-naidis-lisa2.docx"))).toBe(true);
      const sheets = (await readWorkbookFile(path.join(dir, "tat-budget-naidis.xlsx"))).map((sheet) => sheet.name);
      expect(sheets.slice(-2)).toEqual(["Lisa 2", "Lisa 2 maatriks"]);
    } finally {
      process.chdir(cwd);
    }
  });
});
