import { MARK_MARKER, markRules } from "../../src/workbook/marks";
import type { RawSheet } from "../../src/workbook/model";
import type { CellFinding } from "../../src/workbook/port";

/** A schedule sheet as read: header, then codes in column A and labels in B (as the canonical layout has them). */
function sheet(name: string, codes: string[]): RawSheet {
  return {
    name,
    rows: [
      [{ value: "Kood" }, { value: "Tegevus" }],
      ...codes.map((code, index) => [{ value: code }, { value: `rida ${index + 1}` }]),
    ],
  };
}

const SHEET = sheet("ELVL", ["3.5.1", "1.", "2.", "3.5.2", "1.", "3.5.3", "3.5.3"]);
const on = (cell: string, severity: CellFinding["severity"] = "error"): CellFinding => ({
  severity,
  position: { sheet: "ELVL", cell },
});

describe("markRules: a mark follows its row's code only when that code stands once on the sheet", () => {
  it.each([
    ["a unique code (3.5.2, row 5)", "G5", { address: "G2:G8", formula: `=AND(${MARK_MARKER}=0,$A2="3.5.2")` }],
    ["a numbered item repeated under two parents (1., row 3)", "G3", { address: "G3", formula: `=${MARK_MARKER}=0` }],
    ["the second of the same item number (1., row 6)", "I6", { address: "I6", formula: `=${MARK_MARKER}=0` }],
    ["a duplicated dotted code (3.5.3, row 8)", "G8", { address: "G8", formula: `=${MARK_MARKER}=0` }],
    ["the header row (no code)", "B1", { address: "B1", formula: `=${MARK_MARKER}=0` }],
  ])("%s", (_, cell, expected) => {
    const { rules, cells } = markRules([on(cell)], [SHEET]);
    expect(cells).toBe(1);
    expect(rules).toEqual([{ sheet: "ELVL", severity: "error", ...expected }]);
  });

  it("marks two findings on rows that share a number each on its own cell, the worse severity once per cell", () => {
    const { rules, cells } = markRules([on("G3", "warning"), on("G6"), on("G6", "info")], [SHEET]);
    expect(cells).toBe(2);
    expect(rules).toEqual([
      { sheet: "ELVL", address: "G3", formula: `=${MARK_MARKER}=0`, severity: "warning" },
      { sheet: "ELVL", address: "G6", formula: `=${MARK_MARKER}=0`, severity: "error" },
    ]);
  });

  it("leaves out the sheets it is told to skip, and cells of a sheet it was not given are marked by address", () => {
    expect(markRules([on("G5")], [SHEET], () => true).rules).toEqual([]);
    const { rules } = markRules([{ severity: "info", position: { sheet: "Kokkuvõte", cell: "$C$4" } }], [SHEET]);
    expect(rules).toEqual([{ sheet: "Kokkuvõte", address: "C4", formula: `=${MARK_MARKER}=0`, severity: "info" }]);
  });
});
