import { createRoot } from "react-dom/client";
import type { Language } from "../taskpane/i18n";
import { loadLanguage, saveLanguage } from "../taskpane/language";
import { workbookServices } from "../app";
import { OfficeWorkbookAdapter } from "../workbook/office/office-adapter";
import { PreviewPage, paneWidthFrom } from "./PreviewPage";
import { createPreviewWorkbook, PreviewWorkbook } from "./store";

/**
 * The preview's entry: the task pane over the Excel fake, with no Office.js. The pane gets the same adapter as in
 * Excel, bound to the fake instead of Excel.run.
 */

declare global {
  interface Window {
    /** The preview's workbook, for end-to-end tests and the console: `tatPreview.fake.workbook.value("Koond", "D14")`. */
    tatPreview?: PreviewWorkbook;
  }
}

const store = createPreviewWorkbook();
const services = workbookServices(new OfficeWorkbookAdapter(store.run));
window.tatPreview = store;

// A chunk of its own: the directive is fetched only when the user asks for the sample.
const sample = () =>
  import(/* webpackChunkName: "sample" */ "../../fixtures/kaskkiri-2025-03-25-nr68.txt").then(
    (module) => module.default,
  );

const root = createRoot(document.getElementById("root")!);
let language: Language = loadLanguage();

function render(): void {
  root.render(
    <PreviewPage
      store={store}
      services={services}
      language={language}
      sample={sample}
      paneWidth={paneWidthFrom(window.location.search)}
      onLanguageChange={(next) => {
        language = next;
        saveLanguage(next);
        render();
      }}
    />,
  );
}

render();
