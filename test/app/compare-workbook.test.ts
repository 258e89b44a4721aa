import Decimal from "decimal.js";
import {
  ImportError,
  WorkbookServices,
  changeMarks,
  comparePlanVersions,
  workbookPlanOf,
  workbookServices,
} from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import { MARK_FILL } from "../../src/workbook/marks";
import { createFakeExcel, FakeExcel } from "../../src/workbook/fake";
import { ExcelContext } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { TARTU_FIRST_ROW } from "../cli/tartu-workbook";
import { fixtureText } from "../helpers";
import { officerWorkbook } from "./officer-workbook";

/**
 * The pane's comparison (issue 18, item 3): the open workbook, amended in Excel, against the approved directive the
 * officer chooses; the Muudatused sheet written into the workbook and the changed cells marked in their own colour.
 * Over the Excel fake, through the Office adapter, as in Excel.
 */

jest.setTimeout(60_000);

const LILAC = MARK_FILL.change;

function servicesOver(fake: FakeExcel): WorkbookServices {
  return workbookServices(new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext)));
}

/** The fixture imported, then amended in the workbook: Tartu's 3.5.2.1.3 spread to 5 000, an item of 200 added. */
async function amendedWorkbook(): Promise<{ fake: FakeExcel; services: WorkbookServices }> {
  const fake = createFakeExcel();
  const services = servicesOver(fake);
  await services.importPlan(await services.previewText(fixtureText()), {});
  await services.applyEdit(
    await services.previewEdit({
      kind: "spread",
      implementer: "Tartu linn",
      code: "3.5.2.1.3",
      total: new Decimal("5000"),
      mode: "proportional",
    }),
  );
  await services.applyEdit(
    await services.previewEdit({
      kind: "add",
      implementer: "Tartu linn",
      under: "3.5.2.1.3",
      label: "Uus infokampaania",
      amount: new Decimal("200"),
    }),
  );
  return { fake, services };
}

const listed = (changes: ReadonlyArray<{ change: string; code: string; fields: Array<{ field: string }> }>) =>
  changes.map((change) => [change.change, change.code, change.fields.map((field) => field.field).join(",")]);

const lilacRules = (fake: FakeExcel, sheet: string) =>
  fake.workbook
    .conditionalFormatList(sheet)
    .filter((rule) => rule.fill === LILAC)
    .map((rule) => `${rule.ranges.join(",")} ${rule.formula}`)
    .sort();

describe("comparing the open workbook with the approved directive", () => {
  test("lists the spread and the added item against the directive's text; nothing is written", async () => {
    const { fake, services } = await amendedWorkbook();
    const before = fake.workbook.snapshot();
    const { comparison, approved, diagnostics } = await services.compareWith({ kind: "text", text: fixtureText() });
    expect(fake.workbook.snapshot()).toEqual(before);
    expect(approved.plan.implementers).toHaveLength(9);
    expect(diagnostics).toEqual([]);
    expect(listed(comparison.changes)).toEqual([
      ["changed", "3.5.2.1", "amount"],
      ["changed", "3.5.2.1.3", "amount"],
      ["changed", "3.5.2.1.3.1", "amount"],
      ["changed", "3.5.2.1.3.2", "amount"],
      ["added", "3.5.2.1.3.3", ""],
    ]);
    // 2 400 and 1 577,15 spread to 5 000 in proportion: 3 017,24 and 1 982,76; then 200 added.
    expect(comparison.changes.map((change) => change.difference.toFixed(2))).toEqual([
      "1222.85",
      "1222.85",
      "617.24",
      "405.61",
      "200.00",
    ]);
    expect(comparison.changes.map((change) => change.countedDifference.toFixed(2))).toEqual([
      "0.00",
      "0.00",
      "617.24",
      "405.61",
      "200.00",
    ]);
    const tartu = comparison.totals.find((total) => total.implementer === "Tartu linn")!;
    expect([tartu.before?.toFixed(2), tartu.after?.toFixed(2), tartu.difference.toFixed(2)]).toEqual([
      "93988.53",
      "95211.38",
      "1222.85",
    ]);
    expect(comparison.grandTotal.difference.toFixed(2)).toBe("1222.85");
    // Each row that is still there knows its place on the sheet, for the marks and the pane's links.
    expect(comparison.changes.map((change) => [change.at?.sheet?.name, change.at?.sheet?.amountCell])).toEqual([
      ["Tartu", "G5"],
      ["Tartu", "G12"],
      ["Tartu", "G13"],
      ["Tartu", "G14"],
      ["Tartu", "G15"],
    ]);
  });

  test("writes Muudatused and marks the changed cells lilac, the check's marks kept beside them", async () => {
    const { fake, services } = await amendedWorkbook();
    const approved = parseDirectiveText(fixtureText()).plan;
    const written = await services.writeChanges(approved, { mark: true });
    expect([written.sheet, written.replaced, written.reasonsKept]).toEqual(["Muudatused", false, 0]);
    // The four amounts, and the added row's eight shown cells (code to responsible, not the document's figure).
    expect(written.changedCells).toBe(12);
    expect(lilacRules(fake, "Tartu")).toEqual(
      [
        ...["3.5.2.1", "3.5.2.1.3", "3.5.2.1.3.1", "3.5.2.1.3.2"].map((code) => `G5:G19 ${keyed(code)}`),
        ...["A", "B", "C", "D", "E", "F", "G", "I"].map((column) => `${column}5:${column}19 ${keyed("3.5.2.1.3.3")}`),
      ].sort(),
    );
    for (const sheet of fake.workbook.sheetNames()) {
      if (sheet !== "Tartu") expect(lilacRules(fake, sheet)).toEqual([]);
    }
    // The rules that are not lilac are exactly those the check makes on this workbook.
    const others = () =>
      fake.workbook
        .sheetNames()
        .flatMap((sheet) =>
          fake.workbook
            .conditionalFormatList(sheet)
            .filter((rule) => rule.fill !== LILAC)
            .map((rule) => `${sheet} ${rule.ranges.join(",")} ${rule.formula} ${rule.fill}`),
        )
        .sort();
    const besideChanges = others();
    const check = await services.check({ mark: true });
    expect(others()).toEqual(besideChanges);
    expect(written.marked).toBe(check.marked + written.changedCells);
    // The change table as the explanatory note has it, after the totals of every implementer.
    expect(fake.workbook.values("Muudatused", "A3:I8")).toEqual([
      ["Elluviija / partner", "Kood", "Kood enne", "Tegevus", "Muutus", "Enne", "Pärast", "Vahe", "Põhjendus"],
      [
        "Tartu linn",
        "3.5.2.1",
        "3.5.2.1",
        expect.stringMatching(/^Sihtrühmale/),
        "muudetud: summa",
        93988.53,
        95211.38,
        expect.closeTo(1222.85, 6),
        "",
      ],
      [
        "Tartu linn",
        "3.5.2.1.3",
        "3.5.2.1.3",
        "Tõhusa kommunikatsiooni tagamine sihtrühmale.",
        "muudetud: summa",
        3977.15,
        5200,
        expect.closeTo(1222.85, 6),
        "",
      ],
      [
        "Tartu linn",
        "3.5.2.1.3.1",
        "3.5.2.1.3.1",
        expect.stringMatching(/^Tegevused info/),
        "muudetud: summa",
        2400,
        3017.24,
        expect.closeTo(617.24, 6),
        "",
      ],
      [
        "Tartu linn",
        "3.5.2.1.3.2",
        "3.5.2.1.3.2",
        expect.stringMatching(/^„Abiks tartlasele“/),
        "muudetud: summa",
        1577.15,
        1982.76,
        expect.closeTo(405.61, 6),
        "",
      ],
      ["Tartu linn", "3.5.2.1.3.3", "", "Uus infokampaania", "lisatud", "", 200, 200, ""],
    ]);
    expect(fake.workbook.values("Muudatused", "A20:D20")).toEqual([
      ["Kokku", 1266860.75, 1268083.6, expect.closeTo(1222.85, 6)],
    ]);
    // "Eemalda märgid" takes the lilac marks off with the check's.
    await services.check({ mark: true });
    await services.writeChanges(approved, { mark: true });
    await services.clearMarks();
    for (const sheet of fake.workbook.sheetNames()) expect(fake.workbook.conditionalFormatList(sheet)).toEqual([]);
  });

  test("writing again replaces the sheet in its place and keeps the reasons the officer wrote", async () => {
    const { fake, services } = await amendedWorkbook();
    const approved = parseDirectiveText(fixtureText()).plan;
    await services.writeChanges(approved, { mark: false });
    const sheets = fake.workbook.sheetNames();
    fake.context.workbook.worksheets.getItem("Muudatused").getRange("I8").values = [["Volikogu otsus nr 12"]];
    fake.context.workbook.worksheets.getItem("Muudatused").getRange("I6").values = [["Trükihinnad tõusid"]];
    await fake.context.sync();
    const again = await services.writeChanges(approved, { mark: false });
    expect([again.replaced, again.reasonsKept]).toEqual([true, 2]);
    expect(fake.workbook.sheetNames()).toEqual(sheets);
    expect(fake.workbook.values("Muudatused", "B4:I8").map((row) => [row[0], row[7]])).toEqual([
      ["3.5.2.1", ""],
      ["3.5.2.1.3", ""],
      ["3.5.2.1.3.1", "Trükihinnad tõusid"],
      ["3.5.2.1.3.2", ""],
      ["3.5.2.1.3.3", "Volikogu otsus nr 12"],
    ]);
    // Without marking nothing is marked.
    for (const sheet of fake.workbook.sheetNames()) expect(fake.workbook.conditionalFormatList(sheet)).toEqual([]);
  });

  test("a workbook without a plan is refused before anything is written", async () => {
    const fake = createFakeExcel();
    const services = servicesOver(fake);
    const before = fake.workbook.snapshot();
    await expect(services.compareWith({ kind: "text", text: fixtureText() })).rejects.toThrow(ImportError);
    await expect(services.writeChanges(parseDirectiveText(fixtureText()).plan, { mark: true })).rejects.toThrow(
      ImportError,
    );
    expect(fake.workbook.snapshot()).toEqual(before);
  });
});

const keyed = (code: string) => `=AND(N("tat-budget")=0,$A5="${code}")`;

describe("marking the changes on an officer's own table", () => {
  test("the changed amount is marked in the table's own amount column, on its own row", async () => {
    const { adapter } = await officerWorkbook({ "3.5.2.1.3.2": 1677.15, "3.5.2.1.3": 4077.15, "3.5.2.1": 94088.53 });
    const { result, tables } = workbookPlanOf(await adapter.readWorkbook());
    const approved = parseDirectiveText(fixtureText()).plan;
    const comparison = comparePlanVersions(approved, result.plan);
    // Only Tartu is in the officer's workbook: the other eight are removed, with no cell to mark.
    expect(comparison.implementers.filter((change) => change.change === "removed")).toHaveLength(8);
    const tartu = comparison.changes.filter((change) => change.implementer === "Tartu linn");
    expect(listed(tartu)).toEqual([
      ["changed", "3.5.2.1", "amount"],
      ["changed", "3.5.2.1.3", "amount"],
      ["changed", "3.5.2.1.3.2", "amount"],
    ]);
    // The amount is the table's third column (D); 3.5.2.1 stands on its first row, 3.5.2.1.3 seven rows down.
    expect(
      changeMarks(comparison, tables).map((mark) => [mark.severity, mark.position.sheet, mark.position.cell]),
    ).toEqual([
      ["change", "Tartu 2025", `D${TARTU_FIRST_ROW}`],
      ["change", "Tartu 2025", `D${TARTU_FIRST_ROW + 7}`],
      ["change", "Tartu 2025", `D${TARTU_FIRST_ROW + 9}`],
    ]);
  });
});
