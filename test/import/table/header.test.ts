import {
  TableGrid,
  classifyHeaderText,
  findIndicatorHeader,
  findScheduleHeader,
  readScheduleTable,
  reporter,
} from "../../../src/import/table";
import { ImportDiagnostic } from "../../../src/model/plan";
import { SCHEDULE_COLUMNS } from "../../../src/workbook/layout";

/**
 * The stage finds a schedule's header however the source laid it out. Each case is a grid of texts (null an empty
 * cell) and the header the stage must find: its first row, the first row after it and its columns.
 */

type Plain = string | number | Date | null;

function gridOf(rows: Plain[][], header: number[] = []): TableGrid {
  return {
    rows: rows.map((cells, index) => ({
      cells: cells.map((value) => (value === null ? null : { value })),
      line: index + 1,
      ...(header.includes(index) ? { header: true } : {}),
    })),
  };
}

const HEADER = [
  "Tegevus",
  "Tegevuse üldajaraam",
  "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
  "Planeeritav maksumus tegevuskava aastal",
  "Tegevuse eest vastutaja",
];
const ROW = ["3.5.2.1 Teenused", "01.01.2023-31.12.2025", "01.01.2025-31.12.2025", "100", "Tartu linn"];
const FIVE = { activity: 0, frame: 1, plan: 2, amount: 3, responsible: 4 };

/** `header` wrapped over `lines` rows, as a PDF read line by line gives it: each cell's words spread over the rows. */
function wrapped(lines: number): Plain[][] {
  const words = HEADER.map((text) => text.split(" "));
  return Array.from({ length: lines }, (_, line) =>
    words.map((cellWords) => {
      // The cell's words in as many even parts as it has lines, at most one a word: the longest fills every line.
      const parts = Math.min(lines, cellWords.length);
      if (line >= parts) return null;
      const from = Math.floor((line * cellWords.length) / parts);
      return cellWords.slice(from, Math.floor(((line + 1) * cellWords.length) / parts)).join(" ");
    }),
  );
}

describe("findScheduleHeader: valid headers", () => {
  it.each<[string, Plain[][], { first: number; end: number; columns: Record<string, number> }]>([
    ["one row", [HEADER, ROW], { first: 0, end: 1, columns: FIVE }],
    ["wrapped over 2 rows", [...wrapped(2), ROW], { first: 0, end: 2, columns: FIVE }],
    ["wrapped over 3 rows", [...wrapped(3), ROW], { first: 0, end: 3, columns: FIVE }],
    ["wrapped over 4 rows", [...wrapped(4), ROW], { first: 0, end: 4, columns: FIVE }],
    ["wrapped over 5 rows", [...wrapped(5), ROW], { first: 0, end: 5, columns: FIVE }],
    [
      "a PDF's header: 'Tegevuse' / 'eest' / 'vastutaja', the activity centred on the middle line",
      [
        [null, "Tegevuse", "Tegevuse algus-", "Planeeritav", "Tegevuse"],
        ["Tegevus", "üldajaraam", "ja lõppkuupäev", "maksumus", "eest"],
        [null, null, "tegevuskava perioodil", "2025. aastal", "vastutaja"],
        ROW,
      ],
      { first: 0, end: 3, columns: FIVE },
    ],
    [
      "any column order, the code in its own column",
      [
        ["Vastutaja", "Maksumus", "Kood", "Tegevus", "Tegevuse algus- ja lõppkuupäev", "Üldajaraam"],
        ["ELVL", "1 200,50", "3.5.1.1", "Koordineerimine", "01.01.2025-31.12.2025", "01.01.2023-31.12.2025"],
      ],
      { first: 0, end: 1, columns: { responsible: 0, amount: 1, code: 2, activity: 3, plan: 4, frame: 5 } },
    ],
    [
      "synonyms: Summa (EUR), vastutav, ajaraam, kuupäevad, Jrk",
      [
        ["Jrk", "Tegevuse nimetus", "Ajaraam", "Kuupäevad", "Summa (EUR)", "Vastutav"],
        ["1.", "Seminar", "01.01.2023-31.12.2025", "01.01.2025-31.12.2025", "5", "ELVL"],
      ],
      { first: 0, end: 1, columns: { code: 0, activity: 1, frame: 2, plan: 3, amount: 4, responsible: 5 } },
    ],
    [
      "synonyms: Eelarve €",
      [["Tegevus", "Üldajaraam", "Tegevuskava perioodil", "Eelarve €", "Vastutaja"], ROW],
      { first: 0, end: 1, columns: FIVE },
    ],
    [
      "title rows above",
      [["Tabel 9. Tegevuste ajakava", null, null, null, null], ["Tartu linna tegevused"], [], HEADER, ROW],
      { first: 3, end: 4, columns: FIVE },
    ],
    [
      "the 'algus' / 'lõpp' sub-header under a merged date header",
      [
        [HEADER[0], HEADER[1], HEADER[2], null, HEADER[3], HEADER[4]],
        [null, null, "algus", "lõpp", null, null],
        ["3.5.2.1 Teenused", "01.01.2023-31.12.2025", "01.01.2025", "31.12.2025", "100", "Tartu linn"],
      ],
      { first: 0, end: 2, columns: { activity: 0, frame: 1, plan: 2, planEnd: 3, amount: 4, responsible: 5 } },
    ],
    [
      "the column-number row under the header",
      [HEADER, ["1", "2", "3", "4", "5"], ROW],
      { first: 0, end: 2, columns: FIVE },
    ],
    [
      "wrapped, then the sub-header, then column numbers",
      [
        ["Tegevus", "Tegevuse", "Tegevuse algus- ja", null, "Planeeritav", "Vastutaja"],
        [null, "üldajaraam", "lõppkuupäev", null, "maksumus", null],
        [null, null, "Algus", "Lõpp", null, null],
        ["1", "2", "3", "4", "5", "6"],
        ["3.5.2.1 Teenused", "01.01.2023-31.12.2025", "01.01.2025", "31.12.2025", "100", "Tartu linn"],
      ],
      { first: 0, end: 4, columns: { activity: 0, frame: 1, plan: 2, planEnd: 3, amount: 4, responsible: 5 } },
    ],
  ])("%s", (_, rows, expected) => {
    expect(findScheduleHeader(gridOf(rows))).toMatchObject(expected);
  });

  it("takes a row the source marks as header even when it looks like data", () => {
    const grid = gridOf([HEADER, ["Tegevus 2025", "01.01.2023", "01.01.2025", "maksumus", "vastutaja"], ROW], [0, 1]);
    expect(findScheduleHeader(grid)).toMatchObject({ first: 0, end: 2 });
  });
});

describe("findScheduleHeader: not a header", () => {
  it.each<[string, Plain[][]]>([
    ["data only", [ROW, ROW]],
    [
      "two columns named",
      [
        ["Tegevus", "Vastutaja"],
        ["3.5.2.1 Teenused", "ELVL"],
      ],
    ],
    ["a sentence that starts with 'Tegevus'", [["Tegevus toimub I, II ja IV kvartalil, III kvartalis on pausil."]]],
    ["an indicator table", [["Indikaator", "Indikaatori mõõtühik", "Sihttase (2025)", "Sihttase (2029)", "Selgitus"]]],
    ["nothing", []],
  ])("%s", (_, rows) => {
    expect(findScheduleHeader(gridOf(rows))).toBeNull();
  });
});

describe("the header repeated further down (a page break)", () => {
  it.each<[string, Plain[][]]>([
    ["one row", [HEADER]],
    ["wrapped over three rows", wrapped(3)],
    ["with its column numbers", [HEADER, ["1", "2", "3", "4", "5"]]],
  ])("is skipped: %s", (_, repeat) => {
    const diagnostics: ImportDiagnostic[] = [];
    const second = ["3.5.2.1.1 Kaasamine", "01.01.2023-31.12.2025", "01.01.2025-31.12.2025", "50", "Tartu linn"];
    const grid = gridOf([HEADER, ROW, ["2"], ...repeat, second]);
    const { rows } = readScheduleTable(grid, { table: 9, report: reporter(diagnostics) });
    expect(rows.map((row) => [row.code, row.line])).toEqual([
      ["3.5.2.1", 2],
      ["3.5.2.1.1", 4 + repeat.length],
    ]);
    expect(diagnostics).toEqual([]);
  });
});

describe("classifyHeaderText: one header cell's whole text", () => {
  it.each([
    ["Tegevus", "activity"],
    ["Tegevuse nimetus", "activity"],
    ["Tegevuse üldajaraam", "frame"],
    ["Tegevuse algus- ja lõppkuupäev tegevuskava perioodil", "plan"],
    ["Tegevuse algus-\nja lõppkuupäev", "plan"],
    ["Planeeritav maksumus 2025. aastal", "amount"],
    ["Planeeritav maksumus tegevuskava aastal", "amount"],
    ["Summa (EUR)", "amount"],
    ["Eelarve €", "amount"],
    ["Kulu, eurodes", "amount"],
    ["Tegevuse eest vastutaja", "responsible"],
    ["Vastutav asutus", "responsible"],
    ["Nr", "code"],
    ["Jrk", "code"],
    ["Kood", "code"],
    ["Märkused", null],
    ["", null],
  ])("%j → %s", (text, key) => {
    expect(classifyHeaderText(text)).toBe(key);
  });
});

describe("findIndicatorHeader", () => {
  it("finds the indicator table's header, wrapped over two rows", () => {
    const grid = gridOf([
      ["Indikaator", "Indikaatori", "Sihttase", "Sihttase", "Selgitus"],
      [null, "mõõtühik", "(2025)", "(2029)", null],
      ["KOV koordinaatorite arv", "Arv", "8", "7", "Partnerluslepingu alusel"],
    ]);
    expect(findIndicatorHeader(grid)).toMatchObject({
      first: 0,
      end: 2,
      columns: { name: 0, unit: 1, target: 2, target2029: 3, explanation: 4 },
    });
  });
});

describe("our own schedule sheet's header, selected as a range", () => {
  /** The visible columns of the schedule sheets we write, as `layout.ts` names them. */
  const OUR_HEADERS = SCHEDULE_COLUMNS.filter((column) => !column.hidden).map((column) => column.header);

  test("each end of a range in its own column, named whole, is told apart", () => {
    expect(OUR_HEADERS.map(classifyHeaderText)).toEqual([
      "code",
      "activity",
      "frame",
      "frameEnd",
      "plan",
      "planEnd",
      "amount",
      "amount",
      "responsible",
    ]);
    // The earlier versions' words too.
    expect(["Üldajaraam algus", "Üldajaraam lõpp"].map(classifyHeaderText)).toEqual(["frame", "frameEnd"]);
  });

  test("its rows read with both ends of both ranges", () => {
    const date = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
    const grid = gridOf([
      [...OUR_HEADERS],
      [
        "3.5.2.1.3.1",
        "Infotegevus",
        date(2023, 1, 1),
        date(2025, 12, 31),
        date(2025, 1, 1),
        date(2025, 6, 30),
        2400,
        null,
        "Tartu linn",
      ],
    ]);
    const diagnostics: ImportDiagnostic[] = [];
    const { rows } = readScheduleTable(grid, { table: 1, report: reporter(diagnostics) });
    expect(diagnostics).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ code: "3.5.2.1.3.1", responsible: "Tartu linn" });
    expect(rows[0].amount?.toFixed(2)).toBe("2400.00");
    expect([rows[0].frame?.start.toIso(), rows[0].frame?.end.toIso()]).toEqual(["2023-01-01", "2025-12-31"]);
    expect([rows[0].plan?.start.toIso(), rows[0].plan?.end.toIso()]).toEqual(["2025-01-01", "2025-06-30"]);
  });
});
