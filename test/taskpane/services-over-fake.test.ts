import Decimal from "decimal.js";
import { CalendarDate } from "../../src/model/calendar-date";
import { WorkbookServices, workbookServices } from "../../src/app";
import { checkAndMark, noticeText } from "../../src/commands/check-command";
import { createFakeExcel, FakeExcel } from "../../src/workbook/fake";
import { ExcelContext } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { fixtureText } from "../helpers";

/**
 * The pane's services end to end over the Excel fake, through the real Office adapter: what the task pane and the
 * ribbon command do in Excel, minus the React around them.
 */

function setUp(): { fake: FakeExcel; services: WorkbookServices; adapter: OfficeWorkbookAdapter } {
  const fake = createFakeExcel();
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext));
  return { fake, services: workbookServices(adapter), adapter };
}

async function imported(): Promise<ReturnType<typeof setUp>> {
  const setup = setUp();
  const preview = await setup.services.previewText(fixtureText());
  await setup.services.importPlan(preview, {});
  return setup;
}

const rowOf = (fake: FakeExcel, sheet: string, code: string): number => {
  const values = fake.workbook.values(sheet, "A1:A300");
  const index = values.findIndex((row) => row[0] === code);
  if (index < 0) throw new Error(`no ${code} on ${sheet}`);
  return index + 1;
};

describe("the pane's services over the Excel fake", () => {
  test("preview finds the plan without writing; import writes the canonical sheets; a second import asks", async () => {
    const { fake, services } = setUp();
    const preview = await services.previewText(fixtureText());
    expect(preview.result.plan.implementers).toHaveLength(9);
    expect(preview.conflicts).toEqual([]);
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1"]);
    const written = await services.importPlan(preview, {});
    expect(Object.values(written.sheets)).toContain("Tartu");
    expect(fake.workbook.sheetNames()).toContain("Seaded");
    const again = await services.previewText(fixtureText());
    expect(again.conflicts).toContain("Tartu");
    await expect(services.importPlan(again, {})).rejects.toThrow(/on juba olemas/);
    const replaced = await services.importPlan(
      again,
      Object.fromEntries(again.conflicts.map((name) => [name, "replace"])),
    );
    expect(replaced.backups).toContain("Tartu (varu)");
  });

  test("check reads the workbook back: 32 findings with cells, marked; clearing restores", async () => {
    const { fake, services } = await imported();
    await services.goTo({ sheet: "Tartu", cell: "G12" });
    expect(fake.workbook.activeSheetName).toBe("Tartu");
    const before = fake.workbook.snapshot();
    const outcome = await services.check({ mark: true });
    expect(outcome.result.counts).toEqual({ error: 18, warning: 10, info: 4 });
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.marked).toBeGreaterThan(0);
    const first = outcome.result.findings[0];
    expect(first.position).toMatchObject({ sheet: "ELVL", cell: "E14" });
    expect(fake.workbook.snapshot()).not.toEqual(before);
    await services.clearMarks();
    // Every cell and format is as before the marks.
    expect(fake.workbook.snapshot()).toEqual(before);
  });

  test("recalc rewrites a typed-over parent back to its SUM and reports the change", async () => {
    const { fake, services } = await imported();
    const row = rowOf(fake, "Tartu", "3.5.2.1.3");
    fake.workbook.setCells("Tartu", `G${row}`, [[4000]]);
    const outcome = await services.recalc();
    expect(outcome.formulas).toBe(45);
    expect(outcome.changed).toEqual([
      { sheet: "Tartu", cell: `G${row}`, before: null, after: `SUM(G${row + 1}:G${row + 2})` },
    ]);
    expect(outcome.backup).not.toBeNull();
    expect(fake.workbook.formula("Tartu", `G${row}`)).toBe(`=SUM(G${row + 1}:G${row + 2})`);
    expect((await services.recalc()).changed).toEqual([]);
  });

  test("lisa 2 is generated on the workbook, regenerated in place, and exported as .docx", async () => {
    const { fake, services } = await imported();
    const first = await services.generateLisa2(new Decimal(7));
    expect(first.sheets).toEqual(["Lisa 2", "Lisa 2 maatriks"]);
    expect(first.replaced).toEqual([]);
    expect(first.lisa2.lines.find((line) => line.number === "1.2")!.amount.toFixed(2)).toBe("88680.25");
    expect(fake.workbook.activeSheetName).toBe("Lisa 2");
    const again = await services.generateLisa2(null);
    expect(again.replaced).toEqual(["Lisa 2", "Lisa 2 maatriks"]);
    expect(fake.workbook.sheetNames().filter((name) => name.startsWith("Lisa 2"))).toEqual([
      "Lisa 2",
      "Lisa 2 maatriks",
    ]);
    expect(again.lisa2.lines.some((line) => line.kind === "indirect")).toBe(false);
    const bytes = await services.lisa2Docx(new Decimal(7));
    // A .docx is a zip: "PK".
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
  });

  test("settings are read from Seaded and written back to it; the plan then reads the new values", async () => {
    const { services } = await imported();
    const settings = await services.readSettings();
    expect(settings.directiveNumber).toBe("68");
    expect(settings.planPeriod?.start.toEstonian()).toBe("01.01.2025");
    const tartu = settings.partnerships.find((partner) => partner.name === "Tartu linn")!;
    expect(tartu.period?.start.toEstonian()).toBe("01.01.2023");
    await services.writeSettings({
      ...settings,
      directiveNumber: "70",
      indirectRatePercent: new Decimal("7.5"),
      partnerships: settings.partnerships.map((partner) =>
        partner.name === "Tartu linn"
          ? { ...partner, period: { start: CalendarDate.of(2023, 2, 1)!, end: CalendarDate.of(2026, 12, 31)! } }
          : partner,
      ),
    });
    const reread = await services.readSettings();
    expect(reread.directiveNumber).toBe("70");
    expect(reread.indirectRatePercent?.toString()).toBe("7.5");
    expect(reread.partnerships.find((partner) => partner.name === "Tartu linn")!.period?.end.toEstonian()).toBe(
      "31.12.2026",
    );
  });
});

describe("the ribbon's check without the pane", () => {
  test("marks the findings and reports the counts in the user's language", async () => {
    const { adapter } = await imported();
    const outcome = await checkAndMark(adapter);
    expect(outcome.counts).toEqual({ error: 18, warning: 10, info: 4 });
    expect(noticeText(outcome, "et")[0]).toBe("Kontroll: 18 viga, 10 hoiatust, 4 teadet.");
    expect(noticeText(outcome, "en")[0]).toBe("Check: 18 errors, 10 warnings, 4 notes.");
  });

  test("an empty workbook gets a clear message, not a crash", async () => {
    const { adapter } = setUp();
    await expect(checkAndMark(adapter)).rejects.toThrow(/Seaded/);
    const lines = noticeText({ error: await checkAndMark(adapter).catch((error: unknown) => error) }, "et");
    expect(lines[0]).toBe("Kontroll ei õnnestunud");
    // An empty workbook holds neither our plan nor an officer's own schedule table: both are said.
    expect(lines[1]).toMatch(/^Töövihikus ei ole ühtegi tegevuste ajakava tabelit: /);
    expect(lines[1]).toMatch(/See ei ole ka tat-budgeti töövihik \(leht „Seaded“ puudub\)\.$/);
  });
});

describe("a schedule pasted into Excel becomes an implementer's canonical sheet", () => {
  /** A paste of a small partner table, as an Estonian Excel receives it from Word (text cells, two-row header). */
  const PASTE: unknown[][] = [
    [
      "Tegevus",
      "Tegevuse üldajaraam",
      "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
      null,
      "Planeeritav maksumus tegevuskava aastal",
      "Tegevuse eest vastutaja",
    ],
    [null, null, "algus", "lõpp"],
    [
      "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine",
      "01.01.2025- 31.12.2026",
      "01.01.2025",
      "31.12.2025",
      "1 500,00",
      "Viljandi linn",
    ],
    [
      "3.5.2.1.1 KOV-s elava sihtrühma kaasamine",
      "01.01.2025- 31.12.2026",
      "01.01.2025",
      "31.12.2025",
      "1 000,00",
      "Viljandi linn",
    ],
    ["Otsesed personalikulud", "01.01.2025- 31.12.2026", "01.01.2025", "31.12.2025", "500,00", "Viljandi linn"],
  ];

  async function pasteAndSelect(fake: FakeExcel, sheet: string): Promise<void> {
    if (!fake.workbook.sheetNames().includes(sheet)) fake.workbook.addSheet(sheet);
    fake.workbook.setCells(sheet, "B3", PASTE);
    fake.context.workbook.worksheets.getItem(sheet).getRange("B3:G7").select();
    await fake.context.sync();
  }

  test("into a workbook with a plan: a new sheet, listed on Seaded; the check and lisa 2 then include it", async () => {
    const { fake, services } = await imported();
    await pasteAndSelect(fake, "Kleebitud");
    const preview = await services.previewSelection();
    expect(preview.address).toBe("B3:G7");
    expect(preview.mapping.implementer).toEqual({ name: "Viljandi linn", role: "partner" });
    expect(preview.mapping.rows.map((row) => row.code)).toEqual(["3.5.2.1", "3.5.2.1.1", null]);
    const before = fake.workbook.sheetNames();
    const written = await services.importSelection(preview, { name: "Viljandi linn", role: "partner" });
    expect(written).toEqual({ sheet: "Viljandi", backups: [], newWorkbook: false });
    expect(fake.workbook.sheetNames()).toEqual([...before, "Viljandi"]);
    // The parent's amount is a live SUM of its items, as on every canonical sheet.
    expect(fake.workbook.formula("Viljandi", "G5")).toBe("=SUM(G6:G7)");
    const settings = await services.readSettings();
    expect(settings.partnerships.map((partner) => partner.name)).toContain("Viljandi linn");
    const lisa2 = await services.generateLisa2(null);
    expect(lisa2.lisa2.lines.find((line) => line.kind === "direct")!.amount.toFixed(2)).toBe("1268360.75");
    // Importing it again replaces its sheet, keeping the old one as a backup.
    const again = await services.importSelection(await services.previewSelection(), {
      name: "Viljandi linn",
      role: "partner",
    });
    expect(again).toEqual({ sheet: "Viljandi", backups: ["Viljandi (varu)"], newWorkbook: false });
  });

  test("into an empty workbook: the canonical sheets around it", async () => {
    const { fake, services } = setUp();
    await pasteAndSelect(fake, "Sheet1");
    const preview = await services.previewSelection();
    const written = await services.importSelection(preview, { name: "Viljandi linn", role: "partner" });
    expect(written.newWorkbook).toBe(true);
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1", "Koond", "Viljandi", "Seaded", "Näitajad"]);
    const checked = await services.check({ mark: false });
    expect(checked.result.totals.map((line) => [line.implementer, line.computed?.toFixed(2)])).toEqual([
      ["Viljandi linn", "1500.00"],
    ]);
  });
});
