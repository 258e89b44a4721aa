import { frameVsPartnership } from "../../../src/checks/rules/frame-vs-partnership";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const TALLINN = "01.03.2023-31.12.2025";

testRule(frameVsPartnership, {
  valid: [
    {
      name: "every frame is the agreement period",
      plan: plan([
        partner("Tallinna linn", TALLINN, [
          row("3.5.2.1", "100", { frame: "01.03.2023-31.12.2025" }),
          row("3.5.2.1.1", "100"),
          personnel("0"),
        ]),
      ]),
    },
    {
      name: "ELVL has no agreement: its frames are not compared",
      plan: plan([
        elluviija([
          row("3.5.1.1", "0", { frame: "01.01.2023-31.10.2029" }),
          row("3.5.1.2", "0", { frame: "01.01.2025-31.12.2025" }),
        ]),
      ]),
    },
    {
      name: "a partner whose agreement period is not stated",
      plan: plan([partner("Tallinna linn", null, [row("3.5.2.1", "100", { frame: "01.02.2023-31.12.2025" })])]),
    },
    {
      name: "a row without a readable frame is missing-frame's or invalid-date's",
      plan: plan([
        partner("Tallinna linn", TALLINN, [
          row("3.5.2.1", "100", { frame: null }),
          row("3.5.2.1.1", "100", { frame: null, frameText: "01.03.2023 – 31.02.2025" }),
        ]),
      ]),
    },
  ],
  invalid: [
    {
      name: "Tallinn's 3.5.2.1.5 with Rakvere's frame, a month early",
      plan: plan([
        partner("Tallinna linn", TALLINN, [
          row("3.5.2.1", "100", { line: 330 }),
          row("3.5.2.1.5", "0", { line: 412, frame: "01.02.2023-31.12.2025" }),
        ]),
      ]),
      findings: [
        {
          rule: "frame-vs-partnership",
          implementer: "Tallinna linn",
          code: "3.5.2.1.5",
          line: 412,
          expected: "01.03.2023 – 31.12.2025",
          actual: "01.02.2023 – 31.12.2025",
          message:
            /^Rea 3\.5\.2\.1\.5 üldajaraam 01\.02\.2023 – 31\.12\.2025 erineb partnerluslepingu perioodist 01\.03\.2023 – 31\.12\.2025 \(käskkirja punkt 1\.1\)\.$/,
        },
      ],
    },
    {
      name: "a personnel frame one day short, and a frame inside the agreement is still different",
      plan: plan([
        partner("Pärnu linn", "01.01.2024-31.12.2025", [
          row("3.5.2.1", "100", { line: 619 }),
          row("3.5.2.1.1", "100", { line: 625, frame: "01.01.2025-31.12.2025" }),
          personnel("0", { line: 698, frame: "01.01.2024-30.12.2025" }),
        ]),
      ]),
      findings: [
        { code: "3.5.2.1.1", line: 625, expected: "01.01.2024 – 31.12.2025", actual: "01.01.2025 – 31.12.2025" },
        {
          code: null,
          line: 698,
          actual: "01.01.2024 – 30.12.2025",
          message: /^Rea „Otsesed personalikulud“ üldajaraam 01\.01\.2024 – 30\.12\.2025 erineb/,
        },
      ],
    },
    {
      name: "each partner against its own agreement, in document order",
      plan: plan([
        partner("Saaremaa vald", "01.11.2023-31.12.2025", [
          row("3.5.2.1", "100", { line: 531, frame: "01.01.2024-31.12.2025" }),
        ]),
        partner("Pärnu linn", "01.01.2024-31.12.2025", [
          row("3.5.2.1", "100", { line: 619 }),
          row("3.5.2.1.1", "100", { line: 625, frame: "01.11.2023-31.12.2025" }),
        ]),
      ]),
      findings: [
        {
          implementer: "Saaremaa vald",
          line: 531,
          expected: "01.11.2023 – 31.12.2025",
          actual: "01.01.2024 – 31.12.2025",
        },
        {
          implementer: "Pärnu linn",
          line: 625,
          expected: "01.01.2024 – 31.12.2025",
          actual: "01.11.2023 – 31.12.2025",
        },
      ],
    },
  ],
});
