import { invalidDate } from "../../../src/checks/rules/invalid-date";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const PARNU = "01.01.2024-31.12.2025";

/**
 * The importer keeps a range it cannot read as text with a null period: "01.01.2024 – 31.02.2025" gives frame null
 * and frameText as printed. The builder models that with frame/plan null and frameText/planText given.
 */
testRule(invalidDate, {
  valid: [
    {
      name: "readable frames and plan dates, including a leap day",
      plan: plan([
        partner("Pärnu linn", PARNU, [
          row("3.5.2.1", "100"),
          row("3.5.2.1.1", "100", { frame: "29.02.2024-31.12.2025" }),
          personnel("0", { plan: "01.01.2025-31.12.2025" }),
        ]),
      ]),
    },
    {
      name: "no dates at all is missing-frame's and missing-plan-period's, not this rule's",
      plan: plan([partner("Pärnu linn", PARNU, [row("3.5.2.1", "100", { frame: null, plan: null })])]),
    },
    {
      name: "a row with only plan-period dates (the importer's two-date row)",
      plan: plan([elluviija([row("3.5.1.2", "30 000", { frame: null })])]),
    },
    {
      name: "a period that was read is not judged again by its text",
      plan: plan([partner("Pärnu linn", PARNU, [row("3.5.2.1", "100", { frameText: "01.01.2024 – 31.12.2025*" })])]),
    },
  ],
  invalid: [
    {
      name: "31.02.2025 in the overall frame",
      plan: plan([
        partner("Pärnu linn", PARNU, [
          row("3.5.2.1", "100", { line: 619 }),
          row("3.5.2.1.1", "100", { line: 625, frame: null, frameText: "01.01.2024 – 31.02.2025" }),
        ]),
      ]),
      findings: [
        {
          rule: "invalid-date",
          implementer: "Pärnu linn",
          code: "3.5.2.1.1",
          line: 625,
          actual: "31.02.2025",
          message:
            /^Rea 3\.5\.2\.1\.1 üldajaraamis on kuupäev „31\.02\.2025“, mida ei ole olemas või mida ei saa lugeda \(pp\.kk\.aaaa\)\.$/,
        },
      ],
    },
    {
      name: "0l.01.2025 (a letter l for the digit 1) in the plan-period dates",
      plan: plan([
        partner("Pärnu linn", PARNU, [
          row("3.5.2.1", "100", { line: 619, plan: null, planText: "0l.01.2025 – 31.12.2025" }),
        ]),
      ]),
      findings: [
        {
          code: "3.5.2.1",
          line: 619,
          actual: "0l.01.2025",
          message: /^Rea 3\.5\.2\.1 tegevuskava perioodi kuupäevades on kuupäev „0l\.01\.2025“, mida ei ole olemas/,
        },
      ],
    },
    {
      name: "29.02.2025 (2025 is no leap year) and a 13th month; a one-digit day and month are readable",
      plan: plan([
        partner("Pärnu linn", PARNU, [
          row("3.5.2.1", "100", { line: 619, frame: null, frameText: "1.1.2024 – 29.02.2025" }),
          row("3.5.2.1.1", "100", { line: 625, plan: null, planText: "01.01.2025 – 01.13.2025" }),
        ]),
      ]),
      findings: [
        { code: "3.5.2.1", line: 619, actual: "29.02.2025", message: /üldajaraamis on kuupäev „29\.02\.2025“/ },
        {
          code: "3.5.2.1.1",
          line: 625,
          actual: "01.13.2025",
          message: /perioodi kuupäevades on kuupäev „01\.13\.2025“/,
        },
      ],
    },
    {
      name: "both ends of one range, in order, with a plain hyphen between them",
      plan: plan([
        partner("Pärnu linn", PARNU, [
          row("3.5.2.1", "100", { line: 619, plan: null, planText: "31.04.2025 - 31.06.2025" }),
        ]),
      ]),
      findings: [
        { line: 619, actual: "31.04.2025" },
        { line: 619, actual: "31.06.2025" },
      ],
    },
    {
      name: "the frame and the plan dates of one personnel row, the frame first",
      plan: plan([
        elluviija([
          personnel("119 582", {
            line: 54,
            frame: null,
            frameText: "01.01.2023 – 31.10.2O29",
            plan: null,
            planText: "32.01.2025 – 31.12.2025",
          }),
        ]),
      ]),
      findings: [
        {
          implementer: "ELVL",
          code: null,
          line: 54,
          actual: "31.10.2O29",
          message: /^Rea „Otsesed personalikulud“ üldajaraamis on kuupäev „31\.10\.2O29“/,
        },
        {
          code: null,
          line: 54,
          actual: "32.01.2025",
          message: /^Rea „Otsesed personalikulud“ tegevuskava perioodi kuupäevades on kuupäev „32\.01\.2025“/,
        },
      ],
    },
  ],
});
