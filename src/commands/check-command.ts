import { RULES, runChecks } from "../checks";
import { Severity } from "../checks/types";
import { ImportError } from "../model/plan";
import type { Language } from "../taskpane/i18n";
import { workbookToPlan } from "../workbook/read-plan";
import type { WorkbookPort } from "../taskpane/services";

/**
 * The ribbon's "Kontrolli" without the pane: read the workbook, check it, mark the cells, and say how many of each
 * kind were found. Office-free, so it is tested against the Excel fake; commands.ts binds it to Excel.
 */
export interface CommandCheckOutcome {
  counts: Record<Severity, number>;
  marked: number;
}

export async function checkAndMark(
  port: Pick<WorkbookPort, "readWorkbook" | "markFindings">,
): Promise<CommandCheckOutcome> {
  const { plan } = workbookToPlan(await port.readWorkbook());
  const result = runChecks(plan, RULES);
  const marked = await port.markFindings(result.findings);
  return { counts: result.counts, marked };
}

/** The notice's text: one line of counts, one of what was marked or what went wrong. */
export function noticeText(outcome: CommandCheckOutcome | { error: unknown }, language: Language): string[] {
  const et = language === "et";
  if ("error" in outcome) {
    const { error } = outcome;
    const message =
      error instanceof ImportError
        ? et
          ? error.message
          : error.messageEn
        : error instanceof Error
          ? error.message
          : String(error);
    return [et ? "Kontroll ei õnnestunud" : "The check did not work", message];
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
