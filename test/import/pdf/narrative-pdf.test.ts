import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { analyse } from "../../../src/checks/analyse";
import { importPdf } from "../../../src/import/pdf";
import { parseDirectiveText } from "../../../src/import/text";
import { ImportResult } from "../../../src/model/plan";
import { fixtureText } from "../../helpers";
import { TEST_OUTPUT_DIR, convertWithLibreOffice, findSoffice, writeRecalcProfile } from "../../libreoffice";
import { sampleWithTextDocx } from "../docx/sample-with-text";
import { foldHyphenSpace, fontEnvironment } from "./corpus";

/**
 * The PDF importer reads each implementer's text from what stands outside the tables: the sample directive in Word
 * with its prose (../docx/sample-with-text.ts), printed by LibreOffice Writer in the bundled fonts only. Its
 * paragraphs wrap over lines and pages; the codes they describe are the text importer's, each at the PDF line where
 * it stands, and the check says the same of them. The PDF stays in test-output/import-pdf-text/.
 */
jest.setTimeout(180_000);

const OUTPUT_DIR = path.join(TEST_OUTPUT_DIR, "import-pdf-text");

describe("the text of the sample directive in a PDF", () => {
  let result: ImportResult;
  beforeAll(async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice (soffice) is not installed: this test needs Writer to make the PDF.");
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const work = mkdtempSync(path.join(os.tmpdir(), "import-pdf-text-"));
    try {
      const file = path.join(work, "sample-with-text.docx");
      writeFileSync(file, await sampleWithTextDocx());
      await convertWithLibreOffice(soffice, writeRecalcProfile(path.join(work, "profile")), [file], OUTPUT_DIR, "pdf", {
        env: fontEnvironment(path.join(work, "fonts")),
      });
      result = await importPdf(new Uint8Array(readFileSync(path.join(OUTPUT_DIR, "sample-with-text.pdf"))));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("reads each implementer's described codes as the text importer does, and their titles where the layout allows", () => {
    const text = parseDirectiveText(fixtureText()).plan;
    const codes = (implementers: typeof text.implementers) =>
      implementers.map((implementer) => [implementer.name, implementer.narrative?.map((described) => described.code)]);
    expect(codes(result.plan.implementers)).toEqual(codes(text.implementers));
    // A word hyphenated at a line's end comes back with a space after its hyphen ("KOV- i"), as row labels do.
    const differences = result.plan.implementers.flatMap((implementer, index) =>
      (implementer.narrative ?? []).flatMap((described, at) => {
        const fromText = text.implementers[index].narrative?.[at].title;
        const fromPdf = foldHyphenSpace(described.title);
        return fromPdf === fromText ? [] : [[implementer.name, described.code, fromPdf, fromText]];
      }),
    );
    expect(differences).toEqual([
      // The fixture's text wraps the sub-heading "1.2 3.5.1.2 … rakendamine" / "KOV-ides" (lines 73–74) and the title
      // ends with its line; Word's paragraph holds it whole, and so does the PDF's.
      [
        "ELVL",
        "3.5.1.2",
        "Lõimumis-, sealhulgas kohanemisteekondade väljatöötamine ja rakendamine KOV-ides",
        "Lõimumis-, sealhulgas kohanemisteekondade väljatöötamine ja rakendamine",
      ],
      // Jõhvi's paragraph (line 709), as the importer joins the PDF's lines, ends after "KOV-i ja": the next line
      // ("sidusrühmade vahel. …") is not joined to it, and the title ends with the paragraph.
      [
        "Jõhvi vald",
        "3.5.2.1.4",
        "Kohalike koostöövõrgustike arendamine ja koostöö koordineerimine KOV-i ja",
        "Kohalike koostöövõrgustike arendamine ja koostöö koordineerimine KOV-i ja sidusrühmade vahel",
      ],
    ]);
  });

  it("places each at a line of its own part, in the document's order", () => {
    const lines = result.plan.implementers.map((implementer) => implementer.narrative?.map((entry) => entry.line));
    for (const [index, implementer] of result.plan.implementers.entries()) {
      const own = lines[index] ?? [];
      // Within its part: after the previous implementer's last row, before its own first one.
      const before = result.plan.implementers[index - 1]?.rows.at(-1)?.line ?? 0;
      const first = implementer.rows[0].line;
      for (const line of own) expect([line > before, line < first]).toEqual([true, true]);
      expect([...own].sort((a, b) => a - b)).toEqual(own);
    }
    // ELVL's 3.5.1.3.2 and 3.5.1.3.4 stand in one paragraph, the second lines below the first.
    const elvl = result.plan.implementers[0].narrative ?? [];
    const at = (code: string) => elvl.find((entry) => entry.code === code)?.line ?? 0;
    expect(at("3.5.1.3.4")).toBeGreaterThan(at("3.5.1.3.2"));
  });

  it("the check reports exactly ELVL's 3.5.1.3.2 and 3.5.1.3.4 and Jõhvi's 3.5.2.1.2", () => {
    const findings = analyse(result.plan).check.findings.filter((finding) => /narrative/.test(finding.rule));
    expect(findings.map((finding) => [finding.rule, finding.implementer, finding.code])).toEqual([
      ["narrative-without-row", "ELVL", "3.5.1.3.2"],
      ["narrative-without-row", "ELVL", "3.5.1.3.4"],
      ["narrative-without-row", "Jõhvi vald", "3.5.2.1.2"],
    ]);
  });
});
