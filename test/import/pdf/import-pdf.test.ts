import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { importPdf } from "../../../src/import/pdf";
import { parseDirectiveText } from "../../../src/import/text";
import { ActionPlan, ImportError, ImportResult, ScheduleRow } from "../../../src/model/plan";
import { fixtureText } from "../../helpers";
import {
  TEST_OUTPUT_DIR,
  convertWithLibreOffice,
  findSoffice,
  pdfPageCount,
  writeRecalcProfile,
} from "../../libreoffice";
import { HEADER, SampleRow, caption, docxBytes, heading, paragraph, scheduleTable } from "./sample-docx";

/**
 * The PDF importer against PDFs that LibreOffice Writer prints from Word documents made for the purpose: the
 * rows must come back cell for cell however the cells wrap, a table split over pages must stay one table,
 * and what cannot be read must be reported with its text kept. The PDFs stay in test-output/import-pdf/.
 */

jest.setTimeout(180_000);

const OUTPUT_DIR = path.join(TEST_OUTPUT_DIR, "import-pdf");
const LISA1_MODULE = path.resolve(__dirname, "../../../src/annex/lisa1/docx.ts");
const HAS_LISA1 = existsSync(LISA1_MODULE);

const FRAME = "01.01.2023 – 31.12.2025";
const PLAN = "01.01.2025 – 31.12.2025";
const TWO_RANGES = "01.01.2025 – 31.03.2025, 01.06.2025 – 31.12.2025";

const TARTU_ROWS: SampleRow[] = [
  ["3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tartu piirkonnas.", FRAME, PLAN, "93 988,53", "Tartu linn"],
  [
    "3.5.2.1.1 KOV-s elava sihtrühma kaasamine punktis 1.4 nimetatud eesmärki toetavasse tegevusse, mille nimetus on nii pikk, et murdub mitmele reale.",
    FRAME,
    PLAN,
    "5 660,54",
    "Tartu linn",
  ],
  ["3.5.2.1.1.1 Lõimumisklubi.", FRAME, PLAN, "0", "Tartu linn"],
  ["1. Nõustamine", "01.01.2023-31.12.2025", "01.01.2025-30.06.2025", "120", "Tartu linn"],
  ["3.5.2.1.2 Vajaduspõhise tugiteenuse pakkumine sihtrühmale.", FRAME, TWO_RANGES, "93 988,53a", "Tartu linn"],
  ["Otsesed personalikulud", FRAME, PLAN, "12 000,00", "ELVL ja Kohtla-Järve linn"],
];

/** Enough rows to fill more than a page, with the header row repeated on each. */
const LONG_ROWS: SampleRow[] = Array.from({ length: 32 }, (_, i) => [
  `3.5.2.1.1.${i + 1} Tegevus number ${i + 1}, mille nimetus on kirjutatud nii pikalt, et see murdub lahtris mitmele reale`,
  FRAME,
  PLAN,
  `${i + 1} 000,${String(i).padStart(2, "0")}`,
  i % 2 ? "Tallinna linn" : "ELVL, partnerid",
]);

const NO_PLAN_HEADER: SampleRow = [HEADER[0], HEADER[1], HEADER[3], HEADER[4]] as unknown as SampleRow;

interface ExpectedRow {
  printedCode: string | null;
  label: string;
  kind: ScheduleRow["kind"];
  amountText: string | null;
  amount: string | null;
  frameText: string | null;
  planText: string | null;
  responsible: string | null;
}

const shape = (row: ScheduleRow): ExpectedRow => ({
  printedCode: row.printedCode,
  label: row.label,
  kind: row.kind,
  amountText: row.amountText,
  amount: row.amount ? row.amount.toFixed() : null,
  frameText: row.frameText,
  planText: row.planText,
  responsible: row.responsible,
});

const pdfs = new Map<string, Uint8Array>();

beforeAll(async () => {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: these tests need Writer to make PDFs.");
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const documents: Record<string, Parameters<typeof docxBytes>[0]> = {
    tartu: [
      paragraph("LISA 1"),
      paragraph("Toetatava tegevuse „Kohalike omavalitsuste toetamine“ tegevuskava perioodil 01.01.2025 – 31.12.2025"),
      paragraph("1.1 Partnerlusleping kehtib Tartu linnas ajavahemikus 01.01.2023-31.12.2025."),
      heading("3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tartu linnas"),
      paragraph("Tegevusi kirjeldav lõik, mis ei ole tabeli osa. Selles on kuupäev 01.02.2025 ja kood 3.5.2.1.4."),
      caption("Tabel 9. Tegevuste ajakava"),
      scheduleTable(TARTU_ROWS),
      paragraph("Tabeli järel olev lõik."),
    ],
    long: [
      paragraph("Toetatava tegevuse tegevuskava perioodil 01.01.2025 – 31.12.2025"),
      heading("3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tallinna linnas"),
      caption("Tabel 12. Tegevuste ajakava"),
      scheduleTable(LONG_ROWS),
      paragraph("Lõpp."),
    ],
    "no-plan-column": [
      paragraph("Toetatava tegevuse tegevuskava perioodil 01.01.2025 – 31.12.2025"),
      heading("3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Narva linnas"),
      caption("Tabel 3. Tegevuste ajakava"),
      scheduleTable(
        [["3.5.2.1.1 Osaluskogu.", FRAME, "5 660,54", "Narva linn"] as unknown as SampleRow],
        NO_PLAN_HEADER,
      ),
    ],
    borderless: [
      paragraph("Toetatava tegevuse tegevuskava perioodil 01.01.2025 – 31.12.2025"),
      heading("3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tartu linnas"),
      caption("Tabel 9. Tegevuste ajakava"),
      scheduleTable(TARTU_ROWS, HEADER, true),
      paragraph("Tabeli järel olev lõik."),
    ],
    "no-table": [paragraph("Kiri, milles ei ole ühtegi tabelit.")],
  };
  const work = mkdtempSync(path.join(os.tmpdir(), "import-pdf-"));
  try {
    const files: string[] = [];
    for (const [name, children] of Object.entries(documents)) {
      const file = path.join(work, `${name}.docx`);
      writeFileSync(file, await docxBytes(children));
      files.push(file);
    }
    if (HAS_LISA1) {
      const { lisa1DocxBytes } = await import(LISA1_MODULE);
      const file = path.join(work, "lisa1.docx");
      writeFileSync(file, await lisa1DocxBytes(parseDirectiveText(fixtureText()).plan));
      files.push(file);
    }
    const profileUrl = writeRecalcProfile(path.join(work, "profile"));
    await convertWithLibreOffice(soffice, profileUrl, files, OUTPUT_DIR, "pdf");
    for (const file of files) {
      const name = path.basename(file, ".docx");
      pdfs.set(name, new Uint8Array(readFileSync(path.join(OUTPUT_DIR, `${name}.pdf`))));
    }
    const encryptedDir = path.join(OUTPUT_DIR, "encrypted");
    mkdirSync(encryptedDir, { recursive: true });
    const password = `{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"salasõna"}}`;
    await convertWithLibreOffice(soffice, profileUrl, [files[0]], encryptedDir, `pdf:writer_pdf_Export:${password}`);
    const encrypted = path.join(encryptedDir, `${path.basename(files[0], ".docx")}.pdf`);
    pdfs.set("encrypted", new Uint8Array(readFileSync(encrypted)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

const pdf = (name: string) => {
  const bytes = pdfs.get(name);
  if (!bytes) throw new Error(`no PDF ${name}`);
  return bytes;
};

describe("a schedule table with wrapped cells", () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importPdf(pdf("tartu"));
  });

  it("reads the plan period, the implementer from the heading and its partnership", () => {
    expect(result.plan.planPeriod?.start.toIso()).toBe("2025-01-01");
    expect(result.plan.planPeriod?.end.toIso()).toBe("2025-12-31");
    expect(result.plan.implementers.map((i) => [i.name, i.role, i.tables])).toEqual([["Tartu linn", "partner", [9]]]);
    const partnership = result.plan.implementers[0].partnership;
    expect([partnership?.start.toIso(), partnership?.end.toIso()]).toEqual(["2023-01-01", "2025-12-31"]);
  });

  it("reads every row cell for cell, wrapped labels whole", () => {
    expect(result.plan.implementers[0].rows.map(shape)).toEqual<ExpectedRow[]>([
      {
        printedCode: "3.5.2.1",
        label: "Sihtrühmale teenuste arendamine ja pakkumine Tartu piirkonnas.",
        kind: "activity",
        amountText: "93 988,53",
        amount: "93988.53",
        frameText: FRAME,
        planText: PLAN,
        responsible: "Tartu linn",
      },
      {
        printedCode: "3.5.2.1.1",
        label:
          "KOV-s elava sihtrühma kaasamine punktis 1.4 nimetatud eesmärki toetavasse tegevusse, mille nimetus on nii pikk, et murdub mitmele reale.",
        kind: "activity",
        amountText: "5 660,54",
        amount: "5660.54",
        frameText: FRAME,
        planText: PLAN,
        responsible: "Tartu linn",
      },
      {
        printedCode: "3.5.2.1.1.1",
        label: "Lõimumisklubi.",
        kind: "activity",
        amountText: "0",
        amount: "0",
        frameText: FRAME,
        planText: PLAN,
        responsible: "Tartu linn",
      },
      {
        printedCode: "1.",
        label: "Nõustamine",
        kind: "activity",
        amountText: "120",
        amount: "120",
        frameText: FRAME,
        planText: "01.01.2025 – 30.06.2025",
        responsible: "Tartu linn",
      },
      {
        printedCode: "3.5.2.1.2",
        label: "Vajaduspõhise tugiteenuse pakkumine sihtrühmale.",
        kind: "activity",
        amountText: "93 988,53a",
        amount: null,
        frameText: FRAME,
        planText: TWO_RANGES,
        responsible: "Tartu linn",
      },
      {
        printedCode: null,
        label: "Otsesed personalikulud",
        kind: "personnel",
        amountText: "12 000,00",
        amount: "12000",
        frameText: FRAME,
        planText: PLAN,
        responsible: "ELVL ja Kohtla-Järve linn",
      },
    ]);
    const rows = result.plan.implementers[0].rows;
    expect(rows.map((row) => [row.code, row.codeStyle, row.table])).toEqual([
      ["3.5.2.1", "dotted", 9],
      ["3.5.2.1.1", "dotted", 9],
      ["3.5.2.1.1.1", "dotted", 9],
      ["1", "numbered", 9],
      ["3.5.2.1.2", "dotted", 9],
      [null, null, 9],
    ]);
    expect(rows[0].plan?.start.toIso()).toBe("2025-01-01");
    expect(rows[3].plan?.end.toIso()).toBe("2025-06-30");
    expect(rows[4].plan).toBeNull();
    // Lines count down the document: each row starts below the one before.
    expect(rows.every((row, i) => i === 0 || row.line > rows[i - 1].line)).toBe(true);
  });

  it("reports the unreadable amount and the two date ranges, with their text", () => {
    const row = result.plan.implementers[0].rows[4];
    expect(result.diagnostics.map((d) => [d.id, d.severity, d.line, d.text])).toEqual([
      ["extra-dates", "error", row.line, TWO_RANGES],
      ["unreadable-amount", "error", row.line, "93 988,53a"],
    ]);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.message).toContain("3.5.2.1.2");
      expect(diagnostic.messageEn).toContain("3.5.2.1.2");
    }
  });
});

describe("a table over several pages with its header repeated", () => {
  it("is one table with every row, in order", async () => {
    expect(pdfPageCount(path.join(OUTPUT_DIR, "long.pdf"))).toBeGreaterThan(1);
    const { plan, diagnostics } = await importPdf(pdf("long"));
    // The document has no section 1.1; that is the only finding.
    expect(diagnostics.map((d) => d.id)).toEqual(["missing-partnership"]);
    expect(plan.implementers.map((i) => [i.name, i.tables])).toEqual([["Tallinna linn", [12]]]);
    expect(plan.implementers[0].rows.map(shape)).toEqual(
      LONG_ROWS.map(([activity, , , amount, responsible]) => ({
        printedCode: activity.split(" ")[0],
        label: activity.slice(activity.indexOf(" ") + 1),
        kind: "activity",
        amountText: amount,
        amount: amount
          .replace(" ", "")
          .replace(",", ".")
          .replace(/\.?0+$/, ""),
        frameText: FRAME,
        planText: PLAN,
        responsible,
      })),
    );
  });
});

describe("a table without borders", () => {
  it("is read from positions alone: rows start at a code, a numbered item or the personnel label", async () => {
    const [bordered, borderless] = await Promise.all([importPdf(pdf("tartu")), importPdf(pdf("borderless"))]);
    expect(borderless.plan.implementers[0].rows.map(shape)).toEqual(bordered.plan.implementers[0].rows.map(shape));
    expect(borderless.diagnostics.map((d) => d.id)).toEqual([
      "missing-partnership",
      "extra-dates",
      "unreadable-amount",
    ]);
  });
});

describe("a table without the plan-period column", () => {
  it("reports the missing column and reads the others", async () => {
    const { plan, diagnostics } = await importPdf(pdf("no-plan-column"));
    expect(diagnostics.map((d) => d.id)).toEqual(["missing-partnership", "missing-column"]);
    expect(diagnostics[1].message).toContain("Tegevuse algus- ja lõppkuupäev tegevuskava perioodil");
    expect(plan.implementers.map((i) => i.name)).toEqual(["Narva linn"]);
    expect(plan.implementers[0].rows.map(shape)).toEqual([
      {
        printedCode: "3.5.2.1.1",
        label: "Osaluskogu.",
        kind: "activity",
        amountText: "5 660,54",
        amount: "5660.54",
        frameText: FRAME,
        planText: null,
        responsible: "Narva linn",
      },
    ]);
  });
});

describe("what is not a directive's PDF", () => {
  const refusal = async (bytes: Uint8Array) => {
    try {
      await importPdf(bytes);
    } catch (error) {
      return error;
    }
    throw new Error("importPdf accepted it");
  };

  it("refuses garbage, an empty file and a truncated PDF with a message in both languages", async () => {
    const garbage = new Uint8Array(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256));
    const truncated = pdf("tartu").slice(0, 400);
    for (const bytes of [garbage, new Uint8Array(0), truncated, new TextEncoder().encode("%PDF-1.7 nothing")]) {
      const error = await refusal(bytes);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).message).toMatch(/PDF/);
      expect((error as ImportError).messageEn).toMatch(/PDF/);
    }
  });

  it("refuses a password-protected PDF, saying so", async () => {
    const error = await refusal(pdf("encrypted"));
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toContain("parooliga");
    expect((error as ImportError).messageEn).toContain("password-protected");
  });

  it("refuses a PDF without a schedule table", async () => {
    const error = await refusal(pdf("no-table"));
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).messageEn).toContain("No activity schedule table");
  });
});

/** What the round trip must preserve of each row; `line` differs by nature (text line vs PDF line). */
const rowsOf = (plan: ActionPlan) =>
  plan.implementers.map((implementer) => ({
    name: implementer.name,
    tables: implementer.tables,
    rows: implementer.rows.map((row) => ({
      code: row.code,
      label: row.label,
      kind: row.kind,
      amount: row.amount ? row.amount.toFixed() : null,
      frame: row.frame ? `${row.frame.start.toIso()}/${row.frame.end.toIso()}` : null,
      plan: row.plan ? `${row.plan.start.toIso()}/${row.plan.end.toIso()}` : null,
      responsible: row.responsible,
      table: row.table,
    })),
  }));

if (HAS_LISA1) {
  describe("round trip of the real directive through lisa 1 as Word and PDF", () => {
    it("gives back the plan row for row", async () => {
      const expected = parseDirectiveText(fixtureText()).plan;
      const { plan, diagnostics } = await importPdf(pdf("lisa1"));
      expect(rowsOf(plan)).toEqual(rowsOf(expected));
      expect(plan.planPeriod).toEqual(expected.planPeriod);
      expect(plan.directive).toEqual(expected.directive);
      const periods = (p: ActionPlan) => p.implementers.map((i) => [i.name, i.role, i.partnership]);
      expect(periods(plan)).toEqual(periods(expected));
      const indicators = (p: ActionPlan) =>
        p.indicators.map((i) => [i.table, i.name, i.unit, i.target, i.target2029, i.explanation]);
      expect(indicators(plan)).toEqual(indicators(expected));
      // Row 8 of table 3 has no overall frame in the directive; lisa 1 prints the cell empty, and the shared table
      // stage, as the text and Word importers always did, says nothing of a row that has its plan-period dates.
      const unframed = plan.implementers.flatMap((i) => i.rows).filter((row) => row.frameText === null);
      expect(unframed.map((row) => [row.table, row.plan !== null])).toEqual([[3, true]]);
      expect(diagnostics.map((d) => [d.id, d.severity])).toEqual([]);
    });
  });
} else {
  test.todo(
    "round trip of the real directive through lisa 1 (src/annex/lisa1/docx.ts → LibreOffice → importPdf): " +
      "src/annex/lisa1/docx.ts does not exist yet",
  );
}
