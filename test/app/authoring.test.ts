import Decimal from "decimal.js";
import { EditRefusedError, analysePlan, applyEdit, errorMessage, previewEdit, readWorkbookPlan } from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import { createFakeExcel } from "../../src/workbook/fake";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { planToWorkbook } from "../../src/workbook/write-plan";
import { fixtureText } from "../helpers";

/**
 * The editing use cases in Excel, as the task pane runs them: the Office adapter over the Excel fake, whose SUMs
 * compute from the cells. The preview reads once; applying writes every cell in one batch of 2 syncs.
 */
async function excelWithPlan() {
  const fake = createFakeExcel();
  const adapter = new OfficeWorkbookAdapter((batch) => batch(fake.context));
  await adapter.writeWorkbook(planToWorkbook(parseDirectiveText(fixtureText()).plan).workbook);
  const syncsOf = async <T>(operation: () => Promise<T>): Promise<{ result: T; syncs: number }> => {
    const before = fake.stats.syncs;
    const result = await operation();
    return { result, syncs: fake.stats.syncs - before };
  };
  return { fake, adapter, syncsOf };
}

describe("spreading a new total in Excel", () => {
  it("previews Tartu's 3.5.2.1.3 at 5 000 in one read, writes it in 2 syncs, and Excel's SUMs give 95 011,38", async () => {
    const { fake, adapter, syncsOf } = await excelWithPlan();
    const findingsBefore = analysePlan((await readWorkbookPlan(adapter)).result.plan).check.findings.length;
    const tartuCodes = fake.workbook.values("Tartu", "A5:A19").map((cells) => cells[0]);
    const rowOf = (code: string) => 5 + tartuCodes.indexOf(code);
    const edit = { kind: "spread" as const, implementer: "Tartu linn", code: "3.5.2.1.3", total: new Decimal(5000) };
    const preview = await syncsOf(() => previewEdit(adapter, edit));
    expect(preview.syncs).toBe(3);
    // Nothing is written by a preview.
    expect(fake.workbook.values("Tartu", `G${rowOf("3.5.2.1.3.1")}`)).toEqual([[2400]]);
    expect(
      preview.result.totals.map((line) => [line.implementer, line.before?.toFixed(2), line.after?.toFixed(2)]),
    ).toEqual([["Tartu linn", "93988.53", "95011.38"]]);
    const applied = await syncsOf(() => applyEdit(adapter, preview.result));
    expect(applied.syncs).toBe(2);
    expect(fake.workbook.values("Tartu", `G${rowOf("3.5.2.1.3.1")}:G${rowOf("3.5.2.1.3.2")}`)).toEqual([
      [3017.24],
      [1982.76],
    ]);
    // The parents' SUMs are still formulas, and compute the new totals.
    expect(fake.workbook.formula("Tartu", `G${rowOf("3.5.2.1.3")}`)).toMatch(/^=SUM\(/);
    expect(fake.workbook.values("Tartu", `G${rowOf("3.5.2.1")}`)).toEqual([[95011.38]]);
    expect(fake.workbook.values("Tartu", `H${rowOf("3.5.2.1")}`)).toEqual([[95011.38]]);
    const koond = fake.workbook.values("Koond", "A5:F14");
    expect(koond.find((cells) => cells[0] === "Tartu linn")?.slice(3)).toEqual([95011.38, 95011.38, 0]);
    // A check afterwards finds nothing the edit made.
    const after = analysePlan((await readWorkbookPlan(adapter)).result.plan).check.findings;
    expect(after.length).toBe(findingsBefore);
    expect(after.filter((finding) => finding.implementer === "Tartu linn" && finding.category === "sums")).toEqual([]);
  });

  it("refuses, in the officer's language, what cannot be met, and writes nothing", async () => {
    const { fake, adapter } = await excelWithPlan();
    const before = fake.workbook.snapshot();
    const refused = previewEdit(adapter, {
      kind: "spread",
      implementer: "Tartu",
      code: "3.5.2.1.3",
      total: new Decimal(-5),
    });
    await expect(refused).rejects.toBeInstanceOf(EditRefusedError);
    const error = await refused.catch((caught: unknown) => caught);
    expect(errorMessage(error, "et").replace(/\u00a0/g, " ")).toBe("Uus summa -5,00 on negatiivne.");
    expect(errorMessage(error, "en")).toBe("The new total -5.00 is negative.");
    expect(fake.workbook.snapshot()).toEqual(before);
  });
});
