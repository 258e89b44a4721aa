import { mixedNumberFormat } from "../../../src/checks/rules/mixed-number-format";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const AGREEMENT = "01.01.2023-31.12.2025";

const USUAL = "kümnendkohad komaga, tuhanded tühikuga eraldatud";

/** ELVL's and Tartu's tables in the document's usual style: comma decimals, thousands grouped by spaces. */
const ESTONIAN = [
  elluviija([personnel("119 582"), row("3.5.1.2", "30 000"), row("1.", "15 000"), row("2.", "0")], 3),
  partner(
    "Tartu linn",
    AGREEMENT,
    [
      row("3.5.2.1", "93 988,53"),
      row("3.5.2.1.1", "5 660,54"),
      row("3.5.2.1.3", "3 977,15"),
      row("3.5.2.1.3.1", "2 400"),
      row("3.5.2.1.3.2", "1 577,15"),
      personnel("84 350,84"),
    ],
    9,
  ),
];

testRule(mixedNumberFormat, {
  valid: [
    {
      name: "comma decimals and space-grouped thousands throughout; whole euros are neutral on decimals",
      plan: plan(ESTONIAN),
    },
    {
      name: "small amounts (“0”, “800”) have no grouping to disagree with",
      plan: plan([
        ...ESTONIAN,
        partner("Haapsalu linn", AGREEMENT, [row("3.5.2.1", "800"), row("3.5.2.1.1", "0"), personnel("999")], 15),
      ]),
    },
    {
      name: "no-break and narrow no-break spaces group like plain spaces",
      plan: plan([
        ...ESTONIAN,
        partner(
          "Rakvere linn",
          AGREEMENT,
          [row("3.5.2.1", "82\u00a0037,77"), row("3.5.2.1.2", "20\u202f037,77"), personnel("1\u00a0000\u00a0000")],
          11,
        ),
      ]),
    },
    {
      name: "a document written all in another style is consistent (“115 817.00”)",
      plan: plan([
        partner(
          "Jõhvi vald",
          AGREEMENT,
          [row("3.5.2.1", "115 817.00"), row("3.5.2.1.1", "49 445.00"), row("3.5.2.1.5", "0"), personnel("60 332.00")],
          14,
        ),
      ]),
    },
    {
      name: "a document written all ungrouped is consistent (“3300”)",
      plan: plan([
        partner(
          "Pärnu linn",
          AGREEMENT,
          [row("3.5.2.1", "34440"), row("3.5.2.1.4", "3300,50"), personnel("31139,50")],
          13,
        ),
      ]),
    },
    {
      name: "missing and unreadable amounts are invalid-amount's, not a style",
      plan: plan([
        ...ESTONIAN,
        partner(
          "Saaremaa vald",
          AGREEMENT,
          [row("3.5.2.1", null), row("3.5.2.1.1", null, { amountText: "kaks" }), personnel("1 000,00")],
          12,
        ),
      ]),
    },
  ],
  invalid: [
    {
      name: "one table with decimal points (Jõhvi's “115 817.00”): one finding for the table",
      plan: plan([
        ...ESTONIAN,
        partner(
          "Jõhvi vald",
          AGREEMENT,
          [
            row("3.5.2.1", "115 817.00", { line: 729 }),
            row("3.5.2.1.1.", "49 445.00", { line: 735 }),
            row("3.5.2.1.5", "0", { line: 782 }),
            personnel("66 372,00", { line: 791 }),
          ],
          14,
        ),
      ]),
      findings: [
        {
          rule: "mixed-number-format",
          implementer: "Jõhvi vald",
          code: "3.5.2.1",
          line: 729,
          expected: USUAL,
          actual: "kümnendkohad punktiga",
          related: [
            expect.objectContaining({ code: "3.5.2.1", line: 729 }),
            expect.objectContaining({ code: "3.5.2.1.1", line: 735 }),
          ],
          message:
            /^Tabelis 14 on 2 summat kirjutatud teisiti kui mujal dokumendis \(kümnendkohad punktiga\), nt „115 817\.00“, „49 445\.00“\.$/,
          messageEn: /^Table 14 writes 2 amounts in another style than the rest of the document \(a decimal point\)/,
        },
      ],
    },
    {
      name: "a decimal point is odd whatever space groups the thousands",
      plan: plan([
        ...ESTONIAN,
        partner(
          "Jõhvi vald",
          AGREEMENT,
          [row("3.5.2.1", "115\u00a0817.00", { line: 729 }), row("3.5.2.1.1", "49\u202f445.00", { line: 735 })],
          14,
        ),
      ]),
      findings: [
        {
          implementer: "Jõhvi vald",
          line: 729,
          expected: USUAL,
          actual: "kümnendkohad punktiga",
          related: [expect.objectContaining({ line: 729 }), expect.objectContaining({ line: 735 })],
        },
      ],
    },
    {
      // Thin and figure spaces are what typesetting puts between thousands; parseMoney reads them, and so must the
      // style rule, or such a table is silently skipped.
      name: "thin and figure spaces group like plain spaces: a decimal point among them is still odd",
      plan: plan([
        ...ESTONIAN,
        partner(
          "Jõhvi vald",
          AGREEMENT,
          [row("3.5.2.1", "115\u2009817.00", { line: 729 }), row("3.5.2.1.1", "49\u2007445.00", { line: 735 })],
          14,
        ),
      ]),
      findings: [
        {
          implementer: "Jõhvi vald",
          line: 729,
          expected: USUAL,
          actual: "kümnendkohad punktiga",
          related: [expect.objectContaining({ line: 729 }), expect.objectContaining({ line: 735 })],
        },
      ],
    },
    {
      name: "an ungrouped “3300” among grouped amounts (Pärnu's 3.5.2.1.4)",
      plan: plan([
        ...ESTONIAN,
        partner(
          "Pärnu linn",
          AGREEMENT,
          [
            row("3.5.2.1", "3 300", { line: 619 }),
            row("3.5.2.1.4", "3300", { line: 662 }),
            row("3.5.2.1.4.1", "0", { line: 669 }),
            row("3.5.2.1.4.4", "3 300", { line: 681 }),
          ],
          13,
        ),
      ]),
      findings: [
        {
          implementer: "Pärnu linn",
          code: "3.5.2.1.4",
          line: 662,
          expected: USUAL,
          actual: "tuhanded eraldamata",
          related: [expect.objectContaining({ code: "3.5.2.1.4", line: 662 })],
          message:
            /^Tabelis 13 on üks summa kirjutatud teisiti kui mujal dokumendis \(tuhanded eraldamata\), nt „3300“\.$/,
        },
      ],
    },
    {
      name: "both differences in one table are described together",
      plan: plan([
        ...ESTONIAN,
        partner(
          "Saaremaa vald",
          AGREEMENT,
          [row("3.5.2.1", "3300.00", { line: 531 }), personnel("3300", { line: 594 })],
          12,
        ),
      ]),
      findings: [
        {
          implementer: "Saaremaa vald",
          code: "3.5.2.1",
          line: 531,
          actual: "kümnendkohad punktiga, tuhanded eraldamata",
          related: [expect.objectContaining({ line: 531 }), expect.objectContaining({ code: null, line: 594 })],
          message: /^Tabelis 12 on 2 summat kirjutatud teisiti .* nt „3300\.00“, „3300“\.$/,
        },
      ],
    },
    {
      name: "a table of many odd amounts gives three examples and the count",
      plan: plan([
        ...ESTONIAN,
        partner(
          "Jõhvi vald",
          AGREEMENT,
          [
            row("3.5.2.1", "115 817.00", { line: 729 }),
            row("3.5.2.1.1", "49 445.00"),
            row("3.5.2.1.1.1", "44 845.00"),
            row("3.5.2.1.1.2", "3 600.00"),
          ],
          14,
        ),
      ]),
      findings: [
        {
          line: 729,
          message:
            /^Tabelis 14 on 4 summat kirjutatud teisiti kui mujal dokumendis \(kümnendkohad punktiga\), nt „115 817\.00“, „49 445\.00“, „44 845\.00“\.$/,
        },
      ],
    },
    {
      name: "each odd table is a finding of its own, by table not by implementer",
      plan: plan([
        elluviija(
          [
            row("3.5.1.2", "30 000", { table: 3 }),
            row("3.5.1.3", "23 000", { table: 5 }),
            row("3.5.1.3.1", "23000", { table: 5, line: 166 }),
            row("3.5.1.4", "28 000", { table: 7 }),
            row("3.5.1.4.1", "28000", { table: 7, line: 199 }),
          ],
          3,
        ),
        ESTONIAN[1],
      ]),
      findings: [
        { implementer: "ELVL", code: "3.5.1.3.1", line: 166, message: /^Tabelis 5 on üks summa/ },
        { implementer: "ELVL", code: "3.5.1.4.1", line: 199, message: /^Tabelis 7 on üks summa/ },
      ],
    },
  ],
});
