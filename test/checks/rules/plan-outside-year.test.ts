import { planOutsideYear } from "../../../src/checks/rules/plan-outside-year";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const RAKVERE = "01.02.2023-31.12.2025";

testRule(planOutsideYear, {
  valid: [
    {
      name: "plan dates that are the plan year exactly",
      plan: plan([partner("Rakvere linn", RAKVERE, [row("3.5.2.1", "100"), personnel("0")])]),
    },
    {
      name: "single days on the year's first and last day",
      plan: plan([
        partner("Rakvere linn", RAKVERE, [
          row("3.5.2.1", "100", { plan: "01.01.2025-01.01.2025" }),
          row("3.5.2.1.1", "100", { plan: "31.12.2025-31.12.2025" }),
          row("3.5.2.1.2", "0", { plan: "01.04.2025-30.09.2025" }),
        ]),
      ]),
    },
    {
      name: "a row without plan dates is missing-plan-period's",
      plan: plan([elluviija([row("3.5.1.2", "30 000", { plan: null, planText: "0l.01.2025 – 31.12.2025" })])]),
    },
    {
      name: "no plan year to compare with",
      plan: plan([partner("Rakvere linn", RAKVERE, [row("3.5.2.1", "100", { plan: "01.01.2023-31.12.2025" })])], {
        planPeriod: null,
      }),
    },
    {
      name: "the plan year is the plan's, not the calendar's",
      plan: plan([elluviija([row("3.5.1.2", "30 000", { plan: "01.07.2025-30.06.2026" })])], {
        planPeriod: "01.07.2025-30.06.2026",
      }),
    },
  ],
  invalid: [
    {
      name: "Rakvere's items: plan dates from 2023",
      plan: plan([
        partner("Rakvere linn", RAKVERE, [
          row("3.5.2.1", "82 037,77", { line: 444 }),
          row("3.5.2.1.1", "20 000", { line: 450 }),
          row("3.5.2.1.1.1", "20 000", { line: 457, plan: "01.01.2023-31.12.2025" }),
          row("3.5.2.1.1.1", "0", { line: 461, plan: "01.01.2023-31.12.2025" }),
        ]),
      ]),
      findings: [
        {
          rule: "plan-outside-year",
          implementer: "Rakvere linn",
          code: "3.5.2.1.1.1",
          line: 457,
          expected: "01.01.2025 – 31.12.2025",
          actual: "01.01.2023 – 31.12.2025",
          message:
            /^Rea 3\.5\.2\.1\.1\.1 tegevuskava perioodi kuupäevad 01\.01\.2023 – 31\.12\.2025 ulatuvad tegevuskava aastast 01\.01\.2025 – 31\.12\.2025 välja\.$/,
        },
        { code: "3.5.2.1.1.1", line: 461, expected: "01.01.2025 – 31.12.2025", actual: "01.01.2023 – 31.12.2025" },
      ],
    },
    {
      name: "one day before the year starts, one day after it ends",
      plan: plan([
        partner("Rakvere linn", RAKVERE, [
          row("3.5.2.1", "100", { line: 444, plan: "31.12.2024-31.12.2025" }),
          row("3.5.2.1.1", "100", { line: 450, plan: "01.01.2025-01.01.2026" }),
        ]),
      ]),
      findings: [
        { code: "3.5.2.1", line: 444, actual: "31.12.2024 – 31.12.2025" },
        { code: "3.5.2.1.1", line: 450, actual: "01.01.2025 – 01.01.2026" },
      ],
    },
    {
      name: "a personnel row wholly in the next year; a numbered item wholly in the last",
      plan: plan([
        elluviija([
          personnel("119 582", { line: 54, plan: "01.01.2026-31.12.2026" }),
          row("3.5.1.2", "30 000", { line: 100 }),
          row("1.", "0", { line: 108, plan: "01.10.2024-31.12.2024" }),
        ]),
      ]),
      findings: [
        {
          implementer: "ELVL",
          code: null,
          line: 54,
          actual: "01.01.2026 – 31.12.2026",
          message:
            /^Rea „Otsesed personalikulud“ tegevuskava perioodi kuupäevad 01\.01\.2026 – 31\.12\.2026 ulatuvad tegevuskava aastast 01\.01\.2025 – 31\.12\.2025 välja\.$/,
        },
        {
          code: "1",
          line: 108,
          actual: "01.10.2024 – 31.12.2024",
          message:
            /^Rea 3\.5\.1\.2 › 1\. tegevuskava perioodi kuupäevad 01\.10\.2024 – 31\.12\.2024 ulatuvad tegevuskava aastast 01\.01\.2025 – 31\.12\.2025 välja\.$/,
        },
      ],
    },
    {
      name: "outside a plan year that is not a calendar year",
      plan: plan([elluviija([row("3.5.1.2", "30 000", { line: 100, plan: "01.01.2025-31.12.2025" })])], {
        planPeriod: "01.07.2025-30.06.2026",
      }),
      findings: [{ line: 100, expected: "01.07.2025 – 30.06.2026", actual: "01.01.2025 – 31.12.2025" }],
    },
  ],
});
