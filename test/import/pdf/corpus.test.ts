import { spawnSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { importPdf } from "../../../src/import/pdf";
import { parseDirectiveText } from "../../../src/import/text";
import { ActionPlan, ImportResult } from "../../../src/model/plan";
import { fixtureText } from "../../helpers";
import { findSoffice } from "../../libreoffice";
import { CorpusPdf, makeCorpus, readPdf, rowFacts, score } from "./corpus";

/**
 * Issue 15's corpus: lisa 1 printed by producers that know nothing of our importer — LibreOffice Writer from our
 * .docx in two font families and two page set-ups, Writer from an ordinary HTML table with and without borders,
 * Chromium's print of an HTML table with its header repeated on each page and without borders in landscape — each
 * read back row for row against the plan the text importer reads from the fixture. The fonts are the files under
 * test/fixtures/fonts and no others (fontconfig is given only that folder), so every machine prints the same PDFs.
 */

jest.setTimeout(240_000);

const expected = parseDirectiveText(fixtureText()).plan;
let dir = "";
let corpus: CorpusPdf[] = [];
const results = new Map<string, ImportResult>();

beforeAll(async () => {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: the corpus needs Writer to make PDFs.");
  dir = mkdtempSync(path.join(os.tmpdir(), "pdf-corpus-"));
  corpus = await makeCorpus(expected, dir, soffice);
  for (const pdf of corpus) results.set(pdf.name, await importPdf(readPdf(pdf.file)));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const NAMES = [
  "lisa1-docx-liberation-portrait",
  "lisa1-docx-liberation-landscape",
  "lisa1-docx-dejavu-portrait",
  "lisa1-docx-dejavu-landscape",
  "html-writer-bordered",
  "html-writer-borderless",
  "html-chromium-repeated",
  "html-chromium-borderless-landscape",
];

const pdfOf = (name: string) => {
  const pdf = corpus.find((candidate) => candidate.name === name);
  if (!pdf) throw new Error(`no PDF ${name} in the corpus`);
  return pdf;
};
const resultOf = (name: string) => {
  const result = results.get(name);
  if (!result) throw new Error(`${name} was not read`);
  return result;
};
const folded = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, "");
const poppler = (tool: string, file: string) =>
  spawnSync(tool, [file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" }).stdout;

it("has the eight producers' PDFs", () => {
  expect(corpus.map((pdf) => pdf.name)).toEqual(NAMES);
});

describe.each(NAMES)("%s", (name) => {
  it("is set in the corpus's own fonts only, on the page set-up asked for", () => {
    const fonts = poppler("pdffonts", pdfOf(name).file)
      .split("\n")
      .slice(2)
      .filter(Boolean)
      .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts)
      expect(["LiberationSerif", "LiberationSerif-Bold", "DejaVuSerif", "DejaVuSerif-Bold"]).toContain(font);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(poppler("pdfinfo", pdfOf(name).file));
    const [width, height] = [Number(size?.[1]), Number(size?.[2])];
    expect(width > height).toBe(name.includes("landscape"));
    // What poppler reads, independently of pdf.js: the figures are there, whatever the wrapping.
    const text = folded(poppler("pdftotext", pdfOf(name).file));
    for (const figure of [
      "Tabel 13. Tegevuste ajakava",
      "119 582",
      "57 180",
      "Kohtla-Järve linn 01.01.2025 – 31.12.2027",
    ]) {
      expect(text).toContain(folded(figure));
    }
  });

  it("reads the fixture's 134 rows and 8 agreement periods", () => {
    const { plan } = resultOf(name);
    const result = score(expected, plan);
    expect(result.wrong).toEqual([]);
    expect([result.rowsRight, result.rows, result.periodsFound, result.periods]).toEqual([134, 134, 8, 8]);
    const facts = (p: ActionPlan) => p.implementers.map((i) => [i.name, i.role, i.tables, i.rows.map(rowFacts)]);
    expect(facts(plan)).toEqual(facts(expected));
  });

  it("reads the rows and periods read off the directive by hand", () => {
    const { plan } = resultOf(name);
    const elvl = plan.implementers[0];
    expect(elvl.name).toBe("ELVL");
    expect(rowFacts(elvl.rows[0])).toEqual({
      code: null,
      label: "Elluviija otsesed personalikulud",
      amount: "119582.00",
      frame: "2023-01-01/2029-10-31",
      plan: "2025-01-01/2025-12-31",
      responsible: "ELVL",
    });
    const kohtlaJarve = plan.implementers.find((implementer) => implementer.name === "Kohtla-Järve linn");
    expect(rowFacts(kohtlaJarve?.rows[kohtlaJarve.rows.length - 1])).toEqual({
      code: null,
      label: "Otsesed personalikulud",
      amount: "57180.00",
      frame: "2025-01-01/2027-12-31",
      plan: "2025-01-01/2025-12-31",
      responsible: "Kohtla-Järve linn",
    });
    const periods = plan.implementers
      .filter((implementer) => implementer.role === "partner")
      .map((i) => `${i.name} ${i.partnership?.start.toEstonian()}–${i.partnership?.end.toEstonian()}`);
    expect(periods).toEqual([
      "Tartu linn 01.01.2023–31.12.2025",
      "Tallinna linn 01.03.2023–31.12.2025",
      "Rakvere linn 01.02.2023–31.12.2025",
      "Saaremaa vald 01.11.2023–31.12.2025",
      "Pärnu linn 01.01.2024–31.12.2025",
      "Jõhvi vald 01.01.2025–31.12.2026",
      "Haapsalu linn 01.12.2024–31.12.2026",
      "Kohtla-Järve linn 01.01.2025–31.12.2027",
    ]);
  });
});
