import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import { Browser, Locator, Page } from "playwright-core";
import { lisa1DocxBytes } from "../../src/annex/lisa1/docx";
import { parseDirectiveText } from "../../src/import/text";
import { fixtureText } from "../helpers";
import { launchChromium } from "./chromium";
import { TEST_OUTPUT_DIR, convertWithLibreOffice, findSoffice, writeRecalcProfile } from "../libreoffice";

/**
 * The task pane in a real browser: Debian's Chromium, driven by playwright-core, against the preview (the pane
 * beside the Excel fake shown as a grid). An officer's first session: import the sample, check it, go to a finding,
 * switch the marks off and on, build lisa 2 and download it. Each step leaves a screenshot in test-output/e2e/.
 * `npm run test:deps` installs Chromium; browsers cannot be downloaded here.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildPreview, servePreview } = require("../../scripts/serve-preview.js") as {
  buildPreview(options?: { mode?: string }): Promise<unknown>;
  servePreview(options?: { port?: number }): Promise<{ url: string; close(): Promise<void> | void }>;
};

jest.setTimeout(300_000);

const SHOTS = path.join(TEST_OUTPUT_DIR, "e2e");
/** The check's mark for an error (the adapter's fill #F8CBAD), as the browser reports a background colour. */
const ERROR_FILL = "rgb(248, 203, 173)";
/** A changed cell's mark (#E4D7F5). */
const CHANGE_FILL = "rgb(228, 215, 245)";

describe("the preview in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close(): Promise<void> | void };
  const requests: string[] = [];
  let shot = 0;
  const screenshot = async (name: string) => {
    shot++;
    await page.screenshot({ path: path.join(SHOTS, `${String(shot).padStart(2, "0")}-${name}.png`), fullPage: true });
  };
  const pane = () => page.getByRole("region", { name: "TAT eelarve paan" });
  const workbook = () => page.getByRole("region", { name: "Töövihik" });
  const sheetTab = (name: string): Locator => workbook().locator(`[role=tab][data-sheet="${name}"]`);
  const gridCell = (address: string): Locator => workbook().locator(`[role=gridcell][data-cell="${address}"]`);

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    await buildPreview({ mode: "production" });
    server = await servePreview({ port: 0 });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("1. the page opens with an empty workbook and the pane in Estonian", async () => {
    await sheetTab("Sheet1").waitFor();
    await pane().getByRole("tab", { name: "Import" }).waitFor();
    await screenshot("start");
  });

  test("2. import the sample: preview first, then the canonical sheets", async () => {
    await pane().getByRole("button", { name: "Lae näidiskäskkiri" }).click();
    await expectText(pane().getByRole("textbox", { name: "Käskkirja tekst" }), /MINISTRI KÄSKKIRI/, "value");
    await pane().getByRole("button", { name: "Eelvaade" }).click();
    const found = pane().getByRole("table", { name: "Leitud" });
    await found.waitFor();
    expect(await found.innerText()).toContain("Tartu linn");
    expect((await found.innerText()).replace(/\u00a0/g, " ")).toContain("1 266 860,75");
    await screenshot("preview");
    await pane().getByRole("button", { name: "Kirjuta töövihikusse" }).click();
    await pane()
      .getByText(/Kirjutatud lehed: Koond, ELVL, Tartu/)
      .waitFor();
    for (const sheet of ["Koond", "ELVL", "Tartu", "Kohtla-Järve", "Seaded", "Näitajad"])
      await sheetTab(sheet).waitFor();
    // The grid shows what was written, not the empty sheet it showed before.
    expect(await sheetTab("Koond").getAttribute("aria-selected")).toBe("true");
    expect(await gridCell("A1").innerText()).toBe("Koond: elluviija ja partnerite kogusummad");
    await screenshot("imported");
  });

  test("3. one click checks: findings grouped by implementer with counts", async () => {
    await pane().getByRole("tab", { name: "Kontroll" }).click();
    await pane().getByRole("button", { name: "Kontrolli", exact: true }).click();
    await expectText(pane().getByTestId("check-counts"), /18 viga, 10 hoiatust, 4 teadet/);
    await pane().getByRole("region", { name: "Rakvere linn" }).waitFor();
    await screenshot("findings");
  });

  test("4. clicking a finding selects its cell in the workbook, on its sheet", async () => {
    await pane().getByRole("button", { name: "Mine lahtrisse ELVL!E14" }).first().click();
    await expectAttribute(sheetTab("ELVL"), "aria-selected", "true");
    await expectAttribute(gridCell("E14"), "aria-selected", "true");
    await screenshot("goto-ELVL-E14");
    await pane().getByRole("button", { name: "Mine lahtrisse Tallinn!C17" }).first().click();
    await expectAttribute(sheetTab("Tallinn"), "aria-selected", "true");
    await expectAttribute(sheetTab("ELVL"), "aria-selected", "false");
    await expectAttribute(gridCell("C17"), "aria-selected", "true");
    await screenshot("goto-Tallinn-C17");
  });

  test("5. the marks colour the cells and come off again", async () => {
    await pane().getByRole("button", { name: "Mine lahtrisse ELVL!E14" }).first().click();
    await expectAttribute(gridCell("E14"), "aria-selected", "true");
    expect(await background(gridCell("E14"))).toBe(ERROR_FILL);
    await pane().getByRole("switch", { name: "Märgi lahtrid värviga" }).click();
    await pane()
      .getByText(/Märgid eemaldatud/)
      .waitFor();
    expect(await background(gridCell("E14"))).not.toBe(ERROR_FILL);
    await screenshot("marks-off");
    await pane().getByRole("switch", { name: "Märgi lahtrid värviga" }).click();
    await pane()
      .getByText(/Märgitud \d+ lahtrit/)
      .waitFor();
    expect(await background(gridCell("E14"))).toBe(ERROR_FILL);
    await screenshot("marks-on");
  });

  test("6. lisa 2 appears as sheets with its figures, and downloads as Word", async () => {
    await pane().getByRole("tab", { name: "Lisa 2" }).click();
    await pane().getByRole("textbox", { name: "Kaudsete kulude määr (%)" }).fill("7");
    await pane().getByRole("button", { name: "Koosta lisa 2" }).click();
    await pane()
      .getByText(/Lisa 2 koostatud: Lisa 2, Lisa 2 maatriks/)
      .waitFor();
    await expectAttribute(sheetTab("Lisa 2"), "aria-selected", "true");
    await sheetTab("Lisa 2 maatriks").waitFor();
    const grid = (await workbook().getByRole("grid").innerText()).replace(/\u00a0/g, " ");
    expect(grid).toContain("1 266 860,75");
    expect(grid).toContain("88 680,25");
    expect(grid).toContain("1 355 541,00");
    expect(grid).toContain("Klapib");
    await screenshot("lisa2");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      pane().getByRole("button", { name: "Laadi alla Wordi fail (.docx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("lisa2.docx");
    const file = path.join(SHOTS, "lisa2.docx");
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  test("6b. Muuda: the selected row's total spread, then a row added under it; lisa 2 follows", async () => {
    await sheetTab("Tartu").click();
    await gridCell("A12").click();
    await expectAttribute(gridCell("A12"), "aria-selected", "true");
    await pane().getByRole("tab", { name: "Muuda" }).click();
    await pane().getByRole("button", { name: "Võta valitud rida" }).click();
    await expectText(pane().getByRole("combobox", { name: "Elluviija või partner" }), /^Tartu linn$/, "value");
    await expectText(pane().getByRole("combobox", { name: "Rida" }), /^3\.5\.2\.1\.3$/, "value");
    await pane().getByRole("textbox", { name: "Uus summa (EUR)" }).fill("5 000,00");
    await pane().getByRole("button", { name: "Näita muudatust" }).click();
    const changes = pane().getByRole("table", { name: "Muutuvad read (4)" });
    await changes.waitFor();
    expect((await changes.innerText()).replace(/\u00a0/g, " ")).toMatch(/3\.5\.2\.1\.3\.1\s+2 400,00\s+3 017,24/);
    await screenshot("edit-spread-preview");
    await pane().getByRole("button", { name: "Kirjuta muudatus töövihikusse" }).click();
    await pane().getByText("Muudatus kirjutatud: 4 rida.").waitFor();
    await expectText(gridCell("G13"), /^3\s017,24$/);
    await expectText(gridCell("G14"), /^1\s982,76$/);
    await screenshot("edit-spread-written");

    await pane().getByRole("radio", { name: "Lisa rida valitud rea alla" }).click();
    await pane()
      .getByRole("textbox", { name: /Tegevus \(uue rea nimetus\)/ })
      .fill("Infokogumiku trükk");
    await pane().getByRole("textbox", { name: "Uue rea summa (EUR)" }).fill("1000");
    await pane().getByRole("button", { name: "Näita muudatust" }).click();
    await pane().getByRole("table", { name: "Muutuvad read (3)" }).waitFor();
    await screenshot("edit-add-preview");
    await pane().getByRole("button", { name: "Kirjuta muudatus töövihikusse" }).click();
    await pane()
      .getByText(/Lisatud rida 3\.5\.2\.1\.3\.3\. Lisa 2 lehed loodi uuesti: Lisa 2, Lisa 2 maatriks\./)
      .waitFor();
    await sheetTab("Tartu").click();
    await expectText(gridCell("A15"), /^3\.5\.2\.1\.3\.3$/);
    await expectText(gridCell("B15"), /^Infokogumiku trükk$/);
    await expectText(gridCell("G12"), /^6\s000,00$/);
    await screenshot("edit-add-written");
    await sheetTab("Lisa 2").click();
    const grid = (await workbook().getByRole("grid").innerText()).replace(/\u00a0/g, " ");
    // 1 266 860,75 + 1 022,85 (the spread) + 1 000 (the new row): lisa 2's direct costs, generated again.
    expect(grid).toContain("1 268 883,60");
    expect(grid).toContain("Klapib");
  });

  test("6c. Võrdle: the amended workbook against the approved directive; Muudatused written, changes marked lilac", async () => {
    const approved = path.join(SHOTS, "kaskkiri-kinnitatud.txt");
    writeFileSync(approved, fixtureText());
    await pane().getByRole("tab", { name: "Võrdle" }).click();
    await pane().getByTestId("compare-file").setInputFiles(approved);
    const summary = pane().getByTestId("compare-summary");
    await summary.waitFor();
    // 6b's spread (+1 022,85) and added row (+1 000,00).
    expect((await summary.innerText()).replace(/\u00a0/g, " ")).toBe(
      "Kinnitatud versioon: kaskkiri-kinnitatud.txt. 5 muudatust. Kokku 1 266 860,75 → 1 268 883,60 (vahe +2 022,85)",
    );
    const tartu = pane().getByRole("region", { name: "Tartu linn" });
    expect((await tartu.innerText()).replace(/\u00a0/g, " ")).toMatch(
      /lisatud\s+3\.5\.2\.1\.3\.3\s+Infokogumiku trükk/,
    );
    await screenshot("compare-listed");
    await pane().getByRole("button", { name: "Kirjuta leht „Muudatused“" }).click();
    await pane()
      .getByText(/^Muudatuste tabel kirjutatud lehele „Muudatused“\. Märgitud 12 muudetud lahtrit/)
      .waitFor();
    await expectAttribute(sheetTab("Muudatused"), "aria-selected", "true");
    const grid = (await workbook().getByRole("grid").innerText()).replace(/\u00a0/g, " ");
    expect(grid).toContain("Põhjendus");
    expect(grid).toContain("Infokogumiku trükk");
    expect(grid).toContain("1 268 883,60");
    await screenshot("compare-sheet");
    await sheetTab("Tartu").click();
    await expectAttribute(sheetTab("Tartu"), "aria-selected", "true");
    await expectText(gridCell("B15"), /^Infokogumiku trükk$/);
    // The changed amount and the added row in the changes' own colour.
    expect(await background(gridCell("G13"))).toBe(CHANGE_FILL);
    expect(await background(gridCell("B15"))).toBe(CHANGE_FILL);
    await screenshot("compare-marked");
    // The check's marks stay beside them (step 5's error on ELVL!E14).
    await sheetTab("ELVL").click();
    await expectAttribute(sheetTab("ELVL"), "aria-selected", "true");
    expect(await background(gridCell("E14"))).toBe(ERROR_FILL);
  });

  test("7. a Word and a PDF lisa 1 are read in the browser, with pdf.js's worker from the add-in's origin", async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice (soffice) is needed: run `npm run test:deps`.");
    const docx = path.join(SHOTS, "lisa1.docx");
    writeFileSync(docx, await lisa1DocxBytes(parseDirectiveText(fixtureText()).plan));
    await convertWithLibreOffice(soffice, writeRecalcProfile(path.join(SHOTS, "profile")), [docx], SHOTS, "pdf");
    for (const file of [docx, path.join(SHOTS, "lisa1.pdf")]) {
      await pane().getByRole("tab", { name: "Import" }).click();
      await pane().getByTestId("import-file").setInputFiles(file);
      // The file's own preview, not the one before it: choosing a file clears the last preview at once.
      await pane().getByText("Loen teksti…").waitFor({ state: "detached" });
      const found = pane().getByRole("table", { name: "Leitud" });
      await found.waitFor();
      const text = (await found.innerText()).replace(/\u00a0/g, " ");
      expect(text).toContain("Kohtla-Järve linn");
      expect(text).toMatch(/Kokku\s+134\s+1 266 860,75/);
      await screenshot(`preview-${path.extname(file).slice(1)}`);
    }
  });

  test("8. the page asked nothing of any other host", () => {
    const foreign = requests.filter((url) => !url.startsWith(server.url) && !url.startsWith("blob:"));
    expect(foreign).toEqual([]);
  });
});

async function expectAttribute(locator: Locator, attribute: string, value: string): Promise<void> {
  await locator.waitFor();
  await locator
    .page()
    .waitForFunction(
      ([element, name, wanted]) => (element as Element).getAttribute(name as string) === wanted,
      [await locator.elementHandle(), attribute, value] as const,
      { timeout: 10_000 },
    );
}

async function expectText(locator: Locator, pattern: RegExp, property: "text" | "value" = "text"): Promise<void> {
  await locator.waitFor();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = property === "value" ? await locator.inputValue() : await locator.innerText();
    if (pattern.test(text)) return;
    if (Date.now() > deadline) throw new Error(`"${text.slice(0, 200)}" does not match ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function background(locator: Locator): Promise<string> {
  return locator.evaluate((element) => getComputedStyle(element).backgroundColor);
}
