import { sumMismatch } from "../../../src/checks/rules/sum-mismatch";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const AGREEMENT = "01.01.2023-31.12.2025";

testRule(sumMismatch, {
  valid: [
    {
      name: "every parent is the sum of its items, to the cent",
      plan: plan([
        partner("Tartu linn", AGREEMENT, [
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
      name: "numbered items add up to the coded row before them",
      plan: plan([elluviija([row("3.5.1.2", "30 000"), row("1.", "0"), row("2.", "15 000"), row("3.", "15 000")])]),
    },
    {
      name: "a code whose parent level has no row rolls up to its nearest ancestor",
      plan: plan([
        elluviija([
          row("3.5.1.3", "23 000"),
          row("3.5.1.3.1.1", "5 000"),
          row("3.5.1.3.1.2", "3 000"),
          row("3.5.1.3.3", "15 000"),
        ]),
      ]),
    },
    {
      name: "duplicated codes whose rows add up to the parent are its items (Pärnu)",
      plan: plan([
        partner("Pärnu linn", "01.01.2024-31.12.2025", [
          row("3.5.2.1", "18 434,77"),
          row("3.5.2.1.1", "13 434,77"),
          row("3.5.2.1.1", "0"),
          row("3.5.2.1.2", "13 434,77"),
          row("3.5.2.1.2", "5 000"),
          row("3.5.2.1.2.1", "5 000"),
        ]),
      ]),
    },
    {
      name: "a leaf with no readable amount makes no sum (invalid-amount reports it)",
      plan: plan([
        elluviija([
          row("3.5.1.4", "28 000"),
          row("3.5.1.4.1", null, { amountText: "kaks" }),
          row("3.5.1.4.2", "3 000"),
        ]),
      ]),
    },
    {
      name: "the top row is total-mismatch's, not this rule's",
      plan: plan([partner("Tartu linn", AGREEMENT, [row("3.5.2.1", "100"), row("3.5.2.1.1", "40"), personnel("50")])]),
    },
  ],
  invalid: [
    {
      name: "a section whose items add up to less",
      plan: plan([
        partner("Tartu linn", AGREEMENT, [
          row("3.5.2.1", "3 977,15"),
          row("3.5.2.1.3", "3 977,15", { line: 280 }),
          row("3.5.2.1.3.1", "2 400", { line: 286 }),
          row("3.5.2.1.3.2", "1 577,14", { line: 293 }),
        ]),
      ]),
      findings: [
        {
          rule: "sum-mismatch",
          implementer: "Tartu linn",
          code: "3.5.2.1.3",
          line: 280,
          declared: "3977.15",
          computed: "3977.14",
          difference: "-0.01",
          message:
            /^Rea 3\.5\.2\.1\.3 summa 3\u00a0977,15 € ei võrdu tema alamridade summaga 3\u00a0977,14 € \(vahe -0,01 €\)\.$/,
          related: [
            expect.objectContaining({ code: "3.5.2.1.3.1", line: 286 }),
            expect.objectContaining({ code: "3.5.2.1.3.2", line: 293 }),
          ],
        },
      ],
    },
    {
      name: "a section through a missing level, and numbered items",
      plan: plan([
        elluviija([
          row("3.5.1.2", "30 000", { line: 100 }),
          row("1.", "10 000"),
          row("2.", "15 000"),
          row("3.5.1.3", "23 000", { line: 162 }),
          row("3.5.1.3.1.1", "5 000"),
          row("3.5.1.3.3", "15 000"),
        ]),
      ]),
      findings: [
        { code: "3.5.1.2", line: 100, declared: "30000.00", computed: "25000.00", difference: "-5000.00" },
        { code: "3.5.1.3", line: 162, declared: "23000.00", computed: "20000.00", difference: "-3000.00" },
      ],
    },
    {
      name: "each level against its own items, so one wrong item is reported once",
      plan: plan([
        partner("Saaremaa vald", "01.11.2023-31.12.2025", [
          row("3.5.2.1", "2 093,24"),
          row("3.5.2.1.4", "2 093,24", { line: 571 }),
          row("3.5.2.1.4.1", "1 693,24", { line: 578 }),
          row("3.5.2.1.4.1.1", "1 000"),
          row("3.5.2.1.4.1.2", "693,24"),
          row("3.5.2.1.4.2", "500", { line: 582 }),
        ]),
      ]),
      findings: [{ code: "3.5.2.1.4", line: 571, declared: "2093.24", computed: "2193.24", difference: "100.00" }],
    },
  ],
});
