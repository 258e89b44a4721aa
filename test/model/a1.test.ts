import { cellAt, parseCellAddress } from "../../src/model/a1";

describe("parseCellAddress", () => {
  it.each([
    ["A1", 1, 0],
    ["G12", 12, 6],
    ["Z3", 3, 25],
    ["AA7", 7, 26],
    ["XFD1048576", 1048576, 16383],
    ["$G$12", 12, 6],
    ["$G12", 12, 6],
    ["G$12", 12, 6],
    ["Tartu!G12", 12, 6],
    ["Tartu!$G$12", 12, 6],
    ["'Tartu linn'!$AA$7", 7, 26],
    ["'Koond!2025'!G12", 12, 6],
    ["G12:H40", 12, 6],
  ])("%s is row %i, column %i", (address, row, column) => {
    expect(parseCellAddress(address)).toEqual({ row, column });
  });

  it.each(["", "G", "12", "Tartu!", "!G", "g12"])("%p is no cell address", (address) => {
    expect(parseCellAddress(address)).toBeNull();
  });
});

describe("cellAt", () => {
  it.each([
    [0, 1, "A1"],
    [6, 12, "G12"],
    [25, 3, "Z3"],
    [26, 7, "AA7"],
    [16383, 1048576, "XFD1048576"],
  ])("column %i, row %i is %s, and reads back", (column, row, address) => {
    expect(cellAt(column, row)).toBe(address);
    expect(parseCellAddress(address)).toEqual({ row, column });
  });
});
