import { missingPersonnel } from "../../../src/checks/rules/missing-personnel";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const AGREEMENT = "01.01.2023-31.12.2025";

testRule(missingPersonnel, {
  valid: [
    {
      name: "the implementer (personnel first, no common top row) and a partner (personnel last)",
      plan: plan([
        elluviija([personnel("119 582"), row("3.5.1.1", "0"), row("3.5.1.2", "30 000"), row("1.", "30 000")]),
        partner("Tartu linn", AGREEMENT, [
          row("3.5.2.1", "93 988,53"),
          row("3.5.2.1.1", "9 637,69"),
          personnel("84 350,84"),
        ]),
      ]),
    },
    {
      name: "a personnel row of zero, or with no readable amount, is still there",
      plan: plan([
        partner("Tartu linn", AGREEMENT, [row("3.5.2.1", "0"), personnel("0")]),
        partner("Rakvere linn", AGREEMENT, [row("3.5.2.1", "0"), personnel("0", { amountText: null })], 11),
      ]),
    },
    {
      name: "a personnel row in the middle of the schedule",
      plan: plan([partner("Tartu linn", AGREEMENT, [row("3.5.2.1", "100"), personnel("50"), row("3.5.2.1.1", "50")])]),
    },
    {
      name: "a schedule with no rows at all is not reported",
      plan: plan([elluviija([]), partner("Tartu linn", AGREEMENT, [])]),
    },
    {
      name: "a schedule of only the personnel row",
      plan: plan([partner("Tartu linn", AGREEMENT, [personnel("84 350,84")])]),
    },
  ],
  invalid: [
    {
      name: "a partner without a personnel row, reported at its top row",
      plan: plan([
        elluviija([personnel("119 582"), row("3.5.1.1", "0")]),
        partner("Tartu linn", AGREEMENT, [
          row("3.5.2.1", "9 637,69", { line: 244 }),
          row("3.5.2.1.1", "5 660,54", { line: 250 }),
          row("3.5.2.1.3", "3 977,15", { line: 280 }),
        ]),
      ]),
      findings: [
        {
          rule: "missing-personnel",
          implementer: "Tartu linn",
          code: "3.5.2.1",
          line: 244,
          related: [],
          message: /^Ajakavas puudub otseste personalikulude rida\.$/,
          messageEn: /^The schedule has no direct personnel cost row\.$/,
        },
      ],
    },
    {
      name: "the implementer without one: no single top row, so no code, at its first row",
      plan: plan([
        elluviija([
          row("3.5.1.1", "0", { line: 59 }),
          row("3.5.1.2", "30 000", { line: 100 }),
          row("3.5.1.3", "23 000", { line: 162 }),
        ]),
      ]),
      findings: [
        {
          implementer: "ELVL",
          code: null,
          line: 59,
          message: /^Ajakavas puudub otseste personalikulude rida\.$/,
        },
      ],
    },
    {
      name: "a row labelled as personnel but coded as an activity is not the personnel row",
      plan: plan([
        partner("Rakvere linn", AGREEMENT, [
          row("3.5.2.1", "39 000", { line: 444 }),
          row("3.5.2.1.6", "39 000", { line: 512, label: "Otsesed personalikulud" }),
        ]),
      ]),
      findings: [{ implementer: "Rakvere linn", code: "3.5.2.1", line: 444 }],
    },
    {
      name: "each implementer without one, in plan order",
      plan: plan([
        partner("Tallinna linn", AGREEMENT, [row("3.5.2.1", "0", { line: 341 })], 10),
        partner("Rakvere linn", AGREEMENT, [row("3.5.2.1", "0"), personnel("0")], 11),
        partner("Saaremaa vald", "01.11.2023-31.12.2025", [row("3.5.2.1", "0", { line: 531 })], 12),
      ]),
      findings: [
        {
          implementer: "Tallinna linn",
          code: "3.5.2.1",
          line: 341,
          message: /^Ajakavas puudub otseste personalikulude rida\.$/,
        },
        {
          implementer: "Saaremaa vald",
          code: "3.5.2.1",
          line: 531,
          message: /^Ajakavas puudub otseste personalikulude rida\.$/,
        },
      ],
    },
  ],
});
