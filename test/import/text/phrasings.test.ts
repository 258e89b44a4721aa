import { partnerInHeading, partnerNominative } from "../../../src/import/text/names";
import { readPartners, readPlanPeriod } from "../../../src/import/text/preamble";
import { fixtureText } from "../../helpers";

/**
 * The ministry's phrasings of plan periods and of section 1.1's agreement periods. The real sentence is the
 * fixture's line 47 (TAT 24, 2025); the variants are how the same sentence is written in other directives: other
 * dashes and spacing, d.m.yyyy, the start without its year, commas without a space, partners that are foundations.
 */
const span = (period: { start: { toIso(): string }; end: { toIso(): string } } | null) =>
  period ? `${period.start.toIso()}/${period.end.toIso()}` : null;

describe("readPlanPeriod: the forms of the plan period", () => {
  it.each([
    ["tegevuskava perioodil 01.01.-31.12.2025", "2025-01-01/2025-12-31"],
    ["tegevuskava perioodil 01.01.- 31.12.2025", "2025-01-01/2025-12-31"],
    ["tegevuskava perioodil 1.1.2025-31.12.2025", "2025-01-01/2025-12-31"],
    ["tegevuskava perioodil 1.1.2025 -31.12.2025", "2025-01-01/2025-12-31"],
    ["tegevuskava perioodil 01.01 \u2011 31.12.2026", "2026-01-01/2026-12-31"],
    ["tegevuskava perioodil 01.01\u221231.12.2026", "2026-01-01/2026-12-31"],
    ["tegevuskava perioodil 01.01.2023 \u2014 31.12.2023", "2023-01-01/2023-12-31"],
    ["tegevuskava perioodil 01.01 –31.12.2023", "2023-01-01/2023-12-31"],
    ["tegevuskava\nperioodil\n01.01.2025 –\n31.12.2025", "2025-01-01/2025-12-31"],
    ["tegevuskava perioodil 1.9-31.8.2024", "2023-09-01/2024-08-31"],
  ])("%j is %s", (text, expected) => {
    expect(span(readPlanPeriod(text.replace(/\n/g, " ")))).toBe(expected);
  });
});

/** The fixture's section 1.1, its eight partners and periods, in the order written. */
const SECTION_1_1 = fixtureText().split("\n")[46];
const TAT24: Array<[string, string]> = [
  ["Tartu linn", "2023-01-01/2025-12-31"],
  ["Rakvere linn", "2023-02-01/2025-12-31"],
  ["Tallinna linn", "2023-03-01/2025-12-31"],
  ["Saaremaa vald", "2023-11-01/2025-12-31"],
  ["Pärnu linn", "2024-01-01/2025-12-31"],
  ["Haapsalu linn", "2024-12-01/2026-12-31"],
  ["Jõhvi vald", "2025-01-01/2026-12-31"],
  ["Kohtla-Järve linn", "2025-01-01/2027-12-31"],
];
const partners = (text: string) => readPartners(text).map((p) => [p.name, span(p.period)]);

describe("readPartners: section 1.1's agreement periods", () => {
  it("reads the fixture's real sentence", () => {
    expect(SECTION_1_1).toMatch(/^Partnerluslepingute raames/);
    expect(partners(SECTION_1_1)).toEqual(TAT24);
  });

  it.each([
    ["without spaces after the commas", (s: string) => s.replace(/, /g, ",")],
    ["with en dashes and spaces", (s: string) => s.replace(/(\d{4})-\s?(\d)/g, "$1 – $2")],
    ["with em dashes, no spaces", (s: string) => s.replace(/(\d{4})\s?[-–]\s?(\d)/g, "$1—$2")],
    ["with non-breaking hyphens", (s: string) => s.replace(/(\d{4})-(\d)/g, "$1\u2011$2")],
    ["with minus signs", (s: string) => s.replace(/(\d{4})-(\d)/g, "$1 \u2212 $2")],
    ["in d.m.yyyy", (s: string) => s.replace(/\b0(\d)\./g, "$1.")],
    ["without „ajavahemikus“", (s: string) => s.replace(/ajavahemikus /g, "")],
  ])("reads the same sentence %s", (_, vary) => {
    const varied = vary(SECTION_1_1);
    expect(varied).not.toBe(SECTION_1_1);
    expect(partners(varied)).toEqual(TAT24);
  });

  it("reads a municipality's period whose start leaves its year to the end", () => {
    expect(
      partners("Rakvere linnas 01.02 – 31.12.2025,Pärnu linnas 1.1.-31.12.2025, Jõhvi vallas 01.09.–31.08.2026"),
    ).toEqual([
      ["Rakvere linn", "2025-02-01/2025-12-31"],
      ["Pärnu linn", "2025-01-01/2025-12-31"],
      ["Jõhvi vald", "2025-09-01/2026-08-31"],
    ]);
  });

  it.each([
    [
      "Integratsiooni Sihtasutuses (edaspidi partner INSA) ajavahemikus 01.01.2023-31.12.2024,MTÜ-s Eesti Pagulasabi 1.3.2023 – 31.08.2024.",
      [
        ["Integratsiooni Sihtasutus", "2023-01-01/2024-12-31", ["partner INSA"]],
        ["MTÜ Eesti Pagulasabi", "2023-03-01/2024-08-31", []],
      ],
    ],
    [
      "tegevusi viiakse ellu Eesti Pagulasabis 01.03 – 31.12.2023, SA-s Tartu Ülikooli Kliinikum 01.04.2023—31.12.2024 ja Tartu linnas 01.01.-31.12.2023",
      [
        ["Eesti Pagulasabi", "2023-03-01/2023-12-31", []],
        ["SA Tartu Ülikooli Kliinikum", "2023-04-01/2024-12-31", []],
        ["Tartu linn", "2023-01-01/2023-12-31", []],
      ],
    ],
    [
      "Integratsiooni Sihtasutusel (edaspidi INSA) perioodil 1.1.2023 - 31.12.2023",
      [["Integratsiooni Sihtasutus", "2023-01-01/2023-12-31", ["INSA"]]],
    ],
  ])("reads organisations: %j", (text, expected) => {
    expect(readPartners(text).map((p) => [p.name, span(p.period), p.aliases])).toEqual(expected);
  });

  it.each([
    ["Toetatava tegevuse „Kohanemine“ tegevuskava perioodil 01.01.2025 – 31.12.2025"],
    ["Ühtekuuluvuspoliitika Fondide 2021-2027 rakenduskava"],
    ["Elluviija 01.01.2023-31.12.2029 tegevused."],
    ["Eesti Kohanemise Sihtasutuses (edaspidi elluviija) 01.01.2023-31.12.2025"],
    ["LVP toimuvad 09.-10.04.2025 Tallinnas"],
  ])("finds no partner in %j", (text) => {
    expect(readPartners(text)).toEqual([]);
  });
});

describe("partner names", () => {
  it.each([
    ["Integratsiooni Sihtasutuses", "Integratsiooni Sihtasutus"],
    ["Integratsiooni Sihtasutusega", "Integratsiooni Sihtasutus"],
    ["Integratsiooni Sihtasutuse", "Integratsiooni Sihtasutus"],
    ["MTÜ-s Eesti Pagulasabi", "MTÜ Eesti Pagulasabi"],
    ["MTÜ-le Eesti Pagulasabi", "MTÜ Eesti Pagulasabi"],
    ["Eesti Pagulasabil", "Eesti Pagulasabi"],
    ["Eesti Linnade ja Valdade Liidus", "Eesti Linnade ja Valdade Liit"],
    ["Tartu linnas", "Tartu linn"],
    ["Jõhvi vallal", "Jõhvi vald"],
    ["SA Kultuurikompass", "SA Kultuurikompass"],
  ])("%j is %j in the nominative", (phrase, nominative) => {
    expect(partnerNominative(phrase)).toBe(nominative);
  });

  const known = [
    { name: "Integratsiooni Sihtasutus", aliases: ["partner INSA"] },
    { name: "MTÜ Eesti Pagulasabi", aliases: [] },
  ];
  it.each([
    ["2.1 3.4.4.2 Keelemoodulite pakkumine Integratsiooni Sihtasutuses", "Integratsiooni Sihtasutus"],
    ["3.4.4.2 Keelemoodulite pakkumine partner INSA poolt", "Integratsiooni Sihtasutus"],
    ["3.4.4.2 Keelemoodulid (INSA)", "Integratsiooni Sihtasutus"],
    ["2.2 3.4.4.2 Nõustamine MTÜ-s Eesti Pagulasabi", "MTÜ Eesti Pagulasabi"],
    ["2.2 3.4.4.2 Nõustamine Eesti Pagulasabis", "MTÜ Eesti Pagulasabi"],
    ["3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tartu linnas", "Tartu linn"],
    ["3.6.1.2 Nõustamine MTÜ-s Johannes Mihkelsoni Keskus", "MTÜ Johannes Mihkelsoni Keskus"],
    ["3.6.1.2 Nõustamine Eesti Kohanemise Sihtasutuses", "Eesti Kohanemise Sihtasutus"],
  ])("heading %j names %j", (heading, name) => {
    expect(partnerInHeading(heading, known)).toBe(name);
  });

  it.each([
    ["1.3 3.5.1.3 Tõhusa kommunikatsiooni tagamine KOV-idele"],
    ["3.4.4.1 Kohanemisprogrammi moodulite arendamine"],
  ])("heading %j names no partner", (heading) => {
    expect(partnerInHeading(heading, known)).toBeNull();
  });
});
