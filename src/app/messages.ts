import { ImportError } from "../model/plan";
import { StructureProtectedError, WorkbookWriteError } from "../workbook/errors";
import { EditRefusedError } from "./authoring";

/** The languages of the add-in and the command line: Estonian (the users', the default) and English. */
export type Language = "et" | "en";

/** An error that carries its message in both languages: ours do; Office's and others' carry one. */
interface Bilingual {
  message: string;
  messageEn: string;
}

const isBilingual = (error: unknown): error is Error & Bilingual =>
  error instanceof ImportError ||
  error instanceof WorkbookWriteError ||
  error instanceof StructureProtectedError ||
  error instanceof EditRefusedError;

/**
 * The one place an error becomes a message in the user's language, for the pane, the ribbon command and the
 * command line alike.
 */
export function errorMessage(error: unknown, language: Language): string {
  if (isBilingual(error)) return language === "et" ? error.message : error.messageEn;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Whether the error is the user's input or workbook (shown as a message), not a defect in the add-in. */
export function isExpectedError(error: unknown): boolean {
  return isBilingual(error);
}
