import { CommandCheckOutcome, Language, errorMessage } from "../app";

export { checkAndMark } from "../app";
export type { CommandCheckOutcome } from "../app";

/**
 * The ribbon's "Kontrolli" without the pane: the check use case (`checkAndMark` in src/app) reads the workbook,
 * checks it and marks the cells; this says how many of each kind were found. Office-free, so it is tested against
 * the Excel fake; commands.ts binds it to Excel.
 */

/** The notice when the Excel lacks the API set the add-in needs: said at once, before anything is read. */
export function excelTooOldText(language: Language): string[] {
  return language === "et"
    ? [
        "Kontroll ei õnnestunud",
        "See Excel on lisandmooduli jaoks liiga vana (vaja on Exceli API versiooni 1.9: Microsoft 365, Excel 2021 või uuem, Excel veebis).",
      ]
    : [
        "The check did not work",
        "This Excel is too old for the add-in (it needs Excel API 1.9: Microsoft 365, Excel 2021 or newer, Excel on the web).",
      ];
}

/** The notice's text: one line of counts, one of what was marked or what went wrong. */
export function noticeText(outcome: CommandCheckOutcome | { error: unknown }, language: Language): string[] {
  const et = language === "et";
  if ("error" in outcome) {
    return [et ? "Kontroll ei õnnestunud" : "The check did not work", errorMessage(outcome.error, language)];
  }
  const { error: errors, warning, info } = outcome.counts;
  if (errors + warning + info === 0) return [et ? "Vastuolusid ei leitud." : "No inconsistencies found."];
  return et
    ? [
        `Kontroll: ${errors} viga, ${warning} ${warning === 1 ? "hoiatus" : "hoiatust"}, ${info} ${info === 1 ? "teade" : "teadet"}.`,
        `Märgitud ${outcome.marked} lahtrit. Üksikasjad ja märkide eemaldamine: paan „TAT eelarve“ → Kontroll.`,
      ]
    : [
        `Check: ${errors} ${errors === 1 ? "error" : "errors"}, ${warning} ${warning === 1 ? "warning" : "warnings"}, ${info} ${info === 1 ? "note" : "notes"}.`,
        `${outcome.marked} cells marked. Details and removing the marks: the "TAT eelarve" pane → Check.`,
      ];
}
