/**
 * The production dependencies' licences and install scripts, reviewed by our own script: the registry here answers
 * no `npm audit`. This runs the real review over the installed tree.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { review, FORBIDDEN } = require("../../scripts/licenses.js") as {
  review(): {
    rows: Array<{ name: string; version: string; licence: string; scripts: string[] }>;
    problems: string[];
    warnings: string[];
  };
  FORBIDDEN: RegExp;
};

describe("the production dependencies", () => {
  const { rows, problems, warnings } = review();

  test("none is under GPL or AGPL without a permissive alternative, and none runs an install script", () => {
    expect(problems).toEqual([]);
    expect(rows.filter((row) => row.scripts.length > 0)).toEqual([]);
  });

  test("the direct dependencies are there with their licences", () => {
    const licence = (name: string) => rows.find((row) => row.name === name)?.licence;
    expect(licence("decimal.js")).toBe("MIT");
    expect(licence("react")).toBe("MIT");
    expect(licence("docx")).toBe("MIT");
    expect(licence("pdfjs-dist")).toBe("Apache-2.0");
    // Dual-licensed: used under MIT, so not a problem.
    expect(licence("jszip")).toBe("(MIT OR GPL-3.0-or-later)");
  });

  test("what the review would refuse, and what it only reports", () => {
    expect(["GPL-3.0", "AGPL-3.0-only", "GPL-2.0-or-later"].every((licence) => FORBIDDEN.test(licence))).toBe(true);
    expect(["LGPL-2.1", "MIT", "Apache-2.0"].some((licence) => FORBIDDEN.test(licence))).toBe(false);
    // Read in the installed tree: buffers@0.1.1 (exceljs → unzipper → binary) states no licence at all.
    expect(warnings).toEqual(["buffers@0.1.1: no licence declared"]);
  });
});
