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

/**
 * Runs `action` and fails unless it rejects with any error: for refusals the reference documents without naming
 * the error code. Returns the code Excel gave (or the error's name), so the probe can say what it saw.
 */
export async function expectRejected(what: string, action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" ? code : String((error as { name?: unknown }).name ?? error);
  }
  throw new ProbeFailure(`${what}: expected Excel to refuse it, but it succeeded`);
}

/** Fails unless `condition` holds; `seen` is what Excel answered. */
export function expectTrue(what: string, condition: boolean, seen?: unknown): void {
  if (!condition) throw new ProbeFailure(`${what}${seen === undefined ? "" : `: saw ${JSON.stringify(seen)}`}`, seen);
}

/** A name no sheet of the workbook has (compared as Excel compares names, ignoring case): "stem", "stem 2", … */
export async function freeSheetName(context: ExcelContext, stem: string): Promise<string> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const taken = new Set(sheets.items.map((sheet) => sheet.name.toLowerCase()));
  let name = stem;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} ${n}`;
  return name;
}

/**
 * Runs `use` with a sheet of its own, added at the end of the workbook, and deletes that sheet afterwards even when
 * `use` fails, making it visible first: a very hidden sheet cannot be deleted (Worksheet.delete, ExcelApi 1.1).
 */
export async function withExtraSheet<T>(
  context: ExcelContext,
  use: (sheet: ExcelWorksheet, name: string) => Promise<T>,
): Promise<T> {
  const name = await freeSheetName(context, "tat-budget proov lisa");
  const sheet = context.workbook.worksheets.add(name);
  sheet.load("id");
  await context.sync();
  const id = sheet.id;
  try {
    return await use(sheet, name);
  } finally {
    const left = context.workbook.worksheets.getItemOrNullObject(id);
    left.load("visibility");
    await context.sync();
    if (!left.isNullObject) {
      if (left.visibility !== "Visible") left.visibility = "Visible";
      left.delete();
      await context.sync();
    }
  }
}
