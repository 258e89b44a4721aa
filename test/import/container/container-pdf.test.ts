import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { lisa1DocxBytes } from "../../../src/annex/lisa1/docx";
import { readDocument } from "../../../src/app/read";
import { importDocx } from "../../../src/import/docx/import-docx";
import { importPdf } from "../../../src/import/pdf";
import { parseDirectiveText } from "../../../src/import/text";
import { ActionPlan } from "../../../src/model/plan";
import { fixtureText } from "../../helpers";
import { convertWithLibreOffice, findSoffice, writeRecalcProfile } from "../../libreoffice";
import { makeContainer } from "./containers";

/**
 * A container holding lisa 1 as PDF (printed by LibreOffice Writer from the project's lisa 1 Word file, as the PDF
 * importer's own tests make it), and one holding the PDF and the Word file both: the plan read from the container
 * must be the one the PDF gives alone, and between documents the one with the most rows is read.
 */

jest.setTimeout(180_000);

const PLAN = parseDirectiveText(fixtureText()).plan;
let WORD: Uint8Array;
let PDF: Uint8Array;

beforeAll(async () => {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: these tests need Writer to make a PDF.");
  WORD = await lisa1DocxBytes(PLAN);
  const work = mkdtempSync(path.join(os.tmpdir(), "container-pdf-"));
  try {
    const file = path.join(work, "lisa1.docx");
    writeFileSync(file, WORD);
    await convertWithLibreOffice(soffice, writeRecalcProfile(path.join(work, "profile")), [file], work, "pdf");
    PDF = new Uint8Array(readFileSync(path.join(work, "lisa1.pdf")));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

const rowsOf = (plan: ActionPlan) =>
  plan.implementers.flatMap((implementer) =>
    implementer.rows.map((row) => [
      implementer.name,
      row.table,
      row.code,
      row.label,
      row.amount?.toFixed(2) ?? null,
      row.frameText,
      row.planText,
      row.responsible,
      row.line,
    ]),
  );

const read = (bytes: Uint8Array, choose?: string) =>
  readDocument({ kind: "container", bytes, name: "leping.asice", choose });

describe("a container holding lisa 1 as PDF", () => {
  it("reads the same plan as the PDF alone: the fixture's 134 rows", async () => {
    const alone = await importPdf(PDF);
    const result = await read(await makeContainer({ files: [{ name: "lisa1.pdf", bytes: PDF }] }));
    expect(rowsOf(result.plan)).toHaveLength(134);
    expect(rowsOf(result.plan)).toEqual(rowsOf(alone.plan));
    expect(result.plan.planPeriod).toEqual(alone.plan.planPeriod);
    expect(result.plan.indicators).toEqual(alone.plan.indicators);
    expect(result.diagnostics).toEqual(
      alone.diagnostics.map((diagnostic) => ({ ...diagnostic, file: "leping.asice › lisa1.pdf" })),
    );
    expect(result.container!.candidates).toEqual([{ name: "lisa1.pdf", kind: "pdf", rows: 134, refusal: null }]);
  });
});

describe("a container holding the PDF and the Word file", () => {
  it("reads the first of the two, which hold as many rows, and either when asked", async () => {
    const container = await makeContainer({
      files: [
        { name: "lisa1.pdf", bytes: PDF },
        { name: "lisa1.docx", bytes: WORD },
      ],
    });
    const result = await read(container);
    expect(result.container!.candidates.map((candidate) => [candidate.name, candidate.rows])).toEqual([
      ["lisa1.pdf", 134],
      ["lisa1.docx", 134],
    ]);
    expect(result.container!.document).toBe("lisa1.pdf");
    expect(rowsOf(result.plan)).toEqual(rowsOf((await importPdf(PDF)).plan));
    const word = await read(container, "lisa1.docx");
    expect(word.container!.document).toBe("lisa1.docx");
    expect(rowsOf(word.plan)).toEqual(rowsOf((await importDocx(WORD)).plan));
  });

  it("reads the PDF when the Word file beside it holds fewer rows", async () => {
    const partial = await lisa1DocxBytes({ ...PLAN, implementers: PLAN.implementers.slice(0, 3) });
    const partialRows = PLAN.implementers.slice(0, 3).reduce((sum, implementer) => sum + implementer.rows.length, 0);
    expect(partialRows).toBeLessThan(134);
    const result = await read(
      await makeContainer({
        files: [
          { name: "lisa1-osa.docx", bytes: partial },
          { name: "lisa1.pdf", bytes: PDF },
        ],
      }),
    );
    expect(result.container!.candidates.map((candidate) => [candidate.name, candidate.rows])).toEqual([
      ["lisa1-osa.docx", partialRows],
      ["lisa1.pdf", 134],
    ]);
    expect(result.container!.document).toBe("lisa1.pdf");
    expect(rowsOf(result.plan)).toHaveLength(134);
  });
});
