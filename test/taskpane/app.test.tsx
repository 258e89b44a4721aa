/** @jest-environment jsdom */
import "./setup";
import { act, render, screen, within } from "@testing-library/react";
import { ImportError } from "../../src/model/plan";
import { MESSAGES } from "../../src/taskpane/i18n";
import { OperationApi, OperationProvider, useOperation } from "../../src/taskpane/operation";
import { CheckOutcome } from "../../src/app";
import {
  FakeServices,
  allActionButtons,
  checkOutcome,
  deferred,
  fixtureImport,
  lisa2Outcome,
  openTab,
  previewOf,
  renderApp,
} from "./harness";

/** The tab list named `label` has exactly these tabs, in this order, by their accessible names. */
function expectTabs(label: string, names: string[]) {
  const tabs = within(screen.getByRole("tablist", { name: label })).getAllByRole("tab");
  expect(tabs).toEqual(names.map((name) => screen.getByRole("tab", { name })));
}

describe("the pane's language", () => {
  test("is Estonian by default: title, tab names and the import panel", () => {
    renderApp();
    expect(screen.getByRole("heading", { level: 1, name: "TAT eelarve" })).toBeInTheDocument();
    expectTabs("Tegevused", ["Import", "Kontroll", "Summad", "Muuda", "Võrdle", "Lisa 2", "Seaded"]);
    expect(screen.getByRole("tab", { name: "Import" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Import" })).toBeVisible();
    expect(screen.getByRole("button", { name: "Eelvaade" })).toBeInTheDocument();
  });

  test('is English when language="en"', () => {
    renderApp({ language: "en" });
    expect(screen.getByRole("heading", { level: 1, name: "TAT budget" })).toBeInTheDocument();
    expectTabs("Actions", ["Import", "Check", "Totals", "Edit", "Compare", "Lisa 2", "Settings"]);
    expect(screen.getByRole("button", { name: "Preview" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Eelvaade" })).not.toBeInTheDocument();
  });

  test("every message exists in both languages, with the same kind of value", () => {
    const { et, en } = MESSAGES;
    expect(Object.keys(en).sort()).toEqual(Object.keys(et).sort());
    for (const key of Object.keys(et) as Array<keyof typeof et>) {
      expect(`${key}: ${typeof en[key]}`).toBe(`${key}: ${typeof et[key]}`);
    }
    expect(Object.keys(en.tabs)).toEqual(Object.keys(et.tabs));
  });
});

describe("outside Excel (services = null)", () => {
  test("says the workbook actions are unavailable and disables every one of them", () => {
    renderApp({ services: null });
    expect(screen.getByText(/väljaspool Excelit/)).toBeVisible();
    const actions = allActionButtons();
    expect(actions.length).toBeGreaterThanOrEqual(8);
    for (const action of actions) expect(action).toBeDisabled();
    // The tabs still work: the user can look around.
    for (const tab of screen.getAllByRole("tab")) expect(tab).toBeEnabled();
  });

  test("the sample directive can still be loaded into the text box", async () => {
    const sample = jest.fn(async () => "Käskkiri nr 68");
    const { user } = renderApp({ services: null, sample });
    await user.click(screen.getByRole("button", { name: "Lae näidiskäskkiri" }));
    expect(screen.getByRole("textbox", { name: "Käskkirja tekst" })).toHaveValue("Käskkiri nr 68");
    expect(screen.getByRole("button", { name: "Eelvaade" })).toBeDisabled();
  });

  test("in English too", () => {
    renderApp({ services: null, language: "en" });
    expect(screen.getByText(/open outside Excel/)).toBeVisible();
  });
});

describe("in an Excel without ExcelApi 1.9", () => {
  test("says which Excel is needed, and every workbook action is disabled", () => {
    renderApp({ services: null, excelTooOld: true });
    expect(screen.getByText(/liiga vana \(vaja on Exceli API versiooni 1\.9/)).toBeVisible();
    expect(screen.queryByText(/väljaspool Excelit/)).toBeNull();
    for (const action of allActionButtons()) expect(action).toBeDisabled();
  });
});

describe("tabs", () => {
  test("only the chosen panel is shown", async () => {
    const { user } = renderApp();
    await openTab(user, "Summad");
    expect(screen.getByRole("tab", { name: "Summad" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Summad" })).toBeVisible();
    expect(screen.getByRole("button", { name: "Arvuta ülemread uuesti" })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Eelvaade" })).not.toBeInTheDocument();
    expect(screen.getAllByRole("tabpanel")).toHaveLength(1);
  });

  test("switching away and back keeps a panel's results and the text typed", async () => {
    const { user, services } = renderApp();
    services!.check.mockResolvedValue(checkOutcome());

    await user.type(screen.getByRole("textbox", { name: "Käskkirja tekst" }), "mustand");
    await openTab(user, "Kontroll");
    await user.click(screen.getByRole("button", { name: "Kontrolli" }));
    expect(await screen.findByTestId("check-counts")).toHaveTextContent("18 viga, 10 hoiatust, 4 teadet");

    await openTab(user, "Lisa 2");
    expect(screen.getByTestId("check-counts")).not.toBeVisible();
    await openTab(user, "Import");
    expect(screen.getByRole("textbox", { name: "Käskkirja tekst" })).toHaveValue("mustand");
    await openTab(user, "Kontroll");
    expect(screen.getByTestId("check-counts")).toHaveTextContent("18 viga, 10 hoiatust, 4 teadet");
    expect(services!.check).toHaveBeenCalledTimes(1);
  });
});

describe("while an operation runs", () => {
  test("the spinner names it, every action is disabled and a second click calls nothing", async () => {
    const { user, services } = renderApp();
    const pending = deferred<CheckOutcome>();
    services!.check.mockReturnValue(pending.promise);

    await openTab(user, "Kontroll");
    const run = screen.getByRole("button", { name: "Kontrolli" });
    await user.click(run);

    expect(screen.getByText("Kontrollin töövihikut…")).toBeVisible();
    for (const action of allActionButtons()) expect(action).toBeDisabled();

    await user.click(run);
    await user.dblClick(run);
    await openTab(user, "Lisa 2");
    await user.click(screen.getByRole("button", { name: "Koosta lisa 2" }));
    expect(services!.check).toHaveBeenCalledTimes(1);
    expect(services!.generateLisa2).not.toHaveBeenCalled();

    await act(async () => pending.resolve(checkOutcome()));
    expect(screen.queryByText("Kontrollin töövihikut…")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Koosta lisa 2" })).toBeEnabled();
    await openTab(user, "Kontroll");
    expect(screen.getByTestId("check-counts")).toHaveTextContent("18 viga");
  });

  test("each panel's operation has its own label", async () => {
    const { user, services } = renderApp();
    services!.generateLisa2.mockReturnValue(deferred<ReturnType<typeof lisa2Outcome>>().promise);
    await openTab(user, "Lisa 2");
    await user.click(screen.getByRole("button", { name: "Koosta lisa 2" }));
    expect(screen.getByText("Koostan lisa 2…")).toBeVisible();
  });

  test("the spinner speaks English in English", async () => {
    const { user, services } = renderApp({ language: "en" });
    services!.recalc.mockReturnValue(new Promise(() => undefined));
    await openTab(user, "Totals");
    await user.click(screen.getByRole("button", { name: "Recalculate parent rows" }));
    expect(screen.getByText("Writing the formulas…")).toBeVisible();
  });
});

describe("one operation at a time (OperationProvider)", () => {
  test("two runs started in the same frame: the second is refused and its work never starts", async () => {
    let api: OperationApi | undefined;
    function Probe() {
      api = useOperation();
      return <span>{api.busy ?? "idle"}</span>;
    }
    render(
      <OperationProvider language="et">
        <Probe />
      </OperationProvider>,
    );
    const first = deferred<string>();
    const second = jest.fn(async () => "second");
    let results: Array<string | undefined> = [];
    await act(async () => {
      const runs = [api!.run("esimene", () => first.promise), api!.run("teine", second)];
      first.resolve("first");
      results = await Promise.all(runs);
    });
    expect(results).toEqual(["first", undefined]);
    expect(second).not.toHaveBeenCalled();
    expect(screen.getByText("idle")).toBeInTheDocument();
  });

  test("a failure is kept as the error; the next run clears it unless it is an automatic one (keepError)", async () => {
    let api: OperationApi | undefined;
    function Probe() {
      api = useOperation();
      return <span data-testid="error">{api.error ?? "none"}</span>;
    }
    render(
      <OperationProvider language="en">
        <Probe />
      </OperationProvider>,
    );
    await act(async () => {
      await api!.run("one", () => Promise.reject(new ImportError("Vigane tekst.", "Bad text.")));
    });
    expect(screen.getByTestId("error")).toHaveTextContent("Bad text.");
    await act(async () => {
      await api!.run("automatic", async () => 1, { keepError: true });
    });
    expect(screen.getByTestId("error")).toHaveTextContent("Bad text.");
    await act(async () => {
      await api!.run("clicked", async () => 2);
    });
    expect(screen.getByTestId("error")).toHaveTextContent("none");
  });

  test("useOperation outside the provider is a programming error", () => {
    function Orphan() {
      useOperation();
      return null;
    }
    // React logs the thrown error too; keep the output clean, and restore the console for the other tests.
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(() => render(<Orphan />)).toThrow(/OperationProvider/);
    } finally {
      quiet.mockRestore();
    }
  });
});

describe("when an operation fails", () => {
  const importError = () =>
    new ImportError(
      "Tekstis ei leitud ühtegi tegevuste ajakava tabelit.",
      "No activity schedule table was found in the text.",
    );

  async function failPreview(services: FakeServices, user: Parameters<typeof openTab>[0], error: unknown) {
    services.previewText.mockRejectedValue(error);
    await user.type(screen.getByRole("textbox"), "tere");
    await user.click(screen.getByRole("button", { name: /Eelvaade|Preview/ }));
  }

  test("an ImportError shows its Estonian message in an alert; the pane stays usable", async () => {
    const { user, services } = renderApp();
    await failPreview(services!, user, importError());

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Ei õnnestunud");
    expect(alert).toHaveTextContent("Tekstis ei leitud ühtegi tegevuste ajakava tabelit.");
    expect(alert).not.toHaveTextContent("No activity schedule");
    // Not a blank pane: the title, the tabs and the panel are all there, and the buttons work again.
    expect(screen.getByRole("heading", { level: 1, name: "TAT eelarve" })).toBeVisible();
    expect(screen.getAllByRole("tab")).toHaveLength(7);
    expect(screen.getByRole("textbox", { name: "Käskkirja tekst" })).toHaveValue("tere");
    expect(screen.getByRole("button", { name: "Eelvaade" })).toBeEnabled();
    expect(screen.queryByText("Loen teksti…")).not.toBeInTheDocument();
  });

  test('an ImportError shows its English message when language="en"', async () => {
    const { user, services } = renderApp({ language: "en" });
    await failPreview(services!, user, importError());
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("That did not work");
    expect(alert).toHaveTextContent("No activity schedule table was found in the text.");
  });

  test("any other error shows its own message (Office's are already in the user's language)", async () => {
    const { user, services } = renderApp();
    services!.check.mockRejectedValue(new Error("Töövihik on lukus: keegi muudab lahtrit."));
    await openTab(user, "Kontroll");
    await user.click(screen.getByRole("button", { name: "Kontrolli" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Töövihik on lukus: keegi muudab lahtrit.");
    // The failed check leaves no half result behind.
    expect(screen.queryByTestId("check-counts")).not.toBeInTheDocument();
  });

  test("the alert is shown above the panels, whichever tab is open, until it is dismissed", async () => {
    const { user, services } = renderApp();
    await failPreview(services!, user, importError());
    await screen.findByRole("alert");
    await openTab(user, "Seaded");
    expect(screen.getByRole("alert")).toBeVisible();

    await user.click(within(screen.getByRole("alert")).getByRole("button", { name: "Sulge" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("the next operation clears the previous error", async () => {
    const { user, services } = renderApp();
    await failPreview(services!, user, importError());
    await screen.findByRole("alert");
    services!.previewText.mockResolvedValue(previewOf(fixtureImport()));
    await user.click(screen.getByRole("button", { name: "Eelvaade" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(await screen.findByRole("table", { name: "Leitud" })).toBeInTheDocument();
  });
});
