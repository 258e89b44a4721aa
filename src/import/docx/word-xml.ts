import { Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import { ImportError } from "../../model/plan";
import { attribute, parseXml } from "../xml";
import { MAX_DOCX_XML_BYTES, tooLargeError } from "../limits";

/**
 * The body of a .docx as the importer needs it: paragraphs and tables in document order, each table's cells
 * with their grid position and merges resolved. Plain JavaScript (jszip, xmldom): runs in Node and the browser.
 *
 * Every paragraph outside a table and every table row gets a `line`: its 1-based position in the body counted
 * this way. It plays the part the text line number plays for the text importer, so that a diagnostic points
 * at one place a user can find by counting (or by its text).
 */

export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
  line: number;
}

export interface TableBlock {
  kind: "table";
  rows: WordRow[];
}

export type Block = ParagraphBlock | TableBlock;

export interface WordRow {
  line: number;
  /** Marked to repeat at the top of each page (`w:tblHeader`). */
  repeatedHeader: boolean;
  cells: WordCell[];
}

export interface WordCell {
  /** The cell's paragraphs joined with a space; a vertically merged continuation has its first cell's text. */
  text: string;
  /** First grid column the cell covers (0-based). */
  column: number;
  span: number;
  /** A continuation of a vertical merge (`w:vMerge` without "restart"). */
  mergedFromAbove: boolean;
}

const notADocx = () =>
  new ImportError(
    "Fail ei ole loetav Wordi dokument (.docx): seda ei õnnestunud avada. Salvestage dokument Wordis " +
      "vormingus „Word Document (*.docx)“ ja proovige uuesti.",
    'The file is not a readable Word document (.docx): it could not be opened. Save it in Word as "Word Document (*.docx)" and try again.',
  );

/** Opens the package and returns its main document's body as blocks. */
export async function readWordBody(bytes: Uint8Array): Promise<Block[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw notADocx();
  }
  const partName = await mainDocumentPart(zip);
  const part = zip.file(partName);
  if (!part) {
    throw new ImportError(
      `Fail on zip-arhiiv, kuid selles puudub Wordi dokumendi sisu (${partName}). Oodatakse .docx-faili.`,
      `The file is a zip archive but has no Word document content (${partName}). A .docx file is expected.`,
    );
  }
  let xml: string;
  try {
    xml = await readBounded(part, MAX_DOCX_XML_BYTES);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // The central directory opened, but the part's compressed data is damaged (a truncated or altered file).
    throw notADocx();
  }
  const root = parseXml(xml);
  const body = root ? childElements(root).find((child) => child.localName === "body") : undefined;
  if (!body) {
    throw new ImportError(
      `Wordi dokumendi sisu (${partName}) on vigane ja seda ei saa lugeda.`,
      `The Word document's content (${partName}) is malformed and cannot be read.`,
    );
  }
  const blocks: Block[] = [];
  const counter = { line: 0 };
  readBlocks(body, blocks, counter);
  return blocks;
}

/** The main part is named in the package relationships; nearly always word/document.xml. */
async function mainDocumentPart(zip: JSZip): Promise<string> {
  const rels = zip.file("_rels/.rels");
  if (rels) {
    let xml: string;
    try {
      xml = await readBounded(rels, MAX_DOCX_XML_BYTES);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw notADocx();
    }
    for (const match of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      if (!/Type="[^"]*\/officeDocument"/.test(match[0])) continue;
      const target = /Target="([^"]+)"/.exec(match[0]);
      if (target) return target[1].replace(/^\//, "");
    }
  }
  return "word/document.xml";
}

/** `internalStream` is JSZip's documented streaming API (ZipObject#internalStream); its typings leave it out. */
type StreamingEntry = JSZip.JSZipObject & {
  internalStream(type: "string"): JSZip.JSZipStreamHelper<string>;
};

/**
 * A part's text, unzipped chunk by chunk and abandoned as soon as it passes `limit` characters (bytes, for XML's
 * ASCII markup): the size the zip declares can lie, and JSZip compares it with the real one only after inflating
 * everything, which is what a zip bomb counts on.
 */
function readBounded(entry: JSZip.JSZipObject, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: string[] = [];
    let size = 0;
    let stopped = false;
    const stream = (entry as StreamingEntry).internalStream("string");
    stream
      .on("data", (chunk) => {
        if (stopped) return;
        size += chunk.length;
        if (size > limit) {
          stopped = true;
          stream.pause();
          reject(tooLargeError("docx-xml", size));
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (error) => {
        stopped = true;
        reject(error);
      })
      .on("end", () => {
        if (!stopped) resolve(chunks.join(""));
      })
      .resume();
  });
}

function readBlocks(container: Element, blocks: Block[], counter: { line: number }): void {
  for (const child of childElements(container)) {
    switch (child.localName) {
      case "p":
        blocks.push({ kind: "paragraph", text: paragraphText(child), line: ++counter.line });
        break;
      case "tbl":
        blocks.push({ kind: "table", rows: readTable(child, counter) });
        break;
      // Content controls and custom XML wrap ordinary paragraphs and tables.
      case "sdt":
      case "sdtContent":
      case "customXml":
        readBlocks(child, blocks, counter);
        break;
    }
  }
}

function readTable(table: Element, counter: { line: number }): WordRow[] {
  const rows: WordRow[] = [];
  // What each grid column of the row above held, for the continuations of vertical merges.
  let above = new Map<number, string>();
  for (const tr of unwrap(table, "tr")) {
    const properties = childElements(tr).find((child) => child.localName === "trPr");
    const propertyChildren = properties ? childElements(properties) : [];
    const headerElement = propertyChildren.find((child) => child.localName === "tblHeader");
    const gridBefore = propertyChildren.find((child) => child.localName === "gridBefore");
    let column = gridBefore ? gridCount(attribute(gridBefore, "val"), 0) : 0;
    const cells: WordCell[] = [];
    const here = new Map<number, string>();
    for (const tc of unwrap(tr, "tc")) {
      const tcPr = childElements(tc).find((child) => child.localName === "tcPr");
      const tcPrChildren = tcPr ? childElements(tcPr) : [];
      const spanElement = tcPrChildren.find((child) => child.localName === "gridSpan");
      const span = spanElement ? gridCount(attribute(spanElement, "val"), 1) : 1;
      const merge = tcPrChildren.find((child) => child.localName === "vMerge");
      const mergedFromAbove = merge !== undefined && attribute(merge, "val") !== "restart";
      const text = mergedFromAbove ? (above.get(column) ?? "") : cellText(tc);
      cells.push({ text, column, span, mergedFromAbove });
      here.set(column, text);
      column += span;
    }
    above = here;
    rows.push({ line: ++counter.line, repeatedHeader: headerElement !== undefined && isOn(headerElement), cells });
  }
  return rows;
}

/** Word's tables have at most 63 grid columns; more (a damaged "2147483647") would make every row that wide. */
const MAX_GRID_COLUMNS = 63;

/** A w:gridSpan or w:gridBefore count: a whole number from `least` to the grid's width, else `least`. */
function gridCount(value: string | null, least: number): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < least) return least;
  return Math.min(count, MAX_GRID_COLUMNS);
}

function cellText(tc: Element): string {
  const parts: string[] = [];
  const collect = (container: Element) => {
    for (const child of childElements(container)) {
      if (child.localName === "p") parts.push(paragraphText(child));
      else if (child.localName === "tbl") {
        for (const tr of unwrap(child, "tr")) for (const inner of unwrap(tr, "tc")) collect(inner);
      } else if (WRAPPERS.has(child.localName ?? "")) collect(child);
    }
  };
  collect(tc);
  return tidy(parts.join(" "));
}

/** The visible text: w:t runs, with tabs and breaks as spaces; deleted text and field codes are left out. */
function paragraphText(paragraph: Element): string {
  let text = "";
  const walk = (element: Element) => {
    for (const child of childElements(element)) {
      switch (child.localName) {
        case "t":
          text += child.textContent ?? "";
          break;
        case "tab":
        case "br":
        case "cr":
          text += " ";
          break;
        case "noBreakHyphen":
          text += "-";
          break;
        // Properties hold no text; a drawing's fallback repeats its main content.
        case "pPr":
        case "rPr":
        case "Fallback":
        case "delText":
        case "instrText":
          break;
        default:
          walk(child);
      }
    }
  };
  walk(paragraph);
  return tidy(text);
}

/** Children named `name`, looking through content controls and custom XML wrapped around them. */
/** Content controls and custom XML wrap ordinary paragraphs, tables, rows and cells. */
const WRAPPERS = new Set(["sdt", "sdtContent", "customXml"]);

function unwrap(parent: Element, name: string): Element[] {
  const found: Element[] = [];
  for (const child of childElements(parent)) {
    if (child.localName === name) found.push(child);
    else if (WRAPPERS.has(child.localName ?? "")) found.push(...unwrap(child, name));
  }
  return found;
}

function childElements(parent: Element): Element[] {
  const children: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) children.push(node as Element);
  }
  return children;
}

function isOn(element: Element): boolean {
  const value = attribute(element, "val");
  return value === null || !["0", "false", "off"].includes(value);
}

export function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
