/** @jest-environment jsdom */
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import Decimal from "decimal.js";
import JSZip from "jszip";
import { workbookServices } from "../../src/app";
import { App } from "../../src/taskpane/App";
import { DeliveryHost, fileDelivery } from "../../src/taskpane/host/delivery";
import { createFakeExcel } from "../../src/workbook/fake";
import { MARK_FILL } from "../../src/workbook/marks";
import { ExcelContext } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { deserialize, serialize } from "v8";
import { fixtureText } from "../helpers";

// jsdom has no structuredClone, which the fake's snapshot uses: Node's own serializer is the same algorithm.
// Nor TextEncoder, which the docx library uses to build the Word file (every browser has both).
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;
globalThis.structuredClone ??= ((value: unknown) => deserialize(serialize(value))) as typeof structuredClone;

/**
 * The Võrdle tab over the real services, the Office adapter and the Excel fake: the officer has amended the plan in
 * the workbook, chooses the approved directive, reads the changes, writes the Muudatused sheet with the changed cells
 * marked, and downloads the change table as Word.
 */

jest.setTimeout(60_000);

async function paneOverAmendedWorkbook(language: "et" | "en" = "et", applyAccept = true) {
  const fake = createFakeExcel();
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext));
  const services = workbookServices(adapter);
  await services.importPlan(await services.previewText(fixtureText()), {});
  await services.applyEdit(
    await services.previewEdit({
      kind: "add",
      implementer: "Tartu linn",
      under: "3.5.2.1.3",
      label: "Uus infokampaania",
      amount: new Decimal("200"),
    }),
  );
  const downloads: Array<{ name: string; bytes: Uint8Array }> = [];
  const host: DeliveryHost = {
    platform: "PC",
    canOpenBrowserWindow: false,
    openBrowserWindow: () => undefined,
    savePageUrl: "https://tat-budget.example.ee/taskpane/save.html",
    download: (bytes, name) => void downloads.push({ name, bytes }),
  };
  // applyAccept false: the officer can pick "All files" in the browser's picker and choose any file.
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never, applyAccept });
  render(
    <FluentProvider theme={webLightTheme}>
      <App services={services} language={language} onLanguageChange={() => undefined} delivery={fileDelivery(host)} />
    </FluentProvider>,
  );
  await user.click(screen.getByRole("tab", { name: language === "et" ? "Võrdle" : "Compare" }));
  const panel = () => screen.getByRole("tabpanel", { name: language === "et" ? "Võrdle" : "Compare" });
  return { fake, user, panel, downloads };
}

const text = (element: HTMLElement) => element.textContent?.replace(/\u00a0/g, " ");

test("the directive against the amended workbook: the changes listed, Muudatused written, changed cells marked", async () => {
  const { fake, user, panel, downloads } = await paneOverAmendedWorkbook();
  const before = fake.workbook.snapshot();
  await user.upload(screen.getByTestId("compare-file"), new File([fixtureText()], "kaskkiri-2025.txt"));
  const summary = await within(panel()).findByTestId("compare-summary");
  expect(text(summary)).toBe(
    "Kinnitatud versioon: kaskkiri-2025.txt. 3 muudatust. Kokku 1 266 860,75 → 1 267 060,75 (vahe +200,00)",
  );
  // Reading and comparing wrote nothing.
  expect(fake.workbook.snapshot()).toEqual(before);
  const tartu = within(panel()).getByRole("region", { name: "Tartu linn" });
  expect(within(tartu).getByRole("heading").textContent).toBe("Tartu linn (3)");
  const items = tartu.querySelectorAll("[data-change]");
  expect([...items].map((item) => [item.getAttribute("data-change"), text(item as HTMLElement)])).toEqual([
    [
      "changed",
      "muudetud3.5.2.1Sihtrühmale teenuste arendamine ja pakkumine Tartu piirkonnas.93 988,53 → 94 188,53 (+200,00)ülemrida: summa on alamridade oma, kogusummasse ei loeta",
    ],
    [
      "changed",
      "muudetud3.5.2.1.3Tõhusa kommunikatsiooni tagamine sihtrühmale.3 977,15 → 4 177,15 (+200,00)ülemrida: summa on alamridade oma, kogusummasse ei loeta",
    ],
    ["added", "lisatud3.5.2.1.3.3Uus infokampaania— → 200,00 (+200,00)"],
  ]);
  const totals = within(panel()).getByRole("region", { name: "Kogusummad" });
  expect(text(totals)).toBe("KogusummadTartu linn: 93 988,53 → 94 188,53 (+200,00)");

  // The code is a link to the row's amount cell.
  await user.click(within(tartu).getByRole("button", { name: "Mine lahtrisse 3.5.2.1.3.3" }));
  expect(fake.workbook.activeSheetName).toBe("Tartu");

  await user.click(within(panel()).getByRole("button", { name: "Kirjuta leht „Muudatused“" }));
  const written = await within(panel()).findByTestId("compare-written");
  expect(text(written)).toMatch(
    /^Muudatuste tabel kirjutatud lehele „Muudatused“\. Märgitud 10 muudetud lahtrit; kontrolli leiud jäid samuti märgituks \(kokku \d+ lahtrit\)\.$/,
  );
  expect(fake.workbook.sheetNames()).toContain("Muudatused");
  expect(fake.workbook.values("Muudatused", "B4:B6")).toEqual([["3.5.2.1"], ["3.5.2.1.3"], ["3.5.2.1.3.3"]]);
  const lilac = fake.workbook.conditionalFormatList("Tartu").filter((rule) => rule.fill === MARK_FILL.change);
  expect(lilac).toHaveLength(10);

  await user.click(within(panel()).getByRole("button", { name: "Laadi muudatuste tabel alla Wordina" }));
  await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 20_000 });
  expect(downloads.map((download) => download.name)).toEqual(["muudatused.docx"]);
  // The Word file holds the change table: the added row and the new total.
  const document = await (await JSZip.loadAsync(downloads[0].bytes)).file("word/document.xml")!.async("string");
  expect(document).toContain("Uus infokampaania");
  expect(document).toContain("1 267 060,75".replace(/ /g, "\u00a0"));
});

test("a workbook file is refused with the way to compare workbooks; a binary .txt is refused as not text", async () => {
  const { fake, user, panel } = await paneOverAmendedWorkbook("et", false);
  const before = fake.workbook.snapshot();
  await user.upload(screen.getByTestId("compare-file"), new File([new Uint8Array([0x50, 0x4b])], "vana.xlsx"));
  expect(await within(panel()).findByText(/„vana\.xlsx“ on töövihik/)).toHaveTextContent(
    "npx tat-budget diff vana.xlsx uus.xlsx",
  );
  await user.upload(screen.getByTestId("compare-file"), new File([new Uint8Array([0, 1, 2, 0xff])], "kaskkiri.txt"));
  expect(await within(panel()).findByText(/„kaskkiri\.txt“ ei ole UTF-8 tekst/)).toBeInTheDocument();
  expect(within(panel()).queryByTestId("compare-summary")).toBeNull();
  expect(fake.workbook.snapshot()).toEqual(before);
});

test("in English, the same workbook compared with itself says there is nothing to write down", async () => {
  const fake = createFakeExcel();
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext));
  const services = workbookServices(adapter);
  await services.importPlan(await services.previewText(fixtureText()), {});
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(
    <FluentProvider theme={webLightTheme}>
      <App services={services} language="en" onLanguageChange={() => undefined} />
    </FluentProvider>,
  );
  await user.click(screen.getByRole("tab", { name: "Compare" }));
  await user.upload(screen.getByTestId("compare-file"), new File([fixtureText()], "directive.txt"));
  const summary = await screen.findByTestId("compare-summary");
  expect(text(summary)).toBe(
    "Approved version: directive.txt. No changes: the workbook's plan is the same as the approved version. Total 1 266 860,75 → 1 266 860,75 (difference 0,00)",
  );
});

test("an edit made after the comparison is said, and writing compares the workbook as it is then", async () => {
  const { fake, user, panel } = await paneOverAmendedWorkbook();
  await user.upload(screen.getByTestId("compare-file"), new File([fixtureText()], "kaskkiri.txt"));
  await within(panel()).findByTestId("compare-summary");
  expect(within(panel()).queryByTestId("compare-stale")).toBeNull();
  // The officer spreads Tartu's 3.5.2.1.3 on Muuda after comparing.
  await user.click(screen.getByRole("tab", { name: "Muuda" }));
  const edit = () => screen.getByRole("tabpanel", { name: "Muuda" });
  await user.click(within(edit()).getByRole("button", { name: "Loe read töövihikust" }));
  await user.selectOptions(
    await within(edit()).findByRole("combobox", { name: "Elluviija või partner" }),
    "Tartu linn",
  );
  await user.selectOptions(within(edit()).getByRole("combobox", { name: "Rida" }), "3.5.2.1.3");
  await user.type(within(edit()).getByRole("textbox", { name: "Uus summa (EUR)" }), "5000");
  await user.click(within(edit()).getByRole("button", { name: "Näita muudatust" }));
  await user.click(await within(edit()).findByRole("button", { name: "Kirjuta muudatus töövihikusse" }));
  await within(edit()).findByText(/^Muudatus kirjutatud/);
  await user.click(screen.getByRole("tab", { name: "Võrdle" }));
  expect(within(panel()).getByTestId("compare-stale")).toHaveTextContent(/nimekiri näitab varasemat seisu/);
  // The summary still shows the comparison made before the spread; the sheet is written from the workbook now.
  expect(text(within(panel()).getByTestId("compare-summary"))).toContain("3 muudatust");
  await user.click(within(panel()).getByRole("button", { name: "Kirjuta leht „Muudatused“" }));
  await within(panel()).findByTestId("compare-written");
  expect(within(panel()).queryByTestId("compare-stale")).toBeNull();
  expect(fake.workbook.values("Muudatused", "B4:B8")).toEqual([
    ["3.5.2.1"],
    ["3.5.2.1.3"],
    ["3.5.2.1.3.1"],
    ["3.5.2.1.3.2"],
    ["3.5.2.1.3.3"],
  ]);
});
