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
  const { fake, adapter, user, rowOf } = await paneOverFake();
  await adapter.goTo({ sheet: "Tartu", cell: `A${rowOf("3.5.2.1.3")}` });
  await user.click(screen.getByRole("tab", { name: "Muuda" }));
  await user.click(within(panel()).getByRole("button", { name: "Võta valitud rida" }));
  await within(panel()).findByRole("combobox", { name: "Elluviija või partner" });
  await user.click(within(panel()).getByRole("radio", { name: "Lisa rida valitud rea alla" }));
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
