/**
 * Ribbon commands (manifest: FunctionFile commands.html, ExecuteFunction buttons).
 * Each handler must call event.completed(), or Excel keeps showing the button as busy.
 */

/** "Kontrolli": check the workbook's schedules and budget for inconsistencies. */
export function runCheck(event: Office.AddinCommands.Event): void {
  // The check itself arrives with the checks issue; until then the button only completes its event.
  event.completed();
}

Office.onReady(() => {
  // Nothing to prepare yet: the handlers are associated below, as soon as the file is loaded.
});

Office.actions.associate("runCheck", runCheck);
