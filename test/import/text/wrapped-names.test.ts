import { parseDirectiveText } from "../../../src/import/text/parse-directive";
import { fixtureText } from "../../helpers";

/**
 * Section 1.1 (fixture line 47) wrapped where a PDF's line or a copied text breaks it: at the hyphen of a compound
 * name. Kohtla-Järve's agreement (01.01.2025, "Kohtla-Järve linnal 31.12.2027") must still be found.
 */
const FIXTURE = fixtureText();

describe("section 1.1 with a compound name wrapped at its hyphen", () => {
  it.each([
    ["the end's name broken after its hyphen", "Kohtla-Järve linnal", "Kohtla-\nJärve linnal"],
    ["the end's name with a space after its hyphen", "Kohtla-Järve linnal", "Kohtla- Järve linnal"],
    [
      "the start's list broken after the hyphen",
      "(Jõhvi ja Kohtla-Järve) alustasid",
      "(Jõhvi ja Kohtla-\nJärve) alustasid",
    ],
  ])("%s", (_, from, to) => {
    expect(FIXTURE.split(from)).toHaveLength(2);
    const { plan, diagnostics } = parseDirectiveText(FIXTURE.replace(from, to));
    const kohtlaJarve = plan.implementers.find((implementer) => implementer.name === "Kohtla-Järve linn");
    expect(kohtlaJarve?.partnership?.start.toString()).toBe("2025-01-01");
    expect(kohtlaJarve?.partnership?.end.toString()).toBe("2027-12-31");
    expect(diagnostics.filter((d) => d.id === "missing-partnership")).toEqual([]);
  });
});
