import Decimal from "decimal.js";
import { spawnSync } from "child_process";
import { analyse } from "../../src/checks";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { Lisa2, buildLisa2 } from "../../src/annex/lisa2/budget";
import { lisa2DocxBytes } from "../../src/annex/lisa2/docx";
import { parseDirectiveText } from "../../src/import/text";
import { formatMoneyEstonian } from "../../src/model/money";
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
 * Lisa 2 as Word: the document's own XML must hold the model's lines and matrix cell by cell, and LibreOffice
 * Writer, an independent reader, must open it, lay it out and print the same figures to PDF. The pages are left
 * as PNG in test-output/lisa2-docx/ for a person to look at.
 */

jest.setTimeout(180_000);

const NBSP = "\u00a0";
/** The figures as written here, with plain spaces, in the no-break form formatMoneyEstonian gives. */
const money = (text: string) => text.replace(/ /g, NBSP);

/** Read off the directive by hand: the amounts lisa 2 must show at these "Rea nr". */
const LINE_AMOUNTS: Record<string, string> = {
  "1": "1 355 541,00",
  "1.1": "1 266 860,75",
  "1.1.1": "688 428,84",
  "1.1.1.2": "84 350,84",
  "1.1.2": "578 431,91",
  "1.1.2.2.1": "5 660,54",
  "1.2": "88 680,25",
};
const MATRIX_TOTAL = "1 266 860,75";
const ELVL_TOTAL = "200 582,00";
const ROW_3_5_2_1_1_TOTAL = "250 477,75";
const FIXTURE_ERRORS = 18;
const APPROVAL = "KINNITATUD kultuuriministri 25.03.2025 käskkirjaga nr 68";

const OUTPUT_DIR = path.join(TEST_OUTPUT_DIR, "lisa2-docx");

/** Whitespace of any kind (the no-break spaces between digit groups too) left out. */
const fold = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, "");

/** pdftotext in reading order: each cell's lines together, so a figure wrapped inside its cell stays whole. */
function pdfReadingOrder(pdf: string): string {
  const result = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pdftotext could not read ${pdf}: ${result.stderr}`);
  return result.stdout;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the document back

interface DocxContent {
  xml: string;
  /** Table → row → cell → the cell's text. */
  tables: string[][][];
  /** Table → whether each row is a repeated header row. */
  headerRows: boolean[][];
  /** The text of the paragraphs outside tables, in order. */
  paragraphs: string[];
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of the `<w:t>` runs in a piece of WordprocessingML; the patterns leave out w:tbl, w:tab, w:tc, w:tr. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => unescapeXml(match[1])).join("");

const elements = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, "g"))].map((match) => match[1]);

async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file("word/document.xml");
  if (!file) throw new Error("the .docx has no word/document.xml");
  const xml = await file.async("string");
  // The annex nests no tables, so a lazy match finds each whole table.
  const tableXml = elements(xml, "w:tbl");
  return {
    xml,
    tables: tableXml.map((table) => elements(table, "w:tr").map((row) => elements(row, "w:tc").map(textOf))),
    headerRows: tableXml.map((table) => elements(table, "w:tr").map((row) => /<w:tblHeader(?:\s[^>]*)?\/>/.test(row))),
    paragraphs: elements(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ""), "w:p").map(textOf),
  };
}

// ---------------------------------------------------------------------------------------------------------------

describe("lisa 2 as a Word document, from the real directive with 7 % indirect costs", () => {
  const { plan } = parseDirectiveText(fixtureText());
  const lisa2 = buildLisa2(analyse(plan), { indirectRatePercent: new Decimal(7) });
  let bytes: Uint8Array;
  let docx: DocxContent;

  beforeAll(async () => {
    bytes = await lisa2DocxBytes(lisa2);
    docx = await readDocx(bytes);
  });

  it("is a zip file: a .docx", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(docx.tables).toHaveLength(3);
  });

  it("has the figures read off the directive in its model", () => {
    for (const [number, amount] of Object.entries(LINE_AMOUNTS)) {
      const line = lisa2.lines.find((candidate) => candidate.number === number);
      expect([number, line && formatMoneyEstonian(line.amount)]).toEqual([number, money(amount)]);
    }
    expect(lisa2.errors).toHaveLength(FIXTURE_ERRORS);
    expect(lisa2.draft).toBe(true);
  });

  it("opens with MUSTAND, the number of errors, the approval, LISA 2, the title and the rate", () => {
    const [first, second] = docx.paragraphs;
    expect(first).toBe("MUSTAND");
    expect(second).toContain(`${FIXTURE_ERRORS} viga`);
    expect(docx.paragraphs).toContain(APPROVAL);
    expect(docx.paragraphs).toContain("LISA 2");
    expect(docx.paragraphs).toContain(lisa2.header.title);
    expect(docx.paragraphs).toContain("Tegevuskava periood: 01.01.2025 – 31.12.2025");
    expect(docx.paragraphs).toContain("Elluviija: ELVL");
    expect(docx.paragraphs).toContain("Kaudsete kulude määr: 7 % otsestest kuludest");
    // MUSTAND is bold and red.
    const mustand = /<w:r>((?:(?!<\/w:r>)[\s\S])*)<w:t[^>]*>MUSTAND<\/w:t>/.exec(docx.xml)?.[1] ?? "";
    expect(mustand).toContain("<w:b/>");
    expect(mustand).toContain('<w:color w:val="C00000"/>');
  });

  it("lists every budget line in table 1 under a repeated header and a row of column numbers", () => {
    const [table] = docx.tables;
    expect(table).toHaveLength(lisa2.lines.length + 2);
    expect(table[0]).toEqual(["Rea nr", "Tegevuse nr TAT-is", "Kulukoht", "Kokku (EUR)"]);
    expect(table[1]).toEqual(["1", "2", "3", "4"]);
    expect(docx.headerRows[0].slice(0, 3)).toEqual([true, true, false]);
    expect(table.slice(2)).toEqual(
      lisa2.lines.map((line) => [
        line.number,
        line.tatNumber ?? "",
        line.label,
        line.absent ? "–" : formatMoneyEstonian(line.amount),
      ]),
    );
  });

  it("shows the directive's figures at their line numbers", () => {
    const byNumber = new Map(docx.tables[0].slice(2).map((row) => [row[0], row]));
    for (const [number, amount] of Object.entries(LINE_AMOUNTS)) expect(byNumber.get(number)?.[3]).toBe(money(amount));
    expect(byNumber.get("1.1.1.2")?.[2]).toBe("Otsesed personalikulud (partner Tartu linn)");
    expect(byNumber.get("1.1.2.2.1")?.[1]).toBe("3.5.2.1.1");
    // Jõhvi's schedule has no 3.5.2.1.2: "–", as in the matrix; ELVL's 3.5.1.1 is a row of its schedule at 0.
    expect(byNumber.get("1.1.2.7")?.[2]).toBe("Sisutegevuste kulud (partner Jõhvi vald)");
    expect(byNumber.get("1.1.2.7.2")?.slice(1)).toEqual([
      "3.5.2.1.2",
      "Vajaduspõhise tugiteenuse pakkumine sihtrühmale.",
      "–",
    ]);
    expect(byNumber.get("1.1.2.1.1")?.slice(1, 2).concat(byNumber.get("1.1.2.1.1")![3])).toEqual(["3.5.1.1", "0,00"]);
  });

  it("repeats the money by TAT activity and implementer in table 2, with row and column totals", () => {
    const table = docx.tables[1];
    const { matrix } = lisa2;
    expect(table).toHaveLength(matrix.rows.length + 2);
    expect(table[0]).toEqual([
      "Tegevuse nr TAT-is",
      "Tegevus",
      ...matrix.columns.map((column) => column.name),
      "Kokku",
    ]);
    expect(docx.headerRows[1].slice(0, 2)).toEqual([true, false]);
    expect(table.slice(1, -1)).toEqual(
      matrix.rows.map((row) => [
        row.tatNumber ?? "",
        row.label,
        ...row.cells.map((value) => (value === null ? "–" : formatMoneyEstonian(value))),
        formatMoneyEstonian(row.total),
      ]),
    );

    const totals = table[table.length - 1];
    expect(totals.slice(0, 2)).toEqual(["", "Kokku"]);
    expect(totals[totals.length - 1]).toBe(money(MATRIX_TOTAL));
    expect(totals[table[0].indexOf("ELVL")]).toBe(money(ELVL_TOTAL));
    expect(totals.slice(2, -1)).toEqual(matrix.columnTotals.map(formatMoneyEstonian));
    const row = table.find((cells) => cells[0] === "3.5.2.1.1");
    expect(row?.[row.length - 1]).toBe(money(ROW_3_5_2_1_1_TOTAL));
    // Jõhvi has no 3.5.2.1.2: a dash, not 0,00.
    expect(table.find((cells) => cells[0] === "3.5.2.1.2")?.[table[0].indexOf("Jõhvi vald")]).toBe("–");
    // A partner has no 3.5.1.x: a dash, not 0,00.
    expect(table.find((cells) => cells[0] === "3.5.1.2")?.slice(3, -1)).toEqual(matrix.columns.slice(1).map(() => "–"));
  });

  it("puts the matrix on a landscape A4 page after a portrait one", () => {
    const sizes = [...docx.xml.matchAll(/<w:pgSz [^>]*\/>/g)].map((match) => match[0]);
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toMatch(/w:w="11906" w:h="16838"/);
    expect(sizes[1]).toMatch(/w:w="16838" w:h="11906" w:orient="landscape"/);
  });

  it("states that lisa 2's direct costs equal the schedules' total", () => {
    expect(docx.paragraphs).toContain(
      `Kontroll: lisa 2 otsesed kulud ${money("1 266 860,75")} = lisa 1 ajakavade kogusumma ` +
        `${money("1 266 860,75")} (vahe 0,00).`,
    );
    expect(docx.xml).not.toContain("EI KLAPI");
  });

  it("lists the checks' errors", () => {
    expect(docx.paragraphs).toContain(`Kontrolli vead (${FIXTURE_ERRORS})`);
    const table = docx.tables[2];
    expect(table[0]).toEqual(["Nr", "Elluviija", "Kood", "Viga"]);
    expect(table.slice(1)).toEqual(
      lisa2.errors.map((error, index) => [String(index + 1), error.implementer ?? "", error.code ?? "", error.message]),
    );
  });
});

describe("lisa 2 as a Word document, other cases", () => {
  const { plan } = parseDirectiveText(fixtureText());

  it("without an indirect rate has no line 1.2 and says the rate is not set", async () => {
    const lisa2 = buildLisa2(analyse(plan), { indirectRatePercent: null });
    const docx = await readDocx(await lisa2DocxBytes(lisa2));
    const numbers = docx.tables[0].slice(2).map((row) => row[0]);
    expect(numbers).toEqual(lisa2.lines.map((line) => line.number));
    expect(numbers).not.toContain("1.2");
    expect(docx.tables[0].slice(2).find((row) => row[0] === "1")?.[3]).toBe(money("1 266 860,75"));
    expect(docx.paragraphs).toContain("Kaudseid kulusid ei ole arvestatud (määr määramata).");
    expect(docx.xml).not.toContain("Kaudsete kulude määr");
  });

  it("without errors is no draft, and says EI KLAPI when the budget and the schedules differ", async () => {
    const base = buildLisa2(analyse(plan), { indirectRatePercent: new Decimal(7) });
    const lisa2: Lisa2 = {
      ...base,
      errors: [],
      draft: false,
      reconciliation: { ...base.reconciliation, difference: new Decimal("-0.01") },
    };
    const docx = await readDocx(await lisa2DocxBytes(lisa2));
    expect(docx.xml).not.toContain("MUSTAND");
    expect(docx.xml).not.toContain("Kontrolli vead");
    expect(docx.tables).toHaveLength(2);
    expect(docx.paragraphs[0]).toBe(APPROVAL);
    expect(docx.paragraphs.find((text) => text.startsWith("Kontroll:"))).toMatch(/≠ .*\(vahe -0,01\)\. EI KLAPI\.$/);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("LibreOffice Writer prints lisa 2 to PDF", () => {
  const { plan } = parseDirectiveText(fixtureText());
  const lisa2 = buildLisa2(analyse(plan), { indirectRatePercent: new Decimal(7) });
  const docxFile = path.join(OUTPUT_DIR, "lisa2.docx");
  const pdfFile = path.join(OUTPUT_DIR, "lisa2.pdf");
  let profileDir = "";
  let text = "";
  /** The text cell by cell (pdftotext without -layout), whitespace folded away. */
  let readingOrder = "";
  let pngs: string[] = [];

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
    writeFileSync(docxFile, await lisa2DocxBytes(lisa2));
    profileDir = mkdtempSync(path.join(os.tmpdir(), "tat-budget-lisa2-docx-"));
    const profileUrl = writeRecalcProfile(profileDir);
    await convertWithLibreOffice(soffice, profileUrl, [docxFile], OUTPUT_DIR, "pdf");
    // pdftotext gives the no-break spaces between digit groups as either kind of space.
    text = pdfText(pdfFile).replace(/[\u00a0\u202f]/g, " ");
    readingOrder = fold(pdfReadingOrder(pdfFile));
    pngs = pdfToPng(pdfFile, path.join(OUTPUT_DIR, "lisa2"));
  });

  afterAll(() => {
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it("converts the .docx", () => {
    expect(existsSync(pdfFile)).toBe(true);
    expect(statSync(pdfFile).size).toBeGreaterThan(10_000);
  });

  it("prints MUSTAND, the approval and the directive's figures", () => {
    expect(text).toContain("MUSTAND");
    expect(text).toContain(APPROVAL);
    expect(text).toContain("LISA 2");
    for (const [number, amount] of Object.entries(LINE_AMOUNTS)) {
      // The number and its amount on one printed line of table 1.
      const pattern = new RegExp(`^\\s*${number.replace(/\./g, "\\.")}\\s.*\\s${amount}\\s*$`, "m");
      expect([number, pattern.test(text)]).toEqual([number, true]);
    }
    // The matrix's columns are narrow: in a wide font (DejaVu, where Liberation is not installed) a total wraps
    // inside its cell ("200 582,0" / "0"). Cell by cell, in reading order and with whitespace folded away, the
    // figure is whole whatever the font.
    for (const amount of [MATRIX_TOTAL, ELVL_TOTAL, ROW_3_5_2_1_1_TOTAL]) expect(readingOrder).toContain(fold(amount));
    expect(readingOrder).toContain(
      fold("Kontroll: lisa 2 otsesed kulud 1 266 860,75 = lisa 1 ajakavade kogusumma 1 266 860,75"),
    );
  });

  it(`renders the pages to PNG in test-output/lisa2-docx/`, () => {
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    for (const png of pngs) expect(statSync(png).size).toBeGreaterThan(20_000);
    expect(readdirSync(OUTPUT_DIR).filter((name) => name.endsWith(".png"))).toHaveLength(pngs.length);
  });
});
