import { editText, formatGeneral, formatValue, typedInput, valueKind } from "../../src/preview/number-format";

const NBSP = "\u00a0";

describe("number formats as Estonian Excel shows them", () => {
  it.each([
    [1266860.75, "#,##0.00", `1${NBSP}266${NBSP}860,75`],
    [-1234.5, "#,##0.00", `-1${NBSP}234,50`],
    [0, "#,##0.00", "0,00"],
    [-0.001, "#,##0.00", "0,00"],
    [1.005, "0.00", "1,01"],
    [999.5, "#,##0", `1${NBSP}000`],
    [0.075, "0%", "8%"],
    [0.075, "0.00%", "7,50%"],
    [7.5, 'General" %"', "7,5 %"],
    [7, 'General" %"', "7 %"],
    [1234.5, '#,##0.00" €"', `1${NBSP}234,50 €`],
    [-12, "#,##0.00;(#,##0.00)", "(12,00)"],
    [0, '#,##0.00;-#,##0.00;"—"', "—"],
    [1234567, "#,##0,", `1${NBSP}235`],
    [3.25, "#.##", "3,25"],
    [3, "#.##", "3,"],
    [46022, "dd.mm.yyyy", "31.12.2025"],
    [45659, "d.mm.yyyy", "2.01.2025"],
    [45659, "d. mmm", "2. jaan"],
    [45659, "d. mmmm yyyy", "2. jaanuar 2025"],
    [45659.75, "dd.mm.yyyy hh:mm", "02.01.2025 18:00"],
    [12, "@", "12"],
    [12, "General", "12"],
  ])("%p under %p shows %p", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });

  it("shows General numbers with up to ten significant digits and no grouping", () => {
    expect(formatGeneral(1266860.75)).toBe("1266860,75");
    expect(formatGeneral(0.1 + 0.2)).toBe("0,3");
    expect(formatGeneral(123456789012)).toBe("1,23457E+11");
    expect(formatGeneral(-0.5)).toBe("-0,5");
  });

  it("shows text, truth values and errors", () => {
    expect(formatValue("Kokku", "#,##0.00")).toBe("Kokku");
    expect(formatValue("1.1", "@")).toBe("1.1");
    expect(formatValue("x", '0;0;0;"<"@">"')).toBe("<x>");
    expect(formatValue(true, "General")).toBe("TÕENE");
    expect(formatValue("#DIV/0!", "0.00")).toBe("#DIV/0!");
    expect(valueKind("#DIV/0!")).toBe("error");
    expect(formatValue("", "0.00")).toBe("");
  });

  it("edits a cell as Excel opens it: the formula, else the value without grouping", () => {
    expect(editText(2, "=B1*2", "#,##0.00")).toBe("=B1*2");
    expect(editText(2500.5, 2500.5, "#,##0.00")).toBe("2500,5");
    expect(editText(46022, 46022, "dd.mm.yyyy")).toBe("31.12.2025");
    expect(editText("1.1", "'1.1", "General")).toBe("'1.1");
  });

  it("drops the group spaces of a typed number, and leaves anything else as typed", () => {
    expect(typedInput("2 500,00")).toBe("2500,00");
    expect(typedInput(`1${NBSP}266${NBSP}860,75`)).toBe("1266860,75");
    expect(typedInput("2500")).toBe("2500");
    expect(typedInput("Tere maailm")).toBe("Tere maailm");
    expect(typedInput("1 2 3")).toBe("1 2 3");
  });
});
