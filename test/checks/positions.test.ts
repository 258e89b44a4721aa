import { RULES, runChecks } from "../../src/checks";
import { missingPersonnel } from "../../src/checks/rules/missing-personnel";
import { indicatorTargetDecrease } from "../../src/checks/rules/indicator-target-decrease";
import { ActionPlan } from "../../src/model/plan";
import { locateFindings } from "../../src/workbook/layout";
import { elluviija, partner, personnel, plan, row } from "./plan-builder";

/** The rows as the workbook reader gives them: each on its sheet, from row 5 (the header is row 4). */
function onSheets(source: ActionPlan, names: string[]): ActionPlan {
  source.implementers.forEach((implementer, index) => {
    implementer.rows.forEach((schedule, at) => {
      schedule.sheet = {
        name: names[index],
        row: 5 + at,
        amountCell: `G${5 + at}`,
        amountIsFormula: false,
        shownAmount: schedule.amount,
      };
    });
  });
  return source;
}

/**
 * Where findings about no single row stand once the plan is read from a workbook: the whole schedule's at its
 * table's header (the implementer has no top row to point at), an indicator's at its 2029 target on Näitajad.
 */
describe("findings about no schedule row, read from a workbook", () => {
  it("the implementer without personnel (and without a top row) is placed at its schedule's header", () => {
    const source = onSheets(plan([elluviija([row("3.5.1.1", "10"), row("3.5.1.2", "20")])]), ["ELVL"]);
    const [finding] = locateFindings(runChecks(source, [missingPersonnel]).findings);
    expect(finding.position).toEqual({ line: null, sheet: "ELVL", cell: "A4" });
    expect([finding.message, finding.messageEn]).toEqual([
      "Ajakavas puudub otseste personalikulude rida.",
      "The schedule has no direct personnel cost row.",
    ]);
  });

  it("a partner without personnel is placed at its top row's code", () => {
    const source = onSheets(plan([partner("Tartu linn", null, [row("3.5.2.1", "10"), row("3.5.2.1.1", "10")])]), [
      "Tartu",
    ]);
    const [finding] = locateFindings(runChecks(source, [missingPersonnel]).findings);
    expect(finding.position).toEqual({ line: null, sheet: "Tartu", row: 5, column: "code", cell: "A5" });
  });

  it("the same plan from a document keeps the line of the schedule's first row", () => {
    const source = plan([elluviija([row("3.5.1.1", "10", { line: 90 }), row("3.5.1.2", "20")])]);
    const [finding] = locateFindings(runChecks(source, [missingPersonnel]).findings);
    expect(finding.position).toEqual({ line: 90 });
  });

  it("an indicator read from Näitajad is placed at its 2029 target's cell, the document's line dropped", () => {
    const source = plan([elluviija([personnel("1")])], {
      indicators: [
        { target: "8", target2029: "7", line: 72, sheet: { name: "Näitajad", row: 5, target2029Cell: "E5" } },
      ],
    });
    const [finding] = locateFindings(runChecks(source, [indicatorTargetDecrease]).findings);
    expect(finding.position).toEqual({ line: null, sheet: "Näitajad", row: 5, cell: "E5" });
  });

  it("rows a finding relates to carry their code cells, not their lines", () => {
    const source = onSheets(
      plan([partner("Tartu linn", null, [row("3.5.2.1", "30"), row("3.5.2.1.1", "10"), personnel("10")])]),
      ["Tartu"],
    );
    const sum = locateFindings(runChecks(source, RULES).findings).find((each) => each.rule === "total-mismatch")!;
    expect(sum.message).toBe(
      "Rea 3.5.2.1 kogusumma 30,00 € ei võrdu tegevuste ja personalikulude summaga 20,00 € (vahe -10,00 €).",
    );
    expect(sum.related.map((related) => [related.code, related.sheet, related.cell, related.line])).toEqual([
      ["3.5.2.1.1", "Tartu", "A6", null],
      [null, "Tartu", "A7", null],
    ]);
  });
});
