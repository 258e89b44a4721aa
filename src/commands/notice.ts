/**
 * The ribbon check's result dialog: the lines come in the query string and are shown as text (never as HTML); the
 * button tells the command, which closes the dialog.
 */
function show(): void {
  const params = new URLSearchParams(window.location.search);
  const lines = params.getAll("line");
  const english = params.get("lang") === "en";
  document.documentElement.lang = english ? "en" : "et";
  const list = document.getElementById("lines");
  for (const line of lines) {
    const paragraph = document.createElement("p");
    paragraph.textContent = line;
    list?.appendChild(paragraph);
  }
  const close = document.getElementById("close");
  if (close) {
    close.textContent = english ? "Close" : "Sulge";
    close.addEventListener("click", () => Office.context.ui.messageParent("close"));
    close.focus();
  }
}

Office.onReady(() => show());
