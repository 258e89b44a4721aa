/** @jest-environment jsdom */
import "./setup";
import { act, screen, within } from "@testing-library/react";
import Decimal from "decimal.js";
import { CalendarDate } from "../../src/model/calendar-date";
import { PlanSettings } from "../../src/workbook/settings";
import { RenderedPane, deferred, fixtureSettings, openTab, renderApp } from "./harness";

const field = (name: string) => screen.getByRole("textbox", { name });
const saveButton = () => screen.getByRole("button", { name: "Salvesta seaded" });
const date = (text: string) => CalendarDate.parseEstonian(text)!;

/** The fixture's partners and their partnership agreement periods (käskkiri 25.03.2025 nr 68, section 1.1). */
const PARTNERS = [
  ["Tartu linn", "01.01.2023", "31.12.2025"],
  ["Tallinna linn", "01.03.2023", "31.12.2025"],
  ["Rakvere linn", "01.02.2023", "31.12.2025"],
  ["Saaremaa vald", "01.11.2023", "31.12.2025"],
  ["Pärnu linn", "01.01.2024", "31.12.2025"],
  ["Jõhvi vald", "01.01.2025", "31.12.2026"],
  ["Haapsalu linn", "01.12.2024", "31.12.2026"],
  ["Kohtla-Järve linn", "01.01.2025", "31.12.2027"],
];

/** Renders the pane with the fixture's settings in the workbook and opens Seaded. */
async function openSettings(settings: PlanSettings = fixtureSettings(), language: "et" | "en" = "et") {
  const pane = renderApp({ language });
  pane.services!.readSettings.mockResolvedValue(settings);
  await openTab(pane.user, language === "et" ? "Seaded" : "Settings");
  return pane;
}

async function retype(pane: RenderedPane, name: string, text: string) {
  await pane.user.clear(field(name));
  await pane.user.type(field(name), text);
}

describe("reading the settings", () => {
  test("nothing is read until the Seaded tab is shown; then once, filling the form", async () => {
    const pane = renderApp();
    pane.services!.readSettings.mockResolvedValue(fixtureSettings());
    expect(pane.services!.readSettings).not.toHaveBeenCalled();

    await openTab(pane.user, "Seaded");
    expect(await screen.findByRole("textbox", { name: "Käskkirja number" })).toHaveValue("68");
    expect(pane.services!.readSettings).toHaveBeenCalledTimes(1);
    expect(field("Käskkirja kuupäev")).toHaveValue("25.03.2025");
    expect(field("Tegevuskava perioodi algus")).toHaveValue("01.01.2025");
    expect(field("Tegevuskava perioodi lõpp")).toHaveValue("31.12.2025");
    expect(field("Kaudsete kulude määr (%)")).toHaveValue("");

    // Coming back to the tab does not read again: nothing changed the workbook.
    await openTab(pane.user, "Import");
    await openTab(pane.user, "Seaded");
    expect(pane.services!.readSettings).toHaveBeenCalledTimes(1);
  });

  test("the partners' periods are in a table, one row per partner", async () => {
    await openSettings();
    const table = await screen.findByRole("table", { name: "Partnerluslepingute perioodid" });
    const [header, ...rows] = within(table).getAllByRole("row");
    expect(
      within(header)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Partner", "Algus", "Lõpp"]);
    expect(rows).toHaveLength(PARTNERS.length);
    PARTNERS.forEach(([name, start, end], index) => {
      expect(within(rows[index]).getAllByRole("cell")[0]).toHaveTextContent(name);
      expect(within(rows[index]).getByRole("textbox", { name: `${name}: Algus` })).toHaveValue(start);
      expect(within(rows[index]).getByRole("textbox", { name: `${name}: Lõpp` })).toHaveValue(end);
    });
  });

  test("a rate already in Seaded is shown with a decimal comma", async () => {
    await openSettings({ ...fixtureSettings(), indirectRatePercent: new Decimal("7.5") });
    expect(await screen.findByRole("textbox", { name: "Kaudsete kulude määr (%)" })).toHaveValue("7,5");
  });

  test('"Loe seaded töövihikust" reads them again, discarding the edits', async () => {
    const pane = await openSettings();
    await screen.findByRole("textbox", { name: "Käskkirja number" });
    await retype(pane, "Käskkirja number", "69");
    await pane.user.click(screen.getByRole("button", { name: "Loe seaded töövihikust" }));
    expect(pane.services!.readSettings).toHaveBeenCalledTimes(2);
    expect(await screen.findByDisplayValue("68")).toBe(field("Käskkirja number"));
  });

  test("working: the spinner says the settings are being read", async () => {
    const pane = renderApp();
    const pending = deferred<PlanSettings>();
    pane.services!.readSettings.mockReturnValue(pending.promise);
    await openTab(pane.user, "Seaded");
    expect(screen.getByText("Loen seadeid…")).toBeVisible();
    expect(screen.getByRole("button", { name: "Loe seaded töövihikust" })).toBeDisabled();
    await act(async () => pending.resolve(fixtureSettings()));
    expect(field("Käskkirja number")).toHaveValue("68");
    expect(pane.services!.readSettings).toHaveBeenCalledTimes(1);
  });

  test("error: the message is shown, no form, and it is not retried in a loop", async () => {
    const pane = renderApp();
    pane.services!.readSettings.mockRejectedValue(new Error("Töövihikus puudub leht „Seaded“."));
    await openTab(pane.user, "Seaded");
    expect(await screen.findByRole("alert")).toHaveTextContent("Töövihikus puudub leht „Seaded“.");
    expect(screen.queryByRole("textbox", { name: "Käskkirja number" })).not.toBeInTheDocument();
    expect(pane.services!.readSettings).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("button", { name: "Loe seaded töövihikust" })).toBeEnabled();
  });

  test("opened while another operation runs: read once that one has finished", async () => {
    const pane = renderApp();
    const check = deferred<never>();
    pane.services!.check.mockReturnValue(check.promise);
    pane.services!.readSettings.mockResolvedValue(fixtureSettings());
    await openTab(pane.user, "Kontroll");
    await pane.user.click(screen.getByRole("button", { name: "Kontrolli" }));
    await openTab(pane.user, "Seaded");
    expect(pane.services!.readSettings).not.toHaveBeenCalled();

    await act(async () => check.reject(new Error("Excel ei vasta.")));
    expect(await screen.findByRole("textbox", { name: "Käskkirja number" })).toHaveValue("68");
    expect(pane.services!.readSettings).toHaveBeenCalledTimes(1);
    // The failed check's message is still there: reading the settings by itself does not wipe it.
    expect(screen.getByRole("alert")).toHaveTextContent("Excel ei vasta.");
  });

  test("outside Excel nothing is read", async () => {
    const pane = renderApp({ services: null });
    await openTab(pane.user, "Seaded");
    expect(screen.getByRole("button", { name: "Loe seaded töövihikust" })).toBeDisabled();
    expect(screen.queryByRole("textbox", { name: "Käskkirja number" })).not.toBeInTheDocument();
  });
});

describe("editing", () => {
  test('an impossible date ("31.02.2025") is refused and Save waits', async () => {
    const pane = await openSettings();
    await screen.findByRole("textbox", { name: "Käskkirja number" });
    await retype(pane, "Tegevuskava perioodi algus", "31.02.2025");
    expect(screen.getByText("Kuupäev kujul pp.kk.aaaa, nt 31.12.2025.")).toBeVisible();
    expect(field("Tegevuskava perioodi algus")).toHaveAttribute("aria-invalid", "true");
    expect(field("Tegevuskava perioodi algus")).toHaveAccessibleDescription("Kuupäev kujul pp.kk.aaaa, nt 31.12.2025.");
    // The end date is fine: the start's problem is not repeated under it.
    expect(field("Tegevuskava perioodi lõpp")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getAllByText("Kuupäev kujul pp.kk.aaaa, nt 31.12.2025.")).toHaveLength(1);
    expect(saveButton()).toBeDisabled();

    await retype(pane, "Tegevuskava perioodi algus", "01.01.2025");
    expect(screen.queryByText("Kuupäev kujul pp.kk.aaaa, nt 31.12.2025.")).not.toBeInTheDocument();
    expect(saveButton()).toBeEnabled();
  });

  test("a period whose start is after its end is refused", async () => {
    const pane = await openSettings();
    await screen.findByRole("textbox", { name: "Käskkirja number" });
    await retype(pane, "Tegevuskava perioodi algus", "01.01.2026");
    expect(screen.getByText("Algus on pärast lõppu.")).toBeVisible();
    expect(field("Tegevuskava perioodi lõpp")).toHaveAccessibleDescription("Algus on pärast lõppu.");
    expect(saveButton()).toBeDisabled();
  });

  test("a partner's invalid date marks its row and Save waits", async () => {
    const pane = await openSettings();
    const start = await screen.findByRole("textbox", { name: "Tartu linn: Algus" });
    await pane.user.clear(start);
    await pane.user.type(start, "32.01.2023");
    expect(start).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("textbox", { name: "Tartu linn: Lõpp" })).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("textbox", { name: "Tallinna linn: Algus" })).toHaveAttribute("aria-invalid", "false");
    expect(saveButton()).toBeDisabled();
  });

  test("saving a valid edit writes the new period as calendar dates, the rest as read", async () => {
    const pane = await openSettings();
    pane.services!.writeSettings.mockResolvedValue(undefined);
    await screen.findByRole("textbox", { name: "Käskkirja number" });
    await retype(pane, "Tegevuskava perioodi lõpp", "30.06.2025");
    await retype(pane, "Kaudsete kulude määr (%)", "7");
    await pane.user.click(saveButton());

    expect(pane.services!.writeSettings).toHaveBeenCalledTimes(1);
    const written = pane.services!.writeSettings.mock.calls[0][0];
    expect(written.planPeriod!.start).toBeInstanceOf(CalendarDate);
    expect(written.planPeriod!.start.equals(date("01.01.2025"))).toBe(true);
    expect(written.planPeriod!.end.equals(date("30.06.2025"))).toBe(true);
    expect(written.indirectRatePercent!.equals(7)).toBe(true);
    expect(written.directiveNumber).toBe("68");
    expect(written.directiveDate!.equals(date("25.03.2025"))).toBe(true);
    expect(written.partnerships.map(({ name }) => name)).toEqual(PARTNERS.map(([name]) => name));
    const tartu = written.partnerships[0].period!;
    expect([tartu.start.toEstonian(), tartu.end.toEstonian()]).toEqual(["01.01.2023", "31.12.2025"]);

    expect(await screen.findByText("Seaded salvestatud lehele „Seaded“.")).toBeVisible();
  });

  test("emptied fields are written as not set", async () => {
    const pane = await openSettings();
    pane.services!.writeSettings.mockResolvedValue(undefined);
    await screen.findByRole("textbox", { name: "Käskkirja number" });
    await pane.user.clear(field("Käskkirja number"));
    await pane.user.clear(field("Käskkirja kuupäev"));
    await pane.user.click(saveButton());
    const written = pane.services!.writeSettings.mock.calls[0][0];
    expect(written.directiveNumber).toBeNull();
    expect(written.directiveDate).toBeNull();
  });

  test("the saved message goes away on the next edit", async () => {
    const pane = await openSettings();
    pane.services!.writeSettings.mockResolvedValue(undefined);
    await screen.findByRole("textbox", { name: "Käskkirja number" });
    await pane.user.click(saveButton());
    await screen.findByText("Seaded salvestatud lehele „Seaded“.");
    await pane.user.type(field("Käskkirja number"), "A");
    expect(screen.queryByText("Seaded salvestatud lehele „Seaded“.")).not.toBeInTheDocument();
  });

  test("error: saving fails with the message and no saved note", async () => {
    const pane = await openSettings();
    pane.services!.writeSettings.mockRejectedValue(new Error("Lehel „Seaded“ puudub partner „Tartu linn“."));
    await screen.findByRole("textbox", { name: "Käskkirja number" });
    await pane.user.click(saveButton());
    expect(await screen.findByRole("alert")).toHaveTextContent("Lehel „Seaded“ puudub partner „Tartu linn“.");
    expect(screen.queryByText("Seaded salvestatud lehele „Seaded“.")).not.toBeInTheDocument();
  });

  test("working: the spinner says the settings are being saved", async () => {
    const pane = await openSettings();
    pane.services!.writeSettings.mockReturnValue(new Promise(() => undefined));
    await screen.findByRole("textbox", { name: "Käskkirja number" });
    await pane.user.click(saveButton());
    expect(screen.getByText("Salvestan seadeid…")).toBeVisible();
    expect(saveButton()).toBeDisabled();
  });
});

describe("the language", () => {
  test("the dropdown shows the current language and choosing English calls onLanguageChange", async () => {
    const pane = await openSettings();
    const language = screen.getByRole("combobox", { name: "Keel" });
    expect(language).toHaveTextContent("eesti keel");
    await pane.user.click(language);
    await pane.user.click(screen.getByRole("option", { name: "English" }));
    expect(pane.onLanguageChange).toHaveBeenCalledWith("en");

    // index.tsx renders the pane again in the language chosen: the form stays, its labels change.
    pane.rerender({ language: "en" });
    expect(screen.getByRole("combobox", { name: "Language" })).toHaveTextContent("English");
    expect(screen.getByRole("textbox", { name: "Directive number" })).toHaveValue("68");
    expect(screen.getByRole("tab", { name: "Settings" })).toHaveAttribute("aria-selected", "true");
  });

  test("the language can be chosen outside Excel too", async () => {
    const pane = renderApp({ services: null, language: "en" });
    await openTab(pane.user, "Settings");
    await pane.user.click(screen.getByRole("combobox", { name: "Language" }));
    await pane.user.click(screen.getByRole("option", { name: "eesti keel" }));
    expect(pane.onLanguageChange).toHaveBeenCalledWith("et");
  });

  test("in English, the date message is English", async () => {
    const pane = await openSettings(fixtureSettings(), "en");
    await screen.findByRole("textbox", { name: "Directive number" });
    await pane.user.clear(field("Plan period start"));
    await pane.user.type(field("Plan period start"), "31.02.2025");
    expect(screen.getByText("A date as dd.mm.yyyy, e.g. 31.12.2025.")).toBeVisible();
  });
});

describe("the Excel self-test link", () => {
  test("is offered in Seaded when the pane runs in Excel, leading to selftest.html", async () => {
    const pane = renderApp({ selfTestHref: "selftest.html" });
    pane.services!.readSettings.mockResolvedValue(fixtureSettings());
    await openTab(pane.user, "Seaded");
    expect(screen.getByRole("link", { name: "Exceli enesetest" })).toHaveAttribute("href", "selftest.html");
  });

  test("is not offered without a self-test page (the preview)", async () => {
    const pane = renderApp();
    pane.services!.readSettings.mockResolvedValue(fixtureSettings());
    await openTab(pane.user, "Seaded");
    await screen.findByRole("textbox", { name: "Käskkirja number" });
    expect(screen.queryByRole("link", { name: "Exceli enesetest" })).toBeNull();
  });
});
