import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { pathToFileURL } from "url";
import {
  PARTNERSHIP_PREFIX,
  amountCellText,
  firstCellText,
  implementerHeading,
  lisa1DocxBytes,
  rangeText,
} from "../../../src/annex/lisa1/docx";
import { ActionPlan, ScheduleRow } from "../../../src/model/plan";
import { convertWithLibreOffice } from "../../libreoffice";

/**
 * A corpus of lisa 1 PDFs from producers that know nothing of one another — LibreOffice Writer from our .docx and
 * from an ordinary HTML table, Chromium's print of an HTML table — in fixed fonts (test/fixtures/fonts, the only
 * folder fontconfig is given), so a PDF wraps the same on every machine. Used by the corpus test and by
 * scripts/pdf-corpus.js, which prints how many of the fixture's rows each PDF gives back.
 */

export const FONTS_DIR = path.resolve(__dirname, "../../fixtures/fonts");
export const CONVERT_TIMEOUT_MS = 150_000;

/** The two families shipped under test/fixtures/fonts: narrow (Times' metrics) and wide. */
export const FAMILIES = { liberation: "Liberation Serif", dejavu: "DejaVu Serif" } as const;
export type Family = keyof typeof FAMILIES;

export interface CorpusPdf {
  name: string;
  /** Who made it and how, for the report. */
  producer: string;
  file: string;
}

/**
 * A fontconfig that knows only `fontDirs`: soffice and Chromium then lay out with those fonts and no other, so the
 * PDFs do not depend on what the machine has installed. Returns the environment to run them with.
 */
export function fontEnvironment(dir: string, fontDirs: string[] = [FONTS_DIR]): NodeJS.ProcessEnv {
  mkdirSync(path.join(dir, "cache"), { recursive: true });
  const file = path.join(dir, "fonts.conf");
  writeFileSync(
    file,
    [
      `<?xml version="1.0"?>`,
      `<!DOCTYPE fontconfig SYSTEM "fonts.dtd">`,
      `<fontconfig>`,
      ...fontDirs.map((fontDir) => `  <dir>${fontDir}</dir>`),
      `  <cachedir>${path.join(dir, "cache")}</cachedir>`,
      `</fontconfig>`,
      ``,
    ].join("\n"),
  );
  return { ...process.env, FONTCONFIG_FILE: file };
}

// ---------------------------------------------------------------------------------------------------------------
// The producers' inputs

export interface PageSetup {
  orientation: "portrait" | "landscape";
  /** Margins in twips: top, right, bottom, left. */
  margins: [number, number, number, number];
}

export const PORTRAIT: PageSetup = { orientation: "portrait", margins: [1134, 850, 1134, 1418] };
export const LANDSCAPE: PageSetup = { orientation: "landscape", margins: [850, 1418, 1134, 709] };

const A4 = { short: 11906, long: 16838 };

/**
 * Our lisa 1 .docx with its font and page set-up replaced in the XML: the document names the font it is set in (so
 * the layout does not fall back on whatever fontconfig picks for "Times New Roman"), and the table's fixed widths
 * are scaled to the new text width, as an officer reformatting the document would.
 */
export async function lisa1Docx(plan: ActionPlan, family: Family, page: PageSetup): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await lisa1DocxBytes(plan));
  const font = FAMILIES[family];
  const [top, right, bottom, left] = page.margins;
  const [width, height] = page.orientation === "portrait" ? [A4.short, A4.long] : [A4.long, A4.short];
  const originalText = A4.long - 2 * 1134;
  const scale = (width - left - right) / originalText;
  for (const name of ["word/document.xml", "word/styles.xml"]) {
    const file = zip.file(name);
    if (!file) continue;
    let xml = (await file.async("string")).replace(/Times New Roman/g, font);
    if (name === "word/document.xml") {
      xml = xml
        .replace(
          /<w:pgSz [^>]*\/>/,
          `<w:pgSz w:w="${width}" w:h="${height}"${page.orientation === "landscape" ? ' w:orient="landscape"' : ""}/>`,
        )
        .replace(
          /<w:pgMar [^>]*\/>/,
          `<w:pgMar w:top="${top}" w:right="${right}" w:bottom="${bottom}" w:left="${left}" w:header="708" w:footer="708" w:gutter="0"/>`,
        )
        .replace(
          /<(w:gridCol|w:tcW|w:tblW) w:w="(\d+)"/g,
          (_, tag: string, value: string) => `<${tag} w:w="${Math.floor(Number(value) * scale)}"`,
        )
        .replace(
          /<(w:tcW|w:tblW) w:type="dxa" w:w="(\d+)"/g,
          (_, tag: string, value: string) => `<${tag} w:type="dxa" w:w="${Math.floor(Number(value) * scale)}"`,
        );
    }
    zip.file(name, xml);
  }
  return zip.generateAsync({ type: "uint8array" });
}

export interface HtmlOptions {
  family: Family;
  borders: boolean;
  /** The header in a <thead>, which Chromium repeats on every page; otherwise a first row of <th>. */
  thead: boolean;
  landscape?: boolean;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The header as an officer would type it into a narrow HTML table: each cell wrapped by hand over 1–5 lines. */
const HTML_HEADER = [
  "Tegevus",
  "Tegevuse<br>üldajaraam",
  "Tegevuse<br>algus- ja<br>lõppkuupäev<br>tegevuskava<br>perioodil",
  "Planeeritav<br>maksumus<br>2025. aastal",
  "Tegevuse<br>eest<br>vastutaja",
];

/**
 * Lisa 1 as an ordinary HTML page: the title with the plan period, the partners' agreement periods, and per
 * implementer its heading, captions and five-column tables (amounts right-aligned), indicator tables left out.
 */
export function lisa1Html(plan: ActionPlan, options: HtmlOptions): string {
  const border = options.borders ? "1px solid #000" : "none";
  const parts: string[] = [
    `<!DOCTYPE html><html lang="et"><head><meta charset="utf-8"><title>Lisa 1</title><style>`,
    `@page { size: A4 ${options.landscape ? "landscape" : "portrait"}; margin: 18mm 15mm; }`,
    `body { font-family: "${FAMILIES[options.family]}"; font-size: 10.5pt; }`,
    `table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; }`,
    `th, td { border: ${border}; padding: 2pt 4pt; vertical-align: top; text-align: left; font-size: 9.5pt; }`,
    `th { vertical-align: middle; text-align: center; }`,
    `td.amount { text-align: right; }`,
    `tr { page-break-inside: avoid; }`,
    `</style></head><body>`,
    `<p style="text-align:right">LISA 1</p>`,
  ];
  if (plan.planPeriod)
    parts.push(`<h1 style="font-size:12pt">Tegevuskava perioodil ${rangeText(plan.planPeriod)}</h1>`);
  const partners = plan.implementers.filter((implementer) => implementer.role === "partner");
  if (partners.length > 0) {
    parts.push(`<h2 style="font-size:11pt">1.1 Partnerid ja partnerluslepingute perioodid</h2>`);
    for (const partner of partners) {
      const period = partner.partnership ? rangeText(partner.partnership) : "määramata";
      parts.push(`<p>${escapeHtml(`${PARTNERSHIP_PREFIX} ${partner.name} ${period}.`)}</p>`);
    }
  }
  const widths = [38, 15, 15, 14, 18];
  for (const implementer of plan.implementers) {
    parts.push(`<h2 style="font-size:11pt">${escapeHtml(implementerHeading(implementer))}</h2>`);
    const tables = new Map<number, ScheduleRow[]>(implementer.tables.map((table) => [table, []]));
    for (const row of implementer.rows) tables.get(row.table)?.push(row);
    for (const [table, rows] of tables) {
      // The attributes as well as the style: Writer's HTML import draws borders from the attributes only.
      const attributes = options.borders
        ? ` border="1" cellspacing="0" cellpadding="4"`
        : ` border="0" cellpadding="4"`;
      parts.push(`<p><b>Tabel ${table}. Tegevuste ajakava</b></p>`, `<table${attributes}>`);
      parts.push(`<colgroup>${widths.map((width) => `<col style="width:${width}%">`).join("")}</colgroup>`);
      const header = `<tr>${HTML_HEADER.map((text) => `<th>${text}</th>`).join("")}</tr>`;
      parts.push(options.thead ? `<thead>${header}</thead><tbody>` : `<tbody>${header}`);
      for (const row of rows) {
        const cells = [
          firstCellText(row),
          row.frame ? rangeText(row.frame) : (row.frameText ?? ""),
          row.plan ? rangeText(row.plan) : (row.planText ?? ""),
          amountCellText(row),
          row.responsible ?? "",
        ];
        parts.push(
          `<tr>${cells.map((text, i) => `<td${i === 3 ? ' class="amount"' : ""}>${escapeHtml(text)}</td>`).join("")}</tr>`,
        );
      }
      parts.push(`</tbody></table>`);
    }
  }
  parts.push(`</body></html>`);
  return parts.join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// Running the producers

/** LibreOffice with a throwaway profile (parallel runs must not share and lock one) and the corpus's fonts only. */
export function runSoffice(
  soffice: string,
  files: string[],
  outDir: string,
  format: string,
  profileDir: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  mkdirSync(path.join(profileDir, "user"), { recursive: true });
  return convertWithLibreOffice(soffice, pathToFileURL(profileDir).href, files, outDir, format, {
    env,
    timeoutMs: CONVERT_TIMEOUT_MS,
  });
}

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => existsSync(file));

async function printWithChromium(
  pages: Array<{ html: string; file: string; landscape: boolean }>,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  if (!CHROMIUM) throw new Error("Chromium is needed: run `npm run test:deps` (apt-get install chromium).");
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    env: env as Record<string, string>,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--font-render-hinting=none",
    ],
  });
  try {
    for (const page of pages) {
      const tab = await browser.newPage();
      await tab.setContent(page.html, { waitUntil: "load" });
      writeFileSync(page.file, await tab.pdf({ preferCSSPageSize: true, landscape: page.landscape }));
      await tab.close();
    }
  } finally {
    await browser.close();
  }
}

/**
 * Makes every PDF of the corpus in `dir` from `plan`: the soffice runs (one per input kind, each with its own
 * profile) and Chromium in parallel.
 */
export async function makeCorpus(plan: ActionPlan, dir: string, soffice: string): Promise<CorpusPdf[]> {
  const env = fontEnvironment(path.join(dir, "fontconfig"));
  const input = path.join(dir, "in");
  const out = path.join(dir, "out");
  mkdirSync(input, { recursive: true });
  mkdirSync(out, { recursive: true });
  const corpus: CorpusPdf[] = [];

  const docxFiles: string[] = [];
  for (const family of Object.keys(FAMILIES) as Family[]) {
    for (const page of [PORTRAIT, LANDSCAPE]) {
      const name = `lisa1-docx-${family}-${page.orientation}`;
      const file = path.join(input, `${name}.docx`);
      writeFileSync(file, await lisa1Docx(plan, family, page));
      docxFiles.push(file);
      corpus.push({
        name,
        producer: `LibreOffice Writer, our lisa 1 .docx, ${FAMILIES[family]}, ${page.orientation}`,
        file: path.join(out, `${name}.pdf`),
      });
    }
  }

  const htmlFiles: string[] = [];
  const writerHtml: Array<[string, HtmlOptions, string]> = [
    ["html-writer-bordered", { family: "dejavu", borders: true, thead: false }, "bordered, header once"],
    ["html-writer-borderless", { family: "liberation", borders: false, thead: false }, "no borders"],
  ];
  for (const [name, options, what] of writerHtml) {
    const file = path.join(input, `${name}.html`);
    writeFileSync(file, lisa1Html(plan, options));
    htmlFiles.push(file);
    corpus.push({ name, producer: `LibreOffice Writer, an HTML table, ${what}`, file: path.join(out, `${name}.pdf`) });
  }

  const chromiumPages: Array<[string, HtmlOptions, string]> = [
    ["html-chromium-repeated", { family: "dejavu", borders: true, thead: true }, "bordered, header repeated"],
    [
      "html-chromium-borderless-landscape",
      { family: "liberation", borders: false, thead: true, landscape: true },
      "no borders, landscape",
    ],
  ];
  for (const [name, , what] of chromiumPages) {
    corpus.push({ name, producer: `Chromium page.pdf(), an HTML table, ${what}`, file: path.join(out, `${name}.pdf`) });
  }

  await Promise.all([
    runSoffice(soffice, docxFiles, out, "pdf", path.join(dir, "profile-docx"), env),
    runSoffice(soffice, htmlFiles, out, "pdf:writer_pdf_Export", path.join(dir, "profile-html"), env),
    printWithChromium(
      chromiumPages.map(([name, options]) => ({
        html: lisa1Html(plan, options),
        file: path.join(out, `${name}.pdf`),
        landscape: options.landscape ?? false,
      })),
      env,
    ),
  ]);
  return corpus;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading back against the plan

export interface Score {
  rowsRight: number;
  rows: number;
  periodsFound: number;
  periods: number;
  /** The first rows that differ, for a message. */
  wrong: Array<{ implementer: string; index: number; expected: unknown; actual: unknown }>;
}

/**
 * The fixture writes "KOV- ides" and "Põhja- Eestis" with a space after the hyphen; where a PDF breaks the line after
 * "KOV-", whether a space followed is lost, and the importer joins the word ("KOV-ides"). Labels are compared with
 * the space after a hyphen left out on both sides: the one thing a line break cannot tell.
 */
export const foldHyphenSpace = (text: string) => text.replace(/(?<=\p{L})- +(?=\p{L})/gu, "-");

/** What must come back of a row: code, label, amount, frame, plan period and responsible party. */
export const rowFacts = (row: ScheduleRow | undefined) =>
  row && {
    code: row.code,
    label: foldHyphenSpace(row.label),
    amount: row.amount ? row.amount.toFixed(2) : null,
    frame: row.frame ? `${row.frame.start.toIso()}/${row.frame.end.toIso()}` : null,
    plan: row.plan ? `${row.plan.start.toIso()}/${row.plan.end.toIso()}` : null,
    responsible: row.responsible,
  };

export function score(expected: ActionPlan, actual: ActionPlan): Score {
  const result: Score = { rowsRight: 0, rows: 0, periodsFound: 0, periods: 0, wrong: [] };
  for (const implementer of expected.implementers) {
    const read = actual.implementers.find((candidate) => candidate.name === implementer.name);
    implementer.rows.forEach((row, index) => {
      result.rows++;
      const want = rowFacts(row);
      const got = rowFacts(read?.rows[index]);
      if (JSON.stringify(want) === JSON.stringify(got)) result.rowsRight++;
      else if (result.wrong.length < 5)
        result.wrong.push({ implementer: implementer.name, index, expected: want, actual: got });
    });
    if (implementer.role === "partner") {
      result.periods++;
      const want = implementer.partnership;
      const got = read?.partnership;
      if (want && got && want.start.toIso() === got.start.toIso() && want.end.toIso() === got.end.toIso())
        result.periodsFound++;
    }
  }
  return result;
}

export const readPdf = (file: string) => new Uint8Array(readFileSync(file));
