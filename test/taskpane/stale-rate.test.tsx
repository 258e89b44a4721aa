/** @jest-environment jsdom */
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import Decimal from "decimal.js";
import { workbookServices } from "../../src/app";
import { App } from "../../src/taskpane/App";
import { createFakeExcel } from "../../src/workbook/fake";
import { ExcelContext } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { fixtureText } from "../helpers";

/**
 * The pane over the Excel fake through the real use cases and Office adapter, as an officer uses it: a rate saved on
 * the Seaded panel is the rate the Lisa 2 panel shows and builds the annex with. (Panels used to keep their own copy
 * of the settings and read them again only after an import: Lisa 2 showed and used 7 % after 9 % was saved.)
 */
jest.setTimeout(120_000);

async function paneOverImportedSample() {
  const fake = createFakeExcel();
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext));
  const services = workbookServices(adapter);
  // The sample imported, with 7 % on Seaded, as an earlier session of the officer left it.
  await services.importPlan(await services.previewText(fixtureText()), {});
  await services.writeSettings({ ...(await services.readSettings()), indirectRatePercent: new Decimal(7) });
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(
    <FluentProvider theme={webLightTheme}>
      <App services={services} language="et" onLanguageChange={() => {}} />
    </FluentProvider>,
  );
  return { fake, user };
}

const rateField = (panel: string) =>
  screen.getAllByRole("textbox", { name: /Kaudsete kulude määr/ }).find((field) => field.closest(`#panel-${panel}`))!;

test("the rate saved on Seaded is the rate Lisa 2 shows and builds with", async () => {
  const { fake, user } = await paneOverImportedSample();

  await user.click(screen.getByRole("tab", { name: "Lisa 2" }));
  await waitFor(() => expect(rateField("lisa2")).toHaveValue("7"));

  await user.click(screen.getByRole("tab", { name: "Seaded" }));
  await waitFor(() => expect(rateField("settings")).toHaveValue("7"));
  await user.clear(rateField("settings"));
  await user.type(rateField("settings"), "9");
  await user.click(screen.getByRole("button", { name: "Salvesta seaded" }));
  await waitFor(() => expect(screen.queryByText(/Salvestan seadeid/)).not.toBeInTheDocument());

  await user.click(screen.getByRole("tab", { name: "Lisa 2" }));
  await waitFor(() => expect(rateField("lisa2")).toHaveValue("9"));
  await user.click(screen.getByRole("button", { name: "Koosta lisa 2" }));
  await waitFor(() => expect(fake.workbook.sheetNames()).toContain("Lisa 2"));

  // The annex in the workbook: line 1.2 at 9 % of the direct costs (1 266 860,75 € in the sample).
  const cells = fake.workbook.values("Lisa 2", "A1:D80").flat().map(String);
  expect(cells.some((text) => /Kaudsed kulud \(9 % otsestest kuludest\)/.test(text))).toBe(true);
  expect(cells.some((text) => /Kaudsed kulud \(7 %/.test(text))).toBe(false);
});

test("what the officer types on Lisa 2 wins until the workbook's settings change", async () => {
  const { user } = await paneOverImportedSample();
  await user.click(screen.getByRole("tab", { name: "Lisa 2" }));
  await waitFor(() => expect(rateField("lisa2")).toHaveValue("7"));
  await user.clear(rateField("lisa2"));
  await user.type(rateField("lisa2"), "8");
  // Away and back: the typed rate stays.
  await user.click(screen.getByRole("tab", { name: "Kontroll" }));
  await user.click(screen.getByRole("tab", { name: "Lisa 2" }));
  expect(rateField("lisa2")).toHaveValue("8");
  // Seaded saved with 5 %: the workbook changed, and its rate is shown.
  await user.click(screen.getByRole("tab", { name: "Seaded" }));
  await waitFor(() => expect(rateField("settings")).toHaveValue("7"));
  await user.clear(rateField("settings"));
  await user.type(rateField("settings"), "5");
  await user.click(screen.getByRole("button", { name: "Salvesta seaded" }));
  await waitFor(() => expect(screen.queryByText(/Salvestan seadeid/)).not.toBeInTheDocument());
  await user.click(screen.getByRole("tab", { name: "Lisa 2" }));
  await waitFor(() => expect(rateField("lisa2")).toHaveValue("5"));
});
