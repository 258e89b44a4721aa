import { totalMismatch } from "../../../src/checks/rules/total-mismatch";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const TARTU = "01.01.2023-31.12.2025";
const PARNU = "01.01.2024-31.12.2025";

testRule(totalMismatch, {
  valid: [
    {
      name: "the top row is its sections plus personnel, to the cent",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "93 988,53"),
          row("3.5.2.1.1", "5 660,54"),
          row("3.5.2.1.1.1", "0"),
          row("3.5.2.1.1.2", "5 660,54"),
          row("3.5.2.1.3", "3 977,15"),
          row("3.5.2.1.3.1", "2 400"),
          row("3.5.2.1.3.2", "1 577,15"),
          personnel("84 350,84"),
        ]),
      ]),
    },
    {
      name: "ELVL has no single top row: its 3.5.1.x roots and personnel are compared with nothing",
      plan: plan([
        elluviija([
          personnel("119 582"),
          row("3.5.1.1", "0"),
          row("1.", "0"),
          row("3.5.1.2", "30 000"),
          row("1.", "10 000"),
          row("3.5.1.3", "23 000"),
          row("3.5.1.4", "28 000"),
        ]),
      ]),
    },
    {
      name: "the top is compared with its sections' declared amounts; a section's own items are sum-mismatch's",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "1 000"),
          row("3.5.2.1.1", "400"),
          row("3.5.2.1.1.1", "300"),
          personnel("600"),
        ]),
      ]),
    },
    {
      name: "a section with no amount counts as the sum of its items",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "1 000"),
          row("3.5.2.1.1", null),
          row("3.5.2.1.1.1", "250"),
          row("3.5.2.1.1.2", "150"),
          personnel("600"),
        ]),
      ]),
    },
    {
      name: "Pärnu: the duplicated codes are items of 3.5.2.1.1, so the top adds up",
      plan: plan([
        partner("Pärnu linn", PARNU, [
          row("3.5.2.1", "58 174,77"),
          row("3.5.2.1.1", "13 434,77"),
          row("3.5.2.1.1", "0"),
          row("3.5.2.1.2", "13 434,77"),
          row("3.5.2.1.2", "5 000"),
          row("3.5.2.1.2.1", "5 000"),
          row("3.5.2.1.3", "2 000"),
          row("3.5.2.1.3.1", "2 000"),
          row("3.5.2.1.3.2", "0"),
          row("3.5.2.1.4", "3 300"),
          row("3.5.2.1.4.1", "0"),
          row("3.5.2.1.4.2", "0"),
          row("3.5.2.1.4.3", "0"),
          row("3.5.2.1.4.4", "3 300"),
          row("3.5.2.1.5", "0"),
          row("3.5.2.1.5.1", "0"),
          personnel("34 440"),
        ]),
      ]),
    },
    {
      name: "amounts with a decimal dot or without decimals equal the comma form",
      plan: plan([
        partner("Jõhvi vald", "01.01.2025-31.12.2026", [
          row("3.5.2.1", "115 817.00"),
          row("3.5.2.1.1", "49445"),
          personnel("66 372,00"),
        ]),
      ]),
    },
    {
      name: "all zero",
      plan: plan([partner("Tartu linn", TARTU, [row("3.5.2.1", "0"), row("3.5.2.1.1", "0,00"), personnel("0")])]),
    },
    {
      name: "a top row with no amount is invalid-amount's",
      plan: plan([partner("Tartu linn", TARTU, [row("3.5.2.1", null), row("3.5.2.1.1", "100"), personnel("50")])]),
    },
    {
      name: "a section whose amount cannot be read leaves no sum to compare",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "100"),
          row("3.5.2.1.1", null, { amountText: "kaks" }),
          personnel("50"),
        ]),
      ]),
    },
    {
      name: "a lone top row with nothing under it",
      plan: plan([partner("Tartu linn", TARTU, [row("3.5.2.1", "100")])]),
    },
  ],
  invalid: [
    {
      name: "one cent short: personnel 84 350,83 instead of 84 350,84",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "93 988,53", { line: 240 }),
          row("3.5.2.1.1", "5 660,54", { line: 246 }),
          row("3.5.2.1.1.1", "0", { line: 257 }),
          row("3.5.2.1.1.2", "5 660,54", { line: 262 }),
          row("3.5.2.1.3", "3 977,15", { line: 280 }),
          row("3.5.2.1.3.1", "2 400", { line: 286 }),
          row("3.5.2.1.3.2", "1 577,15", { line: 293 }),
          personnel("84 350,83", { line: 300 }),
        ]),
      ]),
      findings: [
        {
          rule: "total-mismatch",
          implementer: "Tartu linn",
          code: "3.5.2.1",
          line: 240,
          declared: "93988.53",
          computed: "93988.52",
          difference: "-0.01",
          message:
            /^Rea 3\.5\.2\.1 kogusumma 93\u00a0988,53 € ei võrdu tegevuste ja personalikulude summaga 93\u00a0988,52 € \(vahe -0,01 €\)\.$/,
          related: [
            expect.objectContaining({ code: "3.5.2.1.1", line: 246 }),
            expect.objectContaining({ code: "3.5.2.1.3", line: 280 }),
            expect.objectContaining({ code: null, line: 300 }),
          ],
        },
      ],
    },
    {
      name: "the top row leaves out personnel",
      plan: plan([
        partner("Pärnu linn", PARNU, [
          row("3.5.2.1", "23 734,77", { line: 619 }),
          row("3.5.2.1.1", "13 434,77"),
          row("3.5.2.1.2", "5 000"),
          row("3.5.2.1.3", "2 000"),
          row("3.5.2.1.4", "3 300"),
          row("3.5.2.1.5", "0"),
          personnel("34 440"),
        ]),
      ]),
      findings: [
        {
          implementer: "Pärnu linn",
          code: "3.5.2.1",
          line: 619,
          declared: "23734.77",
          computed: "58174.77",
          difference: "34440.00",
          message: /kogusumma 23\u00a0734,77 € .* summaga 58\u00a0174,77 € \(vahe 34\u00a0440,00 €\)/,
        },
      ],
    },
    {
      name: "a section with no amount counts with its items' sum",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "1 000", { line: 240 }),
          row("3.5.2.1.1", null),
          row("3.5.2.1.1.1", "250"),
          row("3.5.2.1.1.2", "250"),
          personnel("600"),
        ]),
      ]),
      findings: [{ code: "3.5.2.1", line: 240, declared: "1000.00", computed: "1100.00", difference: "100.00" }],
    },
    {
      name: "only the partner that disagrees; ELVL, with no top row, is not compared",
      plan: plan([
        elluviija([personnel("119 582"), row("3.5.1.1", "1"), row("3.5.1.2", "30 000"), row("1.", "5")]),
        partner("Tartu linn", TARTU, [row("3.5.2.1", "100"), row("3.5.2.1.1", "40"), personnel("60")]),
        partner("Rakvere linn", "01.02.2023-31.12.2025", [
          row("3.5.2.1", "82 037,77", { line: 444 }),
          row("3.5.2.1.1", "20 000"),
          row("3.5.2.1.1.1", "20 000"),
          row("3.5.2.1.1.1", "0"),
          row("3.5.2.1.2", "20 037,77"),
          row("3.5.2.1.3", "3 000"),
          row("3.5.2.1.4", "1 000"),
          row("3.5.2.1.5", "0"),
          personnel("39 000"),
        ]),
      ]),
      findings: [
        {
          implementer: "Rakvere linn",
          code: "3.5.2.1",
          line: 444,
          declared: "82037.77",
          computed: "83037.77",
          difference: "1000.00",
          message:
            /^Rea 3\.5\.2\.1 kogusumma 82\u00a0037,77 € ei võrdu tegevuste ja personalikulude summaga 83\u00a0037,77 € \(vahe 1\u00a0000,00 €\)\.$/,
        },
      ],
    },
    {
      name: "two partners, in document order rather than line order (Jõhvi leaves out its 3.5.2.1.4, 1 520)",
      plan: plan([
        partner("Haapsalu linn", "01.12.2024-31.12.2026", [
          row("3.5.2.1", "148 534,53", { line: 815 }),
          row("3.5.2.1.1", "51 824,53"),
          row("3.5.2.1.2", "37 340"),
          row("3.5.2.1.3", "8 026"),
          row("3.5.2.1.4", "3 500"),
          personnel("47 844,01"),
        ]),
        partner("Jõhvi vald", "01.01.2025-31.12.2026", [
          row("3.5.2.1", "115 817", { line: 729 }),
          row("3.5.2.1.1", "49 445"),
          row("3.5.2.1.3", "4 520"),
          personnel("60 332"),
        ]),
      ]),
      findings: [
        { implementer: "Haapsalu linn", line: 815, declared: "148534.53", computed: "148534.54", difference: "0.01" },
        { implementer: "Jõhvi vald", line: 729, declared: "115817.00", computed: "114297.00", difference: "-1520.00" },
      ],
    },
  ],
});

// From the first review of this rule: the implementer has no top row even with a single activity.
testRule(totalMismatch, {
  valid: [
    {
      name: "an elluviija's single section (3.5.1.2) is not its top row, nor personnel one of its items",
      plan: plan([
        elluviija([personnel("119 582"), row("3.5.1.2", "30 000"), row("1.", "15 000"), row("2.", "15 000")]),
      ]),
    },
  ],
  invalid: [],
});
