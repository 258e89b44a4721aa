import { mkdirSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import AxeBuilder from "@axe-core/playwright";
import { Browser, Locator, Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { TEST_OUTPUT_DIR } from "../libreoffice";
import { fixtureText } from "../helpers";

/**
 * The task pane at Excel's widths (issue 16): Excel opens task panes about 320–350 px wide, and the officer must
 * not scroll sideways on any panel or in any dialog. The preview is opened with `?pane=W` at 320, 360 and 450 px;
 * on each panel, with its results shown, no element inside the pane may reach past the pane's right or left edge,
 * and the pane itself may not scroll sideways. A screenshot per panel per width is kept in test-output/e2e-widths/.
 *
 * Then axe (@axe-core/playwright) over the pane on every panel, with the check's findings shown: no serious or
 * critical violation. And the check's whole flow by keyboard alone, from the page's load.
 *
 * The figures measured are written to test-output/e2e-widths/widths.json and axe.json for the report.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildPreview, servePreview } = require("../../scripts/serve-preview.js") as {
  buildPreview(options?: { mode?: string }): Promise<unknown>;
  servePreview(options?: { port?: number }): Promise<{ url: string; close(): Promise<void> | void }>;
};

jest.setTimeout(600_000);

const SHOTS = path.join(TEST_OUTPUT_DIR, "e2e-widths");
const WIDTHS = [320, 360, 450] as const;
const PANE = "TAT eelarve paan";

/** How far the pane's content reaches past the pane, and the element that reaches farthest. */
interface Fit {
  clientWidth: number;
  scrollWidth: number;
  /** Pixels the farthest element reaches past the pane's visible box (0 when everything fits). */
  overflow: number;
  widest: string | null;
}

/** Measured in the page: every rendered element of the pane (dialogs are mounted in it) against its visible box. */
function measure(pane: Locator): Promise<Fit> {
  return pane.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const left = box.left + element.clientLeft;
    const right = left + element.clientWidth;
    let overflow = 0;
    let widest: string | null = null;
    for (const child of Array.from(element.querySelectorAll("*"))) {
      const rect = child.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const past = Math.max(rect.right - right, left - rect.left);
      if (past > overflow + 0.5) {
        overflow = past;
        const label = child.getAttribute("aria-label") ?? (child.textContent ?? "").trim().slice(0, 40);
        widest = `${child.tagName.toLowerCase()}${child.getAttribute("role") ? `[role=${child.getAttribute("role")}]` : ""} "${label}" ${Math.round(rect.width)} px`;
      }
    }
    return {
      clientWidth: element.clientWidth,
      scrollWidth: element.scrollWidth,
      overflow: Math.round(overflow),
      widest,
    };
  });
}

describe("the pane at Excel's widths, accessible, by keyboard", () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> | void };
  const fits: Record<string, Fit> = {};
  const axeCounts: Record<string, Record<string, number | string[]>> = {};
  /**
   * What did not fit and what axe found serious or critical, gathered through a test and asserted empty at its end,
   * so that one run measures every panel and dialog (the figures in widths.json and axe.json).
   */
  let problems: object[] = [];
  beforeEach(() => {
    problems = [];
  });
  afterEach(() => {
    expect(problems).toEqual([]);
  });

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    await buildPreview({ mode: "production" });
    server = await servePreview({ port: 0 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    writeFileSync(path.join(SHOTS, "widths.json"), JSON.stringify(fits, null, 2));
    writeFileSync(path.join(SHOTS, "axe.json"), JSON.stringify(axeCounts, null, 2));
    await browser?.close();
    await server?.close();
  });

  async function openPreview(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}?pane=${width}`);
    await page.getByRole("region", { name: PANE }).getByRole("tab", { name: "Import" }).waitFor();
    return page;
  }

  /** The pane's fit on one panel at one width, with its screenshot; the figures are kept for the report. */
  async function expectFits(page: Page, width: number, panel: string): Promise<void> {
    const pane = page.getByRole("region", { name: PANE });
    // Measured once Fluent's motions (a dialog scaling in, a group unfolding) have ended: mid-way a dialog is
    // narrower than it will be.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
    const fit = await measure(pane);
    fits[`${width} ${panel}`] = fit;
    // The whole panel in the picture: the page as tall as the pane's content, for the screenshot only.
    const viewport = page.viewportSize()!;
    const height = await pane.evaluate((element) => element.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height + 2) });
    await pane.screenshot({ path: path.join(SHOTS, `${width}-${panel}.png`) });
    await page.setViewportSize(viewport);
    if (fit.scrollWidth > fit.clientWidth || fit.overflow > 0) problems.push({ panel, width, ...fit });
  }

  async function axe(page: Page, key: string): Promise<void> {
    const results = await new AxeBuilder({ page })
      .include(`[aria-label="${PANE}"]`)
      // Tabster's focus sentinels (Fluent UI's keyboard navigation: <i data-tabster-dummy tabindex=0 aria-hidden>)
      // are focusable and hidden by design: they hand the focus on the moment they get it, and announced they
      // would be noise (microsoft/tabster#288, microsoft/fluentui#27517 "By Design"). Everything else is checked.
      .exclude("[data-tabster-dummy]")
      .analyze();
    const counts = { minor: 0, moderate: 0, serious: 0, critical: 0 };
    for (const violation of results.violations) counts[violation.impact ?? "minor"] += violation.nodes.length;
    axeCounts[key] = { ...counts, rules: results.violations.map((violation) => `${violation.impact} ${violation.id}`) };
    const grave = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    if (grave.length > 0) problems.push({ axe: key, grave });
  }

  describe.each(WIDTHS)("at %i px", (width) => {
    let page: Page;
    const pane = () => page.getByRole("region", { name: PANE });
    const tab = (name: string) => pane().getByRole("tab", { name, exact: true });

    beforeAll(async () => {
      page = await openPreview(width);
    });
    afterAll(async () => {
      await page?.context().close();
    });

    test("Import, with the sample previewed", async () => {
      await pane().getByRole("button", { name: "Lae näidiskäskkiri" }).click();
      await pane().getByRole("button", { name: "Eelvaade" }).click();
      await pane().getByRole("table", { name: "Leitud" }).waitFor();
      await expectFits(page, width, "import-preview");
      await axe(page, `${width} import-preview`);
    });

    test("Import, written, and the dialog that asks before replacing sheets", async () => {
      await pane().getByRole("button", { name: "Kirjuta töövihikusse" }).click();
      await pane()
        .getByText(/Kirjutatud lehed: Koond/)
        .waitFor();
      await expectFits(page, width, "import-written");
      await pane().getByRole("button", { name: "Eelvaade" }).click();
      await pane().getByRole("button", { name: "Kirjuta töövihikusse" }).click();
      await pane().getByRole("dialog").waitFor();
      await expectFits(page, width, "import-dialog");
      await axe(page, `${width} import-dialog`);
      await pane().getByRole("button", { name: "Loobu" }).click();
      await pane().getByRole("dialog").waitFor({ state: "detached" });
    });

    test("Kontroll, with the findings shown and a folded group open", async () => {
      await tab("Kontroll").click();
      await pane().getByRole("button", { name: "Kontrolli", exact: true }).click();
      await pane().getByTestId("check-counts").waitFor();
      await pane().getByRole("region", { name: "Rakvere linn" }).waitFor();
      const folded = pane().locator("#panel-check").getByRole("button", { expanded: false });
      for (let index = 0, count = await folded.count(); index < count; index++) await folded.first().click();
      await expectFits(page, width, "check");
      await axe(page, `${width} check`);
    });

    test("Summad, recalculated, with the cells it changed", async () => {
      // A parent row's sum typed over with a number in the grid, as an officer might: the recalculation lists it.
      const workbook = page.getByRole("region", { name: "Töövihik" });
      await workbook.locator('[role=tab][data-sheet="ELVL"]').click();
      const sum = workbook.locator("[role=gridcell][data-formula^='=SUM']").first();
      await sum.dblclick();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("1");
      await page.keyboard.press("Enter");
      await tab("Summad").click();
      await pane().getByRole("button", { name: "Arvuta ülemread uuesti" }).click();
      await pane()
        .getByRole("table", { name: /ülemrea valemit/ })
        .waitFor();
      await expectFits(page, width, "recalc");
      await axe(page, `${width} recalc`);
    });

    test("Muuda, with a spread previewed and written", async () => {
      await tab("Muuda").click();
      await pane().getByRole("button", { name: "Loe read töövihikust" }).click();
      await pane().getByRole("combobox", { name: "Elluviija või partner" }).selectOption("Tartu linn");
      await pane().getByRole("combobox", { name: "Rida" }).selectOption("3.5.2.1.3");
      await pane().getByRole("textbox", { name: "Uus summa (EUR)" }).fill("5000");
      await pane().getByRole("button", { name: "Näita muudatust" }).click();
      await pane().getByRole("table", { name: "Muutuvad read (4)" }).waitFor();
      await expectFits(page, width, "edit-preview");
      await axe(page, `${width} edit-preview`);
      await pane().getByRole("button", { name: "Kirjuta muudatus töövihikusse" }).click();
      await pane().getByText("Muudatus kirjutatud: 4 rida.").waitFor();
      await expectFits(page, width, "edit-written");
    });

    test("Võrdle, the spread workbook against the sample, with Muudatused written", async () => {
      const approved = path.join(SHOTS, "kaskkiri.txt");
      writeFileSync(approved, fixtureText());
      await tab("Võrdle").click();
      await pane().getByTestId("compare-file").setInputFiles(approved);
      await pane().getByRole("region", { name: "Tartu linn" }).waitFor();
      await expectFits(page, width, "compare");
      await axe(page, `${width} compare`);
      await pane().getByRole("button", { name: "Kirjuta leht „Muudatused“" }).click();
      await pane().getByTestId("compare-written").waitFor();
      await expectFits(page, width, "compare-written");
    });

    test("Lisa 2, built", async () => {
      await tab("Lisa 2").click();
      await pane().getByRole("textbox", { name: "Kaudsete kulude määr (%)" }).fill("7");
      await pane().getByRole("button", { name: "Koosta lisa 2" }).click();
      await pane()
        .getByText(/Lisa 2 koostatud/)
        .waitFor();
      await expectFits(page, width, "lisa2");
      await axe(page, `${width} lisa2`);
    });

    test("Seaded, with the partners' agreement periods", async () => {
      await tab("Seaded").click();
      await pane()
        .getByRole("table", { name: /partner/i })
        .waitFor();
      await expectFits(page, width, "settings");
      await axe(page, `${width} settings`);
    });
  });

  test("the check's flow by keyboard alone: import the sample, reach Kontroll, check, go to a finding's cell", async () => {
    const page = await openPreview(320);
    const pane = page.getByRole("region", { name: PANE });
    const workbook = page.getByRole("region", { name: "Töövihik" });
    /** The focused element as "role|name": its role (or tag) and its aria-label (or text). Read, never set. */
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        if (!element) return "";
        const name = element.getAttribute("aria-label") ?? (element.textContent ?? "").trim();
        return `${element.getAttribute("role") ?? element.tagName.toLowerCase()}|${name}`;
      });
    /** Presses `key` until the focus is on what `wanted` matches; fails after `max` presses. */
    const pressTo = async (wanted: RegExp, key = "Tab", max = 80): Promise<string> => {
      const seen: string[] = [];
      for (let press = 0; press < max; press++) {
        await page.keyboard.press(key);
        const now = await focused();
        if (wanted.test(now)) return now;
        seen.push(now);
      }
      throw new Error(`${key} never reached ${wanted}; it went through ${seen.slice(-20).join(" → ")}`);
    };

    await pressTo(/^button\|Lae näidiskäskkiri$/);
    await page.keyboard.press("Enter");
    await expectText(pane.getByRole("textbox", { name: "Käskkirja tekst" }), /MINISTRI KÄSKKIRI/, "value");
    await pressTo(/^button\|Eelvaade$/);
    await page.keyboard.press("Enter");
    await pane.getByRole("table", { name: "Leitud" }).waitFor();
    await pressTo(/^button\|Kirjuta töövihikusse$/);
    await page.keyboard.press("Enter");
    await pane.getByText(/Kirjutatud lehed: Koond/).waitFor();

    // Back to the tab list, then along it with the arrow keys, as in Excel's own panes.
    await pressTo(/^tab\|(Import)+$/, "Shift+Tab");
    await pressTo(/^tab\|(Kontroll)+$/, "ArrowRight", 4);
    await page.keyboard.press("Enter");
    await expectAttribute(pane.getByRole("tab", { name: "Kontroll" }), "aria-selected", "true");
    await pressTo(/^button\|Kontrolli$/);
    await page.keyboard.press("Space");
    await expectText(pane.getByTestId("check-counts"), /\d+ viga/);

    // Through the findings: past the first two links to cells, to the third, which is followed.
    const links: string[] = [];
    for (let index = 0; index < 3; index++) links.push(await pressTo(/^button\|Mine lahtrisse /));
    const [, sheet, cell] = /Mine lahtrisse (.+)!([A-Z]+\d+)$/.exec(links[2])!;
    expect(new Set(links).size).toBe(3);
    await page.keyboard.press("Enter");
    await expectAttribute(workbook.locator(`[role=tab][data-sheet="${sheet}"]`), "aria-selected", "true");
    await expectAttribute(workbook.locator(`[role=gridcell][data-cell="${cell}"]`), "aria-selected", "true");
    expect(await workbook.locator("[role=gridcell][aria-selected=true]").count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, "keyboard-goto.png") });
    await page.context().close();
  });
});

async function expectAttribute(locator: Locator, attribute: string, value: string): Promise<void> {
  await locator.waitFor();
  await locator
    .page()
    .waitForFunction(
      ([element, name, wanted]) => (element as Element).getAttribute(name as string) === wanted,
      [await locator.elementHandle(), attribute, value] as const,
      { timeout: 30_000 },
    );
}

async function expectText(locator: Locator, pattern: RegExp, property: "text" | "value" = "text"): Promise<void> {
  await locator.waitFor();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const text = property === "value" ? await locator.inputValue() : await locator.innerText();
    if (pattern.test(text)) return;
    if (Date.now() > deadline) throw new Error(`"${text.slice(0, 200)}" does not match ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
