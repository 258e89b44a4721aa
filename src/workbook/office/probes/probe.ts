import type { ExcelContext, ExcelWorksheet } from "../excel-api";

/**
 * One documented (or guessed) behaviour of the Excel JavaScript API that the adapter relies on, written once and
 * run twice: against the fake in CI (test/workbook/fake/conformance.test.ts) and inside real Excel by the
 * self-test page, so that whoever first opens the add-in in Excel can tell in one paste where the fake differs.
 */
export interface ExcelProbe {
  /** Stable, kebab-case: "worksheet-delete-very-hidden". */
  id: string;
  /** The API it exercises: "Worksheet.delete". */
  api: string;
  /** The requirement set the API belongs to: "ExcelApi 1.1". */
  set: string;
  /**
   * "documented": `source` quotes the sentence of the reference (the @types/office-js comment, a docs page) or
   * names the OfficeDev/office-js issue it follows. "guess": the reference is silent and the fake does what we
   * believe Excel does; `source` says why we believe it. Guesses are what a person with Excel checks first.
   */
  kind: "documented" | "guess";
  source: string;
  /** What Excel is expected to do, in one sentence, for the report. */
  expect: string;
  /**
   * Runs the probe in `scratch`, a sheet made for it and deleted after it, and nothing else of the workbook's
   * may be changed (a probe that must change workbook-wide state puts it back before it returns). Throws a
   * `ProbeFailure` saying what it saw when Excel does not behave as `expect` says.
   */
  run(context: ExcelContext, scratch: ExcelWorksheet): Promise<void>;
}

/** What a probe saw that differs from what it expected. */
export class ProbeFailure extends Error {
  constructor(
    message: string,
    readonly observed?: unknown,
  ) {
    super(message);
    this.name = "ProbeFailure";
  }
}

/** Fails unless `actual` equals `expected` (compared as JSON), naming what was compared. */
export function expectEqual(what: string, actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new ProbeFailure(`${what}: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(actual)}`, actual);
}

/**
 * Runs `action` (queue calls, then sync) and fails unless the sync rejects with the error `code`
 * (Excel.ErrorCodes: "InvalidOperation", "InvalidArgument", …).
 */
export async function expectExcelError(what: string, code: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const seen = (error as { code?: unknown }).code;
    if (seen === code) return;
    throw new ProbeFailure(`${what}: expected the error ${code}, saw ${String(seen ?? error)}`, seen);
  }
  throw new ProbeFailure(`${what}: expected the error ${code}, but it succeeded`);
}
