import { Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import {
  MAX_CONTAINER_BYTES,
  MAX_CONTAINER_PART_BYTES,
  MAX_DOCX_BYTES,
  MAX_PDF_BYTES,
  MAX_TEXT_BYTES,
} from "../limits";
import {
  ASIC_E_MIMETYPE,
  contentsTooLarge,
  damagedEntry,
  ddocNotSupported,
  entryTooLarge,
  missingMimetype,
  notAZip,
  shownName,
  wrongMimetype,
} from "./messages";
import { attribute, parseXml } from "../xml";
import { SignatureInfo, isSignatureFile, readSignatures } from "./signatures";
import { UnzipBudget, UnzipLimitError, declaredEntries, startsAsZip, unzipBounded } from "./zip";

/**
 * Opens a DigiDoc container (ASiC-E: .asice, .bdoc) in memory: a ZIP whose first entry `mimetype` reads
 * application/vnd.etsi.asic-e+zip, the signed data files beside META-INF/manifest.xml, which lists them with their
 * media types, and META-INF/signatures*.xml, one XAdES signature each. Pure: bytes in, contents out; no file system,
 * no DOM, nothing verified.
 *
 * Only what may be read is unzipped: the container's own parts and the documents an importer reads (Word, PDF,
 * text), each under its kind's limit and all of it under the container's, counted while unzipping.
 */

/** The kinds of document the importers read. */
export type DocumentKind = "docx" | "pdf" | "text";

export interface DataFile {
  /** Its path in the container, as the manifest lists it. */
  name: string;
  /** Its media type as the manifest gives it; null where there is no manifest entry. */
  mimeType: string | null;
  /** The uncompressed size the archive declares; null where it declares none. */
  size: number | null;
  /** The importer that reads it, or null for any other file (a spreadsheet, a picture): listed, never unzipped. */
  kind: DocumentKind | null;
  /** Its bytes, for a document an importer reads; null otherwise. */
  bytes: Uint8Array | null;
}

export interface ContainerContents {
  /** The container's file name, as shown in messages. */
  name: string;
  dataFiles: DataFile[];
  signatures: SignatureInfo[];
}

const KIND_LIMITS: Record<DocumentKind, number> = { docx: MAX_DOCX_BYTES, pdf: MAX_PDF_BYTES, text: MAX_TEXT_BYTES };

const MEDIA_TYPES: Record<string, DocumentKind> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/pdf": "pdf",
  "text/plain": "text",
};

/** Which importer reads a data file: by its extension, else by the media type the manifest gives it. */
export function documentKind(name: string, mimeType: string | null): DocumentKind | null {
  if (/\.docx$/i.test(name)) return "docx";
  if (/\.pdf$/i.test(name)) return "pdf";
  if (/\.txt$/i.test(name)) return "text";
  const type = mimeType?.split(";")[0].trim().toLowerCase();
  return (type && MEDIA_TYPES[type]) || null;
}

/** Throws ImportError, in the officer's words, for anything that is not a readable ASiC-E container. */
export async function openContainer(bytes: Uint8Array, fileName: string): Promise<ContainerContents> {
  const name = shownName(fileName);
  if (!startsAsZip(bytes)) {
    if (looksLikeDdoc(bytes) || /\.ddoc$/i.test(fileName)) throw ddocNotSupported(name);
    throw notAZip(name);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw notAZip(name);
  }
  const budget: UnzipBudget = { remaining: MAX_CONTAINER_BYTES };
  const declared = new Map(declaredEntries(bytes).map((entry) => [entry.name, entry.size]));
  const unzip = async (entry: JSZip.JSZipObject, limit: number): Promise<Uint8Array> => {
    const size = declared.get(entry.name) ?? null;
    if (size !== null && size > limit) throw entryTooLarge(name, shownName(entry.name), size, limit, false);
    try {
      return await unzipBounded(entry, limit, budget);
    } catch (error) {
      if (error instanceof UnzipLimitError) {
        throw error.which === "entry"
          ? entryTooLarge(name, shownName(entry.name), error.size, limit, true)
          : contentsTooLarge(name, MAX_CONTAINER_BYTES);
      }
      throw damagedEntry(name, shownName(entry.name));
    }
  };
  const text = async (entry: JSZip.JSZipObject) =>
    new TextDecoder("utf-8").decode(await unzip(entry, MAX_CONTAINER_PART_BYTES));

  const mimetype = zip.file("mimetype");
  if (!mimetype) throw missingMimetype(name);
  // ASiC puts it first, stored, so that the type shows at a fixed offset; one out of place is still read.
  const type = (await text(mimetype)).trim();
  if (type !== ASIC_E_MIMETYPE) throw wrongMimetype(name, shownName(type));

  const listed = await manifestEntries(zip, text);
  const dataFiles: DataFile[] = [];
  for (const [path, mimeType] of listed ?? defaultListing(zip)) {
    const entry = zip.file(path);
    if (!entry) continue;
    const kind = documentKind(path, mimeType);
    dataFiles.push({
      name: shownName(path),
      mimeType,
      size: declared.get(path) ?? null,
      kind,
      bytes: kind ? await unzip(entry, KIND_LIMITS[kind]) : null,
    });
  }

  const signatures: SignatureInfo[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !isSignatureFile(entry.name)) continue;
    signatures.push(...readSignatures(shownName(entry.name), await text(entry)));
  }
  return { name, dataFiles, signatures };
}

/** The old DigiDoc format is XML (<SignedDoc …>), not a ZIP. */
function looksLikeDdoc(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 1024));
  return /^\uFEFF?\s*</.test(head) && /<(?:\w+:)?SignedDoc\b/.test(head);
}

/**
 * The manifest's data files in its order, each with its media type; the entry for the container itself ("/") and
 * folders left out. Null when there is no manifest or it cannot be read: the files are then taken from the archive.
 */
async function manifestEntries(
  zip: JSZip,
  text: (entry: JSZip.JSZipObject) => Promise<string>,
): Promise<Array<[string, string | null]> | null> {
  const manifest = zip.file("META-INF/manifest.xml");
  if (!manifest) return null;
  const xml = await text(manifest);
  const root = parseXml(xml);
  if (!root) return null;
  const entries: Array<[string, string | null]> = [];
  const walk = (element: Element) => {
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const item = child as Element;
      if (item.localName === "file-entry") {
        const path = attribute(item, "full-path");
        if (path && path !== "/" && !path.endsWith("/")) entries.push([path, attribute(item, "media-type")]);
      }
      walk(item);
    }
  };
  walk(root);
  return entries;
}

/** Without a manifest: every file outside META-INF but the mimetype, in the archive's order. */
function defaultListing(zip: JSZip): Array<[string, string | null]> {
  return Object.values(zip.files)
    .filter((entry) => !entry.dir && entry.name !== "mimetype" && !entry.name.startsWith("META-INF/"))
    .map((entry) => [entry.name, null]);
}
