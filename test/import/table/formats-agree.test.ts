import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { importDocx } from "../../../src/import/docx/import-docx";
import { mapPastedRange } from "../../../src/import/range/map-range";
import { parseDirectiveText } from "../../../src/import/text";
import { CalendarDate, periodToIso } from "../../../src/model/calendar-date";
import { ScheduleRow } from "../../../src/model/plan";
import { toExcelSerial } from "../../../src/workbook/layout";
import { fixtureText } from "../../helpers";

/**
 * One schedule table, Tartu's (table 9 of directive nr 68), given as the directive's text, as a Word document and as
 * a pasted range, reads to the same rows: the formats differ only in how they make the grid. The rows below are
 * the table as printed in the fixture (lines 230–313), typed from it.
 */

jest.setTimeout(60_000);

const FRAME = "01.01.2023- 31.12.2025";
const PLAN = "01.01.2025- 31.12.2025";

/** Activity (with its code), planned cost as printed, responsible. Every row's frame is FRAME and its plan PLAN. */
const TARTU: Array<[string, string, string]> = [
  ["3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tartu piirkonnas.", "93 988,53", "Tartu linn"],
  [
    "3.5.2.1.1 KOV-s elava sihtrühma kaasamine punktis 1.4 nimetatud eesmärki toetavasse tegevusse.",
    "5 660,54",
    "Tartu linn",
  ],
  ["3.5.2.1.1.1 Lõimumisklubi.", "0", "Tartu linn"],
  ["3.5.2.1.1.2 Osaluskogu.", "5 660,54", "Tartu linn"],
  ["3.5.2.1.2 Vajaduspõhise tugiteenuse pakkumine sihtrühmale.", "0", "Tartu linn"],
  ["3.5.2.1.2.1. Nõustamisteenuse ja infohaldamise elluviimine ja arendamine.", "0", "Tartu linn"],
  ["3.5.2.1.2.2 Sihtrühmale KOV registriteenuste pakkumine.", "0", "Tartu linn"],
  ["3.5.2.1.3 Tõhusa kommunikatsiooni tagamine sihtrühmale.", "3 977,15", "Tartu linn"],
  ["3.5.2.1.3.1 Tegevused info kättesaadavuse ja nõustamise nähtavuse tõstmiseks.", "2 400", "Tartu linn"],
  ["3.5.2.1.3.2 „Abiks tartlasele“ infokogumiku kujundus ja 200 eksemplari trükk.", "1 577,15", "Tartu linn"],
  [
    "3.5.2.1.4 Kohalike koostöövõrgustike arendamine ja koostöö koordineerimine KOV-i ja sidusrühmade vahel.",
    "0",
    "Tartu linn",
  ],
  ["3.5.2.1.4.1 Sihtrühmaga kokku puutuvate spetsialistide võrgustik.", "0", "Tartu linn"],
  [
    "3.5.2.1.5 Koostöös elluviijaga lõimumis-, sealhulgas kohanemisteekondade väljatöötamine ja rakendamine.",
    "0",
    "ELVL ja Tartu linn",
  ],
  ["3.5.2.1.5.1 Osalemine võrgustikutöös", "0", "ELVL ja Tartu linn"],
  ["Otsesed personalikulud", "84 350,84", "Tartu linn"],
];

const HEADER = [
  "Tegevus",
  "Tegevuse üldajaraam",
  "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
  "Planeeritav maksumus tegevuskava aastal",
  "Tegevuse eest vastutaja",
];

/** What a row says, without where it stood (lines and table numbers are each format's own). */
function facts(row: ScheduleRow) {
  return {
    code: row.code,
    printedCode: row.printedCode,
    codeStyle: row.codeStyle,
    kind: row.kind,
    label: row.label,
    amount: row.amount?.toFixed(2) ?? null,
    amountText: row.amountText,
    frame: periodToIso(row.frame),
    frameText: row.frameText,
    plan: periodToIso(row.plan),
    planText: row.planText,
    responsible: row.responsible,
  };
}

function fromText() {
  const result = parseDirectiveText(fixtureText());
  return result.plan.implementers.find((implementer) => implementer.name === "Tartu linn")!.rows;
}

/** Word: caption, a header row marked to repeat, the table broken after nine rows with the header repeated. */
async function fromWord() {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const row = (cells: string[], header = false) => new TableRow({ tableHeader: header, children: cells.map(cell) });
  const body = TARTU.map(([activity, amount, responsible]) => row([activity, FRAME, PLAN, amount, responsible]));
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph("KINNITATUD kultuuriministri 25.03.2025 käskkirjaga nr 68"),
          new Paragraph("Toetatava tegevuse „Lõimumine“ tegevuskava perioodil 01.01.2025 – 31.12.2025"),
          new Paragraph("Partnerluslepingu periood: Tartu linn 01.01.2023–31.12.2025."),
          new Paragraph("3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tartu linnas"),
          new Paragraph("Tabel 9. Tegevuste ajakava"),
          new Table({ rows: [row(HEADER, true), ...body.slice(0, 9)] }),
          new Table({ rows: [row(HEADER, true), ...body.slice(9)] }),
        ],
      },
    ],
  });
  const result = await importDocx(await Packer.pack(document, "uint8array"));
  return { result, rows: result.plan.implementers.find((implementer) => implementer.name === "Tartu linn")!.rows };
}

/**
 * A paste: a title row, the header wrapped over three rows with the plan period's dates split under "algus" /
 * "lõpp", dates as Excel serials there, amounts as text, the second row's label wrapped into a row of its own, and
 * the table's total at the end.
 */
function fromRange() {
  const serial = (text: string) => toExcelSerial(CalendarDate.parseEstonian(text)!);
  const cells: Array<Array<string | number | null>> = [
    ["Tabel 9. Tegevuste ajakava", null, null, null, null, null],
    ["Tegevus", "Tegevuse", "Tegevuse algus- ja lõppkuupäev", null, "Planeeritav", "Tegevuse"],
    [null, "üldajaraam", "tegevuskava perioodil", null, "maksumus", "eest"],
    [null, null, null, null, "tegevuskava aastal", "vastutaja"],
    [null, null, "algus", "lõpp", null, null],
  ];
  TARTU.forEach(([activity, amount, responsible], index) => {
    const dates = [FRAME, serial("01.01.2025"), serial("31.12.2025"), amount, responsible];
    if (index === 1) {
      const cut = activity.indexOf(" nimetatud");
      cells.push([activity.slice(0, cut), ...dates], [activity.slice(cut + 1), null, null, null, null, null]);
    } else {
      cells.push([activity, ...dates]);
    }
  });
  // 3.5.2.1 and the personnel row: 93 988,53 + 84 350,84.
  cells.push(["Kokku", null, null, null, "178 339,37", null]);
  return mapPastedRange(
    cells.map((row) => row.map((value) => (value === null ? null : { value }))),
    { topLeft: "A1", sheet: "Tartu" },
  );
}

describe("one table, three formats: Tartu's schedule", () => {
  const expected = TARTU.map(([activity, amount, responsible]) => ({ activity, amount, responsible }));

  it("the text reads the fixture's 15 rows of table 9 as printed", () => {
    const rows = fromText();
    expect(
      rows.map((row) => [row.printedCode ? `${row.printedCode} ${row.label}` : row.label, row.amountText]),
    ).toEqual(expected.map((row) => [row.activity, row.amount]));
    expect(rows.every((row) => row.frameText === "01.01.2023 – 31.12.2025" && row.table === 9)).toBe(true);
  });

  it("Word and the paste read to the same rows as the text", async () => {
    const text = fromText().map(facts);
    const word = await fromWord();
    expect(word.result.diagnostics).toEqual([]);
    expect(word.rows.map(facts)).toEqual(text);
    const range = fromRange();
    expect(range.header).toMatchObject({ row: 2, rows: 4 });
    expect(range.diagnostics.map((diagnostic) => [diagnostic.id, diagnostic.line])).toEqual([["total-row", 22]]);
    expect(range.rows.map(facts)).toEqual(text);
    expect(range.implementer).toEqual({ name: "Tartu linn", role: "partner" });
  });
});
