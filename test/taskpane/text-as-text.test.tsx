/** @jest-environment jsdom */
import "./setup";
import { screen, within } from "@testing-library/react";
import Decimal from "decimal.js";
import { Finding } from "../../src/checks/types";
import { ImportError, ImportResult } from "../../src/model/plan";
import { CheckOutcome } from "../../src/app";
import { fixtureText } from "../helpers";
import { checkOutcome, fixtureImport, fixtureSettings, openTab, previewOf, renderApp } from "./harness";

/**
 * Text from cells and documents reaches the pane's DOM as text: implementer names, imported rows, the importer's
 * diagnostics, the check's findings (messages, codes, expected and actual values, sheet names) and the settings'
 * partner names may hold HTML, script, javascript: links, entities and bidi controls, and each shows exactly as
 * written, as a text node, with no element, attribute or request made of it.
 */

const PAYLOADS = {
  img: "<img src=x onerror=alert(1)>",
  script: "<script>alert('x')</script>",
  link: '<a href="javascript:alert(1)">vajuta siia</a>',
  svg: "<svg onload=alert(1)><circle r=5 /></svg>",
  iframe: '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  entity: "&lt;b&gt;paks&lt;/b&gt; &amp; &#60;i&#62;",
  // Right-to-left override, closed by a pop: "Tartu knil linn" displayed as "Tartu link linn".
  bidi: "Tartu \u202Eknil\u202C linn",
};
const ALL = Object.values(PAYLOADS);

/** Elements or attributes that only markup made of the payloads could have created. */
function injected(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll("img, script, iframe, object, embed, circle"))
    found.push(element.outerHTML.slice(0, 80));
  for (const link of root.querySelectorAll("a[href]"))
    if (/^\s*javascript:/i.test(link.getAttribute("href") ?? "")) found.push(link.outerHTML.slice(0, 80));
  for (const element of root.querySelectorAll("*"))
    for (const attribute of element.attributes)
      if (/^on/i.test(attribute.name) || attribute.name === "srcdoc")
        found.push(`${element.tagName} ${attribute.name}`);
  return found;
}

/** The texts of `root`'s text nodes, whole: a payload shown as text is one node's text, or inside one. */
function textNodes(root: HTMLElement): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue ?? "");
  return texts;
}

const containsAsText = (root: HTMLElement, payload: string) => textNodes(root).some((text) => text.includes(payload));

/** The fixture's plan with payloads for names and labels, and diagnostics that quote them. */
function hostileImport(): ImportResult {
  const result = fixtureImport();
  const names = [PAYLOADS.img, PAYLOADS.script, PAYLOADS.link, PAYLOADS.bidi];
  names.forEach((name, index) => {
    result.plan.implementers[index].name = name;
  });
  result.plan.implementers[4].rows[0].label = PAYLOADS.svg;
  result.diagnostics = [
    {
      severity: "warning",
      id: "unparsed-line",
      line: 12,
      message: `Rida ei ole loetav: ${PAYLOADS.iframe}`,
      messageEn: `Unreadable line: ${PAYLOADS.iframe}`,
      text: PAYLOADS.iframe,
    },
    {
      severity: "error",
      id: "unreadable-amount",
      line: 40,
      message: `Summa ${PAYLOADS.entity} ei ole arv.`,
      messageEn: `The amount ${PAYLOADS.entity} is not a number.`,
    },
  ];
  return result;
}

describe("the import preview", () => {
  test("implementer names and the importer's diagnostics are shown as written, as text", async () => {
    const pane = renderApp();
    const hostile = hostileImport();
    pane.services!.previewText.mockResolvedValue(previewOf(hostile));
    await pane.user.click(screen.getByRole("textbox", { name: "Käskkirja tekst" }));
    await pane.user.paste(fixtureText());
    await pane.user.click(screen.getByRole("button", { name: "Eelvaade" }));
    const table = await screen.findByRole("table", { name: "Leitud" });

    // Each name is its row's first cell's own text node, before the role.
    const firstCells = within(table)
      .getAllByRole("row")
      .slice(1, 5)
      .map((row) => within(row).getAllByRole("cell")[0].firstChild?.nodeValue);
    expect(firstCells).toEqual([PAYLOADS.img, PAYLOADS.script, PAYLOADS.link, PAYLOADS.bidi]);
    const section = screen.getByRole("region", { name: "Leitud" });
    expect(containsAsText(section, `Rida ei ole loetav: ${PAYLOADS.iframe}`)).toBe(true);
    // Entities stay as typed: nothing decodes them into markup.
    expect(containsAsText(section, `Summa ${PAYLOADS.entity} ei ole arv.`)).toBe(true);
    expect(injected(document.body)).toEqual([]);
    // The override character is kept, not dropped or turned into anything else.
    expect(section.textContent).toContain("\u202Eknil\u202C");
  });

  test("an import error quoting the document shows as text", async () => {
    const pane = renderApp();
    pane.services!.previewText.mockRejectedValue(
      new ImportError(`Tabelit ei leitud: ${PAYLOADS.script}`, `No table found: ${PAYLOADS.script}`),
    );
    await pane.user.click(screen.getByRole("textbox", { name: "Käskkirja tekst" }));
    await pane.user.paste(PAYLOADS.img);
    await pane.user.click(screen.getByRole("button", { name: "Eelvaade" }));
    await screen.findByText(`Tabelit ei leitud: ${PAYLOADS.script}`);
    // What was pasted stays the text box's value.
    expect(screen.getByRole("textbox", { name: "Käskkirja tekst" })).toHaveValue(PAYLOADS.img);
    expect(injected(document.body)).toEqual([]);
  });
});

/** A finding of the fixture's check, with hostile text in every field the pane shows. */
function hostileFinding(base: Finding, rule: string, payload: string, implementer: string | null): Finding {
  return {
    ...base,
    rule,
    implementer,
    code: payload,
    message: `Sõnum: ${payload}`,
    messageEn: `Message: ${payload}`,
    declared: undefined,
    computed: undefined,
    difference: undefined,
    expected: `oodatud ${payload}`,
    actual: `tegelik ${payload}`,
    // A sheet the user named so in Excel.
    position: { line: 7, sheet: payload.slice(0, 31), cell: "B7" },
  };
}

function hostileOutcome(): CheckOutcome {
  const outcome = checkOutcome();
  const base = outcome.result.findings[0];
  const findings = [
    hostileFinding(base, "rule-a", PAYLOADS.img, PAYLOADS.script),
    hostileFinding(base, "rule-b", PAYLOADS.link, PAYLOADS.script),
    hostileFinding(base, "rule-c", PAYLOADS.svg, PAYLOADS.bidi),
    // Sums are shown from exact amounts; the message around them is text.
    {
      ...hostileFinding(base, "rule-d", PAYLOADS.entity, null),
      declared: new Decimal("100.00"),
      computed: new Decimal("120.50"),
      difference: new Decimal("20.50"),
    },
  ];
  return {
    result: { ...outcome.result, findings, counts: { error: findings.length, warning: 0, info: 0 } },
    diagnostics: [
      { severity: "warning", id: "unreadable-cell", line: null, message: PAYLOADS.iframe, messageEn: PAYLOADS.iframe },
    ],
    marked: 0,
  };
}

describe("the check's findings", () => {
  test("implementers, codes, messages, values, sheets and diagnostics are shown as written, as text", async () => {
    const pane = renderApp();
    pane.services!.check.mockResolvedValue(hostileOutcome());
    pane.services!.goTo.mockResolvedValue(undefined);
    await openTab(pane.user, "Kontroll");
    await pane.user.click(screen.getByRole("button", { name: "Kontrolli" }));
    await screen.findByTestId("check-counts");

    // The implementer's name is its section's accessible name, an attribute's text.
    const scriptSection = screen.getByRole("region", { name: PAYLOADS.script });
    const bidiSection = screen.getByRole("region", { name: PAYLOADS.bidi });
    for (const payload of [PAYLOADS.img, PAYLOADS.link]) {
      expect(containsAsText(scriptSection, `Sõnum: ${payload}`)).toBe(true);
      expect(containsAsText(scriptSection, `oodatud ${payload}`)).toBe(true);
      expect(containsAsText(scriptSection, `tegelik ${payload}`)).toBe(true);
    }
    expect(containsAsText(bidiSection, `Sõnum: ${PAYLOADS.svg}`)).toBe(true);
    const whole = screen.getByRole("region", { name: "Kogu kava" });
    expect(containsAsText(whole, `Sõnum: ${PAYLOADS.entity}`)).toBe(true);
    expect(whole.textContent?.replace(/\u00a0/g, " ")).toContain("Dokumendis 100,00 · Arvutatud 120,50 · Vahe 20,50");
    expect(containsAsText(document.body, PAYLOADS.iframe)).toBe(true);

    // A sheet named with markup is a button's text and its label; clicking it only asks to go there.
    const place = `${PAYLOADS.img.slice(0, 31)}!B7`;
    const goTo = within(scriptSection).getByRole("button", { name: `Mine lahtrisse ${place}` });
    expect(goTo.textContent).toBe(place);
    await pane.user.click(goTo);
    expect(pane.services!.goTo).toHaveBeenCalledWith(expect.objectContaining({ sheet: PAYLOADS.img.slice(0, 31) }));

    expect(injected(document.body)).toEqual([]);
    for (const payload of ALL) expect(containsAsText(document.body, payload.slice(0, 31))).toBe(true);
  });
});

describe("the settings", () => {
  test("partner names from the workbook are table text and field labels", async () => {
    const pane = renderApp();
    const settings = fixtureSettings();
    settings.partnerships[0].name = PAYLOADS.img;
    settings.partnerships[1].name = PAYLOADS.bidi;
    pane.services!.readSettings.mockResolvedValue(settings);
    await openTab(pane.user, "Seaded");
    const table = await screen.findByRole("table", { name: "Partnerluslepingute perioodid" });
    const names = within(table)
      .getAllByRole("row")
      .slice(1, 3)
      .map((row) => within(row).getAllByRole("cell")[0].textContent);
    expect(names).toEqual([PAYLOADS.img, PAYLOADS.bidi]);
    expect(within(table).getByRole("textbox", { name: `${PAYLOADS.img}: Algus` })).toHaveValue("01.01.2023");
    expect(injected(document.body)).toEqual([]);
  });
});

describe("the checks of this test", () => {
  test("would see markup had it been made: an element, a handler, a javascript: link", () => {
    const root = document.createElement("div");
    // The one place this test builds markup from a string: to show the detector is not blind.
    root.insertAdjacentHTML("beforeend", ALL.join(" "));
    expect(injected(root).length).toBeGreaterThanOrEqual(5);
    expect(containsAsText(root, PAYLOADS.img)).toBe(false);
  });
});
