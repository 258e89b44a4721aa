import { refuseRangeIfTooLarge } from "../../../src/import/limits";
import { mapPastedRange } from "../../../src/import/range/map-range";
import { CalendarDate } from "../../../src/model/calendar-date";
import { ImportError } from "../../../src/model/plan";
import { createFakeExcel } from "../../../src/workbook/fake";
import { OfficeWorkbookAdapter } from "../../../src/workbook/office/office-adapter";

const date = (text: string) => CalendarDate.parseEstonian(text)!;
const FRAME_PERIOD = { start: date("01.01.2023"), end: date("31.12.2025") };
const PLAN_PERIOD = { start: date("01.01.2025"), end: date("31.12.2025") };

/**
 * The Tartu table as a Word paste lands in an Estonian Excel: "01.01.2025" alone in a cell becomes a date, a range
 * stays text, "93 988,53" (grouped) stays text while "5660,54" becomes a number.
 */
const PASTE: unknown[][] = [
  ["Tabel 9. Tegevuste ajakava"],
  [],
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
    "01.01.2023- 31.12.2025",
    "01.01.2025",
    "31.12.2025",
    "93 988,53",
    "Tartu linn",
  ],
  ["Tartu piirkonnas."],
  [
    "3.5.2.1.1 KOV-s elava sihtrühma kaasamine",
    "01.01.2023- 31.12.2025",
    "01.01.2025",
    "31.12.2025",
    "5660,54",
    "Tartu linn",
  ],
  ["3.5.2.1.3.2 Infokogumik", "01.01.2023- 31.12.2025", "01.01.2025", "31.12.2025", "1 577,1S", "Tartu linn"],
];

function pasted() {
  const fake = createFakeExcel({ inputLocale: "et-EE", sheets: ["Leht1"] });
  fake.workbook.setCells("Leht1", "D5", PASTE);
  fake.workbook.setCells("Leht1", "A30", [["märkus väljaspool valikut"]]);
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context));
  return { fake, adapter };
}

async function select(fake: ReturnType<typeof createFakeExcel>, address: string): Promise<void> {
  fake.context.workbook.worksheets.getItem("Leht1").getRange(address).select();
  await fake.context.sync();
}

describe("readSelection → mapPastedRange, against the Excel fake", () => {
  it("reads a pasted table at D5 in 2 syncs and maps it", async () => {
    const { fake, adapter } = pasted();
    const header = fake.context.workbook.worksheets.getItem("Leht1").getRange("F7:G7");
    header.merge(false);
    await fake.context.sync();
    await select(fake, "D5:I12");

    const before = fake.stats.syncs;
    const selection = await adapter.readSelection();
    expect(fake.stats.syncs - before).toBe(2);
    expect(selection.sheet).toBe("Leht1");
    expect(selection.address).toBe("D5:I12");
    expect(selection.cells).toHaveLength(8);
    // The plan-period dates came in as dates: Excel read them so.
    expect(selection.cells[4][2]?.value).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(selection.cells[6][4]).toEqual({ value: 5660.54 });
    expect(selection.cells[2][3]).toBeNull();

    const topLeft = selection.address.split(":")[0];
    const mapping = mapPastedRange(selection.cells, { topLeft, sheet: selection.sheet });
    expect(mapping.header).toMatchObject({ row: 7, rows: 2 });
    expect(
      mapping.rows.map((row) => ({
        code: row.code,
        label: row.label,
        amount: row.amount?.toFixed(2) ?? null,
        amountText: row.amountText,
        frame: row.frame,
        plan: row.plan,
        planText: row.planText,
        line: row.line,
      })),
    ).toEqual([
      {
        code: "3.5.2.1",
        label: "Sihtrühmale teenuste arendamine ja pakkumine Tartu piirkonnas.",
        amount: "93988.53",
        amountText: "93 988,53",
        frame: FRAME_PERIOD,
        plan: PLAN_PERIOD,
        planText: "01.01.2025 – 31.12.2025",
        line: 9,
      },
      {
        code: "3.5.2.1.1",
        label: "KOV-s elava sihtrühma kaasamine",
        amount: "5660.54",
        amountText: "5\u00a0660,54",
        frame: FRAME_PERIOD,
        plan: PLAN_PERIOD,
        planText: "01.01.2025 – 31.12.2025",
        line: 11,
      },
      {
        code: "3.5.2.1.3.2",
        label: "Infokogumik",
        amount: null,
        amountText: "1 577,1S",
        frame: FRAME_PERIOD,
        plan: PLAN_PERIOD,
        planText: "01.01.2025 – 31.12.2025",
        line: 12,
      },
    ]);
    expect(mapping.diagnostics.map((d) => `${d.id}@${d.line}`)).toEqual(["unreadable-amount@12"]);
    expect(mapping.implementer).toEqual({ name: "Tartu linn", role: "partner" });
  });

  it("clips whole selected columns to the used range, still in 2 syncs", async () => {
    const { fake, adapter } = pasted();
    await select(fake, "D:I");
    const before = fake.stats.syncs;
    const selection = await adapter.readSelection();
    expect(fake.stats.syncs - before).toBe(2);
    // The used range runs from A5 (A30's note) to I30; the selection's part of it is D5:I30.
    expect(selection.address).toBe("D5:I30");
    expect(selection.cells).toHaveLength(26);
    const mapping = mapPastedRange(selection.cells, { topLeft: "D5", sheet: selection.sheet });
    expect(mapping.rows.map((row) => row.code)).toEqual(["3.5.2.1", "3.5.2.1.1", "3.5.2.1.3.2"]);
  });

  it("refuses a selection too large to map before Excel hands its cells over", async () => {
    const { fake, adapter } = pasted();
    // The officer's sheet runs to row 120 000 in column I: the whole columns D:I are 720 000 cells.
    fake.workbook.setCells("Leht1", "I120000", [["lõpp"]]);
    await select(fake, "D:I");
    fake.stats.reset();
    const refusal = await adapter.readSelection(refuseRangeIfTooLarge).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImportError);
    expect((refusal as ImportError).message).toContain("Valitud alas on 719 976 lahtrit; suurim lubatud on 100 000");
    // Only the selection and the used range were asked for: no request loaded the cells.
    expect(fake.stats.requests).toHaveLength(1);
    expect(fake.stats.largestResponseBytes).toBeLessThan(1000);
  });

  it("returns no cells for a selection outside the used range, in 1 sync", async () => {
    const { fake, adapter } = pasted();
    await select(fake, "M40:N41");
    const before = fake.stats.syncs;
    const selection = await adapter.readSelection();
    expect(fake.stats.syncs - before).toBe(1);
    expect(selection).toEqual({ sheet: "Leht1", address: "M40:N41", cells: [] });
    expect(mapPastedRange(selection.cells, { topLeft: "M40", sheet: "Leht1" }).diagnostics[0].id).toBe("no-header");
  });

  it("reads the active sheet's A1 when nothing was selected, as Excel's default selection", async () => {
    const { fake, adapter } = pasted();
    fake.workbook.setCells("Leht1", "A1", [["x"]]);
    const selection = await adapter.readSelection();
    expect(selection).toEqual({ sheet: "Leht1", address: "A1", cells: [[{ value: "x" }]] });
  });
});
