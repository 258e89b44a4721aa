import * as fs from "fs";
import { parseDirectiveText } from "../../../src/import/text";
import { describedCodesIn } from "../../../src/import/text/narrative";
import { fixtureText } from "../../helpers";
import { OTHER_ACTIVITY_PATH } from "./other-activity-expected";

/**
 * What each implementer's prose describes, code by code, read off the directive of 25.03.2025 nr 68 (lines are the
 * file's): the codes that open a description, at a line's start or after a sentence's end, never a row of a table
 * nor a code a sentence only refers to ("Punktis 3.5.1.4 tegevustes …", line 225).
 */
const DESCRIBED: Array<[string, Array<[string, number]>]> = [
  [
    "ELVL",
    [
      // The sub-headings "1.1 3.5.1.1 …" to "1.4 3.5.1.4 …" open the activities' descriptions.
      ["3.5.1.1", 37],
      ["3.5.1.2", 73],
      ["3.5.1.3", 153],
      ["3.5.1.3.1", 154],
      ["3.5.1.3.2", 155],
      ["3.5.1.3.3", 155],
      ["3.5.1.3.4", 155],
      ["3.5.1.4", 183],
      ["3.5.1.4.1", 184],
      ["3.5.1.4.2", 186],
      ["3.5.1.4.3", 186],
    ],
  ],
  // Tartu's 3.5.2.1.5 stands on its caption's line (229), before "Tabel 9.".
  ["Tartu linn", [227, 227, 227, 227, 229].map((line, index) => [`3.5.2.1.${index + 1}`, line])],
  // Tallinn's text goes on after Tartu's rows (293–322), which interrupt it: still Tallinn's.
  ["Tallinna linn", [292, 324, 324, 324, 324].map((line, index) => [`3.5.2.1.${index + 1}`, line])],
  // Line 412's "3.5.2.1.5 Koostöös" is Tallinn's row, whose dates follow: no description of Rakvere's.
  ["Rakvere linn", [411, 411, 411, 427, 427].map((line, index) => [`3.5.2.1.${index + 1}`, line])],
  // Saaremaa's heading and text are one line (480).
  ["Saaremaa vald", [480, 480, 518, 518, 518].map((line, index) => [`3.5.2.1.${index + 1}`, line])],
  ["Pärnu linn", [599, 599, 601, 601, 601].map((line, index) => [`3.5.2.1.${index + 1}`, line])],
  // Jõhvi's 3.5.2.1.3 is a line of its own (705), with no dates after it.
  ["Jõhvi vald", [704, 704, 705, 709, 709].map((line, index) => [`3.5.2.1.${index + 1}`, line])],
  ["Haapsalu linn", [796, 796, 796, 798, 798].map((line, index) => [`3.5.2.1.${index + 1}`, line])],
  ["Kohtla-Järve linn", [853, 853, 853, 853, 883].map((line, index) => [`3.5.2.1.${index + 1}`, line])],
];

describe("the codes each implementer's text describes", () => {
  const plan = parseDirectiveText(fixtureText()).plan;

  it("are kept per implementer, with their lines, in the directive's order", () => {
    expect(
      plan.implementers.map((implementer) => [
        implementer.name,
        (implementer.narrative ?? []).map((described) => [described.code, described.line]),
      ]),
    ).toEqual(DESCRIBED);
  });

  it("with the titles the text gives them, up to where the description starts", () => {
    const title = (name: string, code: string) =>
      plan.implementers
        .find((implementer) => implementer.name === name)
        ?.narrative?.find((described) => described.code === code)?.title;
    // "3.5.1.3.2 KOV-ide nõustamine 2025. aastal jätkatakse …": the year's ordinal starts the description.
    expect(title("ELVL", "3.5.1.3.2")).toBe("KOV-ide nõustamine");
    // At the line's end.
    expect(title("ELVL", "3.5.1.3.4")).toBe("Koostöö koordineerimine KOV-ide ja sidusrühmade vahel");
    // "… analüüsimine. Elluviija ülesandeks …": at the sentence's end.
    expect(title("ELVL", "3.5.1.3.1")).toBe("Valdkondliku info kogumine ning analüüsimine");
    // "… sihtrühmale Ühiselt koos …": a capital starts the description.
    expect(title("Tartu linn", "3.5.2.1.2")).toBe("Vajaduspõhise tugiteenuse pakkumine sihtrühmale");
    expect(title("Jõhvi vald", "3.5.2.1.2")).toBe("Vajaduspõhise tugiteenuse pakkumine sihtrühmale");
    // "… rakendamine Tallinna Rändekeskuse juhataja …": a name before another capital starts a sentence too.
    expect(title("Tallinna linn", "3.5.2.1.5")).toBe(
      "Koostöös elluviijaga lõimumis-, sealhulgas kohanemisteekondade väljatöötamine ja rakendamine",
    );
  });

  it("a text with no code in its prose is known and describes nothing; a document of tables and headings, unknown", () => {
    const other = parseDirectiveText(fs.readFileSync(OTHER_ACTIVITY_PATH, "utf8")).plan;
    expect(other.implementers.map((implementer) => [implementer.name, implementer.narrative])).toEqual([
      ["EKS", [{ code: "3.4.4.1", title: "Kohanemisprogrammi moodulite arendamine", line: 14 }]],
      ["Integratsiooni Sihtasutus", []],
      ["MTÜ Eesti Pagulasabi", []],
    ]);
    // The same document without its paragraphs of prose (lines 15, 45 and 79): the partners' headings alone.
    const lines = fs.readFileSync(OTHER_ACTIVITY_PATH, "utf8").split("\n");
    const headingsOnly = lines.map((line, index) => ([15, 45, 79].includes(index + 1) ? "" : line)).join("\n");
    const bare = parseDirectiveText(headingsOnly).plan;
    // Line 15 named the implementer ("… Sihtasutuses (edaspidi elluviija)"); its sub-heading still opens 3.4.4.1.
    expect(bare.implementers.map((implementer) => [implementer.name, implementer.narrative])).toEqual([
      ["Elluviija", [{ code: "3.4.4.1", title: "Kohanemisprogrammi moodulite arendamine", line: 14 }]],
      ["Integratsiooni Sihtasutus", undefined],
      ["MTÜ Eesti Pagulasabi", undefined],
    ]);
  });
});

describe("a code opens a description", () => {
  const names = new Set(["Tartu", "Tallinna"]);
  const codes = (text: string) => describedCodesIn(text, 7, names).map(({ code, title }) => [code, title]);

  it.each([
    [
      "at the prose's start",
      "3.5.2.1.2 Vajaduspõhise tugiteenuse pakkumine. Jätkatakse …",
      [["3.5.2.1.2", "Vajaduspõhise tugiteenuse pakkumine"]],
    ],
    [
      "after a sentence's end",
      "… kohtumised. 3.5.2.1.4 Võrgustikud Kohalikul tasandil …",
      [["3.5.2.1.4", "Võrgustikud"]],
    ],
    [
      "after a closing bracket and full stop",
      "… (täpsustamisel). 3.5.2.1.3 Kommunikatsioon",
      [["3.5.2.1.3", "Kommunikatsioon"]],
    ],
    [
      "printed with a trailing dot",
      "3.5.2.1.1. KOV-s elava sihtrühma kaasamine",
      [["3.5.2.1.1", "KOV-s elava sihtrühma kaasamine"]],
    ],
    [
      "with a municipality in its title",
      "3.5.2.1 Teenuste pakkumine Tartu linnas. Tekst …",
      [["3.5.2.1", "Teenuste pakkumine Tartu linnas"]],
    ],
    [
      "cut before a year's ordinal",
      "3.5.1.3.2 KOV-ide nõustamine 2025. aastal jätkatakse …",
      [["3.5.1.3.2", "KOV-ide nõustamine"]],
    ],
  ])("%s", (_, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it.each([
    ["inside a sentence", "Punktis 3.5.1.4 tegevustes osalenud KOV esindajate arv."],
    ["followed by lower case", "… kohtumised. 3.5.2.1.4 ja 3.5.2.1.5 jätkuvad."],
    ["a two-level number", "Punkt 1.4. Eesmärk on …"],
    ["glued to a word", "lisa3.5.2.1.2 Tegevus"],
  ])("not %s", (_, text) => {
    expect(codes(text)).toEqual([]);
  });

  it("at the line given, or where an offset stands in joined lines", () => {
    const text = "3.5.2.1.1 Kaasamine. Tekst. 3.5.2.1.2 Tugi. Tekst.";
    expect(describedCodesIn(text, 40, names).map((described) => described.line)).toEqual([40, 40]);
    const lineAt = (offset: number) => (offset < 28 ? 40 : 41);
    expect(describedCodesIn(text, 40, names, { lineAt }).map((described) => described.line)).toEqual([40, 41]);
    expect(describedCodesIn(text, 40, names, { skipLeadingCode: true }).map((described) => described.code)).toEqual([
      "3.5.2.1.2",
    ]);
  });
});
