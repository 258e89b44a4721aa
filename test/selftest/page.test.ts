/** @jest-environment jsdom */
import { createFakeExcel } from "../../src/workbook/fake";
import type { ExcelRunner } from "../../src/workbook/office/office-adapter";
import { ExcelProbe, PROBES, expectEqual, probeReportText } from "../../src/workbook/office/probes";
import { mountSelfTest } from "../../src/selftest/page";

/** The self-test page in jsdom, its Excel the fake behind an injected runner. */

function setup(probes?: readonly ExcelProbe[], copy?: (text: string) => Promise<void>) {
  const fake = createFakeExcel({ sheets: ["Eelarve"] });
  const run: ExcelRunner = (batch) => batch(fake.context);
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  const environment = { host: "Excel", platform: "OfficeOnline", version: "16.0.1", excelApi: "1.9" };
  const page = mountSelfTest(root, { run, environment, probes, copy });
  const get = (selector: string) => root.querySelector(selector) as HTMLElement;
  return { fake, root, page, get, environment };
}

const probe = (id: string, value: number): ExcelProbe => ({
  id,
  api: "Range.values",
  set: "ExcelApi 1.1",
  kind: "documented",
  source: "test",
  expect: "A1 reads 1.",
  async run(context, scratch) {
    scratch.getRange("A1").values = [[value]];
    const range = scratch.getRange("A1").load("values");
    await context.sync();
    expectEqual("A1", range.values, [[1]]);
  },
});

test("shows the environment, runs the probes on the button, lists OK and VIGA with what was seen", async () => {
  const { get, root, page, environment } = setup([probe("reads-one", 1), probe("reads-two", 2)]);
  expect(get("#environment").textContent).toBe(
    "Rakendus: Excel · Platvorm: OfficeOnline · Versioon: 16.0.1 · ExcelApi: 1.9",
  );
  expect((get("#copy") as HTMLButtonElement).disabled).toBe(true);
  expect(get("#report").hidden).toBe(true);
  const reports = await page.start();
  const items = [...root.querySelectorAll("#results li")];
  expect(items.map((item) => [item.getAttribute("data-probe"), item.className])).toEqual([
    ["reads-one", "pass"],
    ["reads-two", "fail"],
  ]);
  expect(items[1].textContent).toContain("Nähti: A1: expected [[1]], saw [[2]]");
  expect(get("#status").textContent).toBe("Läbis 1 proovi 2-st; ülejäänud on märgitud VIGA.");
  expect((get("#report") as HTMLTextAreaElement).value).toBe(probeReportText(reports, environment));
  expect((get("#copy") as HTMLButtonElement).disabled).toBe(false);
});

test("copies the report, and where the clipboard refuses, selects it for Ctrl+C", async () => {
  const copied: string[] = [];
  const ok = setup([probe("reads-one", 1)], async (text) => void copied.push(text));
  await ok.page.start();
  ok.get("#copy").click();
  await Promise.resolve();
  await Promise.resolve();
  expect(copied).toEqual([(ok.get("#report") as HTMLTextAreaElement).value]);
  expect(ok.get("#status").textContent).toBe("Aruanne on lõikelaual.");

  const refused = setup([probe("reads-one", 1)], () => Promise.reject(new Error("NotAllowedError")));
  await refused.page.start();
  refused.get("#copy").click();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(refused.get("#status").textContent).toBe("Kopeerimine ei õnnestunud: tekst on valitud, vajutage Ctrl+C.");
  expect(document.activeElement).toBe(refused.get("#report"));
});

test("outside Excel it says so and cannot start", () => {
  const root = document.createElement("main");
  mountSelfTest(root, { run: null, environment: {} });
  expect(root.querySelector("#status")?.textContent).toBe(
    "Enesetest töötab ainult Excelis: avage see lisandmooduli paani seadetest.",
  );
  expect((root.querySelector("#run") as HTMLButtonElement).disabled).toBe(true);
  expect(root.querySelector("#environment")).toBeNull();
});

test("runs every probe against the fake from the button: all OK, and the workbook as it was", async () => {
  const { fake, root, get } = setup();
  fake.workbook.setCells("Eelarve", "A1", [["kood", 12]]);
  // jsdom has no structuredClone, which the full snapshot uses: the sheets, the officer's cells, the active sheet.
  const state = () => ({
    sheets: fake.workbook.sheetNames(),
    cells: fake.workbook.values("Eelarve", "A1:C3"),
    active: fake.workbook.activeSheetName,
  });
  const before = state();
  get("#run").click();
  const total = PROBES.length;
  for (let i = 0; i < 200 && get("#status").textContent !== `Kõik ${total} proovi läbisid.`; i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(get("#status").textContent).toBe(`Kõik ${total} proovi läbisid.`);
  expect(root.querySelectorAll("#results li.pass")).toHaveLength(total);
  expect(state()).toEqual(before);
});
