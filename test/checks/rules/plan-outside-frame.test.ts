import { planOutsideFrame } from "../../../src/checks/rules/plan-outside-frame";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const JOHVI = "01.01.2025-31.12.2026";

testRule(planOutsideFrame, {
  valid: [
    {
      name: "the plan year inside the agreement's frame",
      plan: plan([partner("Jõhvi vald", JOHVI, [row("3.5.2.1", "100"), row("3.5.2.1.1", "100"), personnel("0")])]),
    },
    {
      name: "plan dates that are the frame exactly",
      plan: plan([partner("Jõhvi vald", JOHVI, [row("3.5.2.1", "100", { frame: "01.01.2025-31.12.2025" })])]),
    },
    {
      name: "plan dates that end on the frame's last day or start on its first",
      plan: plan([
        partner("Jõhvi vald", JOHVI, [
          row("3.5.2.1", "100", { frame: "01.06.2024-30.06.2025", plan: "01.01.2025-30.06.2025" }),
          row("3.5.2.1.1", "100", { frame: "01.07.2025-31.12.2026", plan: "01.07.2025-31.12.2025" }),
        ]),
      ]),
    },
    {
      name: "no frame or no plan dates: nothing to compare",
      plan: plan([
        elluviija([
          row("3.5.1.1", "0", { frame: null }),
          row("3.5.1.2", "0", { plan: null }),
          row("3.5.1.3", "0", { frame: null, frameText: "01.01.2023 – 31.02.2025", plan: "01.01.2025-31.12.2025" }),
        ]),
      ]),
    },
  ],
  invalid: [
    {
      name: "a frame that starts a day after the plan dates",
      plan: plan([
        partner("Jõhvi vald", JOHVI, [
          row("3.5.2.1", "100", { line: 729 }),
          row("3.5.2.1.1", "100", { line: 735, frame: "02.01.2025-31.12.2026" }),
        ]),
      ]),
      findings: [
        {
          rule: "plan-outside-frame",
          implementer: "Jõhvi vald",
          code: "3.5.2.1.1",
          line: 735,
          expected: "02.01.2025 – 31.12.2026",
          actual: "01.01.2025 – 31.12.2025",
          message:
            /^Rea 3\.5\.2\.1\.1 tegevuskava perioodi kuupäevad 01\.01\.2025 – 31\.12\.2025 ulatuvad tegevuse üldajaraamist 02\.01\.2025 – 31\.12\.2026 välja\.$/,
        },
      ],
    },
    {
      name: "a frame that ends before the plan dates do, and one that ended in an earlier year",
      plan: plan([
        partner("Haapsalu linn", "01.12.2024-31.12.2026", [
          row("3.5.2.1", "100", { line: 815, frame: "01.12.2024-30.12.2025" }),
          row("3.5.2.1.1", "100", { line: 821, frame: "01.01.2023-31.12.2024" }),
        ]),
      ]),
      findings: [
        { code: "3.5.2.1", line: 815, expected: "01.12.2024 – 30.12.2025", actual: "01.01.2025 – 31.12.2025" },
        { code: "3.5.2.1.1", line: 821, expected: "01.01.2023 – 31.12.2024", actual: "01.01.2025 – 31.12.2025" },
      ],
    },
    {
      name: "a numbered item and a personnel row of ELVL",
      plan: plan([
        elluviija([
          personnel("119 582", { line: 54, frame: "01.01.2023-31.10.2029", plan: "01.01.2025-31.12.2030" }),
          row("3.5.1.2", "30 000", { line: 100 }),
          row("1.", "0", { line: 108, frame: "01.01.2023-31.12.2024", plan: "01.01.2024-31.03.2025" }),
        ]),
      ]),
      findings: [
        {
          implementer: "ELVL",
          code: null,
          line: 54,
          expected: "01.01.2023 – 31.10.2029",
          actual: "01.01.2025 – 31.12.2030",
          message: /^Rea „Otsesed personalikulud“ tegevuskava perioodi kuupäevad/,
        },
        {
          code: "1",
          line: 108,
          expected: "01.01.2023 – 31.12.2024",
          actual: "01.01.2024 – 31.03.2025",
          message:
            /^Rea 3\.5\.1\.2 › 1\. tegevuskava perioodi kuupäevad 01\.01\.2024 – 31\.03\.2025 ulatuvad tegevuse üldajaraamist 01\.01\.2023 – 31\.12\.2024 välja\.$/,
        },
      ],
    },
  ],
});
