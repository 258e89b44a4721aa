import * as fs from "fs";
import { Table } from "docx";
import { importDocx } from "../../../src/import/docx/import-docx";
import { parseDirectiveText } from "../../../src/import/text";
import { ImportResult } from "../../../src/model/plan";
import { SampleRow, caption, docxBytes, heading, paragraph, scheduleTable } from "../pdf/sample-docx";
import { OTHER_ACTIVITY_PATH, YEAR, expectedSummary, iso, planSummary } from "../text/other-activity-expected";

/**
 * The plan of test/fixtures/kaskkiri-2023-tat-3-4-4.txt (activities 3.4.4.*, a foundation as implementer, "partner
 * INSA" and MTÜ Eesti Pagulasabi as partners, plan year 2023) written as a Word document: the same sentences as
 * paragraphs, Word's automatic numbering leaving "1." and "2.1" out of the headings' text, the same tables as Word
 * tables. The Word importer must give the same plan as the text importer.
 */

jest.setTimeout(60_000);

const text = fs.readFileSync(OTHER_ACTIVITY_PATH, "utf8");
const lines = text.split("\n");

const EKS: SampleRow[] = [
  ["Elluviija otsesed personalikulud", "01.01.2023–31.12.2025", "01.01.2023–31.12.2023", "48 600", "EKS"],
  [
    "3.4.4.1 Kohanemisprogrammi moodulite arendamine",
    "01.01.2023–31.12.2025",
    "01.01.2023–31.12.2023",
    "21 500",
    "EKS",
  ],
  [
    "3.4.4.1.1 Moodulite õppematerjalide uuendamine",
    "01.01.2023–31.12.2025",
    "01.02.2023–30.06.2023",
    "12 000,00",
    "EKS, partnerid",
  ],
  ["3.4.4.1.2 Koolitajate koolitus", "01.01.2023–31.12.2025", "01.09.2023–30.11.2023", "9 500", "EKS"],
];
const INSA: SampleRow[] = [
  [
    "3.4.4.2 Kohanemisprogrammi keelemoodulite pakkumine",
    "01.01.2023–31.12.2024",
    "01.01.2023–31.12.2023",
    "40 000",
    "INSA",
  ],
  ["3.4.4.2.1 A1-taseme keelekursused", "01.01.2023–31.12.2024", "01.01.2023–30.06.2023", "18 000", "INSA"],
  ["3.4.4.2.2 A2-taseme keelekursused", "01.01.2023–31.12.2024", "01.07.2023–31.12.2023", "14 000", "INSA"],
  ["Otsesed personalikulud", "01.01.2023–31.12.2024", "01.01.2023–31.12.2023", "6 000", "INSA"],
];
const PAGULASABI: SampleRow[] = [
  [
    "3.4.4.2 Rahvusvahelise kaitse saajate nõustamine",
    "01.03.2023–31.08.2024",
    "01.03.2023–31.12.2023",
    "26 450,50",
    "Eesti Pagulasabi",
  ],
  [
    "3.4.4.2.1 Nõustamine ja juhtumikorraldus",
    "01.03.2023–31.08.2024",
    "01.03.2023–31.12.2023",
    "9 450,50",
    "Eesti Pagulasabi",
  ],
  [
    "3.4.4.2.2 Tugiisikuteenus",
    "01.03.2023–31.08.2024",
    "01.03.2023–31.12.2023",
    "5 000",
    "MTÜ Eesti Pagulasabi, INSA",
  ],
  ["Otsesed personalikulud", "01.03.2023–31.08.2024", "01.03.2023–31.12.2023", "12 000", "Eesti Pagulasabi"],
];

const INDICATOR_HEADER = [
  "Indikaator",
  "Indikaatori mõõtühik",
  "Sihttase tegevuskava aastal (2023)",
  "Sihttase (2029)",
  "Selgitus",
];
/** The indicator tables have five columns too; the schedule table's layout serves. */
const indicatorTable = (rows: string[][]): Table => scheduleTable(rows as SampleRow[], INDICATOR_HEADER as SampleRow);

/** The fixture's narrative paragraph that starts with `start`. */
const sentence = (start: string) => {
  const found = lines.find((line) => line.startsWith(start));
  if (!found) throw new Error(`no line starts with ${start}`);
  return found;
};

async function otherActivityDocx(): Promise<Buffer> {
  return docxBytes([
    ...lines.slice(0, 13).map(paragraph),
    heading("Elluviija tegevused"),
    heading("3.4.4.1 Kohanemisprogrammi moodulite arendamine"),
    paragraph(sentence("2023. aastast on Eesti Kohanemise Sihtasutuses")),
    paragraph(sentence("Partnerluslepingute raames")),
    caption("Tabel 1. Tegevuste ajakava"),
    scheduleTable(EKS),
    caption("Tabel 2. Tegevustega seotud näitajad"),
    indicatorTable([
      [
        "Uuendatud moodulite arv",
        "Arv",
        "4",
        "8",
        "Kohanemisprogrammi baasmoodul ning töö-, õppimise, perekonna ja rahvusvahelise kaitse moodulid.",
      ],
    ]),
    heading("Partnerite tegevused"),
    heading("3.4.4.2 Kohanemisprogrammi keelemoodulite pakkumine Integratsiooni Sihtasutuses"),
    paragraph(sentence("Partner INSA pakub")),
    caption("Tabel 3. Tegevuste ajakava"),
    scheduleTable(INSA),
    heading("3.4.4.2 Rahvusvahelise kaitse saajate nõustamine MTÜ-s Eesti Pagulasabi"),
    paragraph(sentence("MTÜ Eesti Pagulasabi nõustab")),
    caption("Tabel 4. Tegevuste ajakava"),
    scheduleTable(PAGULASABI),
    caption("Tabel 5. Tegevustega seotud näitajad"),
    indicatorTable([
      ["Keelekursustel osalejad", "Osalejat", "240", "900", "Partner INSA A1- ja A2-taseme kursustel osalejad."],
      ["Nõustatud rahvusvahelise kaitse saajad", "Inimest", "150", "500", "MTÜ Eesti Pagulasabi nõustatud inimesed."],
    ]),
  ]);
}

describe("the 3.4.4 plan with foundations as partners, from Word", () => {
  const fromText = parseDirectiveText(text);
  let fromWord: ImportResult;

  beforeAll(async () => {
    fromWord = await importDocx(await otherActivityDocx());
  });

  it("reads without a diagnostic", () => {
    expect(fromWord.diagnostics).toEqual([]);
  });

  it("gives the rows, amounts, periods, responsible parties and agreement periods the text gives", () => {
    expect(planSummary(fromWord)).toEqual(expectedSummary());
    expect(planSummary(fromWord)).toEqual(planSummary(fromText));
    expect(fromWord.plan.implementers.flatMap((i) => i.rows.map((row) => row.label))).toEqual(
      fromText.plan.implementers.flatMap((i) => i.rows.map((row) => row.label)),
    );
  });

  it("gives the plan period, the directive, the partners' names and the indicators the text gives", () => {
    expect(iso(fromWord.plan.planPeriod)).toBe(YEAR);
    expect(JSON.stringify(fromWord.plan.directive)).toBe(JSON.stringify(fromText.plan.directive));
    expect(fromWord.plan.implementers.map((i) => i.aliases)).toEqual(fromText.plan.implementers.map((i) => i.aliases));
    const facts = (result: ImportResult) =>
      result.plan.indicators.map((i) => [i.table, i.name, i.unit, i.target, i.target2029, i.explanation]);
    expect(facts(fromWord)).toEqual(facts(fromText));
    expect(fromWord.plan.implementers.map((i) => iso(i.partnership))).toEqual([
      null,
      "2023-01-01/2024-12-31",
      "2023-03-01/2024-08-31",
    ]);
  });
});
