import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { App } from "./App";

/**
 * How long to wait for Office.onReady before rendering the pane anyway, so that a page opened outside Excel is not left
 * blank if Office.js never calls back.
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

if (typeof Office === "undefined") {
  // office.js (a plain script tag, so settled before this deferred bundle runs) did not load: offline or blocked.
  render(false);
} else {
  const fallback = window.setTimeout(() => render(false), OFFICE_TIMEOUT_MS);
  Office.onReady((info) => {
    window.clearTimeout(fallback);
    render(info.host === Office.HostType.Excel);
  });
}
