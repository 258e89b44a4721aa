import {
  GapProjection,
  clusters,
  columnOf,
  cutRows,
  rowGaps,
  rowRules,
  ruledBounds,
} from "../../../src/import/pdf/pdf-grid";
import { PdfItem, PdfLine, PdfPage, Rule, groupLines, mergeRules } from "../../../src/import/pdf/pdf-layout";
import { findTables, tableGrid } from "../../../src/import/pdf/schedule-tables";

/**
 * The table geometry on synthetic pages: text items placed by hand (x, baseline y, width; y grows upwards, as in
 * PDF user space) and ruling lines, so each rule of the reconstruction is seen on its own, whatever any font does.
 */

const SIZE = 10;
const item = (text: string, x: number, y: number, width = text.length * 5): PdfItem => ({
  text,
  x,
  y,
  width,
  size: SIZE,
  font: "F1",
});
const lines = (items: PdfItem[], page = 1, firstNo = 1): PdfLine[] => groupLines(items, page, firstNo);
const page = (items: PdfItem[], vertical: Rule[] = [], horizontal: Rule[] = [], number = 1, firstNo = 1): PdfPage => ({
  number,
  lines: lines(items, number, firstNo),
  vertical,
  horizontal,
});

describe("ruling lines", () => {
  it("joins a border drawn cell by cell, in any order and a little off its line (310.1 and 310.9)", () => {
    expect(
      mergeRules([
        { at: 310.1, from: 331, to: 485 },
        { at: 310.9, from: 110, to: 298 },
        { at: 310.5, from: 298, to: 331 },
        { at: 49, from: 110, to: 485 },
      ]),
    ).toEqual([
      { at: 49, from: 110, to: 485 },
      { at: 310.5, from: 110, to: 485 },
    ]);
  });

  it("takes as columns the vertical rules that cross the whole header, a double border as one", () => {
    const vertical: Rule[] = [
      { at: 50, from: 100, to: 700 },
      { at: 51.5, from: 100, to: 700 },
      { at: 250, from: 100, to: 700 },
      // A rule of a cell below the header only: a merged cell's, no column edge here.
      { at: 300, from: 100, to: 600 },
      { at: 400, from: 100, to: 700 },
    ];
    expect(ruledBounds(vertical, 690, 650)).toEqual([50, 250, 400]);
    expect(ruledBounds(vertical.slice(0, 2), 690, 650)).toBeNull();
  });

  it("takes as row boundaries the horizontal rules across the first column, top to bottom", () => {
    const horizontal: Rule[] = [
      { at: 500, from: 50, to: 400 },
      { at: 600, from: 50, to: 400 },
      { at: 600.8, from: 50, to: 400 },
      // Under the amount only: an underline, no row boundary.
      { at: 550, from: 300, to: 350 },
      { at: 50, from: 50, to: 400 },
    ];
    expect(rowRules(horizontal, [50, 250, 400], 700, 100)).toEqual([600.8, 500]);
  });
});

describe("an item's column", () => {
  const bounds = [50, 250, 330, 400];
  it("is the one its extent overlaps most, so a right-aligned amount that starts early stays in its column", () => {
    // Starts left of the edge at 330 but lies mostly right of it.
    expect(columnOf(bounds, { x: 325, width: 70 })).toBe(2);
    expect(columnOf(bounds, { x: 240, width: 8 })).toBe(0);
    expect(columnOf(bounds, { x: 252, width: 60 })).toBe(1);
  });
  it("is none outside the table", () => {
    expect(columnOf(bounds, { x: 10, width: 20 })).toBe(-1);
    expect(columnOf(bounds, { x: 420, width: 20 })).toBe(-1);
    expect(columnOf([-Infinity, 100, Infinity], { x: 900, width: 20 })).toBe(1);
  });
});

describe("columns without rules", () => {
  // A header centred over each column, the body left-aligned except the right-aligned amount (ends at 350).
  const header = lines([
    item("Tegevus", 100, 700, 35),
    item("Tegevuse", 200, 705, 40),
    item("üldajaraam", 195, 695, 50),
    item("Planeeritav", 300, 705, 50),
    item("maksumus", 305, 695, 45),
    item("Tegevuse", 420, 705, 40),
    item("vastutaja", 420, 695, 40),
  ]);
  const headerItems = header.flatMap((line) => line.items);
  const body = (y: number, label: string, amount: string, responsible: string) =>
    lines([
      item(label, 40, y, label.length * 4),
      item("01.01.2023 – 31.12.2025", 180, y, 100),
      item(amount, 350 - amount.length * 5, y, amount.length * 5),
      item(responsible, 370, y, responsible.length * 5),
    ])[0];

  it("are the header's clusters of text, one per column", () => {
    expect(clusters(headerItems, 0.6 * SIZE)).toEqual([
      [100, 135],
      [195, 245],
      [300, 350],
      [420, 460],
    ]);
  });

  it("end where the text of every line leaves space free: the first free range right of each header", () => {
    const projection = new GapProjection(clusters(headerItems, 0.6 * SIZE));
    const rows = [body(680, "3.5.1 Tegevus", "119 582", "ELVL"), body(668, "3.5.1.1 Teine", "0", "ELVL")];
    projection.widen(rows[0]);
    for (const row of rows) {
      expect(projection.accepts(row)).toBe(true);
      projection.add(row);
    }
    // Between amount and responsible two ranges stay free: 350–370 and, right of the short "ELVL", 390–420.
    // The first is the edge; the other would put "ELVL" under the amount.
    const bounds = projection.bounds();
    expect(bounds).toEqual([-Infinity, (135 + 180) / 2, (280 + 300) / 2, (350 + 370) / 2, Infinity]);
    expect(cutRows(rows, bounds, null).map((row) => row.cells)).toEqual([
      [["3.5.1 Tegevus"], ["01.01.2023 – 31.12.2025"], ["119 582"], ["ELVL"]],
      [["3.5.1.1 Teine"], ["01.01.2023 – 31.12.2025"], ["0"], ["ELVL"]],
    ]);
  });

  it("are crossed by running text, which ends the table, and by nothing of the table", () => {
    const projection = new GapProjection(clusters(headerItems, 0.6 * SIZE));
    const row = body(680, "3.5.1 Tegevus", "119 582", "ELVL");
    projection.widen(row);
    projection.add(row);
    const paragraph = lines([item("Tabeli järel olev lõik, mis on kirjutatud üle kogu lehe laiuse.", 40, 650, 420)])[0];
    expect(projection.accepts(paragraph)).toBe(false);
    // A short paragraph starts at the margin, left of the cells' text (their padding).
    expect(projection.accepts(lines([item("Lõpp.", 35, 650, 25)])[0])).toBe(false);
    expect(projection.accepts(lines([item("jätkub", 40, 650, 30)])[0])).toBe(true);
  });
});

describe("rows without rules", () => {
  const bounds = [-Infinity, 150, 250, Infinity];
  // Rows 16 apart, a cell's lines 11: cells centred vertically put the dates above and below the code's line.
  const table = lines([
    item("01.01.2023 –", 160, 700, 60),
    item("3. Uuring", 40, 694.5, 45),
    item("15 000", 260, 694.5, 30),
    item("31.10.2029", 160, 689, 50),
    item("01.01.2023 –", 160, 662, 60),
    item("4. Persoonad", 40, 656.5, 60),
    item("1 500", 260, 656.5, 25),
    item("31.10.2029", 160, 651, 50),
  ]);

  it("are told apart by the space between them, more than a cell's line pitch", () => {
    expect(rowGaps(table, bounds)).toEqual([(689 + 662) / 2]);
  });

  it("are none when every line stands a pitch apart", () => {
    const even = lines([0, 1, 2, 3].map((i) => item(`${i + 1}. Rida`, 40, 700 - 11 * i)));
    expect(rowGaps(even, bounds)).toBeNull();
  });
});

describe("a table found and cut on a synthetic page", () => {
  const header = [
    item("Tabel 4. Tegevuste ajakava", 40, 760, 120),
    item("Tegevus", 100, 720, 35),
    item("Tegevuse", 170, 725, 40),
    item("üldajaraam", 165, 715, 50),
    item("Planeeritav", 320, 730, 50),
    item("maksumus", 322, 720, 45),
    item("2025. aastal", 318, 710, 55),
    item("Tegevuse eest", 390, 725, 60),
    item("vastutaja", 395, 715, 40),
    // The plan column's header, wrapped over five lines.
    ...["Tegevuse", "algus- ja", "lõppkuupäev", "tegevuskava", "perioodil"].map((word, i) =>
      item(word, 250, 735 - 7 * i, 50),
    ),
  ];
  const bordered = (rows: PdfItem[]) =>
    page(
      [...header, ...rows],
      [40, 160, 245, 310, 385, 470].map((at) => ({ at, from: 600, to: 745 })),
      [745, 700, 660, 600].map((at) => ({ at, from: 40, to: 470 })),
    );

  it("reads a right-aligned amount that runs left of its column's edge as the amount, not the responsible", () => {
    const { tables } = findTables([
      bordered([
        item("3.5.1.1 Tegevus", 45, 690, 80),
        item("01.01.2023 – 31.10.2029", 165, 690, 75),
        item("01.01.2025 – 31.12.2025", 250, 690, 55),
        // Right-aligned, wider than its column: it starts left of 310.
        item("119 582", 300, 690, 80),
        item("ELVL", 390, 690, 25),
        // Centred vertically: the responsible party's second line stands in the row's band below the code line.
        item("3.5.1.2 Teine", 45, 645, 60),
        item("01.01.2023 – 31.10.2029", 165, 640, 75),
        item("01.01.2025 – 31.12.2025", 250, 640, 55),
        item("0", 375, 640, 5),
        item("ELVL,", 390, 645, 30),
        item("partnerid", 390, 635, 45),
      ]),
    ]);
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect([table.table, table.ruled, table.keys]).toEqual([
      4,
      true,
      ["activity", "frame", "plan", "amount", "responsible"],
    ]);
    expect(tableGrid(table).rows.map((row) => row.cells.map((cell) => cell?.value))).toEqual([
      [
        "Tegevus",
        "Tegevuse üldajaraam",
        "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
        "Planeeritav maksumus 2025. aastal",
        "Tegevuse eest vastutaja",
      ],
      ["3.5.1.1 Tegevus", "01.01.2023 – 31.10.2029", "01.01.2025 – 31.12.2025", "119 582", "ELVL"],
      ["3.5.1.2 Teine", "01.01.2023 – 31.10.2029", "01.01.2025 – 31.12.2025", "0", "ELVL, partnerid"],
    ]);
    expect(tableGrid(table).rows[0].header).toBe(true);
  });
});
