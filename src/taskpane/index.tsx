import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { OfficeWorkbookAdapter } from "../workbook/office/office-adapter";
import { ExcelContext, REQUIRED_EXCEL_API } from "../workbook/office/excel-api";
import { App } from "./App";
import { Language } from "./i18n";
import { loadLanguage, saveLanguage } from "./language";
import { WorkbookServices, workbookServices } from "../app";
import { FileDelivery, fileDelivery } from "./host/delivery";
import { officeDeliveryHost } from "./host/office-delivery";

/**
 * The task pane's entry, and with the ribbon commands the only code that touches `Office` and `Excel`: it binds
 * the workbook adapter to `Excel.run` and hands the pane its services.
 *
 * How long to wait for Office.onReady before rendering the pane anyway, so that a page opened outside Excel is not
 * left blank if Office.js never calls back.
 */
const OFFICE_TIMEOUT_MS = 3000;

let root: Root | undefined;
let services: WorkbookServices | null = null;
let language: Language = loadLanguage();
let excelTooOld = false;
let delivery: FileDelivery | undefined;
/** The self-test page, once the pane knows it runs in Excel (also one too old: the self-test shows what fails). */
let selfTestHref: string | undefined;

function render(): void {
  const container = document.getElementById("container");
  if (!container) return;
  root ??= createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App
        services={services}
        excelTooOld={excelTooOld}
        delivery={delivery}
        selfTestHref={selfTestHref}
        language={language}
        onLanguageChange={(next) => {
          language = next;
          saveLanguage(next);
          render();
        }}
      />
    </FluentProvider>,
  );
}

function excelServices(): WorkbookServices {
  // The adapter is typed against the structural subset of Office.js it uses; Excel's context has it all.
  const adapter = new OfficeWorkbookAdapter((batch) =>
    Excel.run((context) => batch(context as unknown as ExcelContext)),
  );
  return workbookServices(adapter);
}

if (typeof Office === "undefined") {
  // office.js (a plain script tag, so settled before this deferred bundle runs) did not load: offline or blocked.
  render();
} else {
  const fallback = window.setTimeout(render, OFFICE_TIMEOUT_MS);
  Office.onReady((info) => {
    window.clearTimeout(fallback);
    if (info.host === Office.HostType.Excel) {
      // save.html sits beside this page; in Excel for Mac and iPad the pane hands files to the browser through it.
      delivery = fileDelivery(officeDeliveryHost(Office, new URL("save.html", window.location.href).href));
      selfTestHref = "selftest.html";
      // The manifest asks for the set too; an Excel that installed the add-in anyway is told which one is needed.
      if (Office.context.requirements.isSetSupported(REQUIRED_EXCEL_API.name, REQUIRED_EXCEL_API.version))
        services = excelServices();
      else excelTooOld = true;
    }
    render();
  });
}
