import { periodReversed } from "../../../src/checks/rules/period-reversed";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const TARTU = "01.01.2023-31.12.2025";

testRule(periodReversed, {
  valid: [
    {
      name: "frames and plan dates that start before they end",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "100"),
          row("3.5.2.1.1", "100", { plan: "01.01.2025-31.03.2025" }),
        ]),
      ]),
    },
    {
      name: "a single day: start equals end",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "100", { frame: "15.06.2025-15.06.2025", plan: "15.06.2025-15.06.2025" }),
        ]),
      ]),
    },
    {
      name: "ending on the day after the start, across a year",
      plan: plan([partner("Tartu linn", TARTU, [row("3.5.2.1", "100", { plan: "31.12.2024-01.01.2025" })])]),
    },
    {
      name: "no dates, or dates that could not be read",
      plan: plan([
        elluviija([
          row("3.5.1.1", "0", { frame: null, plan: null }),
          row("3.5.1.2", "0", { frame: null, frameText: "31.12.2025 – 31.02.2025" }),
        ]),
      ]),
    },
  ],
  invalid: [
    {
      name: "an overall frame written end first",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "100", { line: 240 }),
          row("3.5.2.1.1", "100", { line: 246, frame: "31.12.2025-01.01.2023" }),
        ]),
      ]),
      findings: [
        {
          rule: "period-reversed",
          implementer: "Tartu linn",
          code: "3.5.2.1.1",
          line: 246,
          actual: "31.12.2025 – 01.01.2023",
          message: /^Rea 3\.5\.2\.1\.1 üldajaraami algus on hiljem kui lõpp: 31\.12\.2025 – 01\.01\.2023\.$/,
        },
      ],
    },
    {
      name: "plan dates reversed by one day, and by one day across a year",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "100", { line: 240, plan: "02.01.2025-01.01.2025" }),
          row("3.5.2.1.1", "100", { line: 246, plan: "01.01.2026-31.12.2025" }),
        ]),
      ]),
      findings: [
        {
          code: "3.5.2.1",
          line: 240,
          actual: "02.01.2025 – 01.01.2025",
          message: /^Rea 3\.5\.2\.1 tegevuskava perioodi algus on hiljem kui lõpp: 02\.01\.2025 – 01\.01\.2025\.$/,
        },
        { code: "3.5.2.1.1", line: 246, actual: "01.01.2026 – 31.12.2025" },
      ],
    },
    {
      name: "frame and plan of one numbered item, the frame first; personnel by label",
      plan: plan([
        elluviija([
          personnel("119 582", { line: 54, frame: "31.10.2029-01.01.2023" }),
          row("3.5.1.2", "30 000", { line: 100 }),
          row("1.", "0", { line: 108, frame: "31.10.2029-01.01.2023", plan: "31.03.2025-01.01.2025" }),
        ]),
      ]),
      findings: [
        {
          implementer: "ELVL",
          code: null,
          line: 54,
          actual: "31.10.2029 – 01.01.2023",
          message: /^Rea „Otsesed personalikulud“ üldajaraami algus on hiljem kui lõpp: 31\.10\.2029 – 01\.01\.2023\.$/,
        },
        {
          code: "1",
          line: 108,
          actual: "31.10.2029 – 01.01.2023",
          message: /^Rea 3\.5\.1\.2 › 1\. üldajaraami algus on hiljem kui lõpp: 31\.10\.2029 – 01\.01\.2023\.$/,
        },
        {
          code: "1",
          line: 108,
          actual: "31.03.2025 – 01.01.2025",
          message:
            /^Rea 3\.5\.1\.2 › 1\. tegevuskava perioodi algus on hiljem kui lõpp: 31\.03\.2025 – 01\.01\.2025\.$/,
        },
      ],
    },
  ],
});
