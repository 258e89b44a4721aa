import { ExcelContext, REQUIRED_EXCEL_API } from "../workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../workbook/office/office-adapter";
import { loadLanguage } from "../taskpane/language";
import { checkAndMark, excelTooOldText, noticeText } from "./check-command";
import { showNotice } from "./notice-dialog";

/**
 * Ribbon commands (manifest: FunctionFile commands.html, ExecuteFunction buttons). Each handler must call
 * event.completed(), or Excel keeps showing the button as busy. Excel has no notification bar for add-ins, so the
 * result is shown in a small dialog (notice.html) that the user closes.
 */

/** "Kontrolli": check the workbook, mark the cells, and report the counts. */
export async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  const language = loadLanguage();
  let lines: string[];
  if (!Office.context.requirements.isSetSupported(REQUIRED_EXCEL_API.name, REQUIRED_EXCEL_API.version)) {
    showNotice(excelTooOldText(language), language, () => event.completed());
    return;
  }
  try {
    const adapter = new OfficeWorkbookAdapter((batch) =>
      Excel.run((context) => batch(context as unknown as ExcelContext)),
    );
    lines = noticeText(await checkAndMark(adapter), language);
  } catch (error) {
    lines = noticeText({ error }, language);
  }
  showNotice(lines, language, () => event.completed());
}

Office.onReady(() => {
  // Nothing to prepare: the handlers are associated below, as soon as the file is loaded.
});

Office.actions.associate("runCheck", runCheck);
