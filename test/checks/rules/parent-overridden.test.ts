import { parentOverridden } from "../../../src/checks/rules/parent-overridden";
import { parseMoney } from "../../../src/model/money";
import { ActionPlan } from "../../../src/model/plan";
import { partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

/** A Tartu plan as read from its sheet, rows 5–9; `typed` puts a number in place of a row's formula. */
function fromSheet(typed: Record<number, string | null> = {}, formulas = true): ActionPlan {
  const built = plan([
    partner("Tartu linn", "01.01.2023-31.12.2025", [
      row("3.5.2.1", "93 988,53", { line: 244 }),
      row("3.5.2.1.3", "3 977,15", { line: 280 }),
      row("3.5.2.1.3.1", "2 400", { line: 286 }),
      row("3.5.2.1.3.2", "1 577,15", { line: 293 }),
      personnel("90 011,38", { line: 319 }),
    ]),
  ]);
  const parents = new Set([0, 1]);
  built.implementers[0].rows.forEach((schedule, index) => {
    const sheetRow = 5 + index;
    const isTyped = sheetRow in typed;
    schedule.sheet = {
      name: "Tartu",
      row: sheetRow,
      amountCell: `G${sheetRow}`,
      amountIsFormula: formulas && parents.has(index) && !isTyped,
      shownAmount: isTyped
        ? typed[sheetRow] === null
          ? null
          : parseMoney(typed[sheetRow] as string)
        : schedule.amount,
    };
  });
  return built;
}

testRule(parentOverridden, {
  valid: [
    { name: "every parent keeps its SUM formula", plan: fromSheet() },
    {
      name: "a plan imported from text has no cells to override",
      plan: plan([partner("Tartu linn", null, [row("3.5.2.1", "10"), row("3.5.2.1.1", "10")])]),
    },
    {
      name: "an item's typed number is no override: items hold numbers",
      plan: fromSheet({ 7: "2 500" }),
    },
  ],
  invalid: [
    {
      name: "a number typed over a section's SUM",
      plan: fromSheet({ 6: "4 000" }),
      findings: [
        {
          rule: "parent-overridden",
          implementer: "Tartu linn",
          code: "3.5.2.1.3",
          // Read from a workbook: placed by sheet and row; the document's line (kept in a hidden column) is not shown.
          line: null,
          position: { line: null, sheet: "Tartu", row: 6, column: "amount" },
          declared: "4000.00",
          computed: "3977.15",
          difference: "-22.85",
          message:
            /^Rea 3\.5\.2\.1\.3 summa on käsitsi sisestatud arv 4\u00a0000,00 €, mitte alamridade summa valem \(alamread annavad kokku 3\u00a0977,15 €\)\. Käsk „Arvuta uuesti“ taastab valemi\.$/,
        },
      ],
    },
    {
      name: "the top row's formula cleared, and a section's replaced",
      plan: fromSheet({ 5: null, 6: "3 977,15" }),
      findings: [
        {
          code: "3.5.2.1",
          position: { line: null, sheet: "Tartu", row: 5, column: "amount" },
          message: /on tühi, mitte alamridade/,
        },
        // Even a typed number equal to the sum is reported: the next edit of an item would not flow up.
        {
          code: "3.5.2.1.3",
          position: { line: null, sheet: "Tartu", row: 6, column: "amount" },
          declared: "3977.15",
          computed: "3977.15",
        },
      ],
    },
  ],
});
