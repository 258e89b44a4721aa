import Decimal from "decimal.js";
import fc from "fast-check";
import { RULES, runChecks } from "../../src/checks";
import { parseDirectiveText } from "../../src/import/text";
import { apportion } from "../../src/model/apportion";
import { EditOutcome, addRow, moveAmount, removeRow, rowName, spreadTotal } from "../../src/model/authoring";
import { PlanNode, buildTree } from "../../src/model/hierarchy";
import { Money, ZERO, parseMoney, sumMoney } from "../../src/model/money";
import { ActionPlan, Implementer, ScheduleRow } from "../../src/model/plan";
import { fixtureText } from "../helpers";

const euro = (text: string): Money => new Decimal(text);
const amountsOf = (implementer: Implementer): Record<string, string> =>
  Object.fromEntries(buildTree(implementer).nodes.map((node) => [rowName(node), node.row.amount?.toFixed(2) ?? "–"]));

function edited(outcome: EditOutcome): Extract<EditOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason.en}`);
  return outcome;
}

function implementerOf(plan: ActionPlan, name: string): Implementer {
  const found = plan.implementers.find((implementer) => implementer.name === name);
  if (!found) throw new Error(name);
  return found;
}

describe("editing the bundled directive's plan", () => {
  const plan = parseDirectiveText(fixtureText()).plan;
  const tartu = implementerOf(plan, "Tartu linn");

  test("spreading Tartu's 3.5.2.1.3 (3 977,15) to 5 000 gives 3 017,24 and 1 982,76, and Tartu 95 011,38", () => {
    const outcome = edited(spreadTotal(plan, { implementer: "Tartu", code: "3.5.2.1.3", total: euro("5000") }));
    const after = amountsOf(implementerOf(outcome.plan, "Tartu linn"));
    expect(after["3.5.2.1.3"]).toBe("5000.00");
    expect(after["3.5.2.1.3.1"]).toBe("3017.24");
    expect(after["3.5.2.1.3.2"]).toBe("1982.76");
    expect(after["3.5.2.1"]).toBe("95011.38");
    expect(outcome.changes.map((change) => [change.code, change.before?.toFixed(2), change.after?.toFixed(2)])).toEqual(
      [
        ["3.5.2.1", "93988.53", "95011.38"],
        ["3.5.2.1.3", "3977.15", "5000.00"],
        ["3.5.2.1.3.1", "2400.00", "3017.24"],
        ["3.5.2.1.3.2", "1577.15", "1982.76"],
      ],
    );
    // The input plan is untouched: a preview costs nothing.
    expect(amountsOf(tartu)["3.5.2.1.3"]).toBe("3977.15");
    const checked = runChecks(outcome.plan, RULES).findings.filter(
      (finding) => finding.implementer === "Tartu linn" && finding.category === "sums",
    );
    expect(checked).toEqual([]);
  });

  test("equal spread and a locked item", () => {
    const equal = edited(
      spreadTotal(plan, { implementer: "Tartu linn", code: "3.5.2.1.3", total: euro("5000.01"), mode: "equal" }),
    );
    expect(amountsOf(implementerOf(equal.plan, "Tartu linn"))["3.5.2.1.3.1"]).toBe("2500.01");
    expect(amountsOf(implementerOf(equal.plan, "Tartu linn"))["3.5.2.1.3.2"]).toBe("2500.00");
    const locked = edited(
      spreadTotal(plan, { implementer: "Tartu linn", code: "3.5.2.1.3", total: euro("5000"), locked: ["3.5.2.1.3.1"] }),
    );
    expect(amountsOf(implementerOf(locked.plan, "Tartu linn"))["3.5.2.1.3.1"]).toBe("2400.00");
    expect(amountsOf(implementerOf(locked.plan, "Tartu linn"))["3.5.2.1.3.2"]).toBe("2600.00");
  });

  test("refusals say why", () => {
    const tooSmall = spreadTotal(plan, {
      implementer: "Tartu linn",
      code: "3.5.2.1.3",
      total: euro("2000"),
      locked: ["3.5.2.1.3.1"],
    });
    expect(tooSmall).toEqual({
      ok: false,
      reason: {
        et: "3.5.2.1.3: lukustatud read on kokku 2\u00a0400,00, rohkem kui 2\u00a0000,00.",
        en: "3.5.2.1.3: the locked items add up to 2400.00, more than 2000.00.",
      },
    });
    const negative = spreadTotal(plan, { implementer: "Tartu linn", code: "3.5.2.1.3", total: euro("-1") });
    expect(negative.ok || negative.reason.en).toBe("The new total -1.00 is negative.");
    const unknown = spreadTotal(plan, { implementer: "Tartu linn", code: "3.5.2.1.9", total: euro("1") });
    expect(unknown.ok || unknown.reason.et).toBe("Tartu linn: ajakavas ei ole rida koodiga 3.5.2.1.9.");
    const nobody = spreadTotal(plan, { implementer: "Tapa vald", code: "3.5.2.1", total: euro("1") });
    expect(nobody.ok || nobody.reason.en).toMatch(
      /^The plan has no implementer or partner "Tapa vald"\. It has: ELVL, /,
    );
    const overdrawn = moveAmount(plan, {
      implementer: "Tartu linn",
      from: "3.5.2.1.3.2",
      to: "3.5.2.1.1.2",
      amount: euro("1577.16"),
    });
    expect(overdrawn.ok || overdrawn.reason.en).toBe("3.5.2.1.3.2 has 1577.15: moving 1577.16 would make it negative.");
  });

  test("moving 1 000 within Tartu keeps its total; to another partner keeps the grand total", () => {
    const within = edited(
      moveAmount(plan, {
        implementer: "Tartu linn",
        from: "3.5.2.1.3.1",
        to: "3.5.2.1.1.2",
        amount: parseMoney("1 000,00")!,
      }),
    );
    const after = amountsOf(implementerOf(within.plan, "Tartu linn"));
    expect([
      after["3.5.2.1.3.1"],
      after["3.5.2.1.3"],
      after["3.5.2.1.1.2"],
      after["3.5.2.1.1"],
      after["3.5.2.1"],
    ]).toEqual(["1400.00", "2977.15", "6660.54", "6660.54", "93988.53"]);
    const between = edited(
      moveAmount(plan, {
        implementer: "Tartu linn",
        from: "3.5.2.1.3.1",
        to: "3.5.2.1.3",
        toImplementer: "Tallinna linn",
        amount: euro("1000"),
      }),
    );
    const total = (result: ActionPlan) => sumMoney(result.implementers.map((implementer) => topAmount(implementer)));
    expect(total(between.plan).equals(total(plan))).toBe(true);
    expect(amountsOf(implementerOf(between.plan, "Tartu linn"))["3.5.2.1"]).toBe("92988.53");
  });

  test("adding under 3.5.2.1.3 gives 3.5.2.1.3.3, placed after its siblings, and the parents follow", () => {
    const outcome = edited(
      addRow(plan, { implementer: "Tartu linn", under: "3.5.2.1.3", label: "Veebilehe tõlge", amount: euro("500") }),
    );
    expect(outcome.code).toBe("3.5.2.1.3.3");
    const rows = implementerOf(outcome.plan, "Tartu linn").rows;
    const index = rows.findIndex((row) => row.code === "3.5.2.1.3.3");
    expect(rows[index - 1].code).toBe("3.5.2.1.3.2");
    expect(rows[index]).toMatchObject({
      responsible: "Tartu linn",
      plan: plan.planPeriod,
      frame: tartu.rows.find((row) => row.code === "3.5.2.1.3")!.frame,
      line: 0,
    });
    expect(amountsOf(implementerOf(outcome.plan, "Tartu linn"))["3.5.2.1"]).toBe("94488.53");
    expect(outcome.changes[0]).toMatchObject({ kind: "added", code: "3.5.2.1.3.3", after: euro("500") });
  });

  test("removing 3.5.2.1.1 with its items; renumbering only when asked", () => {
    const kept = edited(removeRow(plan, { implementer: "Tartu linn", code: "3.5.2.1.1" }));
    expect(kept.changes.filter((change) => change.kind === "removed").map((change) => change.code)).toEqual([
      "3.5.2.1.1",
      "3.5.2.1.1.1",
      "3.5.2.1.1.2",
    ]);
    expect(amountsOf(implementerOf(kept.plan, "Tartu linn"))["3.5.2.1"]).toBe("88327.99");
    expect(amountsOf(implementerOf(kept.plan, "Tartu linn"))["3.5.2.1.2"]).toBe("0.00");
    const renumbered = edited(removeRow(plan, { implementer: "Tartu linn", code: "3.5.2.1.1", renumber: true }));
    const codes = implementerOf(renumbered.plan, "Tartu linn").rows.map((row) => row.code);
    expect(codes.slice(0, 6)).toEqual([
      "3.5.2.1",
      "3.5.2.1.1",
      "3.5.2.1.1.1",
      "3.5.2.1.1.2",
      "3.5.2.1.2",
      "3.5.2.1.2.1",
    ]);
    expect(
      renumbered.changes
        .filter((change) => change.kind === "renumbered")
        .slice(0, 2)
        .map((change) => `${change.codeBefore} → ${change.code}`),
    ).toEqual(["3.5.2.1.2 → 3.5.2.1.1", "3.5.2.1.2.1 → 3.5.2.1.1.1"]);
  });
});

function topAmount(implementer: Implementer): Money {
  const tree = buildTree(implementer);
  if (tree.top) return tree.top.row.amount ?? ZERO;
  return sumMoney(tree.roots.map((root) => root.row.amount ?? ZERO));
}

describe("apportion", () => {
  test("largest remainders: the shares add up and each is within a cent of its exact part", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 12 }),
        (cents, weightCents) => {
          const amount = new Decimal(cents).dividedBy(100);
          const weights = weightCents.map((weight) => new Decimal(weight).dividedBy(100));
          const shares = apportion(amount, weights);
          expect(sumMoney(shares).equals(amount)).toBe(true);
          const total = sumMoney(weights);
          shares.forEach((share, index) => {
            const exact = total.isZero()
              ? amount.dividedBy(weights.length)
              : amount.times(weights[index]).dividedBy(total);
            expect(share.minus(exact).abs().lessThan("0.01")).toBe(true);
            expect(share.times(100).isInteger()).toBe(true);
          });
        },
      ),
    );
  });
});

/** A partner's schedule made up at random: a top, sections, items and sub-items, each parent the sum of its own. */
const partnerPlan = fc
  .array(fc.array(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 2 }), { maxLength: 3 }), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((sections) =>
    fc.tuple(
      fc.constant(sections),
      fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 40, maxLength: 40 }),
      fc.boolean(),
    ),
  )
  .map(([sections, leafCents, personnel]) => {
    let next = 0;
    const leaf = (): Money => new Decimal(leafCents[next++ % leafCents.length]).dividedBy(100);
    const rows: ScheduleRow[] = [];
    const row = (code: string | null, amount: Money, kind: ScheduleRow["kind"] = "activity"): ScheduleRow => ({
      code,
      printedCode: code,
      codeStyle: code ? "dotted" : null,
      label: code ? `Tegevus ${code}` : "Otsesed personalikulud",
      kind,
      amount,
      amountText: null,
      frame: null,
      frameText: null,
      plan: null,
      planText: null,
      responsible: "Valla vald",
      line: rows.length + 1,
      table: 1,
    });
    const top = row("3.5.2.1", ZERO);
    rows.push(top);
    const sectionRows: ScheduleRow[] = [];
    sections.forEach((items, sectionIndex) => {
      const code = `3.5.2.1.${sectionIndex + 1}`;
      const section = row(code, ZERO);
      rows.push(section);
      const itemAmounts: Money[] = [];
      items.forEach((subItems, itemIndex) => {
        const itemCode = `${code}.${itemIndex + 1}`;
        const item = row(itemCode, ZERO);
        rows.push(item);
        const subAmounts = subItems.map((_, subIndex) => {
          const sub = row(`${itemCode}.${subIndex + 1}`, leaf());
          rows.push(sub);
          return sub.amount as Money;
        });
        item.amount = subAmounts.length > 0 ? sumMoney(subAmounts) : leaf();
        itemAmounts.push(item.amount);
      });
      section.amount = itemAmounts.length > 0 ? sumMoney(itemAmounts) : leaf();
      sectionRows.push(section);
    });
    const personnelRow = personnel ? row(null, leaf(), "personnel") : null;
    if (personnelRow) rows.push(personnelRow);
    top.amount = sumMoney([...sectionRows, ...(personnelRow ? [personnelRow] : [])].map((each) => each.amount!));
    const partner = (name: string): Implementer => ({
      name,
      role: "partner",
      aliases: [],
      tables: [1],
      partnership: null,
      rows: rows.map((each) => ({ ...each, responsible: name })),
    });
    const plan: ActionPlan = {
      planPeriod: null,
      directive: { number: null, date: null, activityName: null, tat: null },
      implementers: [partner("Valla vald"), partner("Linna linn")],
      indicators: [],
    };
    return plan;
  });

type Operation =
  | { kind: "spread"; pick: number; cents: number; equal: boolean; lockPick: number | null }
  | { kind: "move"; pick: number; toPick: number; cents: number; across: boolean }
  | { kind: "add"; pick: number; cents: number }
  | { kind: "remove"; pick: number; renumber: boolean };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant("spread" as const),
    pick: fc.nat(),
    cents: fc.integer({ min: 0, max: 20_000_000 }),
    equal: fc.boolean(),
    lockPick: fc.option(fc.nat(), { nil: null }),
  }),
  fc.record({
    kind: fc.constant("move" as const),
    pick: fc.nat(),
    toPick: fc.nat(),
    cents: fc.integer({ min: 1, max: 2_000_000 }),
    across: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("add" as const), pick: fc.nat(), cents: fc.integer({ min: 0, max: 2_000_000 }) }),
  fc.record({ kind: fc.constant("remove" as const), pick: fc.nat(), renumber: fc.boolean() }),
);

const codedNodes = (implementer: Implementer): PlanNode[] =>
  buildTree(implementer).nodes.filter((node) => node.row.codeStyle === "dotted");

function apply(plan: ActionPlan, step: Operation): EditOutcome {
  const source = plan.implementers[0];
  const nodes = codedNodes(source);
  const node = nodes[step.pick % nodes.length];
  const amount = (cents: number) => new Decimal(cents).dividedBy(100);
  switch (step.kind) {
    case "spread": {
      const under = buildTree(source).nodes.filter((other) => isUnder(other, node) && other.code);
      const locked = step.lockPick === null || under.length === 0 ? [] : [under[step.lockPick % under.length].code!];
      return spreadTotal(plan, {
        implementer: source.name,
        code: node.code!,
        total: amount(step.cents),
        mode: step.equal ? "equal" : "proportional",
        locked,
      });
    }
    case "move": {
      const target = step.across ? plan.implementers[1] : source;
      const targets = codedNodes(target);
      return moveAmount(plan, {
        implementer: source.name,
        from: node.code!,
        to: targets[step.toPick % targets.length].code!,
        toImplementer: target.name,
        amount: amount(step.cents),
      });
    }
    case "add":
      return addRow(plan, { implementer: source.name, under: node.code!, label: "Uus", amount: amount(step.cents) });
    case "remove":
      return removeRow(plan, { implementer: source.name, code: node.code!, renumber: step.renumber });
  }
}

function isUnder(node: PlanNode, ancestor: PlanNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}

describe("any sequence of edits", () => {
  test("keeps every parent the sum of its items, and the check finds no sum or total mismatch", () => {
    const applied: Record<Operation["kind"], number> = { spread: 0, move: 0, add: 0, remove: 0 };
    fc.assert(
      fc.property(partnerPlan, fc.array(operation, { minLength: 1, maxLength: 8 }), (start, steps) => {
        let plan = start;
        for (const step of steps) {
          const before = plan;
          const outcome = apply(plan, step);
          if (!outcome.ok) continue;
          applied[step.kind]++;
          plan = outcome.plan;
          for (const implementer of plan.implementers) {
            for (const node of buildTree(implementer).nodes) {
              if (node.children.length === 0) continue;
              const sum = sumMoney(node.children.map((child) => child.row.amount ?? ZERO));
              expect(`${implementer.name} ${rowName(node)} ${node.row.amount?.toFixed(2)}`).toBe(
                `${implementer.name} ${rowName(node)} ${sum.toFixed(2)}`,
              );
            }
          }
          if (step.kind === "move") {
            const grand = (each: ActionPlan) => sumMoney(each.implementers.map(topAmount));
            expect(grand(plan).toFixed(2)).toBe(grand(before).toFixed(2));
            if (!step.across)
              expect(topAmount(plan.implementers[0]).equals(topAmount(before.implementers[0]))).toBe(true);
          }
          if (step.kind === "spread") {
            const changed = outcome.changes.map((change) => change.after!);
            expect(changed.every((value) => !value.isNegative() && value.times(100).isInteger())).toBe(true);
          }
          const mismatches = runChecks(plan, RULES).findings.filter(
            (finding) => finding.rule === "sum-mismatch" || finding.rule === "total-mismatch",
          );
          expect(mismatches.map((finding) => finding.messageEn)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
    // The property says something only if edits were made, not just refused.
    for (const count of Object.values(applied)) expect(count).toBeGreaterThan(50);
  });

  test("a proportional spread's items add up to the new total and each is within a cent of its exact share", () => {
    fc.assert(
      fc.property(partnerPlan, fc.nat(), fc.integer({ min: 0, max: 50_000_000 }), (plan, pick, cents) => {
        const source = plan.implementers[0];
        const parents = codedNodes(source).filter((node) => node.children.length > 0);
        const node = parents[pick % parents.length];
        const total = new Decimal(cents).dividedBy(100);
        const outcome = edited(spreadTotal(plan, { implementer: source.name, code: node.code!, total }));
        const after = buildTree(outcome.plan.implementers[0]);
        const items = after.nodes[node.index].children;
        expect(sumMoney(items.map((item) => item.row.amount!)).equals(total)).toBe(true);
        const weights = node.children.map((child) => child.row.amount ?? ZERO);
        const weightTotal = sumMoney(weights);
        items.forEach((item, index) => {
          const exact = weightTotal.isZero()
            ? total.dividedBy(items.length)
            : total.times(weights[index]).dividedBy(weightTotal);
          expect(item.row.amount!.minus(exact).abs().lessThan("0.01")).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});

/** ELVL's schedule from its codes as printed ("3.5.1.2", "1." or "1" for a numbered item), 100 a row unless told. */
function planOfPrinted(printed: readonly string[], amount: (index: number) => number = () => 100): ActionPlan {
  const rows: ScheduleRow[] = printed.map((code, index) => ({
    code: code.replace(/\.+$/, ""),
    printedCode: code,
    codeStyle: /^\d+\.*$/.test(code) ? "numbered" : "dotted",
    label: `Rida ${code}`,
    kind: "activity",
    amount: new Decimal(amount(index)),
    amountText: null,
    frame: null,
    frameText: null,
    plan: null,
    planText: null,
    responsible: "ELVL",
    line: index + 1,
    table: 1,
  }));
  return {
    planPeriod: null,
    directive: { number: null, date: null, activityName: null, tat: null },
    implementers: [{ name: "ELVL", role: "elluviija", aliases: [], tables: [1], partnership: null, rows }],
    indicators: [],
  };
}

describe("numbered items", () => {
  test("an item added after “9.” is “10.”, named with its activity", () => {
    const plan = planOfPrinted(["3.5.1.2", ...Array.from({ length: 9 }, (_, index) => `${index + 1}.`)], (index) =>
      index === 0 ? 900 : 100,
    );
    const outcome = edited(addRow(plan, { implementer: "ELVL", under: "3.5.1.2", label: "Uus", amount: euro("50") }));
    expect(outcome.code).toBe("3.5.1.2 › 10.");
    expect(outcome.plan.implementers[0].rows[10]).toMatchObject({
      code: "10",
      printedCode: "10.",
      codeStyle: "numbered",
    });
    expect(amountsOf(outcome.plan.implementers[0])["3.5.1.2"]).toBe("950.00");
    const spread = edited(spreadTotal(plan, { implementer: "ELVL", code: "3.5.1.2 › 6.", total: euro("40") }));
    expect(spread.changes.map((change) => change.code)).toEqual(["3.5.1.2", "3.5.1.2 › 6."]);
    const removed = edited(removeRow(plan, { implementer: "ELVL", code: "3.5.1.2>6", renumber: true }));
    expect(removed.plan.implementers[0].rows.map((row) => row.printedCode).slice(5)).toEqual(["5.", "6.", "7.", "8."]);
  });
});

describe("renumbering keeps each row's printed style", () => {
  test.each([
    {
      name: "a trailing dot kept where the directive printed one, and none added where it did not",
      printed: ["3.5.1.2", "3.5.1.2.1", "3.5.1.2.2.", "3.5.1.2.2.1", "3.5.1.2.3", "3.5.1.2.3.1."],
      remove: "3.5.1.2.1",
      after: ["3.5.1.2", "3.5.1.2.1.", "3.5.1.2.1.1", "3.5.1.2.2", "3.5.1.2.2.1."],
    },
    {
      name: "every code with its dot",
      printed: ["3.5.1.2.", "3.5.1.2.1.", "3.5.1.2.2.", "3.5.1.2.3."],
      remove: "3.5.1.2.2",
      after: ["3.5.1.2.", "3.5.1.2.1.", "3.5.1.2.2."],
    },
    {
      name: "two dots as printed",
      printed: ["3.5.1.2", "3.5.1.2.1", "3.5.1.2.2.."],
      remove: "3.5.1.2.1",
      after: ["3.5.1.2", "3.5.1.2.1.."],
    },
    {
      name: "numbered items with their dot",
      printed: ["3.5.1.2", "1.", "2.", "3."],
      remove: "3.5.1.2 › 1",
      after: ["3.5.1.2", "1.", "2."],
    },
    {
      name: "numbered items typed without a dot in a workbook",
      printed: ["3.5.1.2", "1", "2", "3"],
      remove: "3.5.1.2 › 2",
      after: ["3.5.1.2", "1", "2"],
    },
  ])("$name", ({ printed, remove, after }) => {
    const outcome = edited(removeRow(planOfPrinted(printed), { implementer: "ELVL", code: remove, renumber: true }));
    expect(outcome.plan.implementers[0].rows.map((row) => row.printedCode)).toEqual(after);
  });

  test("Tartu's 3.5.2.1.2.1., renumbered to 3.5.2.1.1.1, keeps the dot the directive printed", () => {
    const plan = parseDirectiveText(fixtureText()).plan;
    const outcome = edited(removeRow(plan, { implementer: "Tartu linn", code: "3.5.2.1.1", renumber: true }));
    const tartu = implementerOf(outcome.plan, "Tartu linn");
    expect(tartu.rows.slice(1, 4).map((row) => [row.code, row.printedCode])).toEqual([
      ["3.5.2.1.1", "3.5.2.1.1"],
      ["3.5.2.1.1.1", "3.5.2.1.1.1."],
      ["3.5.2.1.1.2", "3.5.2.1.1.2"],
    ]);
    const change = outcome.changes.find((each) => each.codeBefore === "3.5.2.1.2.1");
    expect(change).toMatchObject({ kind: "renumbered", code: "3.5.2.1.1.1" });
  });
});

describe("codes out of sequence in the document", () => {
  // ELVL's 3.5.1.4 has the items 3.5.1.4.1, then 3.5.1.4.2.1 and 3.5.1.4.2.2 (no 3.5.1.4.2 row), then 3.5.1.4.3.
  const plan = parseDirectiveText(fixtureText()).plan;

  it("refuses a renumbering that would make 3.5.1.4.3 (as .2) the parent of the rows above it", () => {
    const outcome = removeRow(plan, { implementer: "ELVL", code: "3.5.1.4.1", renumber: true });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason.et).toMatch(/ümbernummerdamine muudaks ajakava ülesehitust/);
  });

  it("removes the same row without renumbering, and 3.5.1.4.2.2 is not taken for a sibling to renumber", () => {
    const outcome = removeRow(plan, { implementer: "ELVL", code: "3.5.1.4.1" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const codes = outcome.plan.implementers[0].rows.map((row) => row.code);
    expect(codes).toContain("3.5.1.4.2.2");
    expect(codes).toContain("3.5.1.4.3");
    expect(runChecks(outcome.plan, RULES).findings.filter((finding) => finding.category === "sums")).toEqual([]);
  });
});
