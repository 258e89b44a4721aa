/**
 * The ribbon command's result dialog (notice.html), opened so that the command ends exactly once on every path:
 * Excel shows the button busy until `event.completed()` is called, and calling it again is an error. The dialog may
 * fail to open (reported in its callback, or thrown at once by `displayDialogAsync`), and both of its events may
 * arrive (the notice's button, then the dialog closing).
 */
export function showNotice(
  lines: string[],
  language: string,
  done: () => void,
  ui: Pick<Office.UI, "displayDialogAsync"> = Office.context.ui,
): void {
  const finish = once(done);
  const url = new URL("notice.html", window.location.href);
  url.searchParams.set("lang", language);
  for (const line of lines) url.searchParams.append("line", line);
  try {
    ui.displayDialogAsync(url.href, { height: 25, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        finish();
        return;
      }
      const dialog = result.value;
      // The notice asks to be closed (its button), or the user closes the dialog: either way the command ends.
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        finish();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish());
    });
  } catch {
    // No dialog (a host that refuses one at once, say): the counts cannot be shown, but the button must not hang.
    finish();
  }
}

/** `fn`, callable any number of times, run on the first call only. */
export function once(fn: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    fn();
  };
}
