import type { ExcelContext } from "../workbook/office/excel-api";
import type { ExcelRunner } from "../workbook/office/office-adapter";
import type { ProbeEnvironment } from "../workbook/office/probes";
import { mountSelfTest } from "./page";

/**
 * The self-test page's entry, the one place it touches `Office` and `Excel`. It runs inside the task pane (the pane
 * navigates here), not in an Office dialog: "Don't use a dialog box to interact with a document. Use a task pane
 * instead." (learn.microsoft.com, "Use the Office dialog API in Office Add-ins").
 */

/** The newest ExcelApi 1.x this Excel says it supports, as "1.17"; ExcelApi 1.1 is where the add-in's sets begin. */
function newestExcelApi(): string | undefined {
  let newest: string | undefined;
  for (let minor = 1; minor <= 30; minor++)
    if (Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`)) newest = `1.${minor}`;
  return newest;
}

function mount(inExcel: boolean): void {
  const root = document.getElementById("selftest");
  if (!root) return;
  const diagnostics = inExcel ? Office.context.diagnostics : undefined;
  const environment: ProbeEnvironment = diagnostics
    ? {
        host: String(diagnostics.host),
        platform: String(diagnostics.platform),
        version: diagnostics.version,
        excelApi: newestExcelApi(),
      }
    : {};
  // The probes are typed against the structural subset of Office.js; Excel's context has it all.
  const run: ExcelRunner | null = inExcel
    ? (batch) => Excel.run((context) => batch(context as unknown as ExcelContext))
    : null;
  mountSelfTest(root, {
    run,
    environment,
    copy: navigator.clipboard ? (text) => navigator.clipboard.writeText(text) : undefined,
  });
}

if (typeof Office === "undefined") mount(false);
else Office.onReady((info) => mount(info.host === Office.HostType.Excel));
