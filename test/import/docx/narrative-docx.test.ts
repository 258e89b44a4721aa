import { analyse } from "../../../src/checks/analyse";
import { importDocx } from "../../../src/import/docx";
import { parseDirectiveText } from "../../../src/import/text";
import { ImportResult } from "../../../src/model/plan";
import { fixtureText } from "../../helpers";
import { sampleWithText, sampleWithTextDocx } from "./sample-with-text";

/**
 * The Word importer reads each implementer's text from the paragraphs of its part (between its heading and its
 * tables): the sample directive in Word, its prose the fixture's own (sample-with-text.ts), describes the same codes
 * the text importer finds in the PDF's text, and the check says the same of them.
 */
describe("the text of the sample directive in Word", () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importDocx(new Uint8Array(await sampleWithTextDocx()));
  });

  it("reads every row, and each implementer's described codes as the text importer does", () => {
    const text = parseDirectiveText(fixtureText()).plan;
    expect(result.diagnostics).toEqual([]);
    expect(result.plan.implementers.map((implementer) => [implementer.name, implementer.rows.length])).toEqual(
      text.implementers.map((implementer) => [implementer.name, implementer.rows.length]),
    );
    const codes = (implementers: typeof text.implementers) =>
      implementers.map((implementer) => [
        implementer.name,
        implementer.narrative?.map((described) => [described.code, described.title]),
      ]);
    expect(codes(result.plan.implementers)).toEqual(codes(text.implementers));
  });

  it("keeps the paragraph each code opens its description in, as its line", () => {
    // The document's lines count its paragraphs and table rows (word-xml.ts).
    const { lines } = sampleWithText();
    const described = result.plan.implementers.flatMap((implementer) => implementer.narrative ?? []);
    expect(described).toHaveLength(51);
    for (const { code, title, line } of described) expect(lines[line - 1]).toContain(`${code} ${title}`);
    const johvi = result.plan.implementers.find((implementer) => implementer.name === "Jõhvi vald")?.narrative ?? [];
    // Jõhvi's 3.5.2.1.2 runs on in the paragraph of the fixture's line 704; 3.5.2.1.3 is line 705, a paragraph alone.
    expect(lines[johvi[1].line - 1]).toContain(
      "osalemine. 3.5.2.1.2 Vajaduspõhise tugiteenuse pakkumine sihtrühmale. Jõhvi vallas elavatest",
    );
    expect(lines[johvi[2].line - 1]).toBe("3.5.2.1.3 Tõhusa kommunikatsiooni tagamine sihtrühmale.");
  });

  it("the check reports exactly ELVL's 3.5.1.3.2 and 3.5.1.3.4 and Jõhvi's 3.5.2.1.2", () => {
    const findings = analyse(result.plan).check.findings.filter((finding) => /narrative/.test(finding.rule));
    expect(findings.map((finding) => [finding.rule, finding.implementer, finding.code])).toEqual([
      ["narrative-without-row", "ELVL", "3.5.1.3.2"],
      ["narrative-without-row", "ELVL", "3.5.1.3.4"],
      ["narrative-without-row", "Jõhvi vald", "3.5.2.1.2"],
    ]);
    expect(findings[2].message).toContain("„Vajaduspõhise tugiteenuse pakkumine sihtrühmale“");
  });
});
