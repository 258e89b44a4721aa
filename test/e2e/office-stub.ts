import { parseDirectiveText } from "../../src/import/text";
import { createFakeExcel, FakeRequestContext } from "../../src/workbook/fake";
import type { ExcelContext } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { planToWorkbook } from "../../src/workbook/write-plan";

/**
 * What the browser test serves in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js: the part of
 * Office.js the add-in's pages use, as in Excel on the web. Office.onReady calls back with Excel; Excel.run runs its
 * batch on the in-memory Excel (src/workbook/fake), as the preview does; the ribbon's actions, the dialogs opened and
 * the messages a dialog sends its parent are kept for the test in `window.officeStub`.
 *
 * Built by addin-build.ts as one plain script, like office.js: it runs before the pages' deferred bundles.
 */

type Handler = (arg: unknown) => void;

interface StubDialog {
  url: string;
  options: unknown;
  closed: boolean;
  /** What Office does when the dialog's page calls messageParent. */
  send(message: string): void;
}

const fake = createFakeExcel({ inputLocale: "et-EE" });
const run = <T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> =>
  // A context per batch, as Excel.run gives.
  batch(new FakeRequestContext(fake.workbook, fake.stats, fake.control) as unknown as ExcelContext);

const actions = new Map<string, (event: unknown) => unknown>();
const dialogs: StubDialog[] = [];
const messages: string[] = [];
let completed = 0;

/**
 * The platform Office reports (Office.context.diagnostics.platform), "OfficeOnline" unless the page's address asks
 * for another (taskpane.html?officeStubPlatform=Mac): the pane then delivers files as it does in that host.
 */
const platform = new URLSearchParams(location.search).get("officeStubPlatform") ?? "OfficeOnline";
/** The addresses the pane asked Office to open in the system browser. */
const browserWindows: string[] = [];

const SUCCEEDED = "succeeded";
const DIALOG_MESSAGE = "dialogMessageReceived";

const office = {
  HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote" },
  PlatformType: {
    PC: "PC",
    OfficeOnline: "OfficeOnline",
    Mac: "Mac",
    iOS: "iOS",
    Android: "Android",
    Universal: "Universal",
  },
  AsyncResultStatus: { Succeeded: SUCCEEDED, Failed: "failed" },
  EventType: { DialogMessageReceived: DIALOG_MESSAGE, DialogEventReceived: "dialogEventReceived" },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform };
    // Office.js answers after the host has handshaken with the page, never synchronously.
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 10),
    );
  },
  actions: {
    associate(name: string, action: (event: unknown) => unknown) {
      actions.set(name, action);
    },
  },
  context: {
    diagnostics: { host: "Excel", platform, version: "16.0" },
    // Excel on the web has every ExcelApi set up to 1.17 (the newest this stub claims); versions compare part by part.
    // OpenBrowserWindowApi 1.1 is documented for Excel on Windows, Mac and iPad, not on the web.
    requirements: {
      isSetSupported(name: string, version = "1.1") {
        const [major, minor] = version.split(".").map(Number);
        if (name === "OpenBrowserWindowApi") return ["PC", "Mac", "iOS"].includes(platform) && version === "1.1";
        return name === "ExcelApi" && major === 1 && (minor ?? 0) <= 17;
      },
    },
    ui: {
      displayDialogAsync(url: string, options: unknown, callback: (result: unknown) => void) {
        const handlers = new Map<string, Handler[]>();
        const dialog = {
          url,
          options,
          closed: false,
          addEventHandler(type: string, handler: Handler) {
            handlers.set(type, [...(handlers.get(type) ?? []), handler]);
          },
          close() {
            dialog.closed = true;
          },
          send(message: string) {
            for (const handler of handlers.get(DIALOG_MESSAGE) ?? []) handler({ message, origin: location.origin });
          },
        };
        dialogs.push(dialog);
        setTimeout(() => callback({ status: SUCCEEDED, value: dialog }), 0);
      },
      messageParent(message: string) {
        messages.push(message);
      },
      openBrowserWindow(url: string) {
        browserWindows.push(url);
      },
    },
  },
};

const globals = window as unknown as Record<string, unknown>;
globals.Office = office;
globals.Excel = { run };
globals.officeStub = {
  actions: () => [...actions.keys()],
  /** Runs a ribbon action as Excel does when its button is pressed. */
  invoke(name: string) {
    const action = actions.get(name);
    if (!action) throw new Error(`no action ${name}`);
    void action({ source: { id: name }, completed: () => completed++ });
  },
  completed: () => completed,
  dialogs: () => dialogs.map(({ url, closed }) => ({ url, closed })),
  sendToDialogParent(index: number, message: string) {
    dialogs[index].send(message);
  },
  messages: () => [...messages],
  browserWindows: () => [...browserWindows],
  /** Writes a directive's canonical sheets into the workbook, as the pane's import does. */
  async seed(text: string): Promise<string[]> {
    const { workbook } = planToWorkbook(parseDirectiveText(text).plan);
    await new OfficeWorkbookAdapter(run).writeWorkbook(workbook);
    return fake.workbook.sheetNames();
  },
  cell(sheet: string, address: string) {
    return { value: fake.workbook.value(sheet, address), fill: fake.workbook.displayedFill(sheet, address) };
  },
  sheetNames: () => fake.workbook.sheetNames(),
};
