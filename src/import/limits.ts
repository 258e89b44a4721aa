import { ImportError } from "../model/plan";

/**
 * How much input the importers accept. Every limit is stated here once; each importer enforces its own, so that the
 * command line and the task pane refuse the same inputs with the same message, and both also check a file's size
 * before reading it whole (src/cli/main.ts, src/taskpane/panels/ImportPanel.tsx).
 *
 * The limits are far above what a directive takes: the bundled directive nr 68 (nine implementers, 19 tables) is
 * 75 KB of text, its lisa 1 as .docx 18 KB with a 220 KB document.xml, a published directive PDF a few MB. What
 * they stop is the wrong file chosen by mistake (a video, a disk image, a whole workbook's export) and input made
 * to exhaust the task pane's memory, such as a zip bomb.
 *
 * A megabyte is 1024 × 1024 bytes, as Windows Explorer and Office show file sizes, so that "5 MB" in a message
 * means what the user sees beside the file. Messages group digits with plain spaces ("100 000"), which the
 * command line prints as they are.
 */
export const MEGABYTE = 1024 * 1024;

/** A DigiDoc container by its name: ASiC-E (.asice, .bdoc) and the older DigiDoc XML (.ddoc), which is refused. */
export const CONTAINER_FILE = /\.(asice|bdoc|ddoc)$/i;

/**
 * Text (pasted or a .txt file), in UTF-8 bytes: 70 times the bundled directive. The parser reads 5 MB in about a
 * third of a second, linear in the length, so the limit is about memory and mistakes, not time.
 */
export const MAX_TEXT_BYTES = 5 * MEGABYTE;

/** A .docx file: its text is small, but a Word file may carry pictures (logos, signatures, scans). */
export const MAX_DOCX_BYTES = 20 * MEGABYTE;

/**
 * The main part of a .docx (word/document.xml) unzipped. xmldom builds the whole tree: 11 MB of lisa 1's XML took
 * 7 s and 520 MB of memory here, too much for a task pane beyond this bound. A document whose XML inflates past it
 * is refused while it is being unzipped, so a zip bomb (a few KB that inflate to gigabytes) never gets further.
 */
export const MAX_DOCX_XML_BYTES = 10 * MEGABYTE;

/** A PDF: published directives are a few MB, scanned pages included; pdf.js holds the whole file in memory. */
export const MAX_PDF_BYTES = 30 * MEGABYTE;

/**
 * A DigiDoc container (.asice, .bdoc): the signed documents zipped beside their signatures. The largest document
 * inside may be a PDF at its own limit, beside a Word file and the signatures; the same bound holds for all that is
 * unzipped of it, counted while unzipping. Each document inside is held to its own kind's limit as well
 * (src/import/container/).
 */
export const MAX_CONTAINER_BYTES = 50 * MEGABYTE;

/**
 * The container's own parts (mimetype, META-INF/manifest.xml, each META-INF/signatures*.xml) unzipped: a signature
 * with its certificates and time stamp is some ten kilobytes.
 */
export const MAX_CONTAINER_PART_BYTES = MEGABYTE;

/**
 * A selected range, in cells: a schedule table is at most a few hundred rows of eight columns. A whole column (a
 * million cells) is a selection made by mistake and would take Excel and the pane long to hand over.
 */
export const MAX_RANGE_CELLS = 100_000;

export type SizedInput = "text" | "docx" | "pdf" | "docx-xml" | "container";

const LIMITS: Record<SizedInput, number> = {
  text: MAX_TEXT_BYTES,
  docx: MAX_DOCX_BYTES,
  pdf: MAX_PDF_BYTES,
  "docx-xml": MAX_DOCX_XML_BYTES,
  container: MAX_CONTAINER_BYTES,
};

/**
 * A size as Estonian and English write it: "5 MB", "20,3 MB" / "20.3 MB", "740 KB", "12 baiti" / "12 bytes". A size
 * over a limit is rounded up (5 MB and one byte is "5,1 MB"), so that it never reads as equal to the limit.
 */
export function formatSize(bytes: number): { et: string; en: string } {
  if (bytes < 1024) return { et: `${bytes} baiti`, en: `${bytes} bytes` };
  const [unit, divisor] = bytes < MEGABYTE ? ["KB", 1024] : ["MB", MEGABYTE];
  const tenths = Math.ceil((bytes / divisor) * 10 - 1e-9);
  const whole = Math.floor(tenths / 10);
  const fraction = tenths % 10;
  const group = (value: number, separator: string) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return {
    et: `${group(whole, " ")}${fraction ? `,${fraction}` : ""} ${unit}`,
    en: `${group(whole, ",")}${fraction ? `.${fraction}` : ""} ${unit}`,
  };
}

/** A count as Estonian ("100 000") and English ("100,000") write it. */
export function formatCount(count: number): { et: string; en: string } {
  const group = (separator: string) => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return { et: group(" "), en: group(",") };
}

const WHAT: Record<SizedInput, { et: string; en: string }> = {
  text: { et: "Tekst", en: "The text" },
  docx: { et: "Wordi fail", en: "The Word file" },
  pdf: { et: "PDF-fail", en: "The PDF file" },
  "docx-xml": {
    et: "Wordi dokumendi sisu (word/document.xml) lahtipakituna",
    en: "The Word document's content (word/document.xml) unzipped",
  },
  container: { et: "DigiDoc-konteiner", en: "The DigiDoc container" },
};

/**
 * The refusal of an input over its limit, naming the size found and the limit. `name` is the file's name, when
 * there is one. For `docx-xml` the size is where unzipping stopped, so the message says "over".
 */
export function tooLargeError(kind: SizedInput, size: number, name?: string): ImportError {
  const limit = formatSize(LIMITS[kind]);
  const found = formatSize(size);
  const what = name ? { et: `Fail „${name}“`, en: `The file "${name}"` } : WHAT[kind];
  if (kind === "docx-xml") {
    return new ImportError(
      `${what.et} on üle ${limit.et}; suurim lubatud on ${limit.et}. Dokument on vigane või pahatahtlik ` +
        "(ZIP-pomm), käskkirja lisa 1 sisu on palju väiksem.",
      `${what.en} exceeds ${limit.en}; the largest accepted is ${limit.en}. The document is damaged or ` +
        "malicious (a zip bomb): the content of a directive's annex 1 is far smaller.",
    );
  }
  return new ImportError(
    `${what.et} on liiga suur: ${found.et}; suurim lubatud on ${limit.et}. Käskkirja lisa 1 on palju väiksem: ` +
      "kontrollige, kas valisite õige faili.",
    `${what.en} is too large: ${found.en}; the largest accepted is ${limit.en}. A directive's annex 1 is far ` +
      "smaller: check that this is the right file.",
  );
}

/** Which limit a file falls under, by its name: a Word document, a PDF, a DigiDoc container, or else text. */
export function sizedInputOfFile(name: string): Exclude<SizedInput, "docx-xml"> {
  if (/\.docx$/i.test(name)) return "docx";
  if (CONTAINER_FILE.test(name)) return "container";
  if (/\.pdf$/i.test(name)) return "pdf";
  return "text";
}

/**
 * The refusal of a file too large for its kind, or null: for the command line and the task pane to check a file's
 * size before reading it whole. The message names the file.
 */
export function fileSizeRefusal(name: string, size: number): ImportError | null {
  const kind = sizedInputOfFile(name);
  return size > LIMITS[kind] ? tooLargeError(kind, size, name) : null;
}

/** Throws `tooLargeError` when `size` bytes exceed the limit of `kind`. */
export function refuseIfTooLarge(kind: SizedInput, size: number, name?: string): void {
  if (size > LIMITS[kind]) throw tooLargeError(kind, size, name);
}

/**
 * The UTF-8 length of a text, which is what a .txt file of it weighs. Counted, not encoded: a text of many
 * megabytes is not copied to learn its size. A lone surrogate counts as the three bytes of U+FFFD it encodes to.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Refuses a text over `MAX_TEXT_BYTES` of UTF-8. */
export function refuseTextIfTooLarge(text: string): void {
  // UTF-8 takes at least one byte per UTF-16 unit and at most three: only texts in between need counting.
  if (text.length * 3 <= MAX_TEXT_BYTES) return;
  refuseIfTooLarge("text", utf8Length(text));
}

/** Refuses a selection of more than `MAX_RANGE_CELLS` cells. */
export function refuseRangeIfTooLarge(cells: number): void {
  if (cells <= MAX_RANGE_CELLS) return;
  const found = formatCount(cells);
  const limit = formatCount(MAX_RANGE_CELLS);
  throw new ImportError(
    `Valitud alas on ${found.et} lahtrit; suurim lubatud on ${limit.et} lahtrit. Valige ainult tegevuste ajakava ` +
      "tabel (koos päisega), mitte terveid veerge ega lehte.",
    `The selection has ${found.en} cells; the largest accepted is ${limit.en} cells. Select only the activity ` +
      "schedule table (with its header), not whole columns or the sheet.",
  );
}
