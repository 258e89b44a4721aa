import { invalidAmount } from "../../../src/checks/rules/invalid-amount";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const TARTU = "01.01.2023-31.12.2025";

testRule(invalidAmount, {
  valid: [
    {
      name: "zero, two decimals, one decimal, whole and dot-decimal amounts",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "93 988,53"),
          row("3.5.2.1.1", "0"),
          row("3.5.2.1.2", "0,00"),
          row("3.5.2.1.3", "1 577,15"),
          row("3.5.2.1.4", "0,5"),
          row("3.5.2.1.5", "3300"),
          row("3.5.2.1.6", "115 817.00"),
          personnel("84 350,84"),
        ]),
      ]),
    },
    {
      name: "no-break and narrow no-break spaces between digit groups",
      plan: plan([
        partner("Tartu linn", TARTU, [row("3.5.2.1", "93\u00a0988,53"), row("3.5.2.1.1", "1\u202f266\u202f860,75")]),
      ]),
    },
    {
      name: "a minus zero is not negative",
      plan: plan([partner("Tartu linn", TARTU, [row("3.5.2.1", "-0,00")])]),
    },
    {
      name: "a third decimal that is zero still makes whole cents",
      plan: plan([partner("Tartu linn", TARTU, [row("3.5.2.1", "100,500")])]),
    },
    {
      name: "numbered items and personnel with readable amounts",
      plan: plan([elluviija([personnel("119 582"), row("3.5.1.2", "30 000"), row("1.", "0"), row("2.", "15 000,00")])]),
    },
  ],
  invalid: [
    {
      name: "no amount at all",
      plan: plan([partner("Tartu linn", TARTU, [row("3.5.2.1", "100"), row("3.5.2.1.1", null, { line: 246 })])]),
      findings: [
        {
          rule: "invalid-amount",
          implementer: "Tartu linn",
          code: "3.5.2.1.1",
          line: 246,
          actual: undefined,
          expected: undefined,
          message: /^Real 3\.5\.2\.1\.1 puudub planeeritav maksumus\.$/,
        },
      ],
    },
    {
      name: "text that is not a number, and digits grouped wrongly",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "kaks", { line: 240 }),
          row("3.5.2.1.1", "1 2345,00", { line: 246 }),
          row("3.5.2.1.2", "12,34,56", { line: 250 }),
        ]),
      ]),
      findings: [
        {
          code: "3.5.2.1",
          line: 240,
          actual: "kaks",
          message: /^Rea 3\.5\.2\.1 planeeritav maksumus „kaks“ ei ole arv\.$/,
        },
        { code: "3.5.2.1.1", line: 246, actual: "1 2345,00", message: /„1 2345,00“ ei ole arv/ },
        { code: "3.5.2.1.2", line: 250, actual: "12,34,56", message: /„12,34,56“ ei ole arv/ },
      ],
    },
    {
      name: "negative amounts, with a hyphen or a minus sign, down to one cent",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "-100", { line: 240 }),
          row("3.5.2.1.1", "\u22125 000", { line: 246 }),
          row("3.5.2.1.2", "-0,01", { line: 250 }),
        ]),
      ]),
      findings: [
        {
          code: "3.5.2.1",
          line: 240,
          actual: "-100",
          expected: undefined,
          message: /^Rea 3\.5\.2\.1 planeeritav maksumus -100 on negatiivne\.$/,
        },
        { code: "3.5.2.1.1", line: 246, actual: "\u22125 000", message: /maksumus \u22125 000 on negatiivne/ },
        { code: "3.5.2.1.2", line: 250, actual: "-0,01", message: /maksumus -0,01 on negatiivne/ },
      ],
    },
    {
      name: "more than two decimals, with the amount rounded to cents as expected",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "1 577,155", { line: 240 }),
          row("3.5.2.1.1", "0,001", { line: 246 }),
        ]),
      ]),
      findings: [
        {
          code: "3.5.2.1",
          line: 240,
          actual: "1 577,155",
          expected: "1\u00a0577,16",
          message:
            /^Rea 3\.5\.2\.1 planeeritav maksumus 1 577,155 on üle kahe kümnendkohaga: sellist summat ei saa sentides maksta\.$/,
        },
        { code: "3.5.2.1.1", line: 246, actual: "0,001", expected: "0,00" },
      ],
    },
    {
      name: "a negative amount with three decimals is reported once, as negative",
      plan: plan([partner("Tartu linn", TARTU, [row("3.5.2.1", "-1,234", { line: 240 })])]),
      findings: [{ line: 240, actual: "-1,234", expected: undefined, message: /on negatiivne\.$/ }],
    },
    {
      name: "personnel and numbered items are named by label",
      plan: plan([
        elluviija([
          personnel("\u2212119 582", { line: 54 }),
          row("3.5.1.2", "30 000", { line: 100 }),
          row("1.", null, { line: 108 }),
          row("2.", "viisteist tuhat", { line: 112 }),
        ]),
      ]),
      findings: [
        {
          implementer: "ELVL",
          code: null,
          line: 54,
          message: /^Rea „Otsesed personalikulud“ planeeritav maksumus \u2212119 582 on negatiivne\.$/,
        },
        { code: "1", line: 108, message: /^Real 3\.5\.1\.2 › 1\. puudub planeeritav maksumus\.$/ },
        {
          code: "2",
          line: 112,
          actual: "viisteist tuhat",
          message: /^Rea 3\.5\.1\.2 › 2\. planeeritav maksumus „viisteist tuhat“ ei ole arv\.$/,
        },
      ],
    },
  ],
});
