import { CONTAINER_FILE, fileSizeRefusal } from "../../../app";
import type { Messages } from "../../i18n";

const TEXT_FILE = /\.txt$/i;
const DOCUMENT_FILE = /\.(docx|pdf)$/i;
const WORKBOOK_FILE = /\.(xlsx|xlsm|xls)$/i;

/** A workbook file by its name: the pane reads workbooks only where they are open, in Excel. */
export const isWorkbookFile = (name: string): boolean => WORKBOOK_FILE.test(name);

/** What the pane does with a chosen file, decided from its name and size before any of it is read. */
export type ChosenFile =
  { kind: "refused"; message: string } | { kind: "document"; format: "docx" | "pdf" | "container" } | { kind: "text" };

/**
 * A .txt file is read as text; Word, PDF and a DigiDoc container (.asice, .bdoc; a .ddoc is refused by the reader,
 * which says what to do), when there are services to read them, from their own structure. A workbook is refused
 * with the way to check it (open it in Excel); any other file is refused, and so is one too large: its size is
 * known before it is read, so it is never loaded.
 */
export function chosenFile(file: File, documents: boolean, t: Messages): ChosenFile {
  const documentKind = DOCUMENT_FILE.exec(file.name);
  const container = CONTAINER_FILE.test(file.name);
  const sized = documentKind || container || TEXT_FILE.test(file.name);
  const tooLarge = sized ? fileSizeRefusal(file.name, file.size) : null;
  if (tooLarge) return { kind: "refused", message: t.language === "et" ? tooLarge.message : tooLarge.messageEn };
  if (container && documents) return { kind: "document", format: "container" };
  if (documentKind && documents) return { kind: "document", format: documentKind[1].toLowerCase() as "docx" | "pdf" };
  // A workbook is read where it is open, in Excel, by Kontrolli: the pane does not carry a second workbook reader.
  if (WORKBOOK_FILE.test(file.name)) return { kind: "refused", message: t.workbookFile(file.name) };
  if (!TEXT_FILE.test(file.name)) return { kind: "refused", message: t.unsupportedFile(file.name) };
  return { kind: "text" };
}

/** A file named .txt that is not UTF-8 text: a decoding error or a NUL in what was read. */
export function looksBinary(content: string): boolean {
  return content.includes("\ufffd") || content.includes("\u0000");
}
