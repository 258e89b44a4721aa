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
 * The Lisa 2 rate field (issue 16): it showed a grey placeholder "7" that looked like a value, and building then said
 * the rate was not set. It now shows the rate kept on Seaded as its value, or stays empty with words that cannot be
 * taken for a rate.
 */
jest.setTimeout(120_000);

async function paneWithRate(rate: Decimal | null) {
  const fake = createFakeExcel();
  const services = workbookServices(
    new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext)),
  );
  await services.importPlan(await services.previewText(fixtureText()), {});
  await services.writeSettings({ ...(await services.readSettings()), indirectRatePercent: rate });
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(
    <FluentProvider theme={webLightTheme}>
      <App services={services} language="et" onLanguageChange={() => {}} />
    </FluentProvider>,
  );
  await user.click(screen.getByRole("tab", { name: "Lisa 2" }));
  // The rate is read from Seaded when the tab is shown: wait until that read has ended.
  await waitFor(() => expect(screen.queryByText(/Loen seadeid/)).not.toBeInTheDocument());
  const field = screen
    .getAllByRole("textbox", { name: /Kaudsete kulude määr/ })
    .find((candidate) => candidate.closest("#panel-lisa2"))!;
  return { fake, user, field };
}

test("the rate kept on Seaded is the field's value, not a placeholder", async () => {
  const { field } = await paneWithRate(new Decimal("7.5"));
  await waitFor(() => expect(field).toHaveValue("7,5"));
  expect(field.getAttribute("placeholder") ?? "").not.toMatch(/\d/);
  // The hint says where the value comes from.
  expect(screen.getByText(/Määr lehelt Seaded/)).toBeInTheDocument();
});

test("with no rate on Seaded the field is empty, and what shows in it is no number", async () => {
  const { fake, user, field } = await paneWithRate(null);
  expect(field).toHaveValue("");
  expect(field).toHaveAttribute("placeholder", "määramata");
  // Building with the empty field builds without indirect costs, as the hint says, instead of with a rate that
  // only seemed to be there.
  expect(screen.getByText(/Tühi: kaudseid kulusid ei arvestata/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Koosta lisa 2" }));
  await waitFor(() => expect(fake.workbook.sheetNames()).toContain("Lisa 2"));
  const cells = fake.workbook.values("Lisa 2", "A1:D80").flat().map(String);
  expect(cells.some((text) => /Kaudsed kulud \(\d/.test(text))).toBe(false);
});
