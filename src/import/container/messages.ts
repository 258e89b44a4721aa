import { ImportError, NoScheduleTableError } from "../../model/plan";
import { formatSize } from "../limits";

/**
 * The refusals of a container, each in Estonian and English, naming the container (and the file inside it where
 * one is at fault) as the officer sees them.
 */

export const ASIC_E_MIMETYPE = "application/vnd.etsi.asic-e+zip";

/** How a file inside a container is named: "leping.asice › lisa1.docx". */
export function insideName(container: string, entry: string): string {
  return `${container} › ${entry}`;
}

/** A name from a file, shown as text: control characters and direction overrides that would reorder it dropped. */
export function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
}

const listOf = (names: string[], none: string) => (names.length ? names.join(", ") : none);

export function notAZip(name: string): ImportError {
  return new ImportError(
    `Fail „${name}“ ei ole DigiDoc-konteiner: see ei ole ZIP-arhiiv (fail võib olla vigane või poolikult alla ` +
      "laaditud). Avage see DigiDoc4 kliendis või laadige uuesti alla.",
    `The file "${name}" is not a DigiDoc container: it is not a ZIP archive (the file may be damaged or cut short). ` +
      "Open it in DigiDoc4 or download it again.",
  );
}

export function missingMimetype(name: string): ImportError {
  return new ImportError(
    `Fail „${name}“ on ZIP-arhiiv, kuid mitte DigiDoc-konteiner (.asice, .bdoc): selles puudub kirje „mimetype“, ` +
      `mis ütleb ${ASIC_E_MIMETYPE}.`,
    `The file "${name}" is a ZIP archive but not a DigiDoc container (.asice, .bdoc): it has no "mimetype" entry ` +
      `saying ${ASIC_E_MIMETYPE}.`,
  );
}

export function wrongMimetype(name: string, found: string): ImportError {
  const shown = found.length > 80 ? `${found.slice(0, 80)}…` : found;
  return new ImportError(
    `Fail „${name}“ ei ole DigiDoc-konteiner (.asice, .bdoc): selle kirje „mimetype“ on „${shown}“, ` +
      `oodati ${ASIC_E_MIMETYPE}.`,
    `The file "${name}" is not a DigiDoc container (.asice, .bdoc): its "mimetype" entry is "${shown}", ` +
      `${ASIC_E_MIMETYPE} was expected.`,
  );
}

export function ddocNotSupported(name: string): ImportError {
  return new ImportError(
    `Fail „${name}“ on vanas DigiDoc-vormingus (.ddoc), mida see tööriist ei loe. Avage see DigiDoc4 kliendis, ` +
      "salvestage sealt käskkirja dokument (PDF või Word) ja importige see.",
    `The file "${name}" is in the older DigiDoc format (.ddoc), which this tool does not read. Open it in DigiDoc4, ` +
      "save the directive's document (PDF or Word) out of it and import that.",
  );
}

export function noDocument(name: string, files: string[]): ImportError {
  return new ImportError(
    `Konteineris „${name}“ ei ole loetavat dokumenti (PDF, Word .docx või tekst .txt); selles on: ` +
      `${listOf(files, "mitte ühtegi faili")}.`,
    `The container "${name}" holds no document that can be read (PDF, Word .docx or text .txt); it holds: ` +
      `${listOf(files, "no file at all")}.`,
  );
}

export function noScheduleInAny(name: string, documents: string[]): ImportError {
  return new NoScheduleTableError(
    `Konteineri „${name}“ dokumentides (${documents.join(", ")}) ei ole ühtegi tegevuste ajakava tabelit. ` +
      "Oodatakse käskkirja lisa 1, kus on tabelid pealkirjaga „Tabel N. Tegevuste ajakava“.",
    `The documents of the container "${name}" (${documents.join(", ")}) hold no activity schedule table. ` +
      'Expected the directive\'s annex 1 with tables captioned "Tabel N. Tegevuste ajakava".',
  );
}

export function noSuchDocument(name: string, wanted: string, documents: string[]): ImportError {
  return new ImportError(
    `Konteineris „${name}“ ei ole dokumenti „${wanted}“; loetavad dokumendid on: ${listOf(documents, "puuduvad")}.`,
    `The container "${name}" has no document "${wanted}"; the documents it holds are: ${listOf(documents, "none")}.`,
  );
}

/** A file inside over its limit: by the size the archive declares, or counted while unzipping (`over`). */
export function entryTooLarge(name: string, entry: string, size: number, limit: number, over: boolean): ImportError {
  const found = formatSize(size);
  const most = formatSize(limit);
  const at = over ? { et: `üle ${most.et}`, en: `over ${most.en}` } : found;
  return new ImportError(
    `Konteineri „${name}“ fail „${entry}“ on lahtipakituna ${at.et}; suurim lubatud on ${most.et}. Konteiner on ` +
      "vigane või pahatahtlik (ZIP-pomm) või ei ole see käskkirja dokument.",
    `The file "${entry}" in the container "${name}" is ${at.en} unzipped; the largest accepted is ${most.en}. The ` +
      "container is damaged or malicious (a zip bomb), or this is not a directive's document.",
  );
}

/** The container's contents together over its limit, counted while unzipping. */
export function contentsTooLarge(name: string, limit: number): ImportError {
  const most = formatSize(limit);
  return new ImportError(
    `Konteineri „${name}“ sisu on lahtipakituna üle ${most.et}; suurim lubatud on ${most.et}. Konteiner on vigane ` +
      "või pahatahtlik (ZIP-pomm).",
    `The contents of the container "${name}" exceed ${most.en} unzipped; the largest accepted is ${most.en}. The ` +
      "container is damaged or malicious (a zip bomb).",
  );
}

export function damagedEntry(name: string, entry: string): ImportError {
  return new ImportError(
    `Konteineri „${name}“ faili „${entry}“ ei saa lahti pakkida: konteiner on vigane või poolikult alla laaditud.`,
    `The file "${entry}" in the container "${name}" cannot be unzipped: the container is damaged or cut short.`,
  );
}

export function notText(name: string, entry: string): ImportError {
  return new ImportError(
    `Konteineri „${name}“ fail „${entry}“ ei ole UTF-8 tekst.`,
    `The file "${entry}" in the container "${name}" is not UTF-8 text.`,
  );
}

/** An importer's refusal of a document inside, prefixed with where the document is. */
export function refusedInside(where: string, error: ImportError): ImportError {
  const Refusal = error instanceof NoScheduleTableError ? NoScheduleTableError : ImportError;
  return new Refusal(`${where}: ${error.message}`, `${where}: ${error.messageEn}`);
}
