import { missingPlanPeriod } from "../../../src/checks/rules/missing-plan-period";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const AGREEMENT = "01.01.2023-31.12.2025";

testRule(missingPlanPeriod, {
  valid: [
    {
      name: "every row, personnel and numbered items included, has its plan-period dates",
      plan: plan([
        elluviija([personnel("119 582"), row("3.5.1.2", "30 000"), row("1.", "0"), row("2.", "30 000")]),
        partner("Tartu linn", AGREEMENT, [row("3.5.2.1", "100"), row("3.5.2.1.1", "50"), personnel("50")]),
      ]),
    },
    {
      name: "dates that are only part of the year are still dates",
      plan: plan([
        elluviija([
          row("3.5.1.2", "15 000", { plan: "01.01.2025-30.09.2025" }),
          row("1.", "15 000", { plan: "01.09.2025-31.01.2026" }),
        ]),
      ]),
    },
    {
      name: "dates printed but unreadable are invalid-date's, not missing",
      plan: plan([
        partner("Tartu linn", AGREEMENT, [
          row("3.5.2.1", "100", { plan: null, planText: "31.02.2025 – 31.12.2025" }),
          row("3.5.2.1.1", "100", { plan: null, planText: "01.01.2025 – 31.12.202" }),
        ]),
      ]),
    },
    {
      name: "a row with dates but no frame is missing-frame's",
      plan: plan([elluviija([row("3.5.1.1", "0", { frame: null })])]),
    },
    {
      name: "an implementer without rows",
      plan: plan([elluviija([]), partner("Tartu linn", AGREEMENT, [])]),
    },
  ],
  invalid: [
    {
      name: "a coded row with neither dates nor printed text",
      plan: plan([
        partner("Tartu linn", AGREEMENT, [
          row("3.5.2.1", "93 988,53", { line: 244 }),
          row("3.5.2.1.2", "0", { line: 266, plan: null }),
          personnel("93 988,53", { line: 319 }),
        ]),
      ]),
      findings: [
        {
          rule: "missing-plan-period",
          implementer: "Tartu linn",
          code: "3.5.2.1.2",
          line: 266,
          related: [],
          message: /^Real 3\.5\.2\.1\.2 puuduvad tegevuskava perioodi algus- ja lõppkuupäev\.$/,
          messageEn: /^Row 3\.5\.2\.1\.2 has no plan-period dates\.$/,
        },
      ],
    },
    {
      name: "empty printed text counts as missing",
      plan: plan([elluviija([row("3.5.1.4", "28 000", { line: 193, plan: null, planText: "" })])]),
      findings: [{ implementer: "ELVL", code: "3.5.1.4", line: 193, message: /^Real 3\.5\.1\.4 puuduvad/ }],
    },
    {
      name: "the personnel row and a numbered item are named by their label",
      plan: plan([
        elluviija([
          personnel("119 582", { line: 54, plan: null }),
          row("3.5.1.2", "30 000", { line: 100 }),
          row("1.", "0", { line: 108, plan: null, label: "Infopäevade korraldamine" }),
        ]),
      ]),
      findings: [
        {
          implementer: "ELVL",
          code: null,
          line: 54,
          message: /^Real „Otsesed personalikulud“ puuduvad tegevuskava perioodi algus- ja lõppkuupäev\.$/,
        },
        {
          implementer: "ELVL",
          code: "1",
          line: 108,
          message: /^Real 3\.5\.1\.2 › 1\. puuduvad tegevuskava perioodi algus- ja lõppkuupäev\.$/,
        },
      ],
    },
    {
      name: "one finding per row, in implementer order then line",
      plan: plan([
        elluviija([row("3.5.1.1", "0", { line: 59, plan: null })]),
        partner("Rakvere linn", AGREEMENT, [
          row("3.5.2.1", "20 000", { line: 444 }),
          row("3.5.2.1.1", "20 000", { line: 450, plan: null }),
          row("3.5.2.1.1.1", "20 000", { line: 457, plan: null }),
        ]),
      ]),
      findings: [
        { implementer: "ELVL", code: "3.5.1.1", line: 59 },
        { implementer: "Rakvere linn", code: "3.5.2.1.1", line: 450 },
        { implementer: "Rakvere linn", code: "3.5.2.1.1.1", line: 457 },
      ],
    },
    {
      name: "a plan with no plan period leaves every defaulted row without dates",
      plan: plan([elluviija([row("3.5.1.1", "0", { line: 59 }), personnel("0", { line: 54 })])], {
        planPeriod: null,
      }),
      findings: [
        { code: null, line: 54 },
        { code: "3.5.1.1", line: 59 },
      ],
    },
  ],
});
