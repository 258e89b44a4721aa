import Decimal from "decimal.js";
import fc from "fast-check";
import { parseDirectiveText } from "../../src/import/text";
import { EditOutcome, addRow, moveAmount, removeRow, spreadTotal } from "../../src/model/authoring";
import { CalendarDate, Period } from "../../src/model/calendar-date";
import { PlanComparison, comparePlans } from "../../src/model/compare";
import { buildTree } from "../../src/model/hierarchy";
import { Money, sumMoney } from "../../src/model/money";
import { ActionPlan, Implementer, ScheduleRow } from "../../src/model/plan";
import { fixtureText } from "../helpers";

const euro = (text: string): Money => new Decimal(text);

function edited(outcome: EditOutcome): ActionPlan {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason.en}`);
  return outcome.plan;
}

function period(start: string, end: string): Period {
  return { start: CalendarDate.parseIso(start)!, end: CalendarDate.parseIso(end)! };
}

function withImplementer(plan: ActionPlan, name: string, edit: (implementer: Implementer) => Implementer): ActionPlan {
  return {
    ...plan,
    implementers: plan.implementers.map((implementer) => (implementer.name === name ? edit(implementer) : implementer)),
  };
}

/** The changes in a form a reader checks at a glance: implementer, kind, code, old code, fields, difference. */
const listed = (comparison: PlanComparison) =>
  comparison.changes.map((change) => [
    change.implementer,
    change.change,
    change.code,
    change.codeBefore,
    change.fields.map((field) => field.field).join(","),
    change.difference.toFixed(2),
  ]);

const totalOf = (comparison: PlanComparison, name: string) => {
  const total = comparison.totals.find((entry) => entry.implementer === name)!;
  return [total.before?.toFixed(2) ?? null, total.after?.toFixed(2) ?? null, total.difference.toFixed(2)];
};

/** The invariant of the comparison: the rows' counted differences add up exactly to the totals' difference. */
function expectRowsAddUp(comparison: PlanComparison): void {
  expect(sumMoney(comparison.changes.map((change) => change.countedDifference)).toFixed()).toBe(
    comparison.grandTotal.difference.toFixed(),
  );
  for (const total of comparison.totals) {
    const rows = comparison.changes.filter((change) => change.implementer === total.implementer);
    expect(sumMoney(rows.map((change) => change.countedDifference)).toFixed()).toBe(total.difference.toFixed());
  }
}

describe("comparing versions of the bundled directive's plan", () => {
  const plan = parseDirectiveText(fixtureText()).plan;

  test("a plan compared with itself has no changes, and its totals are the directive's", () => {
    const same = comparePlans(plan, parseDirectiveText(fixtureText()).plan);
    expect(same.changes).toEqual([]);
    expect(same.implementers).toEqual([]);
    expect(same.partnerships).toEqual([]);
    expect(same.indicators).toEqual([]);
    expect(totalOf(same, "Tartu linn")).toEqual(["93988.53", "93988.53", "0.00"]);
    expect(same.grandTotal.difference.toFixed(2)).toBe("0.00");
  });

  test("an amount raised with its parents: the leaves count, the parents are listed but not counted", () => {
    const after = edited(spreadTotal(plan, { implementer: "Tartu linn", code: "3.5.2.1.3.1", total: euro("2600") }));
    const comparison = comparePlans(plan, after);
    expect(listed(comparison)).toEqual([
      ["Tartu linn", "changed", "3.5.2.1", "3.5.2.1", "amount", "200.00"],
      ["Tartu linn", "changed", "3.5.2.1.3", "3.5.2.1.3", "amount", "200.00"],
      ["Tartu linn", "changed", "3.5.2.1.3.1", "3.5.2.1.3.1", "amount", "200.00"],
    ]);
    expect(comparison.changes.map((change) => change.countedDifference.toFixed(2))).toEqual(["0.00", "0.00", "200.00"]);
    expect(comparison.changes[2].amountBefore?.toFixed(2)).toBe("2400.00");
    expect(comparison.changes[2].amountAfter?.toFixed(2)).toBe("2600.00");
    expect(totalOf(comparison, "Tartu linn")).toEqual(["93988.53", "94188.53", "200.00"]);
    expect(comparison.grandTotal.difference.toFixed(2)).toBe("200.00");
    expectRowsAddUp(comparison);
  });

  test("a row removed without renumbering: the row removed, its parents lowered", () => {
    const after = edited(removeRow(plan, { implementer: "Tartu linn", code: "3.5.2.1.3.2" }));
    const comparison = comparePlans(plan, after);
    expect(listed(comparison)).toEqual([
      ["Tartu linn", "changed", "3.5.2.1", "3.5.2.1", "amount", "-1577.15"],
      ["Tartu linn", "changed", "3.5.2.1.3", "3.5.2.1.3", "amount", "-1577.15"],
      ["Tartu linn", "removed", "3.5.2.1.3.2", "3.5.2.1.3.2", "", "-1577.15"],
    ]);
    expect(totalOf(comparison, "Tartu linn")).toEqual(["93988.53", "92411.38", "-1577.15"]);
    expectRowsAddUp(comparison);
  });

  test("a row removed with its later siblings renumbered: each is one renumbering, not a removal and an addition", () => {
    // Tartu's 3.5.2.1.3 (3 977,15) goes; 3.5.2.1.4 and 3.5.2.1.5 with their items take the numbers one lower.
    const after = edited(removeRow(plan, { implementer: "Tartu linn", code: "3.5.2.1.3", renumber: true }));
    const comparison = comparePlans(plan, after);
    expect(listed(comparison)).toEqual([
      ["Tartu linn", "changed", "3.5.2.1", "3.5.2.1", "amount", "-3977.15"],
      ["Tartu linn", "removed", "3.5.2.1.3", "3.5.2.1.3", "", "-3977.15"],
      ["Tartu linn", "removed", "3.5.2.1.3.1", "3.5.2.1.3.1", "", "-2400.00"],
      ["Tartu linn", "removed", "3.5.2.1.3.2", "3.5.2.1.3.2", "", "-1577.15"],
      ["Tartu linn", "renumbered", "3.5.2.1.3", "3.5.2.1.4", "code", "0.00"],
      ["Tartu linn", "renumbered", "3.5.2.1.3.1", "3.5.2.1.4.1", "code", "0.00"],
      ["Tartu linn", "renumbered", "3.5.2.1.4", "3.5.2.1.5", "code", "0.00"],
      ["Tartu linn", "renumbered", "3.5.2.1.4.1", "3.5.2.1.5.1", "code", "0.00"],
    ]);
    // The removed parent's amount is in its items: only they count.
    expect(comparison.changes[1].countedDifference.toFixed(2)).toBe("0.00");
    expect(totalOf(comparison, "Tartu linn")).toEqual(["93988.53", "90011.38", "-3977.15"]);
    expectRowsAddUp(comparison);
  });

  test("an item inserted in the middle with its siblings renumbered", () => {
    // By hand, as an amendment does it: a new 3.5.2.1.3.2 of 500 between .1 and the old .2, which becomes .3.
    const after = withImplementer(plan, "Tartu linn", (tartu) => {
      const at = tartu.rows.findIndex((row) => row.code === "3.5.2.1.3.2");
      const old = tartu.rows[at];
      const inserted: ScheduleRow = { ...old, label: "Uus infokampaania.", amount: euro("500"), amountText: "500,00" };
      const rows = [...tartu.rows.slice(0, at), inserted, { ...old, code: "3.5.2.1.3.3", printedCode: "3.5.2.1.3.3." }];
      rows.push(...tartu.rows.slice(at + 1));
      return {
        ...tartu,
        rows: rows.map((row) =>
          row.code === "3.5.2.1.3" || row.code === "3.5.2.1"
            ? { ...row, amount: row.amount!.plus(500), amountText: null }
            : row,
        ),
      };
    });
    const comparison = comparePlans(plan, after);
    expect(listed(comparison)).toEqual([
      ["Tartu linn", "changed", "3.5.2.1", "3.5.2.1", "amount", "500.00"],
      ["Tartu linn", "changed", "3.5.2.1.3", "3.5.2.1.3", "amount", "500.00"],
      ["Tartu linn", "added", "3.5.2.1.3.2", null, "", "500.00"],
      ["Tartu linn", "renumbered", "3.5.2.1.3.3", "3.5.2.1.3.2", "code", "0.00"],
    ]);
    expect(comparison.changes[3].fields).toEqual([{ field: "code", before: "3.5.2.1.3.2", after: "3.5.2.1.3.3" }]);
    expect(totalOf(comparison, "Tartu linn")).toEqual(["93988.53", "94488.53", "500.00"]);
    expectRowsAddUp(comparison);
  });

  test("a period moved: the plan period and frame of one row, nothing else", () => {
    const after = withImplementer(plan, "Tartu linn", (tartu) => ({
      ...tartu,
      rows: tartu.rows.map((row) =>
        row.code === "3.5.2.1.3.2"
          ? { ...row, plan: period("2025-03-01", "2025-06-30"), frame: period("2023-01-01", "2026-12-31") }
          : row,
      ),
    }));
    const comparison = comparePlans(plan, after);
    expect(listed(comparison)).toEqual([["Tartu linn", "changed", "3.5.2.1.3.2", "3.5.2.1.3.2", "frame,plan", "0.00"]]);
    const original = plan.implementers[1].rows.find((row) => row.code === "3.5.2.1.3.2")!;
    expect(comparison.changes[0].fields[1]).toEqual({
      field: "plan",
      before: original.plan,
      after: period("2025-03-01", "2025-06-30"),
    });
    expect(comparison.grandTotal.difference.toFixed(2)).toBe("0.00");
  });

  test("an agreement extended: one partnership change, no row change", () => {
    const after = withImplementer(plan, "Jõhvi vald", (johvi) => ({
      ...johvi,
      partnership: period("2025-01-01", "2028-12-31"),
    }));
    const comparison = comparePlans(plan, after);
    expect(comparison.changes).toEqual([]);
    expect(comparison.partnerships).toEqual([
      {
        implementer: "Jõhvi vald",
        before: period("2025-01-01", "2026-12-31"),
        after: period("2025-01-01", "2028-12-31"),
      },
    ]);
  });

  test("an implementer added: listed, with its rows added and its total counted", () => {
    const before = { ...plan, implementers: plan.implementers.filter((each) => each.name !== "Jõhvi vald") };
    const comparison = comparePlans(before, plan);
    expect(comparison.implementers).toEqual([{ implementer: "Jõhvi vald", change: "added" }]);
    const johvi = plan.implementers.find((each) => each.name === "Jõhvi vald")!;
    expect(comparison.changes.every((change) => change.implementer === "Jõhvi vald" && change.change === "added")).toBe(
      true,
    );
    expect(comparison.changes).toHaveLength(johvi.rows.length);
    const declared = buildTree(johvi).top!.row.amount!;
    const [totalBefore, totalAfter, difference] = totalOf(comparison, "Jõhvi vald");
    expect([totalBefore, totalAfter, difference]).toEqual([null, declared.toFixed(2), declared.toFixed(2)]);
    expect(comparison.grandTotal.difference.toFixed(2)).toBe(declared.toFixed(2));
    expectRowsAddUp(comparison);
    // And the other way round.
    expect(comparePlans(plan, before).implementers).toEqual([{ implementer: "Jõhvi vald", change: "removed" }]);
  });

  test("an indicator's targets changed", () => {
    const after = {
      ...plan,
      indicators: plan.indicators.map((row, index) => (index === 0 ? { ...row, target2029: "9" } : row)),
    };
    expect(comparePlans(plan, after).indicators).toEqual([
      {
        name: "KOV koordinaatorite arv",
        unit: "Arv",
        table: 2,
        before: { target: "8", target2029: "7" },
        after: { target: "8", target2029: "9" },
      },
    ]);
  });

  test("a label reworded in place is a change of the label, not a removal and an addition", () => {
    const after = withImplementer(plan, "Tartu linn", (tartu) => ({
      ...tartu,
      rows: tartu.rows.map((row) => (row.code === "3.5.2.1.5.1" ? { ...row, label: "Võrgustikutöö." } : row)),
    }));
    expect(listed(comparePlans(plan, after))).toEqual([
      ["Tartu linn", "changed", "3.5.2.1.5.1", "3.5.2.1.5.1", "label", "0.00"],
    ]);
  });

  test("an item of 0 added under a leaf of 2 400: the leaf becomes a parent of 0, its 2 400 leaves the totals", () => {
    const after = edited(
      addRow(plan, { implementer: "Tartu linn", under: "3.5.2.1.3.1", label: "Osa", amount: euro("0") }),
    );
    // The parent follows its one item (0), as a SUM would: the 2 400 is counted away on the row that held it.
    const comparison = comparePlans(plan, after);
    expectRowsAddUp(comparison);
    expect(
      comparison.changes.map((change) => [change.change, change.code, change.countedDifference.toFixed(2)]),
    ).toEqual([
      ["changed", "3.5.2.1", "0.00"],
      ["changed", "3.5.2.1.3", "0.00"],
      ["changed", "3.5.2.1.3.1", "-2400.00"],
      ["added", "3.5.2.1.3.1.1", "0.00"],
    ]);
  });

  test("for any sequence of edits, the rows' counted differences add up to the totals' difference", () => {
    const tartuCodes = buildTree(plan.implementers[1])
      .nodes.map((node) => node.code)
      .filter((code): code is string => code !== null && code !== "3.5.2.1");
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant("spread"),
        code: fc.constantFrom(...tartuCodes),
        cents: fc.integer({ min: 0, max: 1e7 }),
      }),
      fc.record({
        kind: fc.constant("add"),
        code: fc.constantFrom(...tartuCodes),
        cents: fc.integer({ min: 0, max: 1e6 }),
      }),
      fc.record({ kind: fc.constant("remove"), code: fc.constantFrom(...tartuCodes), renumber: fc.boolean() }),
      fc.record({
        kind: fc.constant("move"),
        code: fc.constantFrom(...tartuCodes),
        cents: fc.integer({ min: 1, max: 1e5 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        let current = plan;
        for (const step of edits) {
          const amount = "cents" in step ? new Decimal(step.cents).dividedBy(100) : new Decimal(0);
          const outcome =
            step.kind === "spread"
              ? spreadTotal(current, { implementer: "Tartu linn", code: step.code, total: amount })
              : step.kind === "add"
                ? addRow(current, { implementer: "Tartu linn", under: step.code, label: "Uus", amount })
                : step.kind === "remove"
                  ? removeRow(current, { implementer: "Tartu linn", code: step.code, renumber: step.renumber })
                  : moveAmount(current, {
                      implementer: "Tartu linn",
                      from: step.code,
                      to: "3.5.2.1.1.2",
                      toImplementer: "Pärnu linn",
                      amount,
                    });
          if (outcome.ok) current = outcome.plan;
        }
        const comparison = comparePlans(plan, current);
        expectRowsAddUp(comparison);
        expect(comparePlans(current, current).changes).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("a label repeated under every section", () => {
  const row = (code: string, label: string, amount: number): ScheduleRow => ({
    code,
    printedCode: code,
    codeStyle: "dotted",
    label,
    kind: "activity",
    amount: new Decimal(amount),
    amountText: null,
    frame: null,
    frameText: null,
    plan: null,
    planText: null,
    responsible: "Näidis",
    line: 0,
    table: 1,
  });

  test("removing the first section renumbers the others' items as one change each, none paired across sections", () => {
    // Four sections of five items; items 2 and 4 of each are called alike, as "Osalemine võrgustikutöös" is.
    const rows = [row("3.5.2.1", "Kokku", 4 * 5 * 10)];
    for (let section = 1; section <= 4; section++) {
      rows.push(row(`3.5.2.1.${section}`, `Osa ${section}`, 50));
      for (let item = 1; item <= 5; item++) {
        rows.push(row(`3.5.2.1.${section}.${item}`, item % 2 === 0 ? "Sama nimi" : `Tegevus ${section}.${item}`, 10));
      }
    }
    const plan: ActionPlan = {
      planPeriod: null,
      directive: { number: null, date: null, activityName: null, tat: null },
      indicators: [],
      implementers: [{ name: "Näidis vald", role: "partner", aliases: [], tables: [1], partnership: null, rows }],
    };
    const after = edited(removeRow(plan, { implementer: "Näidis vald", code: "3.5.2.1.1", renumber: true }));
    const comparison = comparePlans(plan, after);
    const kinds = comparison.changes.map((change) => change.change);
    expect(kinds.filter((kind) => kind === "removed")).toHaveLength(6);
    expect(kinds.filter((kind) => kind === "renumbered")).toHaveLength(18);
    expect(kinds.filter((kind) => kind === "changed")).toHaveLength(1);
    // Each renumbered row keeps its place: 3.5.2.1.3.4 becomes 3.5.2.1.2.4, not some other "Sama nimi".
    for (const change of comparison.changes.filter((each) => each.change === "renumbered")) {
      const [, section, item] = /^3\.5\.2\.1\.(\d+)(?:\.(\d+))?$/.exec(change.codeBefore!)!;
      expect(change.code).toBe(`3.5.2.1.${Number(section) - 1}${item ? `.${item}` : ""}`);
    }
    expect(comparison.changes.filter((change) => change.change === "removed").map((change) => change.code)).toEqual([
      "3.5.2.1.1",
      "3.5.2.1.1.1",
      "3.5.2.1.1.2",
      "3.5.2.1.1.3",
      "3.5.2.1.1.4",
      "3.5.2.1.1.5",
    ]);
    expect(comparison.grandTotal.difference.toFixed(2)).toBe("-50.00");
    expectRowsAddUp(comparison);
  });
});
