import { ImportError, ImportResult, NoScheduleTableError } from "../../model/plan";
import { refuseIfTooLarge } from "../limits";
import { insideName, noDocument, noScheduleInAny, noSuchDocument, notText, refusedInside, shownName } from "./messages";
import { DocumentKind, openContainer } from "./open-container";
import { SignatureInfo } from "./signatures";

/**
 * A directive that arrives signed: the container opened, each document in it that an importer reads imported as
 * if given directly, and the one holding the schedule tables chosen (the most schedule rows, or the one asked for).
 * The importers are passed in, so that this folder stays free of pdf.js and the callers load it when needed.
 */

/** A document as the importers take it: text, or a Word or PDF file's bytes. */
export type ContainedDocument = { kind: "text"; text: string } | { kind: "docx" | "pdf"; bytes: Uint8Array };

export type ImportDocument = (document: ContainedDocument) => Promise<ImportResult>;

/** A document in the container and what importing it gave. */
export interface ContainerCandidate {
  name: string;
  kind: DocumentKind;
  /** Its schedule rows, or null when it was refused. */
  rows: number | null;
  /** Why it was refused, in both languages, and whether only for holding no schedule table; null when read. */
  refusal: { message: string; messageEn: string; noScheduleTable: boolean } | null;
}

/** What the officer is shown of a container beside the plan: where the plan came from, and the signatures. */
export interface ContainerReading {
  /** The container's file name. */
  container: string;
  /** The data file the plan was read from. */
  document: string;
  /** Both, as diagnostics name the file: "leping.asice › lisa1.docx". */
  source: string;
  /** Every data file the manifest lists, read or not. */
  dataFiles: Array<{ name: string; mimeType: string | null; size: number | null }>;
  /** The documents an importer reads, in the manifest's order, with their rows. */
  candidates: ContainerCandidate[];
  /** As each signature states them; never verified. */
  signatures: SignatureInfo[];
  verified: false;
}

export interface ContainerImport {
  result: ImportResult;
  container: ContainerReading;
}

/**
 * Reads the plan from a container. `choose` names the data file to read; without it, the document with the most
 * schedule rows is read (the first of those with as many). Diagnostics name the file inside the container.
 */
export async function readContainer(
  bytes: Uint8Array,
  fileName: string,
  importDocument: ImportDocument,
  choose?: string,
): Promise<ContainerImport> {
  refuseIfTooLarge("container", bytes.length, shownName(fileName));
  const contents = await openContainer(bytes, fileName);
  const { name } = contents;
  const documents = contents.dataFiles.filter((file) => file.kind !== null && file.bytes !== null);
  if (documents.length === 0)
    throw noDocument(
      name,
      contents.dataFiles.map((file) => file.name),
    );
  if (choose !== undefined && !documents.some((file) => file.name === choose)) {
    throw noSuchDocument(
      name,
      choose,
      documents.map((file) => file.name),
    );
  }

  const candidates: ContainerCandidate[] = [];
  const results = new Map<string, ImportResult>();
  const refusals = new Map<string, ImportError>();
  // One at a time: a PDF's pages are held by pdf.js while it is read.
  for (const file of documents) {
    const kind = file.kind!;
    try {
      const result = await importDocument(contained(name, file.name, kind, file.bytes!));
      results.set(file.name, result);
      candidates.push({ name: file.name, kind, rows: rowCount(result), refusal: null });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      refusals.set(file.name, error);
      candidates.push({
        name: file.name,
        kind,
        rows: null,
        refusal: {
          message: error.message,
          messageEn: error.messageEn,
          noScheduleTable: error instanceof NoScheduleTableError,
        },
      });
    }
  }

  const chosen = choose ?? mostRows(candidates);
  if (chosen === null) {
    const other = [...refusals].find(([, error]) => !(error instanceof NoScheduleTableError));
    if (other) throw refusedInside(insideName(name, other[0]), other[1]);
    throw noScheduleInAny(
      name,
      documents.map((file) => file.name),
    );
  }
  const refused = refusals.get(chosen);
  if (refused) throw refusedInside(insideName(name, chosen), refused);
  const source = insideName(name, chosen);
  const result = results.get(chosen)!;
  return {
    result: { ...result, diagnostics: result.diagnostics.map((diagnostic) => ({ ...diagnostic, file: source })) },
    container: {
      container: name,
      document: chosen,
      source,
      dataFiles: contents.dataFiles.map((file) => ({ name: file.name, mimeType: file.mimeType, size: file.size })),
      candidates,
      signatures: contents.signatures,
      verified: false,
    },
  };
}

function contained(container: string, name: string, kind: DocumentKind, bytes: Uint8Array): ContainedDocument {
  if (kind !== "text") return { kind, bytes };
  try {
    return { kind, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    throw notText(container, name);
  }
}

function rowCount(result: ImportResult): number {
  return result.plan.implementers.reduce((sum, implementer) => sum + implementer.rows.length, 0);
}

/** The read document with the most rows; the manifest's first of equals. Null when none was read. */
function mostRows(candidates: ContainerCandidate[]): string | null {
  let best: ContainerCandidate | null = null;
  for (const candidate of candidates) {
    if (candidate.rows !== null && (best === null || candidate.rows > best.rows!)) best = candidate;
  }
  return best?.name ?? null;
}
