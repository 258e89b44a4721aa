/** @jest-environment jsdom */
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { workbookServices } from "../../src/app";
import { App } from "../../src/taskpane/App";
import { createFakeExcel } from "../../src/workbook/fake";
import { ExcelContext } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { fixtureText } from "../helpers";

/**
 * The editing panel over the real services, the Office adapter and the Excel fake (whose SUMs compute from the
 * cells): an officer takes a row from Excel's selection, spreads a new total, reads the change and writes it.
 */

jest.setTimeout(60_000);

async function paneOverFake() {
  const fake = createFakeExcel();
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext));
  const services = workbookServices(adapter);
  await services.importPlan(await services.previewText(fixtureText()), {});
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(
    <FluentProvider theme={webLightTheme}>
      <App services={services} language="et" onLanguageChange={() => undefined} />
    </FluentProvider>,
  );
  const rowOf = (code: string) => fake.workbook.values("Tartu", "A1:A40").findIndex((cells) => cells[0] === code) + 1;
  return { fake, adapter, user, rowOf };
}

const panel = () => screen.getByRole("tabpanel", { name: "Muuda" });

/** The pane over the fake with Tartu's row selected in Excel, taken into Muuda to add a row under it. */
async function addingUnderSelected(code: string) {
  const pane = await paneOverFake();
  await pane.adapter.goTo({ sheet: "Tartu", cell: `A${pane.rowOf(code)}` });
  await pane.user.click(screen.getByRole("tab", { name: "Muuda" }));
  await pane.user.click(within(panel()).getByRole("button", { name: "Võta valitud rida" }));
  await within(panel()).findByRole("combobox", { name: "Elluviija või partner" });
  await pane.user.click(within(panel()).getByRole("radio", { name: "Lisa rida valitud rea alla" }));
  return pane;
}

test("spreading Tartu's 3.5.2.1.3 to 5 000 from the selected row: preview, then write", async () => {
  const { fake, adapter, user, rowOf } = await paneOverFake();
  await adapter.goTo({ sheet: "Tartu", cell: `B${rowOf("3.5.2.1.3")}` });
  await user.click(screen.getByRole("tab", { name: "Muuda" }));
  await user.click(within(panel()).getByRole("button", { name: "Võta valitud rida" }));
  const implementer = await within(panel()).findByRole("combobox", { name: "Elluviija või partner" });
  expect((implementer as HTMLSelectElement).value).toBe("Tartu linn");
  expect((within(panel()).getByRole("combobox", { name: "Rida" }) as HTMLSelectElement).value).toBe("3.5.2.1.3");
  expect(within(panel()).getByText("Tõhusa kommunikatsiooni tagamine sihtrühmale.")).toBeInTheDocument();
  // Nothing to preview before there is an amount; a wrong one says how to write it.
  const preview = within(panel()).getByRole("button", { name: "Näita muudatust" });
  expect(preview).toBeDisabled();
  await user.type(within(panel()).getByRole("textbox", { name: "Uus summa (EUR)" }), "5k");
  expect(within(panel()).getByText("Summa arvuna, nt 5000 või 5 000,00.")).toBeInTheDocument();
  await user.clear(within(panel()).getByRole("textbox", { name: "Uus summa (EUR)" }));
  await user.type(within(panel()).getByRole("textbox", { name: "Uus summa (EUR)" }), "5 000,00");
  await user.click(preview);
  const table = await within(panel()).findByRole("table", { name: "Muutuvad read (4)" });
  const rows = within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => row.textContent?.replace(/\u00a0/g, " "));
  expect(rows).toEqual([
    "3.5.2.193 988,5395 011,38",
    "3.5.2.1.33 977,155 000,00",
    "3.5.2.1.3.12 400,003 017,24",
    "3.5.2.1.3.21 577,151 982,76",
  ]);
  expect(within(panel()).getByText(/Tartu linn kokku: 93.988,53 → 95.011,38/)).toBeInTheDocument();
  // Still nothing written.
  expect(fake.workbook.values("Tartu", `G${rowOf("3.5.2.1.3.1")}`)).toEqual([[2400]]);
  await user.click(within(panel()).getByRole("button", { name: "Kirjuta muudatus töövihikusse" }));
  expect(await within(panel()).findByText("Muudatus kirjutatud: 4 rida.")).toBeInTheDocument();
  expect(fake.workbook.values("Tartu", `G${rowOf("3.5.2.1.3.1")}:G${rowOf("3.5.2.1.3.2")}`)).toEqual([
    [3017.24],
    [1982.76],
  ]);
  expect(fake.workbook.values("Tartu", `G${rowOf("3.5.2.1")}`)).toEqual([[95011.38]]);
  // The form stays, read again: the row's amount is the new one, for the next edit.
  expect(
    await within(panel()).findByRole("option", { name: "3.5.2.1.3 — 5\u00a0000,00" }, { timeout: 20_000 }),
  ).toBeInTheDocument();
  expect((within(panel()).getByRole("combobox", { name: "Rida" }) as HTMLSelectElement).value).toBe("3.5.2.1.3");
});

test("a refusal is shown in the officer's words and nothing is written", async () => {
  const { fake, user } = await paneOverFake();
  await user.click(screen.getByRole("tab", { name: "Muuda" }));
  await user.click(within(panel()).getByRole("button", { name: "Loe read töövihikust" }));
  await user.selectOptions(
    await within(panel()).findByRole("combobox", { name: "Elluviija või partner" }),
    "Tartu linn",
  );
  await user.selectOptions(within(panel()).getByRole("combobox", { name: "Rida" }), "3.5.2.1.3");
  await user.click(within(panel()).getByRole("checkbox", { name: "3.5.2.1.3.1" }));
  await user.type(within(panel()).getByRole("textbox", { name: "Uus summa (EUR)" }), "2000");
  // jsdom has no structuredClone for the fake's snapshot: the schedule's cells stand for it.
  const before = fake.workbook.values("Tartu", "A1:M40");
  await user.click(within(panel()).getByRole("button", { name: "Näita muudatust" }));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent?.replace(/\u00a0/g, " ")).toContain(
    "3.5.2.1.3: lukustatud read on kokku 2 400,00, rohkem kui 2 000,00.",
  );
  expect(within(panel()).queryByRole("table")).toBeNull();
  expect(fake.workbook.values("Tartu", "A1:M40")).toEqual(before);
});

test("adding a row under Tartu's 3.5.2.1.3, then removing 3.5.2.1.1 with the sections after it renumbered", async () => {
  const { fake, user, rowOf } = await addingUnderSelected("3.5.2.1.3");
  expect((within(panel()).getByRole("combobox", { name: "Kelle alla" }) as HTMLSelectElement).value).toBe("3.5.2.1.3");
  const preview = within(panel()).getByRole("button", { name: "Näita muudatust" });
  // A new row needs its label and amount; the responsible party starts as the partner itself.
  expect(preview).toBeDisabled();
  expect((within(panel()).getByRole("textbox", { name: "Vastutaja" }) as HTMLInputElement).value).toBe("Tartu linn");
  await user.type(within(panel()).getByRole("textbox", { name: /Tegevus \(uue rea nimetus\)/ }), "Infokogumiku trükk");
  await user.type(within(panel()).getByRole("textbox", { name: "Uue rea summa (EUR)" }), "1 000");
  await user.click(preview);
  const table = await within(panel()).findByRole("table", { name: "Muutuvad read (3)" });
  expect(
    within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.textContent?.replace(/\u00a0/g, " ")),
  ).toEqual(["3.5.2.1.3.3 (uus)–1 000,00", "3.5.2.193 988,5394 988,53", "3.5.2.1.33 977,154 977,15"]);
  const rowsBefore = fake.workbook.values("Tartu", "A1:A40").map((cells) => cells[0]);
  expect(rowsBefore).not.toContain("3.5.2.1.3.3");
  await user.click(within(panel()).getByRole("button", { name: "Kirjuta muudatus töövihikusse" }));
  expect(
    await within(panel()).findByText("Muudatus kirjutatud: 3 rida. Lisatud rida 3.5.2.1.3.3."),
  ).toBeInTheDocument();
  expect(rowOf("3.5.2.1.3.3")).toBe(rowOf("3.5.2.1.3.2") + 1);
  expect(fake.workbook.values("Tartu", `B${rowOf("3.5.2.1.3.3")}:G${rowOf("3.5.2.1.3.3")}`)[0][0]).toBe(
    "Infokogumiku trükk",
  );
  expect(fake.workbook.values("Tartu", `G${rowOf("3.5.2.1")}`)).toEqual([[94988.53]]);

  // Removing: renumbering is offered, not done unless asked.
  await user.click(within(panel()).getByRole("radio", { name: "Eemalda rida koos alamridadega" }));
  await user.selectOptions(within(panel()).getByRole("combobox", { name: "Rida" }), "3.5.2.1.1");
  const renumber = within(panel()).getByRole("checkbox", { name: "Nummerda järgmised read ümber (vahe ei jää)" });
  expect(renumber).not.toBeChecked();
  await user.click(renumber);
  await user.click(within(panel()).getByRole("button", { name: "Näita muudatust" }));
  const removal = await within(panel()).findByRole("table", { name: /Muutuvad read/ });
  const shown = within(removal)
    .getAllByRole("row")
    .slice(1)
    .map((row) => row.textContent?.replace(/\u00a0/g, " "));
  expect(shown.slice(0, 4)).toEqual([
    expect.stringMatching(/^3\.5\.2\.1\.1 \(eemaldatakse\)/),
    expect.stringMatching(/^3\.5\.2\.1\.1\.1 \(eemaldatakse\)/),
    expect.stringMatching(/^3\.5\.2\.1\.1\.2 \(eemaldatakse\)/),
    expect.stringMatching(/^3\.5\.2\.1\.1 \(oli 3\.5\.2\.1\.2\)/),
  ]);
  await user.click(within(panel()).getByRole("button", { name: "Kirjuta muudatus töövihikusse" }));
  expect(await within(panel()).findByText(/^Muudatus kirjutatud: \d+ rida\.$/)).toBeInTheDocument();
  expect(fake.workbook.values("Tartu", "A5:A8").map((cells) => cells[0])).toEqual([
    "3.5.2.1",
    "3.5.2.1.1",
    // Was "3.5.2.1.2.1." as the directive printed it: renumbered, it keeps its trailing dot.
    "3.5.2.1.1.1.",
    "3.5.2.1.1.2",
  ]);
});

test("adding a row with its own frame and plan period: shown prefilled with the defaults, written as dates", async () => {
  const { fake, user, rowOf } = await addingUnderSelected("3.5.2.1.3");
  const field = (name: string) => within(panel()).getByRole("textbox", { name }) as HTMLInputElement;
  // What the model would give: 3.5.2.1.3's frame as the directive prints it, and the plan year.
  expect(
    ["Üldajaraami algus", "Üldajaraami lõpp", "Tegevuskava perioodi algus", "Tegevuskava perioodi lõpp"].map(
      (name) => field(name).value,
    ),
  ).toEqual(["01.01.2023", "31.12.2025", "01.01.2025", "31.12.2025"]);
  await user.type(field("Tegevus (uue rea nimetus)"), "Infokogumiku veebiversioon");
  await user.type(field("Uue rea summa (EUR)"), "800");
  await user.clear(field("Üldajaraami algus"));
  await user.type(field("Üldajaraami algus"), "01.03.2025");
  await user.clear(field("Tegevuskava perioodi algus"));
  await user.type(field("Tegevuskava perioodi algus"), "01.03.2025");
  // Past the plan year the row may still be added; the officer is told the check will flag it.
  await user.clear(field("Tegevuskava perioodi lõpp"));
  await user.type(field("Tegevuskava perioodi lõpp"), "31.01.2026");
  expect(
    within(panel()).getByText(
      "Väljaspool tegevuskava aastat 01.01.2025–31.12.2025: rea saab lisada, kuid kontroll märgib selle veaks.",
    ),
  ).toBeInTheDocument();
  expect(within(panel()).getByRole("button", { name: "Näita muudatust" })).toBeEnabled();
  await user.clear(field("Tegevuskava perioodi lõpp"));
  await user.type(field("Tegevuskava perioodi lõpp"), "30.11.2025");
  expect(within(panel()).queryByText(/Väljaspool/)).toBeNull();
  await user.click(within(panel()).getByRole("button", { name: "Näita muudatust" }));
  await within(panel()).findByRole("table", { name: "Muutuvad read (3)" });
  await user.click(within(panel()).getByRole("button", { name: "Kirjuta muudatus töövihikusse" }));
  expect(
    await within(panel()).findByText("Muudatus kirjutatud: 3 rida. Lisatud rida 3.5.2.1.3.3."),
  ).toBeInTheDocument();
  const row = rowOf("3.5.2.1.3.3");
  expect(fake.workbook.values("Tartu", `B${row}`)).toEqual([["Infokogumiku veebiversioon"]]);
  // Excel serials (days since 30.12.1899): 01.03.2025 is 45717, 31.12.2025 46022, 30.11.2025 45991.
  expect(fake.workbook.values("Tartu", `C${row}:F${row}`)).toEqual([[45717, 46022, 45717, 45991]]);
  expect(["C", "D", "E", "F"].map((column) => fake.workbook.format("Tartu", `${column}${row}`).numberFormat)).toEqual([
    "dd.mm.yyyy",
    "dd.mm.yyyy",
    "dd.mm.yyyy",
    "dd.mm.yyyy",
  ]);
  // The sibling above keeps the directive's dates.
  expect(fake.workbook.values("Tartu", `C${row - 1}:F${row - 1}`)).toEqual([[44927, 46022, 45658, 46022]]);
});

test("an impossible or reversed date is shown in its field, and nothing can be previewed or written", async () => {
  const { fake, user } = await addingUnderSelected("3.5.2.1.3");
  const field = (name: string) => within(panel()).getByRole("textbox", { name }) as HTMLInputElement;
  await user.type(field("Tegevus (uue rea nimetus)"), "Trükis");
  await user.type(field("Uue rea summa (EUR)"), "100");
  const preview = within(panel()).getByRole("button", { name: "Näita muudatust" });
  expect(preview).toBeEnabled();
  const before = fake.workbook.values("Tartu", "A1:M40");

  await user.clear(field("Tegevuskava perioodi algus"));
  await user.type(field("Tegevuskava perioodi algus"), "31.02.2025");
  expect(field("Tegevuskava perioodi algus")).toHaveAttribute("aria-invalid", "true");
  expect(within(panel()).getByText("Kuupäev kujul pp.kk.aaaa, nt 31.12.2025.")).toBeInTheDocument();
  expect(preview).toBeDisabled();

  await user.clear(field("Tegevuskava perioodi algus"));
  await user.type(field("Tegevuskava perioodi algus"), "01.03.2025");
  await user.clear(field("Üldajaraami lõpp"));
  await user.type(field("Üldajaraami lõpp"), "31.12.2022");
  expect(field("Üldajaraami lõpp")).toHaveAttribute("aria-invalid", "true");
  expect(field("Tegevuskava perioodi algus")).not.toHaveAttribute("aria-invalid", "true");
  expect(within(panel()).getByText("Algus on pärast lõppu.")).toBeInTheDocument();
  expect(preview).toBeDisabled();
  await user.click(preview);
  expect(within(panel()).queryByRole("table")).toBeNull();
  expect(fake.workbook.values("Tartu", "A1:M40")).toEqual(before);
});
