import { responsibleMismatch } from "../../../src/checks/rules/responsible-mismatch";
import { ImplementerSpec, RowOptions, elluviija, partner, personnel, plan, row } from "../plan-builder";
import { testRule } from "../rule-tester";

const AGREEMENT = "01.01.2023-31.12.2025";

/** The real document's parties: the implementer and three partners, each schedule with a row of the given cell. */
function parties(cells: { elvl?: RowOptions; tartu?: RowOptions; tallinn?: RowOptions; rakvere?: RowOptions }) {
  const specs: ImplementerSpec[] = [
    elluviija([row("3.5.1.2", "30 000", cells.elvl ?? {})]),
    partner("Tartu linn", AGREEMENT, [row("3.5.2.1", "0"), row("3.5.2.1.5", "0", cells.tartu ?? {})], 9),
    partner("Tallinna linn", AGREEMENT, [row("3.5.2.1", "0"), row("3.5.2.1.5", "0", cells.tallinn ?? {})], 10),
    partner("Rakvere linn", AGREEMENT, [row("3.5.2.1", "0"), row("3.5.2.1.5", "0", cells.rakvere ?? {})], 11),
  ];
  return plan(specs);
}

testRule(responsibleMismatch, {
  valid: [
    {
      name: "every schedule names its owner (defaults)",
      plan: parties({}),
    },
    {
      name: "joint work: the implementer beside the owner (“ELVL ja Tartu linn” in Tartu's schedule)",
      plan: parties({
        tartu: { responsible: "ELVL ja Tartu linn" },
        tallinn: { responsible: "ELVL ja Tallinn" },
        rakvere: { responsible: "elluviija, Rakvere" },
      }),
    },
    {
      name: "an alias of the owner (“Tallinn” in Tallinna linn's schedule)",
      plan: parties({ tallinn: { responsible: "Tallinn" } }),
    },
    {
      name: "the implementer with generic words (“ELVL, partnerid” in ELVL's schedule)",
      plan: parties({ elvl: { responsible: "ELVL, graafiline disainer, partnerid" } }),
    },
    {
      name: "generic words name no one, in any schedule",
      plan: parties({
        elvl: { responsible: "partnerid" },
        tartu: { responsible: "graafiline disainer" },
        tallinn: { responsible: "partnerid" },
        rakvere: { responsible: "partner" },
      }),
    },
    {
      name: "names compare without regard to case and around any separator",
      plan: parties({
        tartu: { responsible: "elvl / TARTU LINN" },
        tallinn: { responsible: "ELVL; tallinna linn" },
        rakvere: { responsible: "ELVL and Rakvere" },
      }),
    },
    {
      name: "a municipality that is not in the plan is no other implementer",
      plan: parties({ tartu: { responsible: "Narva linn" } }),
    },
    {
      name: "a party that merely starts with a partner's name is not that partner",
      plan: parties({ tartu: { responsible: "Rakvere Gümnaasium" }, rakvere: { responsible: "Tartu Ülikool" } }),
    },
    {
      name: "no responsible party at all is missing-responsible's",
      plan: parties({ tartu: { responsible: null }, elvl: { responsible: "" } }),
    },
  ],
  invalid: [
    {
      name: "another partner in a partner's schedule (“Rakvere linn” in Tartu's)",
      plan: parties({ tartu: { line: 308, responsible: "Rakvere linn" } }),
      findings: [
        {
          rule: "responsible-mismatch",
          implementer: "Tartu linn",
          code: "3.5.2.1.5",
          line: 308,
          expected: "Tartu linn",
          actual: "Rakvere linn",
          related: [],
          message:
            /^Rea 3\.5\.2\.1\.5 vastutaja „Rakvere linn“ on teine elluviija või partner \(Rakvere linn\), mitte selle ajakava omanik \(Tartu linn\)\.$/,
          messageEn:
            /^The responsible party "Rakvere linn" of row 3\.5\.2\.1\.5 is another implementer or partner \(Rakvere linn\), not the schedule's owner \(Tartu linn\)\.$/,
        },
      ],
    },
    {
      name: "the implementer alone in a partner's schedule, by name or as “elluviija”",
      plan: parties({
        tartu: { line: 308, responsible: "ELVL" },
        tallinn: { line: 412, responsible: "elluviija" },
      }),
      findings: [
        {
          implementer: "Tartu linn",
          code: "3.5.2.1.5",
          line: 308,
          expected: "Tartu linn",
          actual: "ELVL",
          message:
            /^Rea 3\.5\.2\.1\.5 vastutaja „ELVL“ on teine elluviija või partner \(ELVL\), mitte selle ajakava omanik \(Tartu linn\)\.$/,
        },
        {
          implementer: "Tallinna linn",
          line: 412,
          expected: "Tallinna linn",
          actual: "elluviija",
          message:
            /^Rea 3\.5\.2\.1\.5 vastutaja „elluviija“ on teine elluviija või partner \(ELVL\), mitte selle ajakava omanik \(Tallinna linn\)\.$/,
        },
      ],
    },
    {
      name: "another partner by its alias or stem",
      plan: parties({ tartu: { line: 308, responsible: "Tallinn" }, rakvere: { line: 503, responsible: "Tartu" } }),
      findings: [
        {
          implementer: "Tartu linn",
          line: 308,
          actual: "Tallinn",
          message:
            /^Rea 3\.5\.2\.1\.5 vastutaja „Tallinn“ on teine elluviija või partner \(Tallinna linn\), mitte selle ajakava omanik \(Tartu linn\)\.$/,
        },
        {
          implementer: "Rakvere linn",
          line: 503,
          actual: "Tartu",
          message:
            /^Rea 3\.5\.2\.1\.5 vastutaja „Tartu“ on teine elluviija või partner \(Tartu linn\), mitte selle ajakava omanik \(Rakvere linn\)\.$/,
        },
      ],
    },
    {
      name: "the owner beside another partner does not excuse the other partner",
      plan: parties({ tartu: { line: 308, responsible: "Tartu linn ja Rakvere linn" } }),
      findings: [
        {
          implementer: "Tartu linn",
          line: 308,
          actual: "Tartu linn ja Rakvere linn",
          message:
            /^Rea 3\.5\.2\.1\.5 vastutaja „Tartu linn ja Rakvere linn“ on teine elluviija või partner \(Rakvere linn\), mitte selle ajakava omanik \(Tartu linn\)\.$/,
        },
      ],
    },
    {
      name: "another partner after any separator",
      plan: parties({
        tartu: { line: 308, responsible: "Tartu linn / Rakvere linn" },
        tallinn: { line: 412, responsible: "Tallinn; Tartu" },
        rakvere: { line: 503, responsible: "Rakvere linn and Tallinn" },
      }),
      findings: [
        {
          implementer: "Tartu linn",
          line: 308,
          message:
            /^Rea 3\.5\.2\.1\.5 vastutaja „Tartu linn \/ Rakvere linn“ on teine elluviija või partner \(Rakvere linn\), mitte selle ajakava omanik \(Tartu linn\)\.$/,
        },
        {
          implementer: "Tallinna linn",
          line: 412,
          message:
            /^Rea 3\.5\.2\.1\.5 vastutaja „Tallinn; Tartu“ on teine elluviija või partner \(Tartu linn\), mitte selle ajakava omanik \(Tallinna linn\)\.$/,
        },
        {
          implementer: "Rakvere linn",
          line: 503,
          message:
            /^Rea 3\.5\.2\.1\.5 vastutaja „Rakvere linn and Tallinn“ on teine elluviija või partner \(Tallinna linn\), mitte selle ajakava omanik \(Rakvere linn\)\.$/,
        },
      ],
    },
    {
      name: "the implementer together with another partner lists both",
      plan: parties({ tartu: { line: 308, responsible: "ELVL ja Rakvere linn" } }),
      findings: [
        {
          implementer: "Tartu linn",
          line: 308,
          message:
            /^Rea 3\.5\.2\.1\.5 vastutaja „ELVL ja Rakvere linn“ on teine elluviija või partner \(ELVL ja Rakvere linn\), mitte selle ajakava omanik \(Tartu linn\)\.$/,
        },
      ],
    },
    {
      name: "a partner alone in the implementer's schedule",
      plan: parties({ elvl: { line: 100, responsible: "Tartu linn" } }),
      findings: [
        {
          implementer: "ELVL",
          code: "3.5.1.2",
          line: 100,
          expected: "ELVL",
          actual: "Tartu linn",
          message:
            /^Rea 3\.5\.1\.2 vastutaja „Tartu linn“ on teine elluviija või partner \(Tartu linn\), mitte selle ajakava omanik \(ELVL\)\.$/,
        },
      ],
    },
    {
      name: "the personnel row is named by its label",
      plan: plan([
        partner("Tartu linn", AGREEMENT, [
          row("3.5.2.1", "50"),
          personnel("50", { line: 319, responsible: "Rakvere" }),
        ]),
        partner("Rakvere linn", AGREEMENT, [row("3.5.2.1", "0")], 11),
      ]),
      findings: [
        {
          implementer: "Tartu linn",
          code: null,
          line: 319,
          message:
            /^Rea „Otsesed personalikulud“ vastutaja „Rakvere“ on teine elluviija või partner \(Rakvere linn\), mitte selle ajakava omanik \(Tartu linn\)\.$/,
        },
      ],
    },
  ],
});
