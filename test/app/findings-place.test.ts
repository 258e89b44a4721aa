import { Finding, WorkbookPort, analysePlan, checkWorkbook, importPlan, previewImport } from "../../src/app";
import { parseDirectiveText } from "../../src/import/text";
import { createFakeExcel } from "../../src/workbook/fake";
import { ExcelContext } from "../../src/workbook/office/excel-api";
import { OfficeWorkbookAdapter } from "../../src/workbook/office/office-adapter";
import { XlsxWorkbookPort } from "../../src/workbook/xlsx/xlsx-port";
import { fixtureText } from "../helpers";

/**
 * Findings in the workbook's terms, over the real directive (käskkiri 25.03.2025 nr 68): checked where the officer
 * checks it, in the workbook the import wrote, every finding names a sheet and a cell (its go-to link), indicators
 * included, and no message cites a line of the document, which cannot be found in Excel. Checked on the document
 * itself, the same findings keep their lines. The cells and lines below were read off the fixture and the workbook.
 */
jest.setTimeout(120_000);

/** A place in a message: a source line ("read 625 ja 629", "rida 72", "lines 457 and 461") or a cell ("Tartu!G6"). */
const PLACE_IN_TEXT =
  /\b(?:rida|read|rea|real|line|lines|row|rows)\s+\d+(?:\s*(?:,|ja|and)\s*\d+)*(?![.\d])|![A-Z]{1,3}\d+/i;

const ports: Array<[string, () => WorkbookPort]> = [
  [".xlsx through ExcelJS, saved and reopened", () => XlsxWorkbookPort.empty()],
  [
    "the Office adapter over the Excel fake",
    () => {
      const fake = createFakeExcel();
      return new OfficeWorkbookAdapter((batch) => batch(fake.context as unknown as ExcelContext));
    },
  ],
];

describe.each(ports)("the sample's findings checked in the workbook: %s", (_, makePort) => {
  let findings: Finding[];
  let cellValue: (sheet: string, cell: string) => unknown;

  beforeAll(async () => {
    let port = makePort();
    await importPlan(port, await previewImport(port, { kind: "text", text: fixtureText() }), {});
    if (port instanceof XlsxWorkbookPort) port = await XlsxWorkbookPort.load(await port.toBuffer());
    findings = (await checkWorkbook(port, { mark: false })).result.findings;
    const sheets = await port.readWorkbook();
    cellValue = (sheet, cell) => {
      const match = /^([A-Z])(\d+)$/.exec(cell)!;
      const raw = sheets.find((candidate) => candidate.name === sheet)?.rows[Number(match[2]) - 1];
      return raw?.[match[1].charCodeAt(0) - 65]?.value ?? null;
    };
  });

  it("every finding has a sheet and a cell, and no source line", () => {
    expect(findings).toHaveLength(32);
    const unplaced = findings.filter((finding) => !finding.position.sheet || !finding.position.cell);
    expect(unplaced.map((finding) => [finding.rule, finding.message])).toEqual([]);
    expect(findings.filter((finding) => finding.position.line !== null)).toEqual([]);
    for (const finding of findings)
      for (const related of finding.related)
        expect([related.sheet, related.cell, related.line]).toEqual([
          finding.position.sheet,
          expect.stringMatching(/^A\d+$/),
          null,
        ]);
  });

  it("no message, in either language, names a line or a cell", () => {
    const placed = findings
      .flatMap((finding) => [finding.message, finding.messageEn])
      .filter((text) => PLACE_IN_TEXT.test(text));
    expect(placed).toEqual([]);
  });

  it("an indicator's finding points at its 2029 target on Näitajad", () => {
    const indicators = findings.filter((finding) => finding.rule === "indicator-target-decrease");
    expect(indicators.map((finding) => [finding.position.sheet, finding.position.cell])).toEqual([
      ["Näitajad", "E5"],
      ["Näitajad", "E10"],
    ]);
    // Table 2's "KOV koordinaatorite arv" (document line 72) and table 17's network count: 8 this year, 7 by 2029.
    expect(indicators[0].message).toBe(
      "Näitaja „KOV koordinaatorite arv“ (tabel 2) sihttase aastaks 2029 (7) on väiksem kui tegevuskava aasta sihttase (8).",
    );
    expect(String(cellValue("Näitajad", "B5"))).toBe("KOV koordinaatorite arv");
    expect(String(cellValue("Näitajad", "E5"))).toBe("7");
    expect(String(cellValue("Näitajad", "B10"))).toBe("Kohaliku tasandi koostöövõrgustike arv");
    expect(String(cellValue("Näitajad", "E10"))).toBe("7");
  });

  it("a numbered item is named with its activity, at its own cell", () => {
    // Item 6 under 3.5.1.2 (document line 130) runs 01.09.2025 – 31.01.2026, past the plan year.
    const item = findings.find((finding) => finding.rule === "plan-outside-year" && finding.code === "6")!;
    expect([item.position.sheet, item.position.cell]).toEqual(["ELVL", "E14"]);
    expect(cellValue("ELVL", "A14")).toBe("6.");
    expect(item.message).toBe(
      "Rea 3.5.1.2 › 6. tegevuskava perioodi kuupäevad 01.09.2025 – 31.01.2026 ulatuvad tegevuskava aastast 01.01.2025 – 31.12.2025 välja.",
    );
    expect(item.messageEn).toBe(
      "The plan-period dates 01.09.2025 – 31.01.2026 of row 3.5.1.2 › 6. fall outside the plan year 01.01.2025 – 31.12.2025.",
    );
    const frame = findings.find((finding) => finding.rule === "missing-frame")!;
    expect([frame.position.cell, frame.message]).toEqual(["C16", "Real 3.5.1.2 › 8. puudub tegevuse üldajaraam."]);
  });

  it("a section a partner lacks points at the partner's top row and says how the annex shows it", () => {
    const missing = findings.find((finding) => finding.rule === "missing-section")!;
    expect([missing.implementer, missing.position.sheet, missing.position.cell]).toEqual(["Jõhvi vald", "Jõhvi", "A5"]);
    expect(cellValue("Jõhvi", "A5")).toBe("3.5.2.1");
    expect(missing.message).toBe(
      "Ajakavas puudub tegevus 3.5.2.1.2, kuigi see on kõigil ülejäänud 7 partneril; lisas 2 ja selle maatriksis on see tegevus märgitud kriipsuga („–“).",
    );
  });

  it("a code the text describes and the schedule lacks points at the Seaded cell that keeps it, beside the implementers", () => {
    const described = findings.filter((finding) => finding.rule === "narrative-without-row");
    // ELVL's text (document line 155) describes 3.5.1.3.2 and 3.5.1.3.4, Jõhvi's (line 704) 3.5.2.1.2; none has a row.
    expect(
      described.map((finding) => [finding.implementer, finding.code, finding.position.sheet, finding.position.cell]),
    ).toEqual([
      ["ELVL", "3.5.1.3.2", "Seaded", "J18"],
      ["ELVL", "3.5.1.3.4", "Seaded", "J20"],
      ["Jõhvi vald", "3.5.2.1.2", "Seaded", "J51"],
    ]);
    expect([
      cellValue("Seaded", "I18"),
      cellValue("Seaded", "J18"),
      cellValue("Seaded", "K18"),
      cellValue("Seaded", "L18"),
    ]).toEqual(["ELVL", "3.5.1.3.2", "KOV-ide nõustamine", 155]);
    expect([cellValue("Seaded", "I51"), cellValue("Seaded", "J51"), cellValue("Seaded", "K51")]).toEqual([
      "Jõhvi vald",
      "3.5.2.1.2",
      "Vajaduspõhise tugiteenuse pakkumine sihtrühmale",
    ]);
    expect(described[2].message).toBe(
      "Tekst kirjeldab tegevust 3.5.2.1.2 „Vajaduspõhise tugiteenuse pakkumine sihtrühmale“, kuid ajakavas ei ole selle koodiga ega selle all ühtegi rida.",
    );
    expect(findings.filter((finding) => finding.rule === "row-without-narrative")).toEqual([]);
  });

  it("Pärnu's duplicated codes name their rows by code and label, and relate to their cells", () => {
    const [first] = findings.filter(
      (finding) => finding.rule === "duplicate-code" && finding.implementer === "Pärnu linn",
    );
    expect(first.position.cell).toBe("A7");
    expect(first.message).toBe(
      "Kood 3.5.2.1.1 esineb mitu korda; see rida („Pärnu rahvusvähemuste…“) on ilmselt 3.5.2.1.1.1. Read 3.5.2.1.1 („Pärnu rahvusvähemuste…“) ja 3.5.2.1.2 („Teenuste arendamiseks…“) annavad kokku täpselt rea 3.5.2.1.1 („KOV-s elava sihtrühma…“) summa 13\u00a0434,77 €, seega on need selle alamread.",
    );
    // The parent (document line 625) and the two rows that add up to it (629, 634), by their cells on Pärnu.
    expect(first.related.map((related) => [related.code, related.cell])).toEqual([
      ["3.5.2.1.1", "A6"],
      ["3.5.2.1.1", "A7"],
      ["3.5.2.1.2", "A8"],
    ]);
  });
});

describe("the sample's findings checked on the document's text", () => {
  const findings = analysePlan(parseDirectiveText(fixtureText()).plan).check.findings;

  it("every finding keeps its source line and names no sheet", () => {
    expect(findings).toHaveLength(32);
    expect(findings.filter((finding) => finding.position.line === null || finding.position.sheet)).toEqual([]);
    const indicator = findings.find((finding) => finding.rule === "indicator-target-decrease")!;
    expect(indicator.position).toEqual({ line: 72 });
    const item = findings.find((finding) => finding.rule === "plan-outside-year" && finding.code === "6")!;
    expect(item.position).toEqual({ line: 130 });
  });

  it("what the text describes and the schedule lacks keeps the line of its description", () => {
    const described = findings.filter((finding) => finding.rule === "narrative-without-row");
    expect(described.map((finding) => [finding.implementer, finding.code, finding.position])).toEqual([
      ["ELVL", "3.5.1.3.2", { line: 155 }],
      ["ELVL", "3.5.1.3.4", { line: 155 }],
      ["Jõhvi vald", "3.5.2.1.2", { line: 704 }],
    ]);
  });

  it("says the same as the workbook's check: the message does not depend on where the plan came from", async () => {
    const port = XlsxWorkbookPort.empty();
    await importPlan(port, await previewImport(port, { kind: "text", text: fixtureText() }), {});
    const fromWorkbook = (await checkWorkbook(port, { mark: false })).result.findings;
    const texts = (list: Finding[]) => list.map((finding) => `${finding.message} | ${finding.messageEn}`).sort();
    expect(texts(fromWorkbook)).toEqual(texts(findings));
    for (const text of texts(findings)) expect(text).not.toMatch(PLACE_IN_TEXT);
  });
});
