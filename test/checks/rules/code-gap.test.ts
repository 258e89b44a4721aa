import { codeGap } from "../../../src/checks/rules/code-gap";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const AGREEMENT = "01.01.2023-31.12.2025";

testRule(codeGap, {
  valid: [
    {
      name: "the implementer's activities 3.5.1.1–3.5.1.4 are roots, though 3.5.1 has no row",
      plan: plan([
        elluviija([
          personnel("119 582"),
          row("3.5.1.1", "0"),
          row("3.5.1.2", "30 000"),
          row("3.5.1.3", "23 000"),
          row("3.5.1.4", "28 000"),
        ]),
      ]),
    },
    {
      name: "every level present, with numbered items and personnel",
      plan: plan([
        elluviija([row("3.5.1.2", "30 000"), row("1.", "0"), row("2.", "30 000")]),
        partner("Tartu linn", AGREEMENT, [
          row("3.5.2.1", "93 988,53"),
          row("3.5.2.1.1", "5 660,54"),
          row("3.5.2.1.1.1", "0"),
          row("3.5.2.1.1.2.", "5 660,54"),
          row("3.5.2.1.3", "3 977,15"),
          row("3.5.2.1.3.1", "2 400"),
          row("1.", "2 400"),
          row("3.5.2.1.3.2", "1 577,15"),
          personnel("84 350,84"),
        ]),
      ]),
    },
    {
      name: "a parent printed after its items is still their parent",
      plan: plan([
        elluviija([
          row("3.5.1.3", "8 000"),
          row("3.5.1.3.1.1", "5 000"),
          row("3.5.1.3.1.2", "3 000"),
          row("3.5.1.3.1", "8 000"),
        ]),
      ]),
    },
    {
      name: "Pärnu's repeated codes, read as items of 3.5.2.1.1, leave no gap",
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
  ],
  invalid: [
    {
      name: "ELVL 3.5.1.3 with 3.5.1.3.1.1 and 3.5.1.3.1.2 but no 3.5.1.3.1: one finding for both",
      plan: plan([
        elluviija([
          row("3.5.1.2", "30 000", { line: 100 }),
          row("3.5.1.3", "23 000", { line: 162 }),
          row("3.5.1.3.1.1", "5 000", { line: 166, label: "Veebilehe arendus" }),
          row("3.5.1.3.1.2.", "3 000", { line: 170 }),
          row("3.5.1.3.3.", "15 000", { line: 174 }),
        ]),
      ]),
      findings: [
        {
          rule: "code-gap",
          implementer: "ELVL",
          code: "3.5.1.3.1.1",
          line: 166,
          expected: "3.5.1.3.1",
          related: [
            expect.objectContaining({ code: "3.5.1.3.1.1", line: 166, label: "Veebilehe arendus" }),
            expect.objectContaining({ code: "3.5.1.3.1.2", line: 170 }),
          ],
          message:
            /^Rida koodiga 3\.5\.1\.3\.1 puudub: read 3\.5\.1\.3\.1\.1 ja 3\.5\.1\.3\.1\.2 arvestatakse rea 3\.5\.1\.3 alla\.$/,
          messageEn:
            /^There is no row 3\.5\.1\.3\.1: rows 3\.5\.1\.3\.1\.1 and 3\.5\.1\.3\.1\.2 roll up to row 3\.5\.1\.3\.$/,
        },
      ],
    },
    {
      name: "two missing levels in one schedule: one finding each, in line order",
      plan: plan([
        elluviija([
          row("3.5.1.3", "8 000", { line: 162 }),
          row("3.5.1.3.1.1", "5 000", { line: 166 }),
          row("3.5.1.3.1.2", "3 000", { line: 170 }),
          row("3.5.1.4", "28 000", { line: 193 }),
          row("3.5.1.4.1", "0", { line: 199 }),
          row("3.5.1.4.2.1", "10 000", { line: 203 }),
          row("3.5.1.4.2.2", "15 000", { line: 207 }),
          row("3.5.1.4.3", "3 000", { line: 211 }),
        ]),
      ]),
      findings: [
        {
          code: "3.5.1.3.1.1",
          line: 166,
          expected: "3.5.1.3.1",
          related: [expect.objectContaining({ line: 166 }), expect.objectContaining({ line: 170 })],
        },
        {
          code: "3.5.1.4.2.1",
          line: 203,
          expected: "3.5.1.4.2",
          related: [
            expect.objectContaining({ code: "3.5.1.4.2.1", line: 203 }),
            expect.objectContaining({ code: "3.5.1.4.2.2", line: 207 }),
          ],
          message:
            /^Rida koodiga 3\.5\.1\.4\.2 puudub: read 3\.5\.1\.4\.2\.1 ja 3\.5\.1\.4\.2\.2 arvestatakse rea 3\.5\.1\.4 alla\.$/,
        },
      ],
    },
    {
      name: "a single item under a partner's missing section",
      plan: plan([
        partner("Saaremaa vald", "01.11.2023-31.12.2025", [
          row("3.5.2.1", "5 000", { line: 531 }),
          row("3.5.2.1.2.1", "5 000", { line: 552 }),
          personnel("0"),
        ]),
      ]),
      findings: [
        {
          implementer: "Saaremaa vald",
          code: "3.5.2.1.2.1",
          line: 552,
          expected: "3.5.2.1.2",
          related: [expect.objectContaining({ code: "3.5.2.1.2.1", line: 552 })],
          message: /^Rida koodiga 3\.5\.2\.1\.2 puudub: rida 3\.5\.2\.1\.2\.1 arvestatakse rea 3\.5\.2\.1 alla\.$/,
        },
      ],
    },
    {
      name: "two levels missing: the item's own parent is named, the nearest row takes it",
      plan: plan([
        partner("Tartu linn", AGREEMENT, [
          row("3.5.2.1", "1 000", { line: 244 }),
          row("3.5.2.1.4.1.1", "1 000", { line: 304 }),
        ]),
      ]),
      findings: [
        {
          code: "3.5.2.1.4.1.1",
          line: 304,
          expected: "3.5.2.1.4.1",
          message:
            /^Rida koodiga 3\.5\.2\.1\.4\.1 puudub: rida 3\.5\.2\.1\.4\.1\.1 arvestatakse rea 3\.5\.2\.1 alla\.$/,
        },
      ],
    },
    {
      name: "the same gap in two schedules is reported for each",
      plan: plan([
        partner("Tartu linn", AGREEMENT, [row("3.5.2.1", "0"), row("3.5.2.1.2.1", "0", { line: 272 })]),
        partner("Rakvere linn", AGREEMENT, [row("3.5.2.1", "0"), row("3.5.2.1.2.1", "0", { line: 471 })], 11),
      ]),
      findings: [
        { implementer: "Tartu linn", line: 272, expected: "3.5.2.1.2" },
        { implementer: "Rakvere linn", line: 471, expected: "3.5.2.1.2" },
      ],
    },
  ],
});

// A code with no ancestor row at all, deeper than the schedule's other top rows.
testRule(codeGap, {
  valid: [],
  invalid: [
    {
      name: "ELVL's 3.5.1.5.1 without any 3.5.1.5 beside 3.5.1.1–3.5.1.4",
      plan: plan([elluviija([row("3.5.1.1", "0"), row("3.5.1.4", "10"), row("3.5.1.5.1", "5", { line: 300 })])]),
      findings: [
        {
          code: "3.5.1.5.1",
          line: 300,
          expected: "3.5.1.5",
          message:
            /^Rida koodiga 3\.5\.1\.5 puudub: rida 3\.5\.1\.5\.1 jääb ülemreata ja arvestatakse otse kogusummasse\.$/,
        },
      ],
    },
  ],
});
