/**
 * A calendar date with no time and no time zone: budgets speak of days, and a JavaScript Date would
 * shift "31.12.2025" into another day in some time zones.
 */
export class CalendarDate {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  /** Returns null when the day does not exist (31.02.2025, 01.13.2025). */
  static of(year: number, month: number, day: number): CalendarDate | null {
    if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
    if (day > daysInMonth(year, month)) return null;
    return new CalendarDate(year, month, day);
  }

  /** Parses the Estonian form dd.mm.yyyy (one- or two-digit day and month). */
  static parseEstonian(text: string): CalendarDate | null {
    const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
    if (!match) return null;
    return CalendarDate.of(Number(match[3]), Number(match[2]), Number(match[1]));
  }

  /** Parses ISO 8601 yyyy-mm-dd. */
  static parseIso(text: string): CalendarDate | null {
    const match = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
    if (!match) return null;
    return CalendarDate.of(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  toIso(): string {
    return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
  }

  /** dd.mm.yyyy, as Estonian documents write dates. */
  toEstonian(): string {
    return `${pad(this.day, 2)}.${pad(this.month, 2)}.${pad(this.year, 4)}`;
  }

  compare(other: CalendarDate): number {
    return this.year - other.year || this.month - other.month || this.day - other.day;
  }

  equals(other: CalendarDate): boolean {
    return this.compare(other) === 0;
  }

  isBefore(other: CalendarDate): boolean {
    return this.compare(other) < 0;
  }

  isAfter(other: CalendarDate): boolean {
    return this.compare(other) > 0;
  }

  toString(): string {
    return this.toIso();
  }

  toJSON(): string {
    return this.toIso();
  }
}

/** A closed range of days, such as an overall time frame or the plan-period dates of a row. */
export interface Period {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

export function periodContains(outer: Period, inner: Period): boolean {
  return !inner.start.isBefore(outer.start) && !inner.end.isAfter(outer.end);
}

export function periodEquals(a: Period, b: Period): boolean {
  return a.start.equals(b.start) && a.end.equals(b.end);
}

export function periodToIso(period: Period | null): { start: string; end: string } | null {
  return period ? { start: period.start.toIso(), end: period.end.toIso() } : null;
}

/**
 * The calendar date of an Excel day number (1900 date system: day 1 is 1900-01-01, counting its false leap day);
 * null before 1 March 1900, where that false day makes the count wrong, and for what is no number.
 */
export function fromExcelSerial(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  const utc = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000);
  return CalendarDate.of(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** Month names in the genitive, as dates are written out in Estonian ("26. jaanuari 2023. a"). */
export const MONTHS_GENITIVE: readonly string[] = [
  "jaanuari",
  "veebruari",
  "märtsi",
  "aprilli",
  "mai",
  "juuni",
  "juuli",
  "augusti",
  "septembri",
  "oktoobri",
  "novembri",
  "detsembri",
];
