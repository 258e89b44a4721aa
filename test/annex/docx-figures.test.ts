import Decimal from "decimal.js";
import { spawnSync } from "child_process";
import { mkdirSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { analyse } from "../../src/checks";
import { figureColumnWidth, figureWidth } from "../../src/annex/docx-style";
import { lisa1DocxBytes } from "../../src/annex/lisa1/docx";
import { buildLisa2 } from "../../src/annex/lisa2/budget";
import { lisa2DocxBytes } from "../../src/annex/lisa2/docx";
import { parseDirectiveText } from "../../src/import/text";
import { fixtureText } from "../helpers";
import { FAMILIES, Family, fontEnvironment } from "../import/pdf/corpus";
import { TEST_OUTPUT_DIR, convertWithLibreOffice, findSoffice, writeRecalcProfile } from "../libreoffice";

/**
 * Lisa 1's schedules and lisa 2's tables in Word must not break a figure inside itself in any font a reader may lay
 * them out in. LibreOffice Writer prints each .docx to PDF twice, set in Liberation Serif (Times New Roman's
 * metrics, the font the documents name) and in the wider DejaVu Serif, with a fontconfig that knows only the fonts
 * in test/fixtures/fonts; every figure of every table must come out whole on one printed line in both. The PDFs are
 * left in test-output/docx-figures/ for a person to look at.
 */

jest.setTimeout(400_000);

const OUTPUT_DIR = path.join(TEST_OUTPUT_DIR, "docx-figures");
const NBSP = /[\u00a0\u202f]/g;

/** A figure as a table cell holds it: an amount ("1 355 541,00", "115 817.00", "30 000") or a count ("8"). */
const FIGURE = /^-?\d{1,3}(?:[ \u00a0]\d{3})*(?:[.,]\d+)?$/;

/** The figures in the tables of a .docx, each as often as a cell holds it. */
async function tableFigures(bytes: Uint8Array): Promise<Map<string, number>> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  const figures = new Map<string, number>();
  for (const [, cell] of xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
    const text = [...cell.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("");
    if (FIGURE.test(text)) figures.set(text.replace(NBSP, " "), (figures.get(text.replace(NBSP, " ")) ?? 0) + 1);
  }
  return figures;
}

/** The .docx set in `family`: the font the documents name, replaced wherever it is named. */
async function inFamily(bytes: Uint8Array, family: Family): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of ["word/document.xml", "word/styles.xml", "word/fontTable.xml"]) {
    const file = zip.file(name);
    if (file) zip.file(name, (await file.async("string")).replace(/Times New Roman/g, FAMILIES[family]));
  }
  return zip.generateAsync({ type: "uint8array" });
}

/**
 * The pieces of text on the PDF's printed lines, from pdftotext's word boxes: words closer than half an em are
 * one piece (the spaces inside "1 266 860,75"), wider gaps part cells (two cell margins at least). A figure whole
 * on one line is one piece; a figure wrapped inside its cell is two pieces on two lines, neither the figure.
 */
function printedPieces(pdf: string): Map<string, number> {
  const result = spawnSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pdftotext could not read ${pdf}: ${result.stderr}`);
  const pieces = new Map<string, number>();
  const add = (text: string) => pieces.set(text, (pieces.get(text) ?? 0) + 1);
  for (const [, line] of result.stdout.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)) {
    let piece: { text: string; end: number } | null = null;
    const words = line.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    );
    for (const [, xMin, yMin, xMax, yMax, text] of words) {
      // A word's box is about 1.15 em high in both families (ascent + descent).
      const em = (Number(yMax) - Number(yMin)) / 1.15;
      const word = text.replace(NBSP, " ").replace(/&amp;/g, "&");
      if (piece && Number(xMin) - piece.end < em / 2) piece = { text: `${piece.text} ${word}`, end: Number(xMax) };
      else {
        if (piece) add(piece.text);
        piece = { text: word, end: Number(xMax) };
      }
    }
    if (piece) add(piece.text);
  }
  return pieces;
}

/** The figures that do not come out whole as often as the tables hold them: "figure: cells → whole". */
function brokenFigures(figures: Map<string, number>, pieces: Map<string, number>): string[] {
  return [...figures]
    .filter(([figure, count]) => (pieces.get(figure) ?? 0) < count)
    .map(([figure, count]) => `${figure}: ${count} → ${pieces.get(figure) ?? 0}`);
}

function fontsOf(pdf: string): string {
  const result = spawnSync("pdffonts", [pdf], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pdffonts could not read ${pdf}: ${result.stderr}`);
  return result.stdout;
}

describe("the widths of figures", () => {
  test("are measured in the wider of the two families, bold included", () => {
    // DejaVu Serif Bold: 9 digits × 696 + 3 × 349 (two spaces, a comma) = 7 311 thousandths of an em; at 8 pt
    // (16 half-points) 7 311 × 16 / 100 = 1 169,8 twips. Liberation Serif Bold: 5 250 → 840.
    expect(figureWidth("1\u00a0355\u00a0541,00", 16, true)).toBe(1170);
    // Regular DejaVu Serif: 9 × 637 + 3 × 318 = 6 687 → at 10 pt 1 337,4.
    expect(figureWidth("1 355 541,00", 20)).toBe(1338);
    // The matrix's old total column, 1 200 twips less two margins of 57, left 1 086 for 1 170: it wrapped.
    expect(figureColumnWidth([{ text: "1\u00a0266\u00a0860,75", bold: true }], 16, 57)).toBeGreaterThan(1200);
    // A character the table does not know counts as a whole em.
    expect(figureWidth("EUR", 20)).toBe(600);
  });
});

describe("Word tables printed by LibreOffice in two font families keep every figure on one line", () => {
  const { plan } = parseDirectiveText(fixtureText());
  const lisa2 = buildLisa2(analyse(plan), { indirectRatePercent: new Decimal(7) });
  const families = Object.keys(FAMILIES) as Family[];
  const documents = ["lisa1", "lisa2"] as const;
  const figures = new Map<string, Map<string, number>>();
  const pdfOf = (document: string, family: Family) => path.join(OUTPUT_DIR, `${document}-${family}.pdf`);

  beforeAll(async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice (soffice) is needed: run `npm run test:deps`.");
    rmSync(OUTPUT_DIR, { recursive: true, force: true });
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const bytes = { lisa1: await lisa1DocxBytes(plan), lisa2: await lisa2DocxBytes(lisa2) };
    const files: string[] = [];
    for (const document of documents) {
      figures.set(document, await tableFigures(bytes[document]));
      for (const family of families) {
        const file = path.join(OUTPUT_DIR, `${document}-${family}.docx`);
        writeFileSync(file, await inFamily(bytes[document], family));
        files.push(file);
      }
    }
    // The check must see a broken figure when there is one: the matrix at 10 pt instead of 8 in DejaVu Serif
    // leaves its widest totals no room.
    const control = path.join(OUTPUT_DIR, "control-lisa2-dejavu-10pt.docx");
    const zip = await JSZip.loadAsync(await inFamily(bytes.lisa2, "dejavu"));
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file("word/document.xml", xml.replace(/<w:sz w:val="16"\/>/g, '<w:sz w:val="20"/>'));
    writeFileSync(control, await zip.generateAsync({ type: "uint8array" }));
    files.push(control);

    const profile = writeRecalcProfile(path.join(OUTPUT_DIR, "profile"));
    await convertWithLibreOffice(soffice, profile, files, OUTPUT_DIR, "pdf", {
      env: fontEnvironment(path.join(OUTPUT_DIR, "fontconfig")),
      timeoutMs: 300_000,
    });
  });

  afterAll(() => {
    rmSync(path.join(OUTPUT_DIR, "profile"), { recursive: true, force: true });
    rmSync(path.join(OUTPUT_DIR, "fontconfig"), { recursive: true, force: true });
  });

  test("the tables hold the directive's figures", () => {
    // Lisa 2, read off the directive: line 1; line 1.1 and the matrix's total; ELVL's column total.
    expect(figures.get("lisa2")!.get("1 355 541,00")).toBe(1);
    expect(figures.get("lisa2")!.get("1 266 860,75")).toBe(2);
    expect(figures.get("lisa2")!.get("200 582,00")).toBe(1);
    // Lisa 1: the schedules' amounts as the directive prints them.
    expect(figures.get("lisa1")!.get("115 817.00")).toBe(1);
    expect(figures.get("lisa1")!.get("30 000")).toBe(1);
  });

  test.each(documents.flatMap((document) => families.map((family) => [document, family] as const)))(
    "%s in %s",
    (document, family) => {
      const pdf = pdfOf(document, family);
      // The family was the one laid out in, not a fallback.
      expect(fontsOf(pdf)).toContain(FAMILIES[family].replace(" ", ""));
      expect(fontsOf(pdf)).not.toContain(FAMILIES[family === "liberation" ? "dejavu" : "liberation"].replace(" ", ""));
      expect(brokenFigures(figures.get(document)!, printedPieces(pdf))).toEqual([]);
    },
  );

  test("the check sees a figure wrapped inside its cell", () => {
    const broken = brokenFigures(
      figures.get("lisa2")!,
      printedPieces(path.join(OUTPUT_DIR, "control-lisa2-dejavu-10pt.pdf")),
    );
    expect(broken).toContain("1 266 860,75: 2 → 1");
    expect(broken).toContain("200 582,00: 1 → 0");
  });
});
