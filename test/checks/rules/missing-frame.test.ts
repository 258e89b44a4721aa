import { missingFrame } from "../../../src/checks/rules/missing-frame";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const TARTU = "01.01.2023-31.12.2025";

testRule(missingFrame, {
  valid: [
    {
      name: "every row has a frame",
      plan: plan([
        partner("Tartu linn", TARTU, [row("3.5.2.1", "100"), row("3.5.2.1.1", "100"), personnel("0")]),
        elluviija([row("3.5.1.2", "30 000"), row("1.", "0")]),
      ]),
    },
    {
      name: "a frame that was printed but cannot be read is invalid-date's",
      plan: plan([
        partner("Tartu linn", TARTU, [row("3.5.2.1", "100", { frame: null, frameText: "01.01.2023 – 31.02.2025" })]),
      ]),
    },
    {
      name: "a frame that is a single day",
      plan: plan([partner("Tartu linn", TARTU, [row("3.5.2.1", "100", { frame: "01.01.2025-01.01.2025" })])]),
    },
  ],
  invalid: [
    {
      name: "a row with plan dates only (the importer's two-date row)",
      plan: plan([
        partner("Tartu linn", TARTU, [
          row("3.5.2.1", "100", { line: 240 }),
          row("3.5.2.1.1", "100", { line: 246, frame: null }),
        ]),
      ]),
      findings: [
        {
          rule: "missing-frame",
          implementer: "Tartu linn",
          code: "3.5.2.1.1",
          line: 246,
          message: /^Real 3\.5\.2\.1\.1 puudub tegevuse üldajaraam\.$/,
        },
      ],
    },
    {
      name: "a row with no dates at all, a numbered item and personnel",
      plan: plan([
        elluviija([
          personnel("119 582", { line: 54, frame: null }),
          row("3.5.1.2", "30 000", { line: 100, frame: null, plan: null }),
          row("1.", "0", { line: 108, frame: null }),
          row("2.", "0", { line: 112 }),
        ]),
      ]),
      findings: [
        {
          implementer: "ELVL",
          code: null,
          line: 54,
          message: /^Real „Otsesed personalikulud“ puudub tegevuse üldajaraam\.$/,
        },
        { code: "3.5.1.2", line: 100, message: /^Real 3\.5\.1\.2 puudub/ },
        { code: "1", line: 108, message: /^Real 3\.5\.1\.2 › 1\. puudub tegevuse üldajaraam\.$/ },
      ],
    },
    {
      name: "an empty frame text is no frame",
      plan: plan([partner("Tartu linn", TARTU, [row("3.5.2.1", "100", { line: 240, frame: null, frameText: "" })])]),
      findings: [{ code: "3.5.2.1", line: 240 }],
    },
  ],
});
