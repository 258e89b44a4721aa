import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import JSZip from "jszip";
import { lisa1DocxBytes } from "../../../src/annex/lisa1/docx";
import { importDocx } from "../../../src/import/docx/import-docx";
import { parseDirectiveText } from "../../../src/import/text";
import { periodToIso } from "../../../src/model/calendar-date";
import { ActionPlan, ImportDiagnostic, ImportError, ImportResult, ScheduleRow } from "../../../src/model/plan";
import { fixtureText } from "../../helpers";

/**
 * The Word importer reads lisa 1 from the document's tables. The round trip (the real directive's plan →
 * lisa 1 .docx → plan) must give back every row as the text importer read it; the small documents below are
 * made with the docx library to have the shapes real Word files take: tables broken over pages, merged cells,
 * missing columns, cells that say too much.
 */

jest.setTimeout(60_000);

/** A row as compared: everything the plan says about it except where it stood in its source. */
function rowFacts(row: ScheduleRow) {
  return {
    code: row.code,
    printedCode: row.printedCode,
    codeStyle: row.codeStyle,
    label: row.label,
    kind: row.kind,
    amount: row.amount?.toString() ?? null,
    frame: periodToIso(row.frame),
    plan: periodToIso(row.plan),
    responsible: row.responsible,
    table: row.table,
  };
}

function planFacts(plan: ActionPlan) {
  return {
    planPeriod: periodToIso(plan.planPeriod),
    directive: JSON.parse(JSON.stringify(plan.directive)),
    implementers: plan.implementers.map((implementer) => ({
      name: implementer.name,
      role: implementer.role,
      aliases: implementer.aliases,
      tables: implementer.tables,
      partnership: periodToIso(implementer.partnership),
      rows: implementer.rows.map(rowFacts),
    })),
    indicators: plan.indicators.map((indicator) => ({ ...indicator, line: 0 })),
  };
}

describe("round trip: the real directive's plan → lisa 1 .docx → importDocx", () => {
  const source = parseDirectiveText(fixtureText());
  let result: ImportResult;

  beforeAll(async () => {
    result = await importDocx(await lisa1DocxBytes(source.plan));
  });

  it("reads it without a diagnostic", () => {
    expect(source.diagnostics).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it("gives back all 134 rows in 12 tables of 9 implementers", () => {
    const rows = result.plan.implementers.flatMap((implementer) => implementer.rows);
    expect(rows).toHaveLength(134);
    expect(result.plan.implementers.map((implementer) => implementer.name)).toEqual([
      "ELVL",
      "Tartu linn",
      "Tallinna linn",
      "Rakvere linn",
      "Saaremaa vald",
      "Pärnu linn",
      "Jõhvi vald",
      "Haapsalu linn",
      "Kohtla-Järve linn",
    ]);
    expect(result.plan.implementers.flatMap((implementer) => implementer.tables)).toEqual([
      1, 3, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16,
    ]);
  });

  it("gives back the plan row for row: codes, labels, exact amounts, ranges, responsible", () => {
    const expected = planFacts(source.plan);
    const actual = planFacts(result.plan);
    for (const [index, implementer] of expected.implementers.entries()) {
      expect(actual.implementers[index]).toEqual(implementer);
    }
    expect(actual).toEqual(expected);
  });

  it("keeps the amounts as printed and the exact decimals", () => {
    const rows = result.plan.implementers.flatMap((implementer) => implementer.rows);
    const sourceRows = source.plan.implementers.flatMap((implementer) => implementer.rows);
    rows.forEach((row, index) => {
      expect(row.amountText).toBe(sourceRows[index].amountText);
      expect(row.amount?.equals(sourceRows[index].amount!)).toBe(true);
    });
    const jõhvi = result.plan.implementers.find((implementer) => implementer.name === "Jõhvi vald")!;
    expect(jõhvi.rows[0].amountText).toBe("115 817.00");
    expect(jõhvi.rows[1].printedCode).toBe("3.5.2.1.1.");
  });

  it("reads the directive, plan period, partnership periods and the indicator tables", () => {
    expect(result.plan.directive.number).toBe("68");
    expect(result.plan.directive.date?.toIso()).toBe("2025-03-25");
    expect(result.plan.directive.tat?.number).toBe("24");
    expect(periodToIso(result.plan.planPeriod)).toEqual({ start: "2025-01-01", end: "2025-12-31" });
    const tartu = result.plan.implementers.find((implementer) => implementer.name === "Tartu linn")!;
    expect(periodToIso(tartu.partnership)).toEqual({ start: "2023-01-01", end: "2025-12-31" });
    expect(result.plan.indicators).toHaveLength(source.plan.indicators.length);
    expect([...new Set(result.plan.indicators.map((indicator) => indicator.table))]).toEqual([2, 4, 6, 8, 17]);
  });

  it("numbers rows by their place in the document body, increasing", () => {
    const lines = result.plan.implementers.flatMap((implementer) => implementer.rows.map((row) => row.line));
    expect(lines.every((line, index) => Number.isInteger(line) && (index === 0 || line > lines[index - 1]))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Awkward documents

const HEADER = [
  "Tegevus",
  "Tegevuse üldajaraam",
  "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
  "Planeeritav maksumus tegevuskava aastal",
  "Tegevuse eest vastutaja",
];

type CellSpec = string | { text: string | string[]; rowSpan?: number; columnSpan?: number };

function cell(spec: CellSpec): TableCell {
  const text = typeof spec === "string" ? spec : spec.text;
  const paragraphs = (Array.isArray(text) ? text : [text]).map((part) => new Paragraph(part));
  return new TableCell({
    children: paragraphs,
    rowSpan: typeof spec === "string" ? undefined : spec.rowSpan,
    columnSpan: typeof spec === "string" ? undefined : spec.columnSpan,
  });
}

function row(cells: CellSpec[], header = false): TableRow {
  return new TableRow({ tableHeader: header, children: cells.map(cell) });
}

function table(rows: TableRow[]): Table {
  return new Table({ rows });
}

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });

async function docxOf(children: Array<Paragraph | Table>): Promise<Uint8Array> {
  return Packer.pack(new Document({ sections: [{ children }] }), "uint8array");
}

/** The title block and section 1.1 of a one-partner plan. */
const PREAMBLE = [
  p("KINNITATUD kultuuriministri 25.03.2025 käskkirjaga nr 68"),
  p("LISA 1"),
  p("Toetatava tegevuse „Lõimumine“ tegevuskava tegevuskava perioodil 01.01.2025 – 31.12.2025"),
  p("Partnerluslepingu periood: Tartu linn 01.01.2023–31.12.2025."),
  p("3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tartu linnas"),
];

const ROWS: string[][] = [
  [
    "3.5.2.1 Sihtrühmale teenuste arendamine",
    "01.01.2023-31.12.2025",
    "01.01.2025 - 31.12.2025",
    "300,00",
    "Tartu linn",
  ],
  ["3.5.2.1.1 Kaasamine", "01.01.2023–31.12.2025", "01.01.2025–31.12.2025", "100", "Tartu linn"],
  ["1. Töötoad", "01.01.2023 —31.12.2025", "01.03.2025 – 30.06.2025", "50,5", "Tartu linn"],
  ["3.5.2.1.2 Koolitused", "01.01.2023 – 31.12.2025", "01.01.2025 – 31.12.2025", "200", "Tartu linn"],
  ["Otsesed personalikulud", "01.01.2023 – 31.12.2025", "01.01.2025 – 31.12.2025", "1 000", "Tartu linn"],
];

const ids = (diagnostics: ImportDiagnostic[]) => diagnostics.map((diagnostic) => diagnostic.id);
const tartuRows = (result: ImportResult) =>
  result.plan.implementers.find((implementer) => implementer.name === "Tartu linn")?.rows ?? [];

async function expectImportError(bytes: Uint8Array, estonian: RegExp, english: RegExp): Promise<void> {
  let error: unknown;
  try {
    await importDocx(bytes);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).message).toMatch(estonian);
  expect((error as ImportError).messageEn).toMatch(english);
}

describe("importDocx on documents of awkward shape", () => {
  it("reads a plain one-partner table with any dash and spacing in the ranges", async () => {
    const bytes = await docxOf([
      ...PREAMBLE,
      p("Tabel 9. Tegevuste ajakava"),
      table([row(HEADER, true), ...ROWS.map((cells) => row(cells))]),
    ]);
    const result = await importDocx(bytes);
    expect(result.diagnostics).toEqual([]);
    const rows = tartuRows(result);
    expect(rows.map((r) => [r.code, r.kind, r.amount?.toString(), periodToIso(r.plan)?.start])).toEqual([
      ["3.5.2.1", "activity", "300", "2025-01-01"],
      ["3.5.2.1.1", "activity", "100", "2025-01-01"],
      ["1", "activity", "50.5", "2025-03-01"],
      ["3.5.2.1.2", "activity", "200", "2025-01-01"],
      [null, "personnel", "1000", "2025-01-01"],
    ]);
    expect(rows[2].frameText).toBe("01.01.2023 – 31.12.2025");
    expect(result.plan.implementers[0].tables).toEqual([9]);
    expect(periodToIso(result.plan.implementers[0].partnership)).toEqual({ start: "2023-01-01", end: "2025-12-31" });
    expect(result.plan.directive.number).toBe("68");
    expect(periodToIso(result.plan.planPeriod)).toEqual({ start: "2025-01-01", end: "2025-12-31" });
  });

  it("continues a table split in two, skipping the repeated header row", async () => {
    const bytes = await docxOf([
      ...PREAMBLE,
      p("Tabel 9. Tegevuste ajakava"),
      table([row(HEADER, true), ...ROWS.slice(0, 2).map((cells) => row(cells))]),
      p(""),
      table([row(HEADER, true), ...ROWS.slice(2).map((cells) => row(cells))]),
    ]);
    const result = await importDocx(bytes);
    expect(result.diagnostics).toEqual([]);
    expect(result.plan.implementers[0].tables).toEqual([9]);
    expect(tartuRows(result).map((r) => r.code)).toEqual(["3.5.2.1", "3.5.2.1.1", "1", "3.5.2.1.2", null]);
    expect(tartuRows(result).every((r) => r.table === 9)).toBe(true);
  });

  it("continues a table whose second part has no header, and skips a header row repeated mid-table", async () => {
    const bytes = await docxOf([
      ...PREAMBLE,
      p("Tabel 9. Tegevuste ajakava"),
      table([row(HEADER, true), row(ROWS[0]), row(HEADER), row(ROWS[1])]),
      table(ROWS.slice(2).map((cells) => row(cells))),
    ]);
    const result = await importDocx(bytes);
    expect(result.diagnostics).toEqual([]);
    expect(tartuRows(result)).toHaveLength(ROWS.length);
  });

  it("reads a two-row header with a spanning cell, a multi-paragraph cell and a vertically merged responsible", async () => {
    const bytes = await docxOf([
      ...PREAMBLE,
      p("Tabel 9. Tegevuste ajakava"),
      table([
        row(
          [
            { text: "Tegevus", rowSpan: 2 },
            { text: "Ajakava", columnSpan: 2 },
            { text: "Planeeritav maksumus", rowSpan: 2 },
            { text: "Tegevuse eest vastutaja", rowSpan: 2 },
          ],
          true,
        ),
        row(["Tegevuse üldajaraam", "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil"], true),
        row([
          { text: ["3.5.2.1 Sihtrühmale teenuste", "arendamine ja pakkumine"] },
          "01.01.2023-31.12.2025",
          "01.01.2025-31.12.2025",
          "300",
          { text: "Tartu linn", rowSpan: 2 },
        ]),
        row(["3.5.2.1.1 Kaasamine", "01.01.2023-31.12.2025", "01.01.2025-31.12.2025", "100"]),
        row(["3.5.2.1.2 Koolitused", "01.01.2023-31.12.2025", "01.01.2025-31.12.2025", "200", "ELVL"]),
      ]),
    ]);
    const result = await importDocx(bytes);
    expect(result.diagnostics).toEqual([]);
    const rows = tartuRows(result);
    expect(rows.map((r) => [r.code, r.label, r.responsible, r.amount?.toString()])).toEqual([
      ["3.5.2.1", "Sihtrühmale teenuste arendamine ja pakkumine", "Tartu linn", "300"],
      ["3.5.2.1.1", "Kaasamine", "Tartu linn", "100"],
      ["3.5.2.1.2", "Koolitused", "ELVL", "200"],
    ]);
    expect(periodToIso(rows[0].frame)).toEqual({ start: "2023-01-01", end: "2025-12-31" });
    expect(periodToIso(rows[0].plan)).toEqual({ start: "2025-01-01", end: "2025-12-31" });
  });

  it("reads a table without the responsible column, reporting the missing column", async () => {
    const bytes = await docxOf([
      ...PREAMBLE,
      p("Tabel 9. Tegevuste ajakava"),
      table([row(HEADER.slice(0, 4), true), ...ROWS.map((cells) => row(cells.slice(0, 4)))]),
    ]);
    const result = await importDocx(bytes);
    expect(ids(result.diagnostics)).toEqual(["missing-column"]);
    expect(result.diagnostics[0].message).toContain("Tegevuse eest vastutaja");
    expect(result.diagnostics[0].messageEn).toContain("responsible");
    const rows = tartuRows(result);
    expect(rows).toHaveLength(ROWS.length);
    expect(rows.every((r) => r.responsible === null && r.amount !== null)).toBe(true);
  });

  it("reads columns in another order", async () => {
    const order = [4, 3, 0, 2, 1];
    const bytes = await docxOf([
      ...PREAMBLE,
      p("Tabel 9. Tegevuste ajakava"),
      table([
        row(
          order.map((index) => HEADER[index]),
          true,
        ),
        ...ROWS.map((cells) => row(order.map((index) => cells[index]))),
      ]),
    ]);
    const result = await importDocx(bytes);
    expect(result.diagnostics).toEqual([]);
    expect(tartuRows(result).map((r) => [r.code, r.amount?.toString(), r.responsible])).toEqual([
      ["3.5.2.1", "300", "Tartu linn"],
      ["3.5.2.1.1", "100", "Tartu linn"],
      ["1", "50.5", "Tartu linn"],
      ["3.5.2.1.2", "200", "Tartu linn"],
      [null, "1000", "Tartu linn"],
    ]);
  });

  it("keeps a row whose cell holds two date ranges, with the text and a diagnostic", async () => {
    const twoRanges = "01.01.2025 – 31.03.2025, 01.09.2025 – 31.12.2025";
    const bytes = await docxOf([
      ...PREAMBLE,
      p("Tabel 9. Tegevuste ajakava"),
      table([
        row(HEADER, true),
        row(ROWS[0]),
        row(["3.5.2.1.1 Kaasamine", "01.01.2023–31.12.2025", twoRanges, "100", "Tartu linn"]),
      ]),
    ]);
    const result = await importDocx(bytes);
    expect(ids(result.diagnostics)).toEqual(["extra-dates"]);
    expect(result.diagnostics[0].text).toBe(twoRanges);
    expect(result.diagnostics[0].severity).toBe("error");
    const rows = tartuRows(result);
    expect(rows).toHaveLength(2);
    expect(rows[1].plan).toBeNull();
    expect(rows[1].planText).toBe(twoRanges);
    expect(rows[1].amount?.toString()).toBe("100");
    expect(result.diagnostics[0].line).toBe(rows[1].line);
  });

  it("keeps a row with an unreadable amount, with amount null and the text in the diagnostic", async () => {
    const bytes = await docxOf([
      ...PREAMBLE,
      p("Tabel 9. Tegevuste ajakava"),
      table([
        row(HEADER, true),
        row(["3.5.2.1 Sihtrühmale", "01.01.2023-31.12.2025", "01.01.2025-31.12.2025", "93 988,53a", "Tartu linn"]),
        row(ROWS[1]),
      ]),
    ]);
    const result = await importDocx(bytes);
    expect(ids(result.diagnostics)).toEqual(["unreadable-amount"]);
    expect(result.diagnostics[0].text).toBe("93 988,53a");
    expect(result.diagnostics[0].message).toContain("93 988,53a");
    const rows = tartuRows(result);
    expect(rows).toHaveLength(2);
    expect(rows[0].amount).toBeNull();
    expect(rows[0].amountText).toBe("93 988,53a");
    expect(rows[0].line).toBe(result.diagnostics[0].line);
  });

  it("reports an invalid date and a row without a code, keeping both rows", async () => {
    const bytes = await docxOf([
      ...PREAMBLE,
      p("Tabel 9. Tegevuste ajakava"),
      table([
        row(HEADER, true),
        row(["3.5.2.1 Sihtrühmale", "01.01.2023-31.02.2025", "01.01.2025-31.12.2025", "1", "Tartu linn"]),
        row(["Muud tegevused", "01.01.2023-31.12.2025", "01.01.2025-31.12.2025", "2", "Tartu linn"]),
      ]),
    ]);
    const result = await importDocx(bytes);
    expect(ids(result.diagnostics)).toEqual(["invalid-date", "missing-code"]);
    const rows = tartuRows(result);
    expect(rows.map((r) => [r.code, r.label, r.frameText])).toEqual([
      ["3.5.2.1", "Sihtrühmale", "01.01.2023 – 31.02.2025"],
      [null, "Muud tegevused", "01.01.2023 – 31.12.2025"],
    ]);
  });

  it("reads auto-numbered headings, the directive's own section 1.1 sentence and a caption-less table", async () => {
    const bytes = await docxOf([
      p("KINNITATUD kultuuriministri 25.03.2025 käskkirjaga nr 68"),
      p("Toetatava tegevuse „Lõimumine“ tegevuskava perioodil 01.01.2025 – 31.12.2025"),
      p(
        "Partnerluslepingute raames viiakse ellu tegevusi KOV-ides järgnevalt: Tartu linnas ajavahemikus " +
          "01.01.2023-31.12.2025, Saaremaa vallas 01.11.2023-31.12.2025.",
      ),
      p("Elluviija tegevused"),
      p("Tabel 1. Tegevuste ajakava"),
      table([row(HEADER, true), row(["Elluviija otsesed personalikulud", "", "01.01.2025-31.12.2025", "5", "ELVL"])]),
      p("Sihtrühmale teenuste arendamine ja pakkumine Saaremaa vallas"),
      p("Saaremaa vallas töötab 1 koordinaator."),
      table([row(HEADER, true), row(ROWS[0])]),
    ]);
    const result = await importDocx(bytes);
    expect(ids(result.diagnostics)).toEqual(["missing-caption"]);
    expect(result.diagnostics[0].line).toBe(10);
    expect(
      result.plan.implementers.map((implementer) => [implementer.name, implementer.role, implementer.tables]),
    ).toEqual([
      ["Elluviija", "elluviija", [1]],
      ["Saaremaa vald", "partner", [2]],
    ]);
    expect(periodToIso(result.plan.implementers[1].partnership)).toEqual({ start: "2023-11-01", end: "2025-12-31" });
    const [personnel] = result.plan.implementers[0].rows;
    expect([personnel.kind, personnel.label, personnel.frame, personnel.frameText]).toEqual([
      "personnel",
      "Elluviija otsesed personalikulud",
      null,
      null,
    ]);
    expect(result.plan.implementers[1].rows).toHaveLength(1);
  });

  it("names a table's implementer 'Tabel N' with a diagnostic when no heading precedes it", async () => {
    const bytes = await docxOf([p("Tabel 9. Tegevuste ajakava"), table([row(HEADER, true), row(ROWS[0])])]);
    const result = await importDocx(bytes);
    expect(result.plan.implementers.map((implementer) => implementer.name)).toEqual(["Tabel 9"]);
    expect(ids(result.diagnostics)).toEqual(["unknown-implementer", "missing-plan-period"]);
  });

  it("refuses garbage bytes, a zip without a document and a document without a schedule", async () => {
    await expectImportError(new Uint8Array([1, 2, 3, 4, 5]), /Wordi dokument/, /not a readable Word document/);
    await expectImportError(new Uint8Array(0), /tühi/, /empty/);
    const zip = new JSZip();
    zip.file("hello.txt", "tere");
    await expectImportError(await zip.generateAsync({ type: "uint8array" }), /word\/document\.xml/, /no Word document/);
    const broken = new JSZip();
    broken.file("word/document.xml", "<w:document><w:body><w:p>");
    await expectImportError(await broken.generateAsync({ type: "uint8array" }), /vigane/, /malformed/);
    const noSchedule = await docxOf([
      p("Tabel 2. Tegevustega seotud näitajad"),
      table([row(["Indikaator", "Indikaatori mõõtühik", "Sihttase (2025)", "Sihttase (2029)", "Selgitus"], true)]),
    ]);
    await expectImportError(noSchedule, /tegevuste ajakava tabelit/, /No activity schedule table/);
  });
});
