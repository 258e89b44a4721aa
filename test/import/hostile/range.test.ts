import fc from "fast-check";
import { RULES, runChecks } from "../../../src/checks";
import { MAX_RANGE_CELLS } from "../../../src/import/limits";
import { RangeMapping, mapPastedRange, rangeMappingToImplementer } from "../../../src/import/range/map-range";
import { parseDirectiveText } from "../../../src/import/text";
import { CalendarDate, periodToIso } from "../../../src/model/calendar-date";
import { parseMoney } from "../../../src/model/money";
import { ActionPlan, ImportError, ScheduleRow } from "../../../src/model/plan";
import { parseCellAddress } from "../../../src/workbook/layout";
import { RawCell } from "../../../src/workbook/model";
import { fixtureText } from "../../helpers";
import { GROUP_SPACES, RANGE_DASHES, check, expectImportError, junkText, settings } from "./hostile";

/**
 * The pasted-range mapper against generated grids of cells (strings, numbers, dates, empty cells, formulas, with
 * and without a real header) and against the real Tartu table damaged cell by cell. It never throws; what it
 * cannot read is a diagnostic on a row of the selection; every non-empty row is a schedule row, a diagnostic, the
 * wrapped end of the row above, or a page number; and the look-alike spaces and dashes of a paste change nothing.
 */

jest.setTimeout(120_000);

type Grid = Array<Array<RawCell | null>>;

const HEADER = [
  "Tegevus",
  "Tegevuse üldajaraam",
  "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
  "Planeeritav maksumus tegevuskava aastal",
  "Tegevuse eest vastutaja",
];

/** The Tartu table (table 9) of the real directive, as its five cells per row. */
const TARTU: string[][] = (() => {
  const tartu = parseDirectiveText(fixtureText()).plan.implementers.find((i) => i.name === "Tartu linn");
  if (!tartu) throw new Error("the fixture has no Tartu linn");
  return tartu.rows.map((row) => [
    row.printedCode ? `${row.printedCode} ${row.label}` : row.label,
    row.frameText ?? "",
    row.planText ?? "",
    row.amountText ?? "",
    row.responsible ?? "",
  ]);
})();

const text = (value: string): RawCell => ({ value });

const cellString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HEADER, "algus", "lõpp", "Kood", "Nr", "Kokku", "Summa", "Tabel 9. Tegevuste ajakava", "12"),
  fc.constantFrom(...TARTU.flat()),
  fc.constantFrom("3.5.2.1", "3.5.2.1.1.", "1.", "1", "Otsesed personalikulud", "Tartu linn", "ELVL", "elluviija"),
  fc.constantFrom(
    "01.01.2025- 31.12.2025",
    "01.01.2025 – 31.12.2025 01.06.2025 – 31.12.2025",
    "31.02.2025",
    "0l.01.2025",
  ),
  fc.constantFrom("93 988,53", "93\u00a0988,53", "93\u2009988,53", "5 66O,54", "-100", "1e5", "€ 100", "100 €", "NaN"),
  fc.string({ maxLength: 30 }),
  junkText,
  fc.constantFrom("", " ", "\u00a0", "\t"),
);

const cellNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.integer({ min: 40_000, max: 50_000 }),
  fc.constantFrom(0, -0, 0.1 + 0.2, 1e21, -1e21, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity),
);

const cellDate: fc.Arbitrary<Date> = fc.oneof(
  fc.date({ min: new Date("1899-01-01"), max: new Date("2100-12-31") }),
  fc.date(),
  fc.constantFrom(new Date(NaN), new Date(8.64e15), new Date(-8.64e15), new Date(Date.UTC(2025, 1, 29))),
);

const cell: fc.Arbitrary<RawCell | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: cellString.map(text), weight: 4 },
  { arbitrary: cellNumber.map((value): RawCell => ({ value })), weight: 2 },
  { arbitrary: cellDate.map((value): RawCell => ({ value })), weight: 1 },
  { arbitrary: fc.boolean().map((value): RawCell => ({ value })), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.oneof(cellNumber, cellString, fc.constant(null)), fc.constantFrom("SUM(E5:E9)", "A1*2", "#REF!", ""))
      .map(([value, formula]): RawCell => ({ value, formula })),
    weight: 1,
  },
);

const row = fc.array(cell, { maxLength: 9 });

/** A header as the mapper looks for it: the five names, in any order, maybe with "algus" / "lõpp" under them. */
const header: fc.Arbitrary<Grid> = fc
  .tuple(fc.shuffledSubarray(HEADER, { minLength: 3 }), fc.boolean(), fc.nat(3))
  .map(([names, subHeader, leading]) => {
    const top: Array<RawCell | null> = [...Array(leading).fill(null), ...names.map(text)];
    if (!subHeader) return [top];
    return [top, top.map((c) => (c && /algus/.test(String(c.value)) ? text("algus") : null))];
  });

const topLeft = fc.oneof(fc.constantFrom("A1", "B3", "D5", "XFD1048575", "Z100"), fc.string({ maxLength: 6 }));

const grid: fc.Arbitrary<{ cells: Grid; topLeft: string }> = fc.record({
  cells: fc.oneof(
    fc.array(row, { maxLength: 40, size: "max" }),
    fc
      .tuple(fc.array(row, { maxLength: 4 }), header, fc.array(row, { maxLength: 40, size: "max" }))
      .map(([before, head, after]) => [...before, ...head, ...after]),
  ),
  topLeft,
});

/** The real table with its header, each cell kept, emptied, swapped with another, or garbled. */
const damagedTartu: fc.Arbitrary<Grid> = fc
  .array(
    fc.record({
      row: fc.nat(),
      column: fc.nat(),
      change: fc.oneof(
        fc.constant({ kind: "empty" as const }),
        fc.record({ kind: fc.constant("set" as const), value: cell }),
        fc.record({ kind: fc.constant("swap" as const), row: fc.nat(), column: fc.nat() }),
        fc.record({ kind: fc.constant("delete-row" as const) }),
        fc.record({ kind: fc.constant("duplicate-row" as const) }),
      ),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .map((changes) => {
    const rows: Grid = [HEADER.map(text), ...TARTU.map((cells) => cells.map((value) => (value ? text(value) : null)))];
    for (const { row: r, column: c, change } of changes) {
      const at = r % rows.length;
      const col = c % HEADER.length;
      switch (change.kind) {
        case "empty":
          rows[at][col] = null;
          break;
        case "set":
          rows[at][col] = change.value;
          break;
        case "swap": {
          const other = change.row % rows.length;
          const otherCol = change.column % HEADER.length;
          [rows[at][col], rows[other][otherCol]] = [rows[other][otherCol], rows[at][col]];
          break;
        }
        case "delete-row":
          rows.splice(at, 1);
          break;
        case "duplicate-row":
          rows.splice(at, 0, [...rows[at]]);
          break;
      }
    }
    return rows;
  });

const tidy = (value: string) => value.replace(/\s+/g, " ").trim();

/** A cell's text as the mapper sees it, or null when empty (the mapper's own rule, restated). */
function cellText(value: RawCell | null | undefined): string | null {
  const content = value?.value ?? null;
  if (content === null) return null;
  if (content instanceof Date) {
    if (Number.isNaN(content.getTime())) return String(content);
    const date = CalendarDate.of(content.getUTCFullYear(), content.getUTCMonth() + 1, content.getUTCDate());
    return date ? date.toEstonian() : content.toISOString();
  }
  const printed = String(content).trim();
  return printed === "" ? null : printed;
}

const firstRow = (topLeftAddress: string) => parseCellAddress(topLeftAddress)?.row ?? 1;

/** Everything a mapping must satisfy whatever the grid; returns the mapping. */
function checkMapping(cells: Grid, topLeftAddress: string): RangeMapping {
  let mapping: RangeMapping;
  try {
    mapping = mapPastedRange(cells, { topLeft: topLeftAddress, sheet: "Leht1" });
  } catch (error) {
    throw new Error(`mapPastedRange threw on a grid of ${cells.length} rows: ${(error as Error)?.stack ?? error}`);
  }
  const top = firstRow(topLeftAddress);
  const bottom = top + Math.max(0, cells.length - 1);
  const inRange = (line: number, what: string) =>
    check(
      Number.isInteger(line) && line >= top && line <= bottom,
      () => `${what}: row ${line} is outside ${top}…${bottom}`,
    );

  for (const diagnostic of mapping.diagnostics) {
    const about = () => JSON.stringify(diagnostic);
    check(diagnostic.message.trim() !== "" && diagnostic.messageEn.trim() !== "", () => `no message: ${about()}`);
    if (diagnostic.line === null) check(diagnostic.id === "no-header", () => `no row: ${about()}`);
    else inRange(diagnostic.line, `diagnostic ${about()}`);
  }
  if (!mapping.header) {
    check(mapping.rows.length === 0, () => "rows without a header");
    check(
      mapping.diagnostics.length === 1 && mapping.diagnostics[0].id === "no-header",
      () => `without a header: ${JSON.stringify(mapping.diagnostics)}`,
    );
    return mapping;
  }
  const header = mapping.header;
  mapping.rows.forEach((scheduleRow, index) => {
    inRange(scheduleRow.line, `row ${scheduleRow.printedCode}`);
    check(scheduleRow.line >= header.row + header.rows, () => `row ${scheduleRow.line} is in the header`);
    check(
      index === 0 || scheduleRow.line > mapping.rows[index - 1].line,
      () => `rows out of order at ${scheduleRow.line}`,
    );
  });

  // Nothing is dropped silently: every row with something in a column of the table is accounted for.
  const columns = Object.values(header.columns);
  const firstData = header.row - top + header.rows;
  for (let index = firstData; index < cells.length; index++) {
    const line = top + index;
    const values = columns.map((column) => cellText(cells[index]?.[column]));
    if (values.every((value) => value === null)) continue;
    if (mapping.rows.some((r) => r.line === line) || mapping.diagnostics.some((d) => d.line === line)) continue;
    const activity = cellText(cells[index]?.[header.columns.activity ?? -1]);
    const others = columns
      .filter((column) => column !== header.columns.activity)
      .map((column) => cellText(cells[index]?.[column]))
      .filter((value): value is string => value !== null);
    // A page number or a caption that came along with a PDF paste, alone on its row.
    if (activity !== null && /^(\d{1,3}|Tabel \d+\..*)$/.test(activity) && others.length === 0) continue;
    // The wrapped end of the row above: its text is in that row.
    const above = [...mapping.rows].reverse().find((r) => r.line < line);
    const kept = [above?.label ?? "", above?.responsible ?? ""].join(" ");
    const parts = [activity, ...others].filter((value): value is string => value !== null).map(tidy);
    check(
      above !== undefined && parts.every((part) => kept.includes(part)),
      () => `sheet row ${line} (${JSON.stringify(values)}) is neither a row, a diagnostic nor kept in the row above`,
    );
  }

  // The implementer made of it, and the checks on a plan of it, do not throw either.
  const implementer = rangeMappingToImplementer(mapping, mapping.needsImplementer ? "Tartu linn" : undefined);
  check(implementer.rows === mapping.rows, () => "the implementer's rows are not the mapping's");
  const plan: ActionPlan = {
    planPeriod: { start: TARTU_PLAN.start, end: TARTU_PLAN.end },
    directive: { number: null, date: null, activityName: null, tat: null },
    implementers: [implementer],
    indicators: [],
  };
  const result = runChecks(plan, RULES);
  for (const finding of result.findings) {
    if (finding.position.line !== null) inRange(finding.position.line, `finding ${finding.rule}`);
  }
  return mapping;
}

const TARTU_PLAN = (() => {
  const plan = parseDirectiveText(fixtureText()).plan.planPeriod;
  if (!plan) throw new Error("the fixture has no plan period");
  return plan;
})();

describe("whatever the grid, the mapper returns rows and diagnostics on rows of the selection", () => {
  it("generated grids of strings, numbers, dates, empty cells and formulas, with and without a header", () => {
    let withHeader = 0;
    fc.assert(
      fc.property(grid, ({ cells, topLeft: address }) => {
        if (checkMapping(cells, address).header) withHeader++;
      }),
      settings(3000),
    );
    // Not vacuous: a good part of the grids have a header, so their rows are read.
    expect(withHeader).toBeGreaterThan(600);
  });

  it("the real Tartu table with cells emptied, replaced, swapped and rows deleted or duplicated", () => {
    fc.assert(
      fc.property(damagedTartu, (cells) => {
        checkMapping(cells, "B3");
      }),
      settings(2000),
    );
  });

  it("a Date that is no date (Invalid Date) is reported, not thrown", () => {
    const cells: Grid = [
      HEADER.map(text),
      [
        text("3.5.2.1 Tegevus"),
        { value: new Date(NaN) },
        text("01.01.2025- 31.12.2025"),
        text("100"),
        { value: new Date(NaN) },
      ],
    ];
    const mapping = checkMapping(cells, "A1");
    expect(mapping.rows).toHaveLength(1);
    expect(mapping.rows[0].frame).toBeNull();
    expect(mapping.diagnostics.map((d) => [d.id, d.line])).toEqual([["unreadable-dates", 2]]);
  });
});

describe("found by the properties", () => {
  const map = (cells: Grid) => mapPastedRange(cells, { topLeft: "A1", sheet: "Leht1" });

  it.each([
    ["thin space", "\u2009"],
    ["figure space", "\u2007"],
  ])("an amount grouped with a %s is read", (_, space) => {
    expect(parseMoney(`93${space}988,53`)?.toFixed()).toBe("93988.53");
    expect(parseMoney(`1${space}266${space}860,75`)?.toFixed()).toBe("1266860.75");
    const mapping = map([HEADER.map(text), [text("3.5.2.1 Tegevus"), null, null, text(`5${space}660,54`), null]]);
    expect(mapping.rows[0].amount?.toFixed()).toBe("5660.54");
  });

  it("a row with a page number and a responsible party keeps the party", () => {
    const mapping = map([
      HEADER.map(text),
      [
        text("3.5.2.1 Tegevus"),
        text("01.01.2023- 31.12.2025"),
        text("01.01.2025- 31.12.2025"),
        text("100"),
        text("Tartu"),
      ],
      [text("12"), null, null, null, text("linn")],
    ]);
    expect(mapping.rows.map((r) => [r.label, r.responsible])).toEqual([["Tegevus 12", "Tartu linn"]]);
  });

  it("a code column holding no code is reported with its text, not merged into the row above", () => {
    const mapping = mapPastedRange(
      [
        ["Kood", ...HEADER].map(text),
        [text("3.5.2.1"), text("Tegevus"), text("01.01.2023- 31.12.2025"), null, text("100"), null],
        [text("x.y"), text("lisatekst"), null, null, null, null],
      ],
      { topLeft: "A1", sheet: "Leht1" },
    );
    expect(mapping.rows.map((r) => r.label)).toEqual(["Tegevus"]);
    expect(mapping.diagnostics.map((d) => [d.id, d.line, d.text])).toEqual([["unparsed-row", 3, "x.y lisatekst"]]);
  });
});

// ---- The same table, however its spaces and dashes are written ---------------------------------------------------

const facts = (rows: ScheduleRow[]) =>
  rows.map((r) => ({
    code: r.code,
    label: r.label,
    kind: r.kind,
    amount: r.amount?.toFixed() ?? null,
    frame: periodToIso(r.frame),
    plan: periodToIso(r.plan),
    responsible: r.responsible,
    line: r.line,
  }));

const tartuGrid = (transform: (cells: string[], index: number) => Array<RawCell | null>): Grid => [
  HEADER.map(text),
  ...TARTU.map(transform),
];

const BASE = mapPastedRange(
  tartuGrid((cells) => cells.map((value) => (value ? text(value) : null))),
  { topLeft: "A1", sheet: "Leht1" },
);

describe("the spaces and dashes of a paste read as plain ones", () => {
  it("the real table reads without a diagnostic to begin with", () => {
    expect(BASE.rows).toHaveLength(TARTU.length);
    expect(BASE.diagnostics).toEqual([]);
  });

  it("amounts grouped with no-break, thin, narrow no-break or figure spaces, or typed as numbers", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...GROUP_SPACES), fc.constant("number")), { minLength: 1 }),
        (choices) => {
          const cells = tartuGrid((row, index) =>
            row.map((value, column) => {
              if (column !== 3 || !value) return value ? text(value) : null;
              const choice = choices[index % choices.length];
              if (choice === "number") return { value: Number(value.replace(/ /g, "").replace(",", ".")) };
              return text(value.replace(/ /g, choice));
            }),
          );
          const mapping = mapPastedRange(cells, { topLeft: "A1", sheet: "Leht1" });
          expect(facts(mapping.rows)).toEqual(facts(BASE.rows));
          expect(mapping.diagnostics).toEqual([]);
        },
      ),
      settings(300),
    );
  });

  it("date ranges with any dash, spaced or not, or as two Excel dates in one cell's text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dash: fc.constantFrom(...RANGE_DASHES), spaced: fc.boolean() }), { minLength: 1 }),
        (choices) => {
          const cells = tartuGrid((row, index) =>
            row.map((value, column) => {
              if ((column !== 1 && column !== 2) || !value) return value ? text(value) : null;
              const { dash, spaced } = choices[(index * 2 + column) % choices.length];
              return text(value.replace(" \u2013 ", spaced ? ` ${dash} ` : dash));
            }),
          );
          const mapping = mapPastedRange(cells, { topLeft: "A1", sheet: "Leht1" });
          expect(facts(mapping.rows)).toEqual(facts(BASE.rows));
          expect(mapping.diagnostics).toEqual([]);
        },
      ),
      settings(300),
    );
  });
});

// ---- Size ----------------------------------------------------------------------------------------------------------

describe("a selection over the cell limit is refused, naming the limit and the count", () => {
  const empty = (rows: number, columns: number): Grid => Array.from({ length: rows }, () => Array(columns).fill(null));

  it(`${MAX_RANGE_CELLS + 1} cells are refused; ${MAX_RANGE_CELLS} are read`, () => {
    let error: unknown;
    try {
      mapPastedRange([...empty(1000, 100), [null]], { topLeft: "A1", sheet: "Leht1" });
    } catch (caught) {
      error = caught;
    }
    expectImportError(error);
    expect(error.message).toContain("Valitud alas on 100 001 lahtrit; suurim lubatud on 100 000 lahtrit.");
    expect(error.messageEn).toContain("The selection has 100,001 cells; the largest accepted is 100,000 cells.");

    const atLimit = empty(1000, 100);
    atLimit[0] = [...HEADER.map(text), ...Array(95).fill(null)];
    const mapping = mapPastedRange(atLimit, { topLeft: "A1", sheet: "Leht1" });
    expect(mapping.header?.row).toBe(1);
  });

  it("a whole column selected (1 048 576 rows) is refused at once", () => {
    const column = Array.from({ length: 1_048_576 }, () => [null]);
    const started = Date.now();
    expect(() => mapPastedRange(column, { topLeft: "A1", sheet: "Leht1" })).toThrow(ImportError);
    expect(() => mapPastedRange(column, { topLeft: "A1", sheet: "Leht1" })).toThrow("1 048 576 lahtrit");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("the implementer of a table that names none must be given: an ImportError, not a crash", () => {
    const mapping = mapPastedRange([HEADER.map(text), [text("3.5.2.1 Tegevus"), null, null, text("1"), null]], {
      topLeft: "A1",
      sheet: "Leht1",
    });
    expect(mapping.needsImplementer).toBe(true);
    expect(() => rangeMappingToImplementer(mapping)).toThrow(ImportError);
    expect(() => rangeMappingToImplementer(mapping, "  ")).toThrow(/elluviija ei ole teada/);
  });
});
