import { missingResponsible } from "../../../src/checks/rules/missing-responsible";
import { elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const AGREEMENT = "01.01.2023-31.12.2025";

testRule(missingResponsible, {
  valid: [
    {
      name: "every row names its implementer",
      plan: plan([
        elluviija([personnel("119 582"), row("3.5.1.2", "30 000"), row("1.", "30 000")]),
        partner("Tartu linn", AGREEMENT, [row("3.5.2.1", "100"), row("3.5.2.1.1", "50"), personnel("50")]),
      ]),
    },
    {
      name: "generic or joint parties are still parties",
      plan: plan([
        elluviija([
          row("3.5.1.2", "30 000", { responsible: "ELVL, partnerid" }),
          row("1.", "30 000", { responsible: "ELVL, graafiline disainer, partnerid" }),
        ]),
        partner("Tartu linn", AGREEMENT, [row("3.5.2.1", "0", { responsible: "ELVL ja Tartu linn" })]),
      ]),
    },
    {
      name: "another implementer named is responsible-mismatch's, not missing",
      plan: plan([
        partner("Tartu linn", AGREEMENT, [row("3.5.2.1", "0", { responsible: "Rakvere linn" })]),
        partner("Rakvere linn", AGREEMENT, [row("3.5.2.1", "0")]),
      ]),
    },
    {
      name: "an implementer without rows",
      plan: plan([elluviija([])]),
    },
  ],
  invalid: [
    {
      name: "rows without a responsible party (Kohtla-Järve's 3.5.2.1.4.1 and .2)",
      plan: plan([
        partner("Kohtla-Järve linn", "01.01.2025-31.12.2027", [
          row("3.5.2.1", "4 050", { line: 900 }),
          row("3.5.2.1.4", "4 050", { line: 964 }),
          row("3.5.2.1.4.1", "1 650", { line: 972, responsible: null }),
          row("3.5.2.1.4.2", "2 400", { line: 976, responsible: null }),
        ]),
      ]),
      findings: [
        {
          rule: "missing-responsible",
          implementer: "Kohtla-Järve linn",
          code: "3.5.2.1.4.1",
          line: 972,
          expected: "Kohtla-Järve linn",
          related: [],
          message: /^Real 3\.5\.2\.1\.4\.1 puudub tegevuse eest vastutaja\.$/,
          messageEn: /^Row 3\.5\.2\.1\.4\.1 has no responsible party\.$/,
        },
        {
          implementer: "Kohtla-Järve linn",
          code: "3.5.2.1.4.2",
          line: 976,
          expected: "Kohtla-Järve linn",
          message: /^Real 3\.5\.2\.1\.4\.2 puudub tegevuse eest vastutaja\.$/,
        },
      ],
    },
    {
      name: "an empty or blank cell is missing",
      plan: plan([
        elluviija([
          row("3.5.1.3", "23 000", { line: 162, responsible: "" }),
          row("3.5.1.3.1", "23 000", { line: 166, responsible: "   " }),
        ]),
      ]),
      findings: [
        { implementer: "ELVL", code: "3.5.1.3", line: 162, expected: "ELVL" },
        { implementer: "ELVL", code: "3.5.1.3.1", line: 166, expected: "ELVL" },
      ],
    },
    {
      name: "the personnel row and a numbered item are named by their label",
      plan: plan([
        elluviija([
          personnel("119 582", { line: 54, responsible: null }),
          row("3.5.1.2", "30 000", { line: 100 }),
          row("1.", "30 000", { line: 108, responsible: null, label: "Infopäevade korraldamine" }),
        ]),
      ]),
      findings: [
        {
          code: null,
          line: 54,
          expected: "ELVL",
          message: /^Real „Otsesed personalikulud“ puudub tegevuse eest vastutaja\.$/,
        },
        {
          code: "1",
          line: 108,
          expected: "ELVL",
          message: /^Real 3\.5\.1\.2 › 1\. puudub tegevuse eest vastutaja\.$/,
        },
      ],
    },
    {
      name: "the expected party is each schedule's own owner",
      plan: plan([
        partner("Tallinna linn", AGREEMENT, [row("3.5.2.1", "0", { line: 341, responsible: null })], 10),
        partner("Saaremaa vald", "01.11.2023-31.12.2025", [row("3.5.2.1", "0", { line: 531, responsible: "" })], 12),
      ]),
      findings: [
        { implementer: "Tallinna linn", code: "3.5.2.1", line: 341, expected: "Tallinna linn" },
        { implementer: "Saaremaa vald", code: "3.5.2.1", line: 531, expected: "Saaremaa vald" },
      ],
    },
  ],
});
