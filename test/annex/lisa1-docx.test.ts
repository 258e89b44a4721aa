import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { readFileSync } from "fs";
import { amountCellText, firstCellText, lisa1DocxBytes, rangeText } from "../../src/annex/lisa1/docx";
import { importDocx } from "../../src/import/docx/import-docx";
import { parseDirectiveText } from "../../src/import/text";
import { periodToIso } from "../../src/model/calendar-date";
import { ScheduleRow } from "../../src/model/plan";
import { fixtureText } from "../helpers";
import {
  TEST_OUTPUT_DIR,
  convertWithLibreOffice,
  findSoffice,
  pdfText,
  pdfToPng,
  writeRecalcProfile,
} from "../libreoffice";

/**
 * Lisa 1 as Word, from the real directive: the document's own XML must hold every schedule table under its
 * caption with the plan's rows cell by cell, and LibreOffice Writer must lay it out and print it. The first
 * pages are left as PNG in test-output/lisa1-docx/ for a person to look at.
 */

jest.setTimeout(180_000);

const OUTPUT_DIR = path.join(TEST_OUTPUT_DIR, "lisa1-docx");
const SCHEDULE_TABLES = [1, 3, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16];
const INDICATOR_TABLES = [2, 4, 6, 8, 17];

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => unescapeXml(match[1])).join("");

const elements = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, "g"))].map((match) => match[1]);

interface DocxTable {
  /** The paragraph right before the table. */
  caption: string;
  rows: string[][];
  headerRows: boolean[];
}

/** The tables with the paragraph before each; the annex nests no tables, so lazy matches find whole ones. */
async function readTables(bytes: Uint8Array): Promise<{ paragraphs: string[]; tables: DocxTable[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const tables: DocxTable[] = [];
  const parts = xml.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/);
  for (let index = 1; index < parts.length; index += 2) {
    const before = elements(parts[index - 1], "w:p").map(textOf);
    const rowsXml = elements(parts[index], "w:tr");
    tables.push({
      caption: before[before.length - 1] ?? "",
      rows: rowsXml.map((row) => elements(row, "w:tc").map(textOf)),
      headerRows: rowsXml.map((row) => /<w:tblHeader(?:\s[^>]*)?\/>/.test(row)),
    });
  }
  const paragraphs = elements(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ""), "w:p").map(textOf);
  return { paragraphs, tables };
}

const expectedCells = (row: ScheduleRow) => [
  firstCellText(row),
  row.frame ? rangeText(row.frame) : (row.frameText ?? ""),
  row.plan ? rangeText(row.plan) : (row.planText ?? ""),
  amountCellText(row),
  row.responsible ?? "",
];

describe("lisa 1 as a Word document, from the real directive", () => {
  const { plan } = parseDirectiveText(fixtureText());
  let docx: { paragraphs: string[]; tables: DocxTable[] };

  beforeAll(async () => {
    docx = await readTables(await lisa1DocxBytes(plan));
  });

  it("has the title block and section 1.1 with each partner's agreement period", () => {
    expect(docx.paragraphs).toContain("KINNITATUD kultuuriministri 25.03.2025 käskkirjaga nr 68");
    expect(docx.paragraphs).toContain("LISA 1");
    expect(docx.paragraphs.join("\n")).toContain(
      "Toetatava tegevuse „Kohalike omavalitsuste toetamine lõimumise, sealhulgas kohanemise teenuste pakkumisel“ " +
        "tegevuskava perioodil 01.01.2025 – 31.12.2025",
    );
    expect(docx.paragraphs).toContain("Partnerluslepingu periood: Tartu linn 01.01.2023 – 31.12.2025.");
    expect(docx.paragraphs).toContain("Partnerluslepingu periood: Kohtla-Järve linn 01.01.2025 – 31.12.2027.");
  });

  it("heads each implementer's part the way the directive does", () => {
    expect(docx.paragraphs).toContain("1. Elluviija tegevused: ELVL");
    expect(docx.paragraphs).toContain("3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tartu linnas");
    expect(docx.paragraphs).toContain("3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Saaremaa vallas");
    expect(docx.paragraphs).toContain("3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tallinna linnas");
  });

  it("has the 12 schedule tables, captioned, in the directive's columns with a repeating header", () => {
    const schedules = docx.tables.filter((table) => /Tegevuste ajakava/.test(table.caption));
    expect(schedules.map((table) => table.caption)).toEqual(
      SCHEDULE_TABLES.map((table) => `Tabel ${table}. Tegevuste ajakava`),
    );
    for (const table of schedules) {
      expect(table.rows[0]).toEqual([
        "Tegevus",
        "Tegevuse üldajaraam",
        "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
        "Planeeritav maksumus tegevuskava aastal",
        "Tegevuse eest vastutaja",
      ]);
      expect(table.headerRows).toEqual(table.rows.map((_, index) => index === 0));
    }
  });

  it("holds the plan's rows, cell by cell, in their tables", () => {
    const schedules = docx.tables.filter((table) => /Tegevuste ajakava/.test(table.caption));
    const rows = plan.implementers.flatMap((implementer) => implementer.rows);
    expect(rows).toHaveLength(134);
    for (const [index, number] of SCHEDULE_TABLES.entries()) {
      const expected = rows.filter((row) => row.table === number).map(expectedCells);
      expect([number, schedules[index].rows.slice(1)]).toEqual([number, expected]);
    }
    expect(schedules[4].rows[1]).toEqual([
      "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tartu piirkonnas.",
      "01.01.2023 – 31.12.2025",
      "01.01.2025 – 31.12.2025",
      "93 988,53",
      "Tartu linn",
    ]);
  });

  it("has the indicator tables where their numbers put them", () => {
    const indicators = docx.tables.filter((table) => /näitajad/.test(table.caption));
    expect(indicators.map((table) => table.caption)).toEqual(
      INDICATOR_TABLES.map((table) => `Tabel ${table}. Tegevustega seotud näitajad`),
    );
    expect(indicators[0].rows[0]).toEqual([
      "Indikaator",
      "Indikaatori mõõtühik",
      "Sihttase (2025)",
      "Sihttase (2029)",
      "Selgitus",
    ]);
    expect(indicators[0].rows[1].slice(0, 4)).toEqual(["KOV koordinaatorite arv", "Arv", "8", "7"]);
    expect(indicators.reduce((sum, table) => sum + table.rows.length - 1, 0)).toBe(plan.indicators.length);
    const order = docx.tables.map((table) => Number(/^Tabel (\d+)\./.exec(table.caption)?.[1]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("LibreOffice Writer prints lisa 1 to PDF", () => {
  const { plan } = parseDirectiveText(fixtureText());
  const docxFile = path.join(OUTPUT_DIR, "lisa1.docx");
  const pdfFile = path.join(OUTPUT_DIR, "lisa1.pdf");
  let profileDir = "";
  let text = "";
  let pngs: string[] = [];
  let resaved: Uint8Array;

  beforeAll(async () => {
    const soffice = findSoffice();
    if (!soffice) {
      throw new Error(
        "LibreOffice (soffice) is not installed: this test needs Writer to print the .docx. " +
          'Install the Debian/Ubuntu packages "libreoffice-writer" and "poppler-utils" (npm run test:deps).',
      );
    }
    // Pages of an earlier run would otherwise pass for this run's.
    rmSync(OUTPUT_DIR, { recursive: true, force: true });
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(docxFile, await lisa1DocxBytes(plan));
    profileDir = mkdtempSync(path.join(os.tmpdir(), "tat-budget-lisa1-docx-"));
    await convertWithLibreOffice(soffice, writeRecalcProfile(profileDir), [docxFile], OUTPUT_DIR, "pdf");
    text = pdfText(pdfFile).replace(/[\u00a0\u202f]/g, " ");
    pngs = pdfToPng(pdfFile, path.join(OUTPUT_DIR, "lisa1")).slice(0, 3);
    // Writer writes its own WordprocessingML (its table grid, merges, header marks): a second writer to read.
    const resavedDir = path.join(OUTPUT_DIR, "resaved");
    mkdirSync(resavedDir, { recursive: true });
    await convertWithLibreOffice(
      soffice,
      writeRecalcProfile(profileDir),
      [docxFile],
      resavedDir,
      "docx:MS Word 2007 XML",
    );
    resaved = new Uint8Array(readFileSync(path.join(resavedDir, "lisa1.docx")));
  });

  afterAll(() => {
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it("converts the .docx", () => {
    expect(existsSync(pdfFile)).toBe(true);
    expect(statSync(pdfFile).size).toBeGreaterThan(10_000);
  });

  it("prints the captions, the approval and the figures", () => {
    expect(text).toContain("KINNITATUD kultuuriministri 25.03.2025 käskkirjaga nr 68");
    for (const table of SCHEDULE_TABLES) expect(text).toContain(`Tabel ${table}. Tegevuste ajakava`);
    for (const amount of ["93 988,53", "119 582", "115 817.00", "319 392,91"]) expect(text).toContain(amount);
  });

  it("renders the first pages to PNG in test-output/lisa1-docx/", () => {
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    for (const png of pngs) expect(statSync(png).size).toBeGreaterThan(20_000);
  });

  it("reads back, as saved again by Writer, to the same rows", async () => {
    const result = await importDocx(resaved);
    expect(result.diagnostics).toEqual([]);
    const facts = (rows: ScheduleRow[]) =>
      rows.map((row) => [row.table, row.printedCode, row.label, row.amount?.toString(), periodToIso(row.plan)]);
    const expected = plan.implementers.flatMap((implementer) => implementer.rows);
    const actual = result.plan.implementers.flatMap((implementer) => implementer.rows);
    expect(facts(actual)).toEqual(facts(expected));
    expect(result.plan.implementers.map((implementer) => implementer.name)).toEqual(
      plan.implementers.map((implementer) => implementer.name),
    );
  });
});
