import { indicatorTargetDecrease } from "../../../src/checks/rules/indicator-target-decrease";
import { elluviija, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const SCHEDULE = [elluviija([row("3.5.1.1", "0")])];

testRule(indicatorTargetDecrease, {
  valid: [
    {
      name: "a count that grows from zero (Arv 0 → 7)",
      plan: plan(SCHEDULE, { indicators: [{ unit: "Arv", target: "0", target2029: "7" }] }),
    },
    {
      name: "a count that stays the same",
      plan: plan(SCHEDULE, {
        indicators: [
          { unit: "Arv", target: "8", target2029: "8" },
          { unit: "Osaluskord", target: "30", target2029: "30.0" },
        ],
      }),
    },
    {
      name: "numbers compare as numbers, not text (9 → 10, 6 → 12)",
      plan: plan(SCHEDULE, {
        indicators: [
          { unit: "Arv", target: "9", target2029: "10" },
          { unit: "Arv", target: "6", target2029: "12" },
        ],
      }),
    },
    {
      name: "units that are no counts may fall (%, Protsent, Eurot)",
      plan: plan(SCHEDULE, {
        indicators: [
          { unit: "%", target: "80", target2029: "50" },
          { unit: "Protsent", target: "80", target2029: "50" },
          { unit: "Eurot", target: "1000", target2029: "500" },
        ],
      }),
    },
    {
      name: "targets that are not numbers are not compared",
      plan: plan(SCHEDULE, {
        indicators: [
          { unit: "Arv", target: "8", target2029: "" },
          { unit: "Arv", target: "kuni 10", target2029: "7" },
        ],
      }),
    },
    {
      name: "a plan without indicators",
      plan: plan(SCHEDULE),
    },
  ],
  invalid: [
    {
      name: "a count that falls (KOV koordinaatorite arv, Arv 8 → 7)",
      plan: plan(SCHEDULE, {
        indicators: [
          { name: "KOV koordinaatorite arv", unit: "Arv", target: "8", target2029: "7", line: 72 },
          { name: "KOV-ide arv", unit: "Arv", target: "0", target2029: "7", line: 150 },
        ],
      }),
      findings: [
        {
          rule: "indicator-target-decrease",
          implementer: null,
          code: null,
          line: 72,
          expected: "≥ 8",
          actual: "7",
          related: [],
          message:
            /^Näitaja „KOV koordinaatorite arv“ \(tabel 2\) sihttase aastaks 2029 \(7\) on väiksem kui tegevuskava aasta sihttase \(8\)\.$/,
          messageEn:
            /^Indicator "KOV koordinaatorite arv" \(table 2\) targets 7 for 2029, less than its plan-year target 8\.$/,
        },
      ],
    },
    {
      name: "numbers compare as numbers, not text (10 → 9)",
      plan: plan(SCHEDULE, { indicators: [{ unit: "Arv", target: "10", target2029: "9", line: 60 }] }),
      findings: [
        {
          line: 60,
          expected: "≥ 10",
          actual: "9",
          message:
            /^Näitaja „Näitaja 1“ \(tabel 2\) sihttase aastaks 2029 \(9\) on väiksem kui tegevuskava aasta sihttase \(10\)\.$/,
        },
      ],
    },
    {
      name: "every count unit, whatever its case, and decimal targets",
      plan: plan(SCHEDULE, {
        indicators: [
          { unit: "Osaluskord", target: "45", target2029: "30", line: 181 },
          { unit: "arv", target: "2", target2029: "1", line: 182 },
          { unit: "Inimest", target: "12.5", target2029: "12", line: 183 },
          { unit: "TK", target: "3", target2029: "0", line: 184 },
          { unit: "Kord", target: "3", target2029: "2.99", line: 185 },
          { unit: "Osalejat", target: "100", target2029: "99", line: 186 },
        ],
      }),
      findings: [
        { line: 181, expected: "≥ 45", actual: "30" },
        { line: 182, expected: "≥ 2", actual: "1" },
        { line: 183, expected: "≥ 12.5", actual: "12" },
        { line: 184, expected: "≥ 3", actual: "0" },
        { line: 185, expected: "≥ 3", actual: "2.99" },
        { line: 186, expected: "≥ 100", actual: "99" },
      ],
    },
    {
      name: "findings follow the document's lines, with each table's number",
      plan: plan(SCHEDULE, {
        indicators: [
          { table: 17, name: "KOV-ide osaluskogude arv", unit: "Arv", target: "5", target2029: "4", line: 945 },
          {
            table: 17,
            name: "Kohaliku tasandi koostöövõrgustike arv",
            unit: "Arv",
            target: "8",
            target2029: "7",
            line: 940,
          },
          { table: 2, name: "KOV koordinaatorite arv", unit: "Arv", target: "8", target2029: "7", line: 72 },
        ],
      }),
      findings: [
        {
          line: 72,
          message:
            /^Näitaja „KOV koordinaatorite arv“ \(tabel 2\) sihttase aastaks 2029 \(7\) on väiksem kui tegevuskava aasta sihttase \(8\)\.$/,
        },
        {
          line: 940,
          message:
            /^Näitaja „Kohaliku tasandi koostöövõrgustike arv“ \(tabel 17\) sihttase aastaks 2029 \(7\) on väiksem kui tegevuskava aasta sihttase \(8\)\.$/,
        },
        {
          line: 945,
          message:
            /^Näitaja „KOV-ide osaluskogude arv“ \(tabel 17\) sihttase aastaks 2029 \(4\) on väiksem kui tegevuskava aasta sihttase \(5\)\.$/,
        },
      ],
    },
  ],
});
