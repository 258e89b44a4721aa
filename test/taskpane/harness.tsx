import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { analyse } from "../../src/checks";
import { render, screen, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import Decimal from "decimal.js";
import { buildLisa2 } from "../../src/annex/lisa2";
import { RULES, runChecks } from "../../src/checks";
import { Finding } from "../../src/checks/types";
import { parseDirectiveText } from "../../src/import/text";
import { ImportResult } from "../../src/model/plan";
import { App, AppProps } from "../../src/taskpane/App";
import { CheckOutcome, ImportPreview, Lisa2Outcome, WorkbookServices as PaneServices } from "../../src/app";
import { PlanSettings, settingsOf } from "../../src/workbook/settings";
import { planToWorkbook } from "../../src/workbook/write-plan";
import { fixtureText } from "../helpers";

/**
 * The task pane rendered as index.tsx renders it (inside a FluentProvider), over hand-made services: every
 * operation is a jest.fn that fails loudly unless the test gives it a result. The results are real: the
 * fixture directive parsed, checked and budgeted by the same code the services run.
 */

export type FakeServices = { [K in keyof PaneServices]: jest.MockedFunction<PaneServices[K]> };

function unexpected<K extends keyof PaneServices>(name: K): jest.MockedFunction<PaneServices[K]> {
  const fn = jest.fn(() => Promise.reject(new Error(`${name} was not expected in this test`)));
  return fn as unknown as jest.MockedFunction<PaneServices[K]>;
}

export function fakeServices(): FakeServices {
  return {
    previewText: unexpected("previewText"),
    importPlan: unexpected("importPlan"),
    previewSelection: unexpected("previewSelection"),
    importSelection: unexpected("importSelection"),
    previewDocument: unexpected("previewDocument"),
    check: unexpected("check"),
    clearMarks: unexpected("clearMarks"),
    goTo: unexpected("goTo"),
    recalc: unexpected("recalc"),
    generateLisa2: unexpected("generateLisa2"),
    lisa2Docx: unexpected("lisa2Docx"),
    readSettings: unexpected("readSettings"),
    writeSettings: unexpected("writeSettings"),
    editableRows: unexpected("editableRows"),
    selectedRow: unexpected("selectedRow"),
    previewEdit: unexpected("previewEdit"),
    applyEdit: unexpected("applyEdit"),
    compareWith: unexpected("compareWith"),
    writeChanges: unexpected("writeChanges"),
    changesDocx: unexpected("changesDocx"),
  };
}

export interface RenderedPane {
  user: ReturnType<typeof userEvent.setup>;
  services: FakeServices | null;
  onLanguageChange: jest.Mock;
  /** Renders the pane again with other props (the language index.tsx passes after onLanguageChange). */
  rerender(props: Partial<AppProps>): void;
}

export function renderApp(
  props: Partial<AppProps> = {},
  userOptions: Parameters<typeof userEvent.setup>[0] = {},
): RenderedPane {
  const services = "services" in props ? (props.services as FakeServices | null) : fakeServices();
  const onLanguageChange = jest.fn();
  // No delays between keystrokes, and no CSS pointer-events check before each click: jsdom computes styles slowly
  // under Fluent's many rules. Disabled buttons still ignore clicks (React does not call their onClick).
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never, ...userOptions });
  let current: AppProps = { services, language: "et", onLanguageChange, ...props };
  const pane = (appProps: AppProps) => (
    <FluentProvider theme={webLightTheme}>
      <App {...appProps} />
    </FluentProvider>
  );
  const view = render(pane(current));
  return {
    user,
    services,
    onLanguageChange,
    rerender(next) {
      current = { ...current, ...next };
      view.rerender(pane(current));
    },
  };
}

/** Clicks a tab of the pane by its visible name. */
export async function openTab(user: RenderedPane["user"], name: string): Promise<void> {
  await user.click(screen.getByRole("tab", { name }));
}

/** A promise the test settles when it chooses: the service call stays "pending" until then. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(reason: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// --- Real data from the fixture directive (käskkiri 25.03.2025 nr 68) ---------------------------------------

export function fixtureImport(text = fixtureText()): ImportResult {
  return parseDirectiveText(text);
}

/** What `previewText` returns for `text`: the parsed plan, the sheets it would write, those already there. */
export function previewOf(result: ImportResult, existing: string[] = []): ImportPreview {
  const sheets = planToWorkbook(result.plan).workbook.sheets.map((sheet) => sheet.name);
  return {
    result,
    analysis: analyse(result.plan),
    sheets,
    conflicts: sheets.filter((name) => existing.includes(name)),
  };
}

export function checkOutcome(result: ImportResult = fixtureImport(), marked = 0): CheckOutcome {
  return { result: runChecks(result.plan, RULES), diagnostics: result.diagnostics, marked };
}

/** A check outcome with no findings at all. */
export function cleanOutcome(): CheckOutcome {
  const outcome = checkOutcome();
  return {
    ...outcome,
    result: { ...outcome.result, findings: [], counts: { error: 0, warning: 0, info: 0 } },
  };
}

/** The findings of `outcome` that `match` picks, placed at a workbook cell (as a check of the workbook places them). */
export function placeFindings(
  outcome: CheckOutcome,
  match: (finding: Finding) => boolean,
  sheet: string,
  cell: string,
): CheckOutcome {
  const findings = outcome.result.findings.map((finding) =>
    match(finding) ? { ...finding, position: { ...finding.position, sheet, cell } } : finding,
  );
  return { ...outcome, result: { ...outcome.result, findings } };
}

export function lisa2Outcome(rate: Decimal | null = new Decimal(7)): Lisa2Outcome {
  return {
    lisa2: buildLisa2(analyse(fixtureImport().plan), { indirectRatePercent: rate }),
    sheets: ["Lisa 2", "Lisa 2 maatriks"],
    replaced: [],
  };
}

export function fixtureSettings(): PlanSettings {
  return settingsOf(fixtureImport().plan);
}

/**
 * Every action button of every panel, the hidden ones too. Not actions: the tabs, and the language dropdown's own
 * (hidden) clear button: choosing the language never touches the workbook.
 */
export function allActionButtons(): HTMLElement[] {
  return [
    ...screen
      .getAllByRole("button", { hidden: true })
      .filter((button) => button.getAttribute("role") !== "tab" && !button.matches(".fui-Dropdown__clearButton")),
    ...screen.getAllByRole("switch", { hidden: true }),
  ];
}

/** Amounts as the pane prints them: groups separated by no-break spaces. */
export const nbsp = (amount: string) => amount.replace(/ /g, "\u00a0");

/**
 * The open dialog named `name`. Under jsdom, Tabster registers the dialog's focus trap only after the dialog has
 * taken focus, so it leaves the dialog itself aria-hidden (Fluent's maintainers: such tests belong in a browser,
 * microsoft/fluentui#27322). The query therefore looks past aria-hidden, and checks instead what a screen reader
 * relies on: a modal dialog, named by its title, holding the focus.
 */
export async function findDialog(name: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole("dialog", { hidden: true });
  expect(dialog).toHaveAttribute("aria-modal", "true");
  // Named by its title (the name itself is not computed inside an aria-hidden subtree).
  expect(document.getElementById(dialog.getAttribute("aria-labelledby") ?? "")).toHaveTextContent(name);
  expect(dialog).toContainElement(document.activeElement as HTMLElement);
  return dialog;
}

/** A button of the dialog found by `findDialog` (see there why aria-hidden is looked past). */
export function dialogButton(dialog: HTMLElement, name: string): HTMLElement {
  return within(dialog).getByRole("button", { name, hidden: true });
}
