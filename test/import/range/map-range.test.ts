import { RangeMapping, mapPastedRange, rangeMappingToImplementer } from "../../../src/import/range/map-range";
import { ImportError, ScheduleRow } from "../../../src/model/plan";
import { toExcelSerial } from "../../../src/workbook/layout";
import { RawCell } from "../../../src/workbook/model";
import { CalendarDate } from "../../../src/model/calendar-date";

type Plain = string | number | Date | null;

/** Cells as the adapter hands them over: null for an empty cell. */
const grid = (rows: Plain[][]): Array<Array<RawCell | null>> =>
  rows.map((row) => row.map((value) => (value === null ? null : { value })));

const HEADER = [
  "Tegevus",
  "Tegevuse üldajaraam",
  "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
  "Planeeritav maksumus tegevuskava aastal",
  "Tegevuse eest vastutaja",
];
const FRAME = "01.01.2023- 31.12.2025";
const PLAN = "01.01.2025- 31.12.2025";

/**
 * The Tartu table (directive nr 68, table 9) as Excel receives it from Word: a merged plan-period header over
 * "algus" / "lõpp", a label wrapped into the next row, one cell holding two ranges, a stray letter in an amount.
 */
const TARTU_PASTE: Plain[][] = [
  [HEADER[0], HEADER[1], HEADER[2], null, HEADER[3], HEADER[4]],
  [null, null, "algus", "lõpp", null, null],
  [
    "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tartu piirkonnas.",
    FRAME,
    "01.01.2025",
    "31.12.2025",
    "93 988,53",
    "Tartu linn",
  ],
  [
    "3.5.2.1.1 KOV-s elava sihtrühma kaasamine punktis 1.4",
    FRAME,
    "01.01.2025",
    "31.12.2025",
    "5 660,54",
    "Tartu linn",
  ],
  ["nimetatud eesmärki toetavasse tegevusse.", null, null, null, null, null],
  ["3.5.2.1.1.1 Lõimumisklubi.", "01.01.2023\u201331.12.2025", "01.01.2025", "31.12.2025", 0, "Tartu linn"],
  [
    "3.5.2.1.1.2 Osaluskogu.",
    "01.01.2023 - 31.12.2025 01.01.2024 - 31.12.2024",
    "01.01.2025",
    "31.12.2025",
    "5 660,54",
    "Tartu linn",
  ],
  [null, null, null, null, null, null],
  [
    "3.5.2.1.2.1. Nõustamisteenuse ja infohaldamise elluviimine ja arendamine.",
    FRAME,
    "01.01.2025",
    "31.12.2025",
    "0",
    "Tartu linn",
  ],
  ["3.5.2.1.3.2 „Abiks tartlasele“ infokogumiku kujundus", FRAME, "01.01.2025", "31.12.2025", "1 577,1S", "Tartu linn"],
  ["1. Koolitus", FRAME, "01.01.2025", "31.12.2025", 2400, "Tartu linn"],
  ["Otsesed personalikulud", FRAME, "01.01.2025", "31.12.2025", "10 000,00", "Tartu linn"],
];

const date = (text: string) => CalendarDate.parseEstonian(text)!;
const period = (start: string, end: string) => ({ start: date(start), end: date(end) });
const FRAME_PERIOD = period("01.01.2023", "31.12.2025");
const PLAN_PERIOD = period("01.01.2025", "31.12.2025");

/** The fields a test states; money as plain strings. */
function summary(row: ScheduleRow) {
  return {
    code: row.code,
    printedCode: row.printedCode,
    codeStyle: row.codeStyle,
    kind: row.kind,
    label: row.label,
    amount: row.amount?.toFixed(2) ?? null,
    amountText: row.amountText,
    frame: row.frame,
    frameText: row.frameText,
    plan: row.plan,
    planText: row.planText,
    responsible: row.responsible,
    line: row.line,
    table: row.table,
  };
}

const ids = (mapping: RangeMapping) => mapping.diagnostics.map((diagnostic) => `${diagnostic.id}@${diagnostic.line}`);

describe("mapPastedRange: the Tartu table pasted from Word", () => {
  const mapping = mapPastedRange(grid(TARTU_PASTE), { topLeft: "B3", sheet: "Leht1" });

  it("finds the two-row header and the split plan-period columns", () => {
    expect(mapping.header).toEqual({
      row: 3,
      rows: 2,
      columns: { activity: 0, frame: 1, plan: 2, planEnd: 3, amount: 4, responsible: 5 },
    });
  });

  it("reads every row, joining the wrapped label to the row above", () => {
    const rows = mapping.rows.map(summary);
    expect(rows.map((row) => [row.printedCode, row.line])).toEqual([
      ["3.5.2.1", 5],
      ["3.5.2.1.1", 6],
      ["3.5.2.1.1.1", 8],
      ["3.5.2.1.1.2", 9],
      ["3.5.2.1.2.1.", 11],
      ["3.5.2.1.3.2", 12],
      ["1.", 13],
      [null, 14],
    ]);
    expect(rows[0]).toEqual({
      code: "3.5.2.1",
      printedCode: "3.5.2.1",
      codeStyle: "dotted",
      kind: "activity",
      label: "Sihtrühmale teenuste arendamine ja pakkumine Tartu piirkonnas.",
      amount: "93988.53",
      amountText: "93 988,53",
      frame: FRAME_PERIOD,
      frameText: "01.01.2023 – 31.12.2025",
      plan: PLAN_PERIOD,
      planText: "01.01.2025 – 31.12.2025",
      responsible: "Tartu linn",
      line: 5,
      table: 0,
    });
    expect(rows[1].label).toBe("KOV-s elava sihtrühma kaasamine punktis 1.4 nimetatud eesmärki toetavasse tegevusse.");
    expect(rows[1].amount).toBe("5660.54");
  });

  it.each([
    ["an en dash without spaces", 2, { frame: FRAME_PERIOD, amount: "0.00", amountText: "0,00" }],
    [
      "a cell with two ranges: neither is guessed at, the text is kept",
      3,
      { frame: null, frameText: "01.01.2023 - 31.12.2025 01.01.2024 - 31.12.2024", plan: PLAN_PERIOD },
    ],
    ["a code printed with its trailing dot", 4, { code: "3.5.2.1.2.1", printedCode: "3.5.2.1.2.1.", amount: "0.00" }],
    ["an amount with a stray letter: text kept", 5, { amount: null, amountText: "1 577,1S", plan: PLAN_PERIOD }],
    [
      "a numbered item, its amount a number",
      6,
      { code: "1", codeStyle: "numbered", label: "Koolitus", amount: "2400.00" },
    ],
    ["the personnel row", 7, { code: null, kind: "personnel", label: "Otsesed personalikulud", amount: "10000.00" }],
  ])("%s", (_, index, expected) => {
    expect(summary(mapping.rows[index])).toMatchObject(expected);
  });

  it("reports the two-range cell and the unreadable amount, and nothing else", () => {
    expect(ids(mapping)).toEqual(["extra-dates@9", "unreadable-amount@12"]);
    expect(mapping.diagnostics[0]).toMatchObject({
      severity: "error",
      text: "01.01.2023 - 31.12.2025 01.01.2024 - 31.12.2024",
    });
    expect(mapping.diagnostics[1]).toMatchObject({ severity: "error", text: "1 577,1S" });
    expect(mapping.diagnostics[1].message).toContain("3.5.2.1.3.2");
  });

  it("takes Tartu linn, a partner, from the responsible column", () => {
    expect(mapping.implementer).toEqual({ name: "Tartu linn", role: "partner" });
    expect(mapping.needsImplementer).toBe(false);
  });
});

describe("mapPastedRange: other shapes of a paste", () => {
  it("reads columns in another order, with the code in a column of its own", () => {
    const mapping = mapPastedRange(
      grid([
        ["Vastutaja", "Maksumus", "Kood", "Tegevus", "Tegevuse algus- ja lõppkuupäev", "Üldajaraam"],
        ["ELVL", "1 200,50", "3.5.1.1", "Koordineerimine", PLAN, FRAME],
        ["ELVL", 300, 1, "Seminar", PLAN, FRAME],
      ]),
      { topLeft: "A1", sheet: "Leht1" },
    );
    expect(mapping.header?.columns).toEqual({ responsible: 0, amount: 1, code: 2, activity: 3, plan: 4, frame: 5 });
    expect(mapping.rows.map(summary)).toEqual([
      expect.objectContaining({
        code: "3.5.1.1",
        label: "Koordineerimine",
        amount: "1200.50",
        frame: FRAME_PERIOD,
        plan: PLAN_PERIOD,
      }),
      expect.objectContaining({
        code: "1",
        printedCode: "1.",
        codeStyle: "numbered",
        label: "Seminar",
        amount: "300.00",
      }),
    ]);
    expect(mapping.implementer).toEqual({ name: "ELVL", role: "elluviija" });
    expect(mapping.diagnostics).toEqual([]);
  });

  it("finds a header below title rows", () => {
    const mapping = mapPastedRange(
      grid([
        ["Tabel 9. Tegevuste ajakava", null, null, null, null],
        [null, null, null, null, null],
        HEADER,
        ["3.5.2.1 Sihtrühmale teenuste arendamine", FRAME, PLAN, "93 988,53", "Tartu linn"],
      ]),
      { topLeft: "C10", sheet: "Leht1" },
    );
    expect(mapping.header).toMatchObject({ row: 12, rows: 1 });
    expect(mapping.rows.map((row) => [row.code, row.line, row.amount?.toFixed(2)])).toEqual([
      ["3.5.2.1", 13, "93988.53"],
    ]);
  });

  it("reads dates given as Excel serials, in one or two cells", () => {
    const serial = (text: string) => toExcelSerial(date(text));
    const mapping = mapPastedRange(
      grid([
        [HEADER[0], "Tegevuse üldajaraam", null, HEADER[2], null, HEADER[3], HEADER[4]],
        [null, "Algus", "Lõpp", "Alguskuupäev", "Lõppkuupäev", null, null],
        [
          "3.5.2.1 Teenused",
          serial("01.01.2023"),
          serial("31.12.2025"),
          serial("01.01.2025"),
          new Date(Date.UTC(2025, 11, 31)),
          93988.53,
          "Tartu linn",
        ],
      ]),
      { topLeft: "A1", sheet: "Leht1" },
    );
    expect(mapping.header?.columns).toEqual({
      activity: 0,
      frame: 1,
      frameEnd: 2,
      plan: 3,
      planEnd: 4,
      amount: 5,
      responsible: 6,
    });
    expect(summary(mapping.rows[0])).toMatchObject({
      frame: FRAME_PERIOD,
      frameText: "01.01.2023 – 31.12.2025",
      plan: PLAN_PERIOD,
      amount: "93988.53",
      amountText: "93\u00a0988,53",
    });
    expect(mapping.diagnostics).toEqual([]);
  });

  it("gives a frame cell's second range to an empty plan column", () => {
    const mapping = mapPastedRange(
      grid([HEADER, ["3.5.2.1.1 Kaasamine", `${FRAME} ${PLAN}`, null, "5 660,54", "Tartu linn"]]),
      { topLeft: "A1", sheet: "Leht1" },
    );
    expect(summary(mapping.rows[0])).toMatchObject({ frame: FRAME_PERIOD, plan: PLAN_PERIOD });
    expect(mapping.diagnostics).toMatchObject([{ id: "two-ranges-in-cell", severity: "error", line: 2 }]);
  });

  it("reports a date that does not exist and a lone date, keeping their text", () => {
    const mapping = mapPastedRange(
      grid([HEADER, ["3.5.2.1.1 Kaasamine", "01.01.2023- 31.02.2025", "01.01.2025", "5 660,54", "Tartu linn"]]),
      { topLeft: "A1", sheet: "Leht1" },
    );
    expect(summary(mapping.rows[0])).toMatchObject({
      frame: null,
      frameText: "01.01.2023 – 31.02.2025",
      plan: null,
      planText: "01.01.2025",
    });
    expect(ids(mapping)).toEqual(["invalid-date@2", "unreadable-dates@2"]);
  });

  it("leaves out a total row, and keeps a row without a code with a warning", () => {
    const mapping = mapPastedRange(
      grid([
        HEADER,
        ["3.5.2.1 Teenused", FRAME, PLAN, "100", "Tartu linn"],
        ["Koolitus", FRAME, PLAN, "50", "Tartu linn"],
        ["Kokku:", null, null, "150", null],
      ]),
      { topLeft: "A1", sheet: "Leht1" },
    );
    expect(mapping.rows.map((row) => [row.code, row.label, row.kind])).toEqual([
      ["3.5.2.1", "Teenused", "activity"],
      [null, "Koolitus", "activity"],
    ]);
    expect(ids(mapping)).toEqual(["missing-code@3", "total-row@4"]);
  });

  it("reports a missing column and still reads the others", () => {
    const mapping = mapPastedRange(
      grid([
        ["Tegevus", "Tegevuse algus- ja lõppkuupäev", "Planeeritav maksumus", "Vastutaja"],
        ["3.5.2.1 Teenused", PLAN, "100", "Tartu linn"],
      ]),
      { topLeft: "A1", sheet: "Leht1" },
    );
    expect(mapping.diagnostics).toMatchObject([{ id: "missing-column", severity: "warning", line: 1 }]);
    expect(mapping.diagnostics[0].message).toContain("Tegevuse üldajaraam");
    expect(summary(mapping.rows[0])).toMatchObject({ frame: null, plan: PLAN_PERIOD, amount: "100.00" });
  });

  it("without a header says which column names it expects, and maps nothing", () => {
    const mapping = mapPastedRange(grid([["3.5.2.1 Teenused", FRAME, PLAN, "100", "Tartu linn"]]), {
      topLeft: "D5",
      sheet: "Leht1",
    });
    expect(mapping.header).toBeNull();
    expect(mapping.rows).toEqual([]);
    expect(mapping.diagnostics).toHaveLength(1);
    expect(mapping.diagnostics[0]).toMatchObject({ id: "no-header", severity: "error", line: null });
    for (const name of HEADER) expect(mapping.diagnostics[0].message).toContain(name);
    expect(mapping.diagnostics[0].messageEn).toContain("planned cost");
    expect(mapPastedRange([], { topLeft: "A1", sheet: "Leht1" }).diagnostics[0].id).toBe("no-header");
  });
});

describe("mapPastedRange: whose table it is", () => {
  const withResponsible = (...responsible: Array<string | null>) =>
    grid([HEADER, ...responsible.map((who, i) => [`3.5.2.1.${i + 1} Tegevus`, FRAME, PLAN, "1", who])]);

  it.each([
    ["Tartu linn", ["Tartu linn", "Tartu linn"], { name: "Tartu linn", role: "partner" }],
    [
      "the most common municipality",
      ["Tartu linn, ELVL", "Jõhvi vald", "Jõhvi vallas"],
      { name: "Jõhvi vald", role: "partner" },
    ],
    ["the everyday name of Tallinn", ["Tallinn", null], { name: "Tallinna linn", role: "partner" }],
    ["the implementer's acronym", ["ELVL", "ELVL, partnerid"], { name: "ELVL", role: "elluviija" }],
  ])("%s", (_, responsible, expected) => {
    const mapping = mapPastedRange(withResponsible(...responsible), { topLeft: "A1", sheet: "Leht1" });
    expect(mapping.implementer).toEqual(expected);
    expect(mapping.needsImplementer).toBe(false);
  });

  it.each([
    ["all empty", [null, null], null],
    ["only 'elluviija': the role is known, the name is not", ["elluviija"], "elluviija"],
    ["a party that is no municipality", ["Tartu", "MTÜ teenuskeskus"], null],
  ])("%s → the pane asks", (_, responsible, roleHint) => {
    const mapping = mapPastedRange(withResponsible(...responsible), { topLeft: "A1", sheet: "Leht1" });
    expect(mapping.implementer).toBeNull();
    expect(mapping.needsImplementer).toBe(true);
    expect(mapping.roleHint).toBe(roleHint);
  });

  it("takes the implementer given by the caller over the responsible column", () => {
    const mapping = mapPastedRange(withResponsible("Tartu linn"), {
      topLeft: "A1",
      sheet: "Leht1",
      implementer: { name: "Rakvere linn", role: "partner" },
    });
    expect(mapping.implementer).toEqual({ name: "Rakvere linn", role: "partner" });
    expect(mapping.needsImplementer).toBe(false);
  });

  it("makes an Implementer for merging into a plan", () => {
    const mapping = mapPastedRange(withResponsible("Tallinn"), { topLeft: "A1", sheet: "Leht1" });
    expect(rangeMappingToImplementer(mapping)).toEqual({
      name: "Tallinna linn",
      role: "partner",
      aliases: ["Tallinna linn", "Tallinna", "Tallinn"],
      tables: [],
      partnership: null,
      rows: mapping.rows,
    });
    const unnamed = mapPastedRange(withResponsible(null), { topLeft: "A1", sheet: "Leht1" });
    expect(() => rangeMappingToImplementer(unnamed)).toThrow(ImportError);
    expect(() => rangeMappingToImplementer(unnamed)).toThrow(/elluviija ei ole teada/);
    expect(rangeMappingToImplementer(unnamed, "Haapsalu linn")).toMatchObject({
      role: "partner",
      aliases: ["Haapsalu linn", "Haapsalu"],
    });
    expect(rangeMappingToImplementer(unnamed, { name: "ELVL", role: "elluviija" })).toMatchObject({
      role: "elluviija",
      aliases: ["ELVL", "elluviija"],
    });
  });
});
