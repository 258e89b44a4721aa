import { addressBefore } from "../../src/workbook/office/office-adapter";
import { RowsChange } from "../../src/workbook/port";

const insert = (at: number, count: number): RowsChange => ({
  kind: "insert",
  sheet: "Tartu",
  at,
  count,
  appendToTable: false,
  rows: [],
  heights: {},
});

describe("where a cell written after an insertion stood before it", () => {
  it.each([
    ["Tartu", "G18", "G18"],
    ["Tartu", "G19", null],
    ["Tartu", "G20", "G19"],
    ["Tartu", "AA100", "AA99"],
    ["TARTU", "G20", "G19"],
    ["Tartu", "$G$20", "G19"],
    ["Tartu", "G$20", "G19"],
    ["Tartu", "$G$19", null],
    ["Tartu", "Tartu!G20", "Tartu!G19"],
    ["Tartu", "'Tartu'!$G$20", "'Tartu'!G19"],
    ["Tartu", "G20:H21", "G20:H21"],
    ["Tartu", "not a cell", "not a cell"],
    ["Koond", "G20", "G20"],
  ])("one row at 19 on Tartu: %s!%s was %p", (sheet, cell, before) => {
    expect(addressBefore(insert(19, 1), sheet, cell)).toBe(before);
  });

  it.each([
    ["G18", "G18"],
    ["G19", null],
    ["$G$20", null],
    ["G21", "G19"],
    ["$B$21", "B19"],
  ])("two rows at 19: %s was %p", (cell, before) => {
    expect(addressBefore(insert(19, 2), "Tartu", cell)).toBe(before);
  });

  it("a deletion's cells are written before the rows move, where they stand", () => {
    expect(addressBefore({ kind: "delete", sheet: "Tartu", first: 19, count: 1 }, "Tartu", "$G$20")).toBe("$G$20");
  });
});
