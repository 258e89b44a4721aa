import { duplicateCode } from "../../../src/checks/rules/duplicate-code";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const PARNU = "01.01.2024-31.12.2025";
const RAKVERE = "01.02.2023-31.12.2025";

testRule(duplicateCode, {
  valid: [
    {
      name: "distinct codes at every level",
      plan: plan([
        partner("Tartu linn", "01.01.2023-31.12.2025", [
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
      name: 'the item "1." under two different coded rows is not a duplicate',
      plan: plan([
        elluviija([
          personnel("119 582"),
          row("3.5.1.1", "0"),
          row("1.", "0"),
          row("3.5.1.2", "30 000"),
          row("1.", "0"),
          row("2.", "15 000"),
          row("3.5.1.3", "23 000"),
          row("1.", "23 000"),
        ]),
      ]),
    },
    {
      name: "the same last number under different parents (3.5.2.1.1.1 and 3.5.2.1.2.1)",
      plan: plan([
        partner("Saaremaa vald", "01.11.2023-31.12.2025", [
          row("3.5.2.1", "39 900"),
          row("3.5.2.1.1", "34 900"),
          row("3.5.2.1.1.1", "34 900"),
          row("3.5.2.1.2", "5 000"),
          row("3.5.2.1.2.1", "5 000"),
        ]),
      ]),
    },
    {
      name: "the same codes in two implementers' schedules",
      plan: plan([
        partner("Tartu linn", "01.01.2023-31.12.2025", [row("3.5.2.1", "100"), row("3.5.2.1.1", "100")]),
        partner("Rakvere linn", RAKVERE, [row("3.5.2.1", "100"), row("3.5.2.1.1", "100")]),
      ]),
    },
    {
      name: "two personnel rows have no code to repeat",
      plan: plan([
        partner("Tartu linn", "01.01.2023-31.12.2025", [row("3.5.2.1", "100"), personnel("50"), personnel("50")]),
      ]),
    },
  ],
  invalid: [
    {
      name: "Pärnu: 3.5.2.1.1 (0) and 3.5.2.1.2 (13 434,77) add up to the 3.5.2.1.1 before them, so they are its items",
      plan: plan([
        partner("Pärnu linn", PARNU, [
          row("3.5.2.1", "58 174,77", { line: 619 }),
          row("3.5.2.1.1", "13 434,77", { line: 625 }),
          row("3.5.2.1.1", "0", { line: 629 }),
          row("3.5.2.1.2", "13 434,77", { line: 634 }),
          row("3.5.2.1.2", "5 000", { line: 638 }),
          row("3.5.2.1.2.1", "5 000", { line: 644 }),
          row("3.5.2.1.3", "2 000", { line: 648 }),
          row("3.5.2.1.3.1", "2 000", { line: 654 }),
          row("3.5.2.1.3.2", "0", { line: 658 }),
          row("3.5.2.1.4", "3 300", { line: 662 }),
          row("3.5.2.1.4.1", "0", { line: 669 }),
          row("3.5.2.1.4.2", "0", { line: 673 }),
          row("3.5.2.1.4.3", "0", { line: 677 }),
          row("3.5.2.1.4.4", "3 300", { line: 681 }),
          row("3.5.2.1.5", "0", { line: 686 }),
          row("3.5.2.1.5.1", "0", { line: 694 }),
          personnel("34 440", { line: 698 }),
        ]),
      ]),
      findings: [
        {
          rule: "duplicate-code",
          implementer: "Pärnu linn",
          code: "3.5.2.1.1",
          line: 629,
          expected: "3.5.2.1.1.1",
          actual: "3.5.2.1.1",
          correction: { from: "3.5.2.1.1", to: "3.5.2.1.1.1" },
          message:
            /^Kood 3\.5\.2\.1\.1 esineb mitu korda; see rida \(„Tegevus 3\.5\.2\.1\.1“\) on ilmselt 3\.5\.2\.1\.1\.1\. Read 3\.5\.2\.1\.1 \(„Tegevus 3\.5\.2\.1\.1“\) ja 3\.5\.2\.1\.2 \(„Tegevus 3\.5\.2\.1\.2“\) annavad kokku täpselt rea 3\.5\.2\.1\.1 \(„Tegevus 3\.5\.2\.1\.1“\) summa 13\u00a0434,77 €, seega on need selle alamread\.$/,
          related: [
            expect.objectContaining({ code: "3.5.2.1.1", line: 625 }),
            expect.objectContaining({ code: "3.5.2.1.1", line: 629 }),
            expect.objectContaining({ code: "3.5.2.1.2", line: 634 }),
          ],
        },
        {
          implementer: "Pärnu linn",
          code: "3.5.2.1.2",
          line: 634,
          expected: "3.5.2.1.1.2",
          actual: "3.5.2.1.2",
          correction: { from: "3.5.2.1.2", to: "3.5.2.1.1.2" },
          message:
            /^Kood 3\.5\.2\.1\.2 esineb mitu korda; see rida \(„Tegevus 3\.5\.2\.1\.2“\) on ilmselt 3\.5\.2\.1\.1\.2\. Read 3\.5\.2\.1\.1 \(„Tegevus 3\.5\.2\.1\.1“\) ja 3\.5\.2\.1\.2 \(„Tegevus 3\.5\.2\.1\.2“\) annavad kokku täpselt rea 3\.5\.2\.1\.1 \(„Tegevus 3\.5\.2\.1\.1“\) summa 13\u00a0434,77 €, seega on need selle alamread\.$/,
          related: [
            expect.objectContaining({ line: 625 }),
            expect.objectContaining({ line: 629 }),
            expect.objectContaining({ line: 634 }),
          ],
        },
      ],
    },
    {
      name: "Rakvere: 3.5.2.1.1.1 (0) after 3.5.2.1.1.1 (20 000) is the next item, 3.5.2.1.1.2",
      plan: plan([
        partner("Rakvere linn", RAKVERE, [
          row("3.5.2.1", "82 037,77", { line: 444 }),
          row("3.5.2.1.1", "20 000", { line: 450 }),
          row("3.5.2.1.1.1", "20 000", { line: 457 }),
          row("3.5.2.1.1.1", "0", { line: 461 }),
          row("3.5.2.1.2", "20 037,77", { line: 465 }),
          row("3.5.2.1.2.1", "18 037,77", { line: 471 }),
          row("3.5.2.1.2.2", "2 000", { line: 475 }),
          personnel("39 000", { line: 512 }),
        ]),
      ]),
      findings: [
        {
          implementer: "Rakvere linn",
          code: "3.5.2.1.1.1",
          line: 461,
          expected: "3.5.2.1.1.2",
          actual: "3.5.2.1.1.1",
          correction: { from: "3.5.2.1.1.1", to: "3.5.2.1.1.2" },
          message:
            /^Kood 3\.5\.2\.1\.1\.1 esineb mitu korda; see rida \(„Tegevus 3\.5\.2\.1\.1\.1“\) on ilmselt 3\.5\.2\.1\.1\.2\.$/,
          related: [expect.objectContaining({ code: "3.5.2.1.1.1", line: 457 })],
        },
      ],
    },
    {
      name: "rows after the duplicate that do not add up to its twin: the next free sibling number",
      plan: plan([
        partner("Pärnu linn", PARNU, [
          row("3.5.2.1", "26 434,77", { line: 619 }),
          row("3.5.2.1.1", "13 434,77", { line: 625 }),
          row("3.5.2.1.1", "0", { line: 629 }),
          row("3.5.2.1.2", "13 000", { line: 634 }),
          row("3.5.2.1.2.1", "13 000", { line: 644 }),
        ]),
      ]),
      findings: [
        {
          code: "3.5.2.1.1",
          line: 629,
          expected: "3.5.2.1.3",
          actual: "3.5.2.1.1",
          correction: { from: "3.5.2.1.1", to: "3.5.2.1.3" },
          message:
            /^Kood 3\.5\.2\.1\.1 esineb mitu korda; see rida \(„Tegevus 3\.5\.2\.1\.1“\) on ilmselt 3\.5\.2\.1\.3\.$/,
          related: [expect.objectContaining({ line: 625 })],
        },
      ],
    },
    {
      name: "ELVL: a second 3.5.1.2 whose next rows overshoot 30 000 is the missing 3.5.1.3 (numbered items skipped)",
      plan: plan([
        elluviija([
          personnel("119 582", { line: 54 }),
          row("3.5.1.1", "0", { line: 59 }),
          row("1.", "0", { line: 63 }),
          row("3.5.1.2", "30 000", { line: 100 }),
          row("1.", "15 000", { line: 108 }),
          row("2.", "15 000", { line: 112 }),
          row("3.5.1.2", "23 000", { line: 162 }),
          row("3.5.1.4", "28 000", { line: 190 }),
        ]),
      ]),
      findings: [
        {
          implementer: "ELVL",
          code: "3.5.1.2",
          line: 162,
          correction: { from: "3.5.1.2", to: "3.5.1.3" },
          message: /^Kood 3\.5\.1\.2 esineb mitu korda; see rida \(„Tegevus 3\.5\.1\.2“\) on ilmselt 3\.5\.1\.3\.$/,
        },
      ],
    },
    {
      name: "a repeat that is not next to its twin gets a sibling number, even where amounts would fit",
      plan: plan([
        partner("Tartu linn", "01.01.2023-31.12.2025", [
          row("3.5.2.1", "150"),
          row("3.5.2.1.1", "100", { line: 201 }),
          row("3.5.2.1.1.1", "100", { line: 202 }),
          row("3.5.2.1.2", "50", { line: 203 }),
          row("3.5.2.1.1", "70", { line: 204 }),
          row("3.5.2.1.1", "30", { line: 205 }),
        ]),
      ]),
      findings: [
        // 70 + 30 = 100, but line 204 follows 3.5.2.1.2, not its twin at 201; 30 after 70 is not 70's item either.
        {
          line: 204,
          correction: { from: "3.5.2.1.1", to: "3.5.2.1.3" },
          message:
            /^Kood 3\.5\.2\.1\.1 esineb mitu korda; see rida \(„Tegevus 3\.5\.2\.1\.1“\) on ilmselt 3\.5\.2\.1\.3\.$/,
        },
        {
          line: 205,
          correction: { from: "3.5.2.1.1", to: "3.5.2.1.4" },
          message:
            /^Kood 3\.5\.2\.1\.1 esineb mitu korda; see rida \(„Tegevus 3\.5\.2\.1\.1“\) on ilmselt 3\.5\.2\.1\.4\.$/,
        },
      ],
    },
    {
      name: "a code printed three times: the repeats take the next free numbers in turn",
      plan: plan([
        partner("Pärnu linn", PARNU, [
          row("3.5.2.1", "3 600"),
          row("3.5.2.1.1", "0"),
          row("3.5.2.1.2", "0"),
          row("3.5.2.1.3", "0"),
          row("3.5.2.1.4", "3 300", { line: 662 }),
          row("3.5.2.1.4", "100", { line: 669 }),
          row("3.5.2.1.4", "200", { line: 673 }),
        ]),
      ]),
      findings: [
        {
          line: 669,
          correction: { from: "3.5.2.1.4", to: "3.5.2.1.5" },
          message:
            /^Kood 3\.5\.2\.1\.4 esineb mitu korda; see rida \(„Tegevus 3\.5\.2\.1\.4“\) on ilmselt 3\.5\.2\.1\.5\.$/,
        },
        {
          line: 673,
          correction: { from: "3.5.2.1.4", to: "3.5.2.1.6" },
          message:
            /^Kood 3\.5\.2\.1\.4 esineb mitu korda; see rida \(„Tegevus 3\.5\.2\.1\.4“\) on ilmselt 3\.5\.2\.1\.6\.$/,
        },
      ],
    },
    {
      name: "a trailing dot does not make another code; one row with its twin's amount is its single item",
      plan: plan([
        partner("Pärnu linn", PARNU, [
          row("3.5.2.1", "2 000"),
          row("3.5.2.1.3.", "2 000", { line: 648 }),
          row("3.5.2.1.3", "2 000", { line: 654 }),
        ]),
      ]),
      findings: [
        {
          code: "3.5.2.1.3",
          line: 654,
          correction: { from: "3.5.2.1.3", to: "3.5.2.1.3.1" },
          message:
            /^Kood 3\.5\.2\.1\.3 esineb mitu korda; see rida \(„Tegevus 3\.5\.2\.1\.3“\) on ilmselt 3\.5\.2\.1\.3\.1\. Rida 3\.5\.2\.1\.3 \(„Tegevus 3\.5\.2\.1\.3“\) võrdub täpselt rea 3\.5\.2\.1\.3 \(„Tegevus 3\.5\.2\.1\.3\.“\) summaga 2\u00a0000,00 €, seega on see selle alamrida\.$/,
          related: [expect.objectContaining({ line: 648 }), expect.objectContaining({ line: 654 })],
        },
      ],
    },
    {
      name: "each implementer's duplicates, in document order",
      plan: plan([
        partner("Rakvere linn", RAKVERE, [
          row("3.5.2.1", "20 000"),
          row("3.5.2.1.1", "20 000", { line: 450 }),
          row("3.5.2.1.1", "5 000", { line: 457 }),
          row("3.5.2.1.2", "5 000", { line: 461 }),
        ]),
        partner("Tartu linn", "01.01.2023-31.12.2025", [
          row("3.5.2.1", "100"),
          row("3.5.2.1.1", "100", { line: 250 }),
          row("3.5.2.1.1", "100", { line: 251 }),
        ]),
      ]),
      findings: [
        // 5 000 then 5 000 + 5 000 stays under 20 000 and the run ends with the rows: no children-sum.
        { implementer: "Rakvere linn", line: 457, correction: { from: "3.5.2.1.1", to: "3.5.2.1.3" } },
        { implementer: "Tartu linn", line: 251, correction: { from: "3.5.2.1.1", to: "3.5.2.1.1.1" } },
      ],
    },
  ],
});

// Cases from the first review of this rule, kept as the rule now reads them.
testRule(duplicateCode, {
  valid: [],
  invalid: [
    {
      name: "a repeat after a renumbered twin is numbered from where it stands, not made an item of the twin",
      plan: plan([
        partner("Pärnu linn", "01.01.2024-31.12.2025", [
          row("3.5.2.1", "3 300"),
          row("3.5.2.1.1", "0"),
          row("3.5.2.1.2", "0"),
          row("3.5.2.1.3", "0"),
          row("3.5.2.1.4", "3 300", { line: 662 }),
          row("3.5.2.1.4", "0", { line: 669 }),
          row("3.5.2.1.4", "0", { line: 673 }),
        ]),
      ]),
      findings: [
        { line: 669, correction: { from: "3.5.2.1.4", to: "3.5.2.1.5" } },
        { line: 673, correction: { from: "3.5.2.1.4", to: "3.5.2.1.6" } },
      ],
    },
    {
      name: "a children-sum member printed once is not said to be used twice",
      plan: plan([
        partner("Tartu linn", "01.01.2023-31.12.2025", [
          row("3.5.2.1", "100"),
          row("3.5.2.1.1", "100", { line: 2 }),
          row("3.5.2.1.1", "40", { line: 3 }),
          row("3.5.2.1.2", "60", { line: 4 }),
        ]),
      ]),
      findings: [
        {
          line: 3,
          correction: { from: "3.5.2.1.1", to: "3.5.2.1.1.1" },
          message:
            /^Kood 3\.5\.2\.1\.1 esineb mitu korda; see rida \(„Tegevus 3\.5\.2\.1\.1“\) on ilmselt 3\.5\.2\.1\.1\.1\. Read 3\.5\.2\.1\.1 \(„Tegevus 3\.5\.2\.1\.1“\) ja 3\.5\.2\.1\.2 \(„Tegevus 3\.5\.2\.1\.2“\) annavad kokku täpselt rea 3\.5\.2\.1\.1 \(„Tegevus 3\.5\.2\.1\.1“\) summa 100,00 €, seega on need selle alamread\.$/,
        },
        {
          line: 4,
          correction: { from: "3.5.2.1.2", to: "3.5.2.1.1.2" },
          message:
            /^Rea 3\.5\.2\.1\.2 \(„Tegevus 3\.5\.2\.1\.2“\) kood on ilmselt 3\.5\.2\.1\.1\.2\. Read 3\.5\.2\.1\.1 \(„Tegevus 3\.5\.2\.1\.1“\) ja 3\.5\.2\.1\.2 \(„Tegevus 3\.5\.2\.1\.2“\) annavad kokku täpselt rea 3\.5\.2\.1\.1 \(„Tegevus 3\.5\.2\.1\.1“\) summa 100,00 €, seega on need selle alamread\.$/,
          related: [
            expect.objectContaining({ line: 2 }),
            expect.objectContaining({ line: 3 }),
            expect.objectContaining({ line: 4 }),
          ],
        },
      ],
    },
    {
      name: "a zero row after a zero twin is its next sibling: a zero sum is no evidence",
      plan: plan([
        partner("Saaremaa vald", "01.11.2023-31.12.2025", [
          row("3.5.2.1", "0"),
          row("3.5.2.1.3", "0"),
          row("3.5.2.1.3.1", "0", { line: 563 }),
          row("3.5.2.1.3.1", "0", { line: 567 }),
        ]),
      ]),
      findings: [{ line: 567, correction: { from: "3.5.2.1.3.1", to: "3.5.2.1.3.2" } }],
    },
    {
      name: 'the item "1." printed twice under the same coded row',
      plan: plan([
        elluviija([
          row("3.5.1.2", "30 000", { line: 100 }),
          row("1.", "15 000", { line: 108 }),
          row("1.", "15 000", { line: 112 }),
          row("2.", "0", { line: 117 }),
        ]),
      ]),
      findings: [
        {
          code: "1",
          line: 112,
          correction: { from: "1", to: "3" },
          message:
            /^Punkt 3\.5\.1\.2 › 1\. esineb mitu korda; see punkt \(„Tegevus 1\.“\) on ilmselt 3\.5\.1\.2 › 3\.$/,
        },
      ],
    },
  ],
});
