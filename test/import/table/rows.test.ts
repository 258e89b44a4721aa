import { TableGrid, cellDates, readAmountValue, readScheduleTable, reporter } from "../../../src/import/table";
import { periodToIso } from "../../../src/model/calendar-date";
import { ImportDiagnostic } from "../../../src/model/plan";
import { toExcelSerial } from "../../../src/workbook/layout";
import { CalendarDate } from "../../../src/model/calendar-date";

/**
 * The stage's rows: what a body cell holds (a number, a date, a serial, text in the directive's forms) and how rows
 * continue and end. Dates are built in UTC, as the workbook readers give them, so no case depends on the time zone.
 */

type Plain = string | number | Date | null;

function gridOf(rows: Plain[][]): TableGrid {
  return { rows: rows.map((cells, index) => ({ cells: cells.map((value) => ({ value })), line: index + 10 })) };
}

const HEADER = [
  "Tegevus",
  "Tegevuse üldajaraam",
  "Tegevuse algus- ja lõppkuupäev",
  "Planeeritav maksumus",
  "Vastutaja",
];

function read(rows: Plain[][]) {
  const diagnostics: ImportDiagnostic[] = [];
  const { rows: read } = readScheduleTable(gridOf([HEADER, ...rows]), { table: 9, report: reporter(diagnostics) });
  return { rows: read, ids: diagnostics.map((diagnostic) => `${diagnostic.id}@${diagnostic.line}`), diagnostics };
}

const FRAME = "01.01.2023-31.12.2025";
const PLAN = "01.01.2025-31.12.2025";

describe("amounts", () => {
  it.each<[string, Plain, string | null, string | null]>([
    ["a number", 93988.53, "93988.53", "93\u00a0988,53"],
    ["a number with binary noise", 0.1 + 0.2, "0.3", "0,30"],
    ["Estonian text", "93 988,53", "93988.53", "93 988,53"],
    ["no-break spaces", "93\u00a0988,53", "93988.53", "93\u00a0988,53"],
    ["a dot and two decimals", "5000.00", "5000", "5000.00"],
    ["whole", "2 400", "2400", "2 400"],
    ["a euro sign after it", "1 200,50 €", "1200.5", "1 200,50 €"],
    ["EUR after it", "300 EUR", "300", "300 EUR"],
    ["a stray letter: unreadable", "1 577,1S", null, "1 577,1S"],
    ["the responsible party swallowed: unreadable", "119 582 ELVL", null, "119 582 ELVL"],
    ["empty", null, null, null],
  ])("%s", (_, value, amount, amountText) => {
    const reading = readAmountValue(value);
    expect(reading.amount?.toString() ?? null).toBe(amount);
    expect(reading.amountText).toBe(amountText);
  });

  it("reports an unreadable amount and an empty one, keeping the rows", () => {
    const { rows, ids, diagnostics } = read([
      ["3.5.2.1 Teenused", FRAME, PLAN, "93 988,53a", "Tartu linn"],
      ["3.5.2.1.1 Kaasamine", FRAME, PLAN, null, "Tartu linn"],
    ]);
    expect(rows.map((row) => [row.code, row.amount, row.amountText])).toEqual([
      ["3.5.2.1", null, "93 988,53a"],
      ["3.5.2.1.1", null, null],
    ]);
    expect(ids).toEqual(["unreadable-amount@11", "missing-amount@12"]);
    expect(diagnostics[0].message).toBe("Rea „3.5.2.1“ planeeritav maksumus „93 988,53a“ ei ole loetav summa.");
  });
});

describe("dates", () => {
  const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  const iso = (value: Plain) => cellDates(value).map((token) => token.date?.toIso() ?? `?${token.text}`);

  it.each<[string, Plain, string[]]>([
    ["a Date", utc(2025, 12, 31), ["2025-12-31"]],
    ["an Excel serial", toExcelSerial(CalendarDate.of(2025, 1, 1)!), ["2025-01-01"]],
    ["hyphen, no spaces", "01.01.2025-31.12.2025", ["2025-01-01", "2025-12-31"]],
    ["hyphen, space after", "01.01.2023- 31.12.2025", ["2023-01-01", "2025-12-31"]],
    ["en dash, spaces", "01.01.2025 – 31.12.2025", ["2025-01-01", "2025-12-31"]],
    ["em dash, space before", "01.01.2025 —31.12.2025", ["2025-01-01", "2025-12-31"]],
    ["minus sign", "01.01.2025\u221231.12.2025", ["2025-01-01", "2025-12-31"]],
    ["non-breaking hyphen", "01.01.2025\u201131.12.2025", ["2025-01-01", "2025-12-31"]],
    ["d.m.yyyy", "1.3.2025 - 30.6.2025", ["2025-03-01", "2025-06-30"]],
    ["start without its year, with its dot", "01.01.-31.12.2025", ["2025-01-01", "2025-12-31"]],
    ["start without its year, en dash and spaces", "01.01 – 31.12.2026", ["2026-01-01", "2026-12-31"]],
    ["start without its year, across the new year", "01.09 – 31.08.2026", ["2025-09-01", "2026-08-31"]],
    ["a date that does not exist", "01.01.2023-31.02.2025", ["2023-01-01", "?31.02.2025"]],
    ["a garbled date", "0l.01.2025-31.12.2025", ["?0l.01.2025", "2025-12-31"]],
    ["a code is no date", "3.5.2.1", []],
  ])("%s", (_, value, expected) => {
    expect(iso(value)).toEqual(expected);
  });

  it("reads ranges from one cell or from two, and reports what is no range", () => {
    const serial = (text: string) => toExcelSerial(CalendarDate.parseEstonian(text)!);
    const diagnostics: ImportDiagnostic[] = [];
    const grid = gridOf([
      [HEADER[0], HEADER[1], null, HEADER[2], null, HEADER[3], HEADER[4]],
      [null, "algus", "lõpp", "algus", "lõpp", null, null],
      ["3.5.2.1 Teenused", serial("01.01.2023"), serial("31.12.2025"), "01.01.2025", utc(2025, 12, 31), 5, "ELVL"],
      ["3.5.2.1.1 Kaasamine", "01.01.2023", null, "01.01.2025", "31.12.2025", 5, "ELVL"],
    ]);
    const { rows } = readScheduleTable(grid, { table: 9, report: reporter(diagnostics) });
    expect(rows.map((row) => [periodToIso(row.frame), row.frameText, periodToIso(row.plan), row.planText])).toEqual([
      [
        { start: "2023-01-01", end: "2025-12-31" },
        "01.01.2023 – 31.12.2025",
        { start: "2025-01-01", end: "2025-12-31" },
        "01.01.2025 – 31.12.2025",
      ],
      [null, "01.01.2023", { start: "2025-01-01", end: "2025-12-31" }, "01.01.2025 – 31.12.2025"],
    ]);
    expect(diagnostics.map((diagnostic) => `${diagnostic.id}@${diagnostic.line}`)).toEqual(["unreadable-dates@13"]);
    expect(diagnostics[0].message).toBe("Rea „3.5.2.1.1“ üldajaraami lahtris on ainult üks kuupäev: „01.01.2023“.");
    expect(diagnostics[0].messageEn).toBe('The overall frame cell of row "3.5.2.1.1" has a single date: "01.01.2023".');
  });

  it.each<[string, Plain[], string[], { frame: unknown; frameText: string | null }]>([
    ["an empty frame is no fault", ["3.5.2.1 A", null, PLAN, "1", "ELVL"], [], { frame: null, frameText: null }],
    [
      "a date that does not exist",
      ["3.5.2.1 A", "01.01.2023-31.02.2025", PLAN, "1", "ELVL"],
      ["invalid-date@11"],
      { frame: null, frameText: "01.01.2023 – 31.02.2025" },
    ],
    [
      "two ranges in one cell: not guessed at",
      ["3.5.2.1 A", `${FRAME} ${PLAN}`, PLAN, "1", "ELVL"],
      ["extra-dates@11"],
      { frame: null, frameText: `${FRAME} ${PLAN}` },
    ],
    [
      "no date at all in the cell",
      ["3.5.2.1 A", "kogu perioodi vältel", PLAN, "1", "ELVL"],
      ["unreadable-dates@11"],
      { frame: null, frameText: "kogu perioodi vältel" },
    ],
    [
      "no dates in the row",
      ["3.5.2.1 A", null, null, "1", "ELVL"],
      ["missing-dates@11"],
      { frame: null, frameText: null },
    ],
  ])("%s", (_, row, ids, expected) => {
    const result = read([row]);
    expect(result.ids).toEqual(ids);
    expect({ frame: periodToIso(result.rows[0].frame), frameText: result.rows[0].frameText }).toEqual(expected);
  });

  it("gives a frame cell's second range to an empty plan cell", () => {
    const { rows, ids } = read([["3.5.2.1 A", `${FRAME} ${PLAN}`, null, "1", "ELVL"]]);
    expect([periodToIso(rows[0].frame), periodToIso(rows[0].plan)]).toEqual([
      { start: "2023-01-01", end: "2025-12-31" },
      { start: "2025-01-01", end: "2025-12-31" },
    ]);
    expect(ids).toEqual(["two-ranges-in-cell@11"]);
  });
});

describe("rows", () => {
  it("joins continuation rows to the row above: label and responsible, a compound name's hyphen kept", () => {
    const { rows, ids } = read([
      ["3.5.2.1.5 Koostöös elluviijaga", FRAME, PLAN, "0", "ELVL ja Kohtla-"],
      ["lõimumis-, sealhulgas", null, null, null, "Järve linn"],
      ["kohanemisteekondade väljatöötamine.", null, null, null, null],
      ["Otsesed personalikulud", FRAME, PLAN, "84 350,84", "Tartu linn"],
    ]);
    expect(rows.map((row) => [row.code, row.kind, row.label, row.responsible, row.line])).toEqual([
      [
        "3.5.2.1.5",
        "activity",
        "Koostöös elluviijaga lõimumis-, sealhulgas kohanemisteekondade väljatöötamine.",
        "ELVL ja Kohtla-Järve linn",
        11,
      ],
      [null, "personnel", "Otsesed personalikulud", "Tartu linn", 14],
    ]);
    expect(ids).toEqual([]);
  });

  it.each(["Kokku", "Kõik kokku", "Summa", "KOKKU:"])("leaves out the total row %j, with a warning", (label) => {
    const { rows, ids } = read([
      ["3.5.2.1 Teenused", FRAME, PLAN, "100", "Tartu linn"],
      [label, null, null, "100", null],
    ]);
    expect(rows.map((row) => row.code)).toEqual(["3.5.2.1"]);
    expect(ids).toEqual(["total-row@12"]);
  });

  it("keeps a row without a code with a warning, and reads the code from a column of its own", () => {
    const diagnostics: ImportDiagnostic[] = [];
    const grid = gridOf([
      ["Nr", ...HEADER],
      [1, "Seminar", FRAME, PLAN, 300, "ELVL"],
      ["3.5.1.1", "Koordineerimine", FRAME, PLAN, "1 200,50", "ELVL"],
      [null, "Muud tegevused", FRAME, PLAN, "2", "ELVL"],
    ]);
    const { rows } = readScheduleTable(grid, { table: 3, report: reporter(diagnostics) });
    expect(rows.map((row) => [row.code, row.printedCode, row.codeStyle, row.label, row.table])).toEqual([
      ["1", "1.", "numbered", "Seminar", 3],
      ["3.5.1.1", "3.5.1.1", "dotted", "Koordineerimine", 3],
      [null, null, null, "Muud tegevused", 3],
    ]);
    expect(diagnostics.map((diagnostic) => [diagnostic.id, diagnostic.severity, diagnostic.line])).toEqual([
      ["missing-code", "warning", 13],
    ]);
    expect(diagnostics[0].message).toBe(
      "Tabeli 3 real „Muud tegevused“ puudub tegevuse kood; rida loeti koodita tegevusena.",
    );
  });

  it("reports each missing column once, an error for the cost and a warning for the responsible", () => {
    const diagnostics: ImportDiagnostic[] = [];
    const grid = gridOf([HEADER.slice(0, 3), ["3.5.2.1 Teenused", FRAME, PLAN]]);
    const { rows } = readScheduleTable(grid, { table: 9, report: reporter(diagnostics) });
    expect(rows).toHaveLength(1);
    expect(diagnostics.map((diagnostic) => [diagnostic.id, diagnostic.severity, diagnostic.line])).toEqual([
      ["missing-column", "error", 10],
      ["missing-column", "warning", 10],
    ]);
    expect(diagnostics[0].message).toBe(
      "Tabelis 9 puudub veerg „Planeeritav maksumus tegevuskava aastal“; read loeti ilma selleta.",
    );
    expect(diagnostics[1].messageEn).toBe(
      'Table 9 has no "responsible" column ("Tegevuse eest vastutaja"); its rows were read without it.',
    );
  });
});
