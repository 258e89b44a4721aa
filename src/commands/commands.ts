import { ExcelContext } from "../workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../workbook/office/office-adapter";
import { loadLanguage } from "../taskpane/language";
import { checkAndMark, noticeText } from "./check-command";

/**
 * Ribbon commands (manifest: FunctionFile commands.html, ExecuteFunction buttons). Each handler must call
 * event.completed(), or Excel keeps showing the button as busy. Excel has no notification bar for add-ins, so the
 * result is shown in a small dialog (notice.html) that the user closes.
 */

/** "Kontrolli": check the workbook, mark the cells, and report the counts. */
export async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  const language = loadLanguage();
  let lines: string[];
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

function showNotice(lines: string[], language: string, done: () => void): void {
  const url = new URL("notice.html", window.location.href);
  url.searchParams.set("lang", language);
  for (const line of lines) url.searchParams.append("line", line);
  Office.context.ui.displayDialogAsync(url.href, { height: 25, width: 30, displayInIframe: true }, (result) => {
    if (result.status !== Office.AsyncResultStatus.Succeeded) {
      done();
      return;
    }
    const dialog = result.value;
    // The notice asks to be closed (its button), or the user closes the dialog: either way the command ends.
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
      dialog.close();
      done();
    });
    dialog.addEventHandler(Office.EventType.DialogEventReceived, () => done());
  });
}

Office.onReady(() => {
  // Nothing to prepare: the handlers are associated below, as soon as the file is loaded.
});

Office.actions.associate("runCheck", runCheck);
