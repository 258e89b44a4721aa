import { CalendarDate } from "../../model/calendar-date";
import { ImportDiagnostic, ImportError, ImportResult, Implementer, NoScheduleTableError } from "../../model/plan";
import { refuseIfTooLarge } from "../limits";
import { ProseLine, parseDirectiveText } from "../text/parse-directive";
import { partnerInHeading } from "../text/names";
import { DASHES, matchCaption, matchRowStart } from "../text/patterns";
import { Matrix, PdfItem, PdfLine, PdfPage, extractRules, groupLines, multiply } from "./pdf-layout";
import { reporter } from "../table";
import { findTables, readIndicatorRows, readScheduleRows } from "./schedule-tables";

/**
 * Reads a directive's action plan (lisa 1) from its PDF.
 *
 * The tables (schedule rows, and indicators when their header is recognised) are read by position, see
 * schedule-tables.ts: a cell's text is whole however it wraps, which the flattened text cannot promise.
 * Everything else (plan period, directive, implementers from the headings before the tables, partnership
 * periods) is read by the text importer from the document's running text with the tables blanked out of
 * it, so that one piece of code knows the directive's wording.
 *
 * A row's `line` (and a diagnostic's) is the 1-based number of the line in the PDF's text in reading order:
 * pages one after the other, each page's text lines from top to bottom, a line being the items sharing a
 * baseline. It is the row's first line (the top of its cells).
 *
 * Runs in Node with pdfjs' legacy build, which parses in-process when no worker is configured. In a browser
 * the worker must be set up first (`GlobalWorkerOptions.workerSrc` pointing at a bundled pdf.worker.js).
 */
export async function importPdf(bytes: Uint8Array): Promise<ImportResult> {
  const pages = await readPages(bytes);
  const lines = pages.flatMap((page) => page.lines);
  if (lines.length === 0) {
    throw new ImportError(
      "PDF-is ei ole teksti (kas see on skannitud pilt?). Oodatakse käskkirja lisa 1 PDF-i, millest saab teksti kopeerida.",
      "The PDF holds no text (is it a scanned image?). Expected the PDF of the directive's annex 1 with selectable text.",
    );
  }
  const { tables, tableLines } = findTables(pages);

  let parsed: ImportResult;
  const { text, prose } = runningText(pages, tableLines);
  try {
    parsed = parseDirectiveText(text, { prose });
  } catch (error) {
    if (error instanceof ImportError) {
      throw new NoScheduleTableError(
        "PDF-ist ei leitud ühtegi tegevuste ajakava tabelit. Oodatakse käskkirja lisa 1, kus on tabelid " +
          "pealkirjaga „Tabel N. Tegevuste ajakava“ (veerud: tegevus, üldajaraam, algus- ja lõppkuupäev " +
          "tegevuskava perioodil, planeeritav maksumus, vastutaja).",
        'No activity schedule table was found in the PDF. Expected the directive\'s annex 1 with tables captioned "Tabel N. Tegevuste ajakava" (columns: activity, overall frame, plan-period dates, planned cost, responsible).',
      );
    }
    throw error;
  }

  const plan = parsed.plan;
  const found = readNominativePartnerships(plan.implementers, text);
  // Rows come from the tables alone; the text importer only saw captions, so its row findings do not apply.
  const diagnostics: ImportDiagnostic[] = parsed.diagnostics.filter(
    (d) =>
      !ROW_DIAGNOSTICS.has(d.id) &&
      !(d.id === "missing-partnership" && found.some((name) => d.messageEn.includes(`"${name}"`))),
  );
  const report = reporter(diagnostics);

  nameImplementerFromHeading(plan.implementers, text);
  for (const implementer of plan.implementers) implementer.rows = [];
  const indicatorTables = tables.filter((table) => table.kind === "indicators");
  // Indicator tables read by position are whole; the text importer's reading is the fallback when none was.
  if (indicatorTables.length > 0) plan.indicators = indicatorTables.flatMap(readIndicatorRows);
  for (const table of tables.filter((candidate) => candidate.kind === "schedule")) {
    const implementer = implementerOf(plan.implementers, table.table, table.headerLine, report);
    implementer.rows.push(...readScheduleRows(table, report));
  }
  for (const implementer of plan.implementers) {
    for (const number of implementer.tables) {
      if (!tables.some((table) => table.kind === "schedule" && table.table === number && table.rows.length > 0)) {
        report(
          "error",
          "empty-table",
          null,
          `Tabelis ${number} („Tegevuste ajakava“) ei leitud ühtegi rida (tabeli päist ei tuvastatud).`,
          `No rows were found in table ${number} ("Tegevuste ajakava"): its header was not recognised.`,
        );
      }
    }
  }
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { plan, diagnostics };
}

/**
 * Without the directive's preamble ("… Liidus (edaspidi elluviija)") the text importer can only call the
 * implementer "Elluviija"; a generated lisa 1 names it in the heading instead ("1. Elluviija tegevused: ELVL").
 */
function nameImplementerFromHeading(implementers: Implementer[], text: string): void {
  const implementer = implementers.find((candidate) => candidate.role === "elluviija");
  const heading = new RegExp(
    `^\\d+\\.?\\s+Elluviija\\s+tegevused\\s*[:${DASHES}]\\s*(\\S[^\\n]{0,60}?)\\s*$`,
    "imu",
  ).exec(text);
  if (!implementer || implementer.name !== "Elluviija" || !heading) return;
  implementer.name = heading[1];
  implementer.aliases = [heading[1], "elluviija"];
}

/**
 * Section 1.1 of a generated lisa 1 names partners in the nominative ("Partnerluslepingu periood: Tartu linn
 * 01.01.2023 – 31.12.2025."), which the text importer (made for the directive's sentences) does not read.
 * Returns the names whose period was found here.
 */
function readNominativePartnerships(implementers: Implementer[], text: string): string[] {
  const found: string[] = [];
  for (const implementer of implementers) {
    if (implementer.role !== "partner" || implementer.partnership) continue;
    const name = implementer.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const match = new RegExp(
      `(?<![\\p{L}-])${name}\\s*:?\\s+(\\d{1,2}\\.\\d{1,2}\\.\\d{4})\\s*[${DASHES}]\\s*(\\d{1,2}\\.\\d{1,2}\\.\\d{4})`,
      "u",
    ).exec(text);
    const start = match && CalendarDate.parseEstonian(match[1]);
    const end = match && CalendarDate.parseEstonian(match[2]);
    if (start && end) {
      implementer.partnership = { start, end };
      found.push(implementer.name);
    }
  }
  return found;
}

/** The text importer's findings about rows, which here come from the tables instead. */
const ROW_DIAGNOSTICS = new Set([
  "unreadable-amount",
  "missing-amount",
  "incomplete-row",
  "invalid-date",
  "extra-dates",
  "unreadable-dates",
  "row-outside-table",
  "unparsed-line",
  "empty-table",
]);

function implementerOf(
  implementers: Implementer[],
  table: number,
  line: number,
  report: (s: "error" | "warning", id: string, line: number | null, et: string, en: string) => void,
): Implementer {
  const found = implementers.find((implementer) => implementer.tables.includes(table));
  if (found) return found;
  const name = `Tabel ${table}`;
  let orphan = implementers.find((implementer) => implementer.name === name);
  if (!orphan) {
    orphan = { name, role: "partner", aliases: [name], tables: [table], partnership: null, rows: [] };
    implementers.push(orphan);
    report(
      "warning",
      "unknown-implementer",
      line,
      `Tabeli ${table} elluviijat ei leitud: tabeli ees puudub pealkiri „Tabel N. Tegevuste ajakava“ või osa pealkiri.`,
      `The implementer of table ${table} was not found: no "Tabel N. Tegevuste ajakava" caption or section heading precedes it.`,
    );
  }
  return orphan;
}

/**
 * The document's text for the text importer, line numbers kept (blanked lines stay as empty lines). Before
 * the first schedule caption everything is kept (title, plan period, section 1.1); after it only captions,
 * section headings and indicator tables: narrative paragraphs wrap into short lines in a PDF, and a wrapped
 * line opening with a code and followed by a date would look like a row to the text importer. The paragraphs
 * outside the tables (captions and headings aside) are handed over apart too, as prose, with the PDF
 * line each of their offsets stands on: the text importer reads a blanked one as the current implementer's text,
 * and places the codes a kept one describes on their own lines.
 */
function runningText(pages: PdfPage[], tableLines: Set<number>): { text: string; prose: Map<number, ProseLine> } {
  const out: string[] = [];
  const prose = new Map<number, ProseLine>();
  let afterFirstCaption = false;
  let inIndicators = false;
  for (const page of pages) {
    const paragraphs = joinParagraphs(
      page,
      page.lines.filter((line) => !tableLines.has(line.no)),
    );
    for (const line of page.lines) {
      const paragraph = paragraphs.get(line.no);
      if (paragraph === undefined) {
        out.push("");
        continue;
      }
      const { text } = paragraph;
      const caption = matchCaption(text);
      if (caption?.kind === "schedule") afterFirstCaption = true;
      if (caption) inIndicators = caption.kind === "indicators";
      else if (isHeading(text)) inIndicators = false;
      const kept = !afterFirstCaption || caption || inIndicators || isHeading(text);
      out.push(kept ? text : "");
      if (!caption && !isHeading(text) && !/^\d{1,3}$/.test(text.trim())) {
        prose.set(line.no, {
          text,
          lineAt: paragraph.lineAt,
          lineStarts: paragraph.starts.map(([start]) => start),
        });
      }
    }
  }
  return { text: out.join("\n"), prose };
}

/**
 * A section heading: the implementer's, the partners' section, or a coded heading that names a partner of any kind
 * ("… Tartu linnas", "… Integratsiooni Sihtasutuses", "… MTÜ-s Eesti Pagulasabi", "… partner INSA"), whatever the
 * activity's code. The text importer decides which partner from the names section 1.1 gave.
 */
function isHeading(text: string): boolean {
  // Without its number too: Word's automatic numbering is not in the PDF's text. Short then, as a heading is.
  const section = /^(\d+(?:\.\d+)*\.?\s+)?(?:Elluviija|Partneri(?:te)?)\s+tegevused(?!\p{L})/iu.exec(text);
  if (section && (section[1] !== undefined || text.length <= 160)) return true;
  const coded = matchRowStart(text)?.codeStyle === "dotted" || /^\d+\.\d+\.?\s+\d+(?:\.\d+){2,}\s/u.test(text);
  return coded && partnerInHeading(text.slice(0, 160)) !== null;
}

/**
 * Joins the lines of a paragraph (same font and size, normal line spacing) onto its first line, as a copy of
 * the text gives it. Captions stand alone; table lines (framed by a drawn border) are never joined.
 */
function joinParagraphs(page: PdfPage, lines: PdfLine[]): Map<number, JoinedParagraph> {
  const texts = new Map<number, JoinedParagraph>();
  let head: PdfLine | null = null;
  let previous: PdfLine | null = null;
  for (const line of lines) {
    const joins =
      head !== null &&
      previous !== null &&
      previous.page === line.page &&
      previous.no === line.no - 1 &&
      fontOf(previous) === fontOf(line) &&
      Math.abs(previous.size - line.size) < 0.5 &&
      previous.y - line.y <= 1.6 * line.size &&
      !matchCaption(previous.text) &&
      !matchCaption(line.text) &&
      !framed(page, previous) &&
      !framed(page, line);
    if (joins && head) {
      const joined = texts.get(head.no) as JoinedParagraph;
      joined.starts.push([joined.text.length + 1, line.no]);
      joined.text = `${joined.text} ${line.text}`;
    } else {
      head = line;
      const joined: JoinedParagraph = {
        text: line.text,
        starts: [[0, line.no]],
        lineAt: (offset) => joined.starts.filter(([start]) => start <= offset).pop()?.[1] ?? line.no,
      };
      texts.set(line.no, joined);
    }
    previous = line;
  }
  return texts;
}

/** A paragraph's lines joined onto its first, with where each line starts in the text. */
interface JoinedParagraph {
  text: string;
  /** [offset in `text`, PDF line], in order. */
  starts: Array<[number, number]>;
  lineAt: (offset: number) => number;
}

/** Inside a drawn table: between two vertical borders. */
function framed(page: PdfPage, line: PdfLine): boolean {
  const x = line.items[0].x;
  const y = line.y;
  return (
    page.vertical.some((rule) => rule.at < x && rule.from <= y && y <= rule.to) &&
    page.vertical.some((rule) => rule.at > x && rule.from <= y && y <= rule.to)
  );
}

function fontOf(line: PdfLine): string {
  return line.items[0]?.font ?? "";
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.js");

/** Where the builds put pdf.js's worker (webpack copies it beside the pages). */
export const PDF_WORKER_FILE = "pdf.worker.min.js";

/**
 * In a browser pdf.js parses in a worker, which must be named; Node (no `document`) parses in-process. The worker
 * is served from the add-in's own origin, so the pages' Content-Security-Policy ('self') allows it.
 */
function configureBrowserWorker(pdfjs: PdfJs): void {
  const page = (globalThis as { document?: { baseURI?: string } }).document;
  if (!page?.baseURI || pdfjs.GlobalWorkerOptions.workerSrc) return;
  pdfjs.GlobalWorkerOptions.workerSrc = new URL(PDF_WORKER_FILE, page.baseURI).href;
}

/**
 * pdf.js's Node build, when it loads without the optional `canvas` package, warns with `console.log` — on stdout,
 * where `tat-budget parse x.pdf --json | jq` then fails — that it cannot polyfill `DOMMatrix` and `Path2D`. Those
 * serve rendering only, which we never do, so these two warnings are dropped; any other that pdf.js prints while it
 * loads goes to stderr, where diagnostics belong. In a browser nothing is redirected.
 */
async function loadPdfJs(): Promise<PdfJs> {
  const inNode = typeof (globalThis as { document?: unknown }).document === "undefined";
  if (!inNode) return import("pdfjs-dist/legacy/build/pdf.js");
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("Warning: Cannot polyfill")) return;
    console.error(...args);
  };
  try {
    return await import("pdfjs-dist/legacy/build/pdf.js");
  } finally {
    console.log = log;
  }
}

async function readPages(bytes: Uint8Array): Promise<PdfPage[]> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
    throw new ImportError(
      "Fail on tühi. Valige käskkirja lisa 1 PDF-fail.",
      "The file is empty. Choose the PDF of the directive's annex 1.",
    );
  }
  refuseIfTooLarge("pdf", bytes.length);
  // Not Buffer: the same code is to run in the task pane.
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (!head.includes("%PDF-")) throw notPdf();

  const pdfjs = await loadPdfJs();
  configureBrowserWorker(pdfjs);
  let document: Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
  try {
    // A copy: pdfjs takes over the buffer it is given.
    document = await pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    if ((error as Error | null)?.name === "PasswordException") {
      throw new ImportError(
        "PDF on parooliga kaitstud. Salvestage see ilma paroolita ja proovige uuesti.",
        "The PDF is password-protected. Save it without a password and try again.",
      );
    }
    throw notPdf();
  }
  try {
    const pages: PdfPage[] = [];
    let firstNo = 1;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const seen = asSeen(page.getViewport({ scale: 1 }));
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const [a, b, c, d, e, f] = multiply(item.transform as Matrix, seen);
        items.push({
          text: item.str,
          x: e,
          y: f,
          width: item.width,
          size: Math.hypot(c, d) || Math.hypot(a, b),
          font: item.fontName,
        });
      }
      const operators = await page.getOperatorList();
      const rules = extractRules(operators.fnArray, operators.argsArray, pdfjs.OPS, seen);
      const lines = groupLines(items, number, firstNo);
      firstNo += lines.length;
      pages.push({ number, lines, ...rules });
      page.cleanup();
    }
    return pages;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw notPdf();
  } finally {
    await document.destroy();
  }
}

/**
 * User space to the page as it is seen, y up from its bottom left corner. A landscape page may be a portrait media
 * box turned by /Rotate, its text drawn turned the other way: read as seen, its lines run left to right again. The
 * viewport's transform gives the page as seen with y down; the flip turns y up, as everything here counts it.
 */
function asSeen(viewport: { transform: number[]; height: number }): Matrix {
  return multiply(viewport.transform as Matrix, [1, 0, 0, -1, 0, viewport.height]);
}

function notPdf(): ImportError {
  return new ImportError(
    "Fail ei ole loetav PDF. Valige käskkirja lisa 1 PDF-fail.",
    "The file is not a readable PDF. Choose the PDF of the directive's annex 1.",
  );
}
