import { checkAndMark, checkWorkbook } from "../../src/app";
import { createFakeExcel } from "../../src/workbook/fake";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { TARTU_FIRST_ROW } from "../cli/tartu-workbook";
import { officerWorkbook } from "./officer-workbook";

/**
 * The pane's Kontrolli and the ribbon's on an open workbook without our Seaded sheet (issue 15, item 6): an officer
 * typed Tartu's schedule into a sheet of their own. Over the Excel fake, through the Office adapter, as in Excel.
 */

describe("Kontrolli on an officer's own workbook", () => {
  it("checks Tartu's table like the text (no findings), in the 3 syncs of any check", async () => {
    const { fake, adapter } = await officerWorkbook();
    fake.stats.reset();
    const outcome = await checkWorkbook(adapter, { mark: true });
    expect(fake.stats.syncs).toBe(3);
    expect(outcome.result.findings).toEqual([]);
    expect(
      outcome.result.totals.map((line) => [line.implementer, line.declared?.toFixed(2), line.computed?.toFixed(2)]),
    ).toEqual([["Tartu linn", "93988.53", "93988.53"]]);
    expect(outcome.diagnostics.map((diagnostic) => diagnostic.id)).toEqual(["hidden-sheet"]);
  });

  it("marks a fault on the officer's own cell: the section's amount in column D, not our layout's G", async () => {
    const { fake, adapter } = await officerWorkbook({ "3.5.2.1.3.2": 1577.16 });
    fake.stats.reset();
    const { counts, marked } = await checkAndMark(adapter);
    expect(fake.stats.syncs).toBe(3);
    expect([counts, marked]).toEqual([{ error: 1, warning: 0, info: 0 }, 1]);
    const { result } = await checkWorkbook(adapter, { mark: false });
    expect(
      result.findings.map((finding) => [finding.rule, finding.code, finding.position.sheet, finding.position.cell]),
    ).toEqual([["sum-mismatch", "3.5.2.1.3", "Tartu 2025", `D${TARTU_FIRST_ROW + 7}`]]);
  });

  it("refuses a workbook with no schedule table before marking anything", async () => {
    const fake = createFakeExcel();
    fake.context.workbook.worksheets.add("Eelarve").getRange("A1:B2").values = [
      ["Kulu", "Summa"],
      ["Rent", 1200],
    ];
    await fake.context.sync();
    const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context));
    await expect(checkAndMark(adapter)).rejects.toMatchObject({
      message: expect.stringMatching(/^Töövihikus ei ole ühtegi tegevuste ajakava tabelit/),
      messageEn: expect.stringMatching(/^The workbook holds no schedule table/),
    });
  });

  it("takes a sheet holding formatting only for an empty one, not for a sheet without a table", async () => {
    const { fake, adapter } = await officerWorkbook();
    // A sheet prepared for later: filled, bordered, no value. Excel's used range reaches the formatted cells.
    const prepared = fake.context.workbook.worksheets.add("Kujundus");
    prepared.getRange("B2:AZ500").format.fill.color = "#FFFF00";
    const used = prepared.getUsedRangeOrNullObject().load("address");
    await fake.context.sync();
    expect(used.address).toBe("Kujundus!B2:AZ500");
    const { result, diagnostics } = await checkWorkbook(adapter, { mark: false });
    expect([result.findings, diagnostics.map((diagnostic) => diagnostic.id)]).toEqual([[], ["hidden-sheet"]]);
    expect(result.totals.map((line) => line.implementer)).toEqual(["Tartu linn"]);
  });
});
