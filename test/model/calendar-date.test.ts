import { CalendarDate, fromExcelSerial, periodContains } from "../../src/model/calendar-date";

describe("CalendarDate", () => {
  it.each([
    ["31.12.2025", "2025-12-31"],
    ["1.2.2025", "2025-02-01"],
    ["29.02.2024", "2024-02-29"],
    ["29.02.2000", "2000-02-29"],
  ])("reads %s as %s", (text, iso) => {
    expect(CalendarDate.parseEstonian(text)?.toIso()).toBe(iso);
  });

  it.each([
    "31.02.2025",
    "29.02.2025",
    "29.02.1900",
    "31.04.2025",
    "00.01.2025",
    "01.13.2025",
    "01.01.25",
    "2025-01-01",
    "",
  ])("refuses %s", (text) => {
    expect(CalendarDate.parseEstonian(text)).toBeNull();
  });

  it("round-trips ISO and prints Estonian", () => {
    const date = CalendarDate.parseIso("2025-03-05");
    expect(date?.toEstonian()).toBe("05.03.2025");
    expect(JSON.stringify({ date })).toBe('{"date":"2025-03-05"}');
  });

  it("compares by calendar day, with no time zone involved", () => {
    const a = CalendarDate.of(2025, 12, 31)!;
    const b = CalendarDate.of(2026, 1, 1)!;
    expect([a.isBefore(b), b.isAfter(a), a.equals(CalendarDate.of(2025, 12, 31)!)]).toEqual([true, true, true]);
  });

  it("tells whether a period lies inside another", () => {
    const year = { start: CalendarDate.of(2025, 1, 1)!, end: CalendarDate.of(2025, 12, 31)! };
    expect(periodContains(year, { start: CalendarDate.of(2025, 9, 1)!, end: CalendarDate.of(2025, 12, 31)! })).toBe(
      true,
    );
    expect(periodContains(year, { start: CalendarDate.of(2025, 9, 1)!, end: CalendarDate.of(2026, 1, 31)! })).toBe(
      false,
    );
    expect(periodContains(year, { start: CalendarDate.of(2024, 12, 31)!, end: CalendarDate.of(2025, 1, 31)! })).toBe(
      false,
    );
  });
});

describe("fromExcelSerial", () => {
  it.each([
    [45658, "2025-01-01"],
    [46022, "2025-12-31"],
    [45658.75, "2025-01-02"],
    [61, "1900-03-01"],
  ])("reads day %s as %s", (serial, iso) => {
    expect(fromExcelSerial(serial)?.toIso()).toBe(iso);
  });

  it.each([60, 1, 0, -1, NaN, Infinity, 1e12])("gives no date for %s", (serial) => {
    expect(fromExcelSerial(serial)).toBeNull();
  });
});
