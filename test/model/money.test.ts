import { formatMoneyEstonian, formatMoneyPlain, parseMoney, parseRatePercent, sumMoney } from "../../src/model/money";

describe("money", () => {
  it.each([
    ["93 988,53", "93988.53"],
    ["115 817.00", "115817.00"],
    ["3300", "3300.00"],
    ["0", "0.00"],
    ["1\u00a0266\u00a0860,75", "1266860.75"],
    ["-500", "-500.00"],
    ["\u22121 000,5", "-1000.50"],
    ["0,125", "0.125"],
  ])("reads %s exactly", (text, plain) => {
    expect(formatMoneyPlain(parseMoney(text)!)).toBe(plain);
  });

  it.each(["", "5 66O,54", "12 34", "1.234.567", "1 2345", "abc", "1,2,3", "--5"])("refuses %s", (text) => {
    expect(parseMoney(text)).toBeNull();
  });

  it("adds cents without binary floating-point error", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in JavaScript numbers.
    expect(formatMoneyPlain(sumMoney(["0,10", "0,20"].map((text) => parseMoney(text)!)))).toBe("0.30");
    const amounts = ["5 660,54", "0", "3 977,15", "0", "0", "84 350,84"].map((text) => parseMoney(text)!);
    expect(formatMoneyPlain(sumMoney(amounts))).toBe("93988.53");
  });

  it("prints the Estonian way", () => {
    expect(formatMoneyEstonian(parseMoney("1266860,75")!)).toBe("1\u00a0266\u00a0860,75");
    expect(formatMoneyEstonian(parseMoney("-5")!)).toBe("-5,00");
    expect(formatMoneyEstonian(parseMoney("999")!)).toBe("999,00");
  });

  it.each([
    ["7", "7"],
    ["7,5", "7.5"],
    [" 7.5 % ", "7.5"],
    ["0", "0"],
    ["100", "100"],
  ])("reads the indirect-cost rate %j as %s per cent", (text, percent) => {
    expect(parseRatePercent(text)?.toFixed()).toBe(percent);
  });

  it.each(["", "seitse", "-1", "100,01", "7 %%", "1 000"])("refuses %j as a rate", (text) => {
    expect(parseRatePercent(text)).toBeNull();
  });
});
