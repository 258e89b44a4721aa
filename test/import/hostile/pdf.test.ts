import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { lisa1DocxBytes } from "../../../src/annex/lisa1/docx";
import { MAX_PDF_BYTES } from "../../../src/import/limits";
import { importPdf } from "../../../src/import/pdf";
import { parseDirectiveText } from "../../../src/import/text";
import { periodToIso } from "../../../src/model/calendar-date";
import { ImportResult } from "../../../src/model/plan";
import { fixtureText } from "../../helpers";
import { convertWithLibreOffice, findSoffice, writeRecalcProfile } from "../../libreoffice";
import {
  applyByteMutation,
  byteMutation,
  check,
  concat,
  expectChecksPlaced,
  expectDiagnosticsPlaced,
  expectImportError,
  expectRowsPlaced,
  outcomeAsync,
  settings,
} from "./hostile";

/**
 * The PDF importer against a real PDF of the real directive's lisa 1 (the project's Word writer, printed by
 * LibreOffice Writer once for the file) with its bytes truncated, flipped, overwritten, inserted, deleted and
 * duplicated, and against junk behind a PDF header. pdf.js is tolerant, so many damaged files still give text: the
 * importer then returns a plan whose every row, diagnostic and finding stands on a line the PDF has; otherwise it
 * refuses with an ImportError. A PDF over the size limit is refused, naming it; one just under is read.
 */

jest.setTimeout(240_000);

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.js");

let ORIGINAL: Uint8Array;
let BASELINE: ImportResult;

beforeAll(async () => {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: this suite needs Writer to make its PDF.");
  const work = mkdtempSync(path.join(os.tmpdir(), "hostile-pdf-"));
  try {
    const docx = path.join(work, "lisa1.docx");
    writeFileSync(docx, await lisa1DocxBytes(parseDirectiveText(fixtureText()).plan));
    await convertWithLibreOffice(soffice, writeRecalcProfile(path.join(work, "profile")), [docx], work, "pdf");
    ORIGINAL = new Uint8Array(readFileSync(path.join(work, "lisa1.pdf")));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  BASELINE = await importPdf(ORIGINAL);
});

/**
 * The number of text items with visible text, read with pdf.js directly: a line of the importer is one or more of
 * them on one baseline, so no line number can exceed it. Null when pdf.js cannot read the file.
 */
async function textItems(bytes: Uint8Array): Promise<number | null> {
  const pdfjs: PdfJs = await import("pdfjs-dist/legacy/build/pdf.js");
  try {
    const document = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      let count = 0;
      for (let number = 1; number <= document.numPages; number++) {
        const content = await (await document.getPage(number)).getTextContent();
        count += content.items.filter((item) => "str" in item && item.str.trim() !== "").length;
      }
      return count;
    } finally {
      await document.destroy();
    }
  } catch {
    return null;
  }
}

/** What every import of every PDF must satisfy; returns the result, or null when refused. */
async function checkImport(bytes: Uint8Array): Promise<ImportResult | null> {
  const result = await outcomeAsync(() => importPdf(bytes));
  if (!result) return null;
  const items = await textItems(bytes);
  check(items !== null, () => "the importer read a PDF that pdf.js itself cannot open");
  expectDiagnosticsPlaced(result.diagnostics, items);
  expectRowsPlaced(result.plan, items);
  expectChecksPlaced(result.plan, items);
  return result;
}

const rowCount = (result: ImportResult | null) =>
  result ? result.plan.implementers.reduce((sum, implementer) => sum + implementer.rows.length, 0) : 0;

describe("whatever the bytes, the importer returns a plan or an ImportError, and everything has its line", () => {
  it("the real directive's lisa 1 as PDF, its bytes damaged", async () => {
    const tally = { runs: 0, read: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const result = await checkImport(mutations.reduce(applyByteMutation, ORIGINAL));
        tally.runs++;
        if (rowCount(result) > 0) tally.read++;
      }),
      settings(80),
    );
    // Not vacuous: pdf.js reads past much damage, so a good part of the runs go through the whole importer.
    expect(tally.read / tally.runs).toBeGreaterThan(0.2);
  });

  it("junk behind a PDF header, and a PDF's head with junk behind it", async () => {
    const head = () => ORIGINAL.subarray(0, 2000);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000, size: "max" }), fc.boolean(), async (junk, real) => {
        const prefix = real ? head() : new TextEncoder().encode("%PDF-1.7\n");
        await checkImport(concat(prefix, junk));
      }),
      settings(100),
    );
  });
});

// ---- Size ----------------------------------------------------------------------------------------------------------

const facts = (result: ImportResult) =>
  result.plan.implementers.map((implementer) => ({
    name: implementer.name,
    rows: implementer.rows.map((row) => [row.code, row.amount?.toFixed() ?? null, periodToIso(row.plan), row.line]),
  }));

/**
 * The PDF grown to `size` bytes by an incremental update a reader follows: a comment of padding, then the
 * original's own startxref again, so that the file means exactly what it meant.
 */
function grownTo(size: number): Uint8Array {
  const text = new TextDecoder("latin1").decode(ORIGINAL.subarray(ORIGINAL.length - 1024));
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) throw new Error("the PDF does not end with startxref … %%EOF");
  const tail = new TextEncoder().encode(`\nstartxref\n${startxref[1]}\n%%EOF\n`);
  const padding = size - ORIGINAL.length - tail.length - 2;
  return concat(ORIGINAL, new TextEncoder().encode(`\n%`), new Uint8Array(padding).fill(0x78), tail);
}

describe("a PDF over the size limit is refused, naming the limit and the size", () => {
  it("one byte over 30 MB is refused before pdf.js sees it", async () => {
    let error: unknown;
    try {
      await importPdf(grownTo(MAX_PDF_BYTES + 1));
    } catch (caught) {
      error = caught;
    }
    expectImportError(error);
    expect(error.message).toBe(
      "PDF-fail on liiga suur: 30,1 MB; suurim lubatud on 30 MB. Käskkirja lisa 1 on palju väiksem: kontrollige, kas valisite õige faili.",
    );
    expect(error.messageEn).toContain("The PDF file is too large: 30.1 MB; the largest accepted is 30 MB.");
  });

  it("exactly 30 MB is read as the same plan", async () => {
    const bytes = grownTo(MAX_PDF_BYTES);
    expect(bytes.length).toBe(MAX_PDF_BYTES);
    expect(facts(await importPdf(bytes))).toEqual(facts(BASELINE));
  });
});
