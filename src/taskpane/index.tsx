import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { App } from "./App";

/**
 * How long to wait for Office.js before rendering the pane anyway. Outside Office (the page opened in a plain browser,
 * or office.js unreachable) Office.onReady may never call back, and a blank page helps no one.
 */
const OFFICE_TIMEOUT_MS = 3000;

let root: Root | undefined;

function render(inExcel: boolean): void {
  const container = document.getElementById("container");
  if (!container) return;
  root ??= createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App inExcel={inExcel} />
    </FluentProvider>,
  );
}

let ready = false;
const fallback = window.setTimeout(() => {
  if (!ready) render(false);
}, OFFICE_TIMEOUT_MS);

if (typeof Office !== "undefined") {
  Office.onReady((info) => {
    ready = true;
    window.clearTimeout(fallback);
    render(info.host === Office.HostType.Excel);
  });
}
