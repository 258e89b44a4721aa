import fc from "fast-check";
import { RULES, runChecks } from "../../../src/checks";
import { ActionPlan, ImportDiagnostic, ImportError } from "../../../src/model/plan";
import { periodToIso } from "../../../src/model/calendar-date";

/**
 * What the hostile-input suites share: fast-check settings, the mutators that damage the real directive, and the
 * assertions every importer's outcome must pass whatever it was given.
 *
 * Runs are reproducible: the seed is fixed (HOSTILE_SEED overrides it), and on a failure fast-check prints the seed
 * and the path of the shrunk counterexample, which `fc.assert(…, { seed, path })` replays. HOSTILE_RUNS multiplies
 * every suite's number of runs, for a longer search than CI makes (HOSTILE_RUNS=20 npx jest test/import/hostile).
 */

export const SEED = Number(process.env.HOSTILE_SEED ?? 20250325);
const FACTOR = Number(process.env.HOSTILE_RUNS ?? 1);

export function settings<T>(numRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * FACTOR)), ...extra };
}

// ---- Characters that look like others --------------------------------------------------------------------------

/** Spaces that a PDF copy, Word or Excel put between digit groups: no-break, thin, narrow no-break, figure. */
export const GROUP_SPACES = ["\u00a0", "\u2009", "\u202f", "\u2007"] as const;
/** What stands between two dates of a range: hyphen, the Unicode hyphens, figure, en and em dash, minus. */
export const RANGE_DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"] as const;
/** Characters that are invisible or nearly so: byte-order mark, zero-width space and joiners, soft hyphen. */
export const INVISIBLES = ["\ufeff", "\u200b", "\u200c", "\u200d", "\u00ad", "\u2060"] as const;

/** Text that no directive holds: control characters, NULs, lone surrogates, a BOM, replacement characters. */
export const junkText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => String.fromCharCode(...bytes)),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => new TextDecoder("utf-8").decode(bytes)),
  fc
    .array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 20 })
    .map((units) => String.fromCharCode(...units)),
  fc.constantFrom("\u0000", "\u0000\u0000\u0000", "\ufeff", "\ufffd", "\r", "\r\n", "\u2028", "\u2029", "\u0085"),
  fc.constantFrom(...GROUP_SPACES, ...RANGE_DASHES, ...INVISIBLES),
);

// ---- Mutations of a text, line by line ---------------------------------------------------------------------------

/**
 * One change to a document given as lines. Positions are free naturals taken modulo what they index, so that every
 * mutation applies to every document and shrinks towards the document's start.
 */
export type LineMutation =
  | { kind: "delete"; at: number; count: number }
  | { kind: "duplicate"; at: number; count: number; to: number }
  | { kind: "swap"; at: number; with: number }
  | { kind: "truncate-line"; at: number; keep: number };

export const lineMutation: fc.Arbitrary<LineMutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 12 }),
    to: fc.nat(),
  }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant("truncate-line" as const), at: fc.nat(), keep: fc.nat() }),
);

/**
 * A line of the mutated document with the index of the original line it is (null for a line the mutation
 * changed), so that a property can tell which parts of the original came through untouched.
 */
export interface TrackedLine {
  origin: number | null;
  text: string;
}

export function track(lines: string[]): TrackedLine[] {
  return lines.map((text, origin) => ({ origin, text }));
}

export function applyLineMutation(lines: TrackedLine[], mutation: LineMutation): TrackedLine[] {
  if (lines.length === 0) return lines;
  const out = [...lines];
  const at = mutation.at % lines.length;
  switch (mutation.kind) {
    case "delete":
      out.splice(at, mutation.count);
      return out;
    case "duplicate": {
      const copy = out.slice(at, at + mutation.count);
      out.splice(mutation.to % (lines.length + 1), 0, ...copy);
      return out;
    }
    case "swap": {
      const other = mutation.with % lines.length;
      [out[at], out[other]] = [out[other], out[at]];
      return out;
    }
    case "truncate-line": {
      const line = out[at];
      const keep = line.text.length === 0 ? 0 : mutation.keep % line.text.length;
      out[at] = { origin: null, text: line.text.slice(0, keep) };
      return out;
    }
  }
}

// ---- Mutations of a text, character by character -------------------------------------------------------------------

/** Digits and what OCR or a careless copy puts in their place. */
const DIGIT_STAND_INS = "0123456789OoIlSB ,.-\u00a0";
/** Separators of dates, amounts and ranges, and what they become. */
const SEPARATOR_STAND_INS = [".", ",", ";", ":", "/", " ", "", "  ", "\t", "-", ".."];
const SEPARATOR = /[ .,\-\u2013\u2014]/g;
const DIGIT = /\d/g;
const DATE = /\d{1,2}\.\d{1,2}\.\d{4}/g;
const AMOUNT_GROUP_SPACE = /(?<=\d) (?=\d{3}(?!\d))/g;
/** The hyphen of a range, with the spaces around it; a range may break after it ("01.03.2023-" / "31.12.2025"). */
const RANGE_HYPHEN = /(?<=\d{1,2}\.\d{1,2}\.\d{4})[ \t]*-[ \t]*(?=\n?\d{1,2}\.\d{1,2}\.\d{4})/g;

export type TextMutation =
  | { kind: "digit"; at: number; to: string }
  | { kind: "separator"; at: number; to: string }
  | { kind: "date"; at: number; to: string }
  | { kind: "confusable-space"; at: number; to: string }
  | { kind: "confusable-dash"; at: number; to: string }
  | { kind: "insert"; at: number; text: string }
  | { kind: "long-line"; at: number; unit: string; repeat: number }
  | { kind: "truncate"; keep: number };

/** A date turned into one that does not exist, cannot be read, or is read as another. */
const garbledDate = fc.oneof(
  fc.constantFrom("31.02.2025", "00.01.2025", "32.12.2025", "01.13.2025", "29.02.2025", "31.04.2025", "01.00.2025"),
  fc.constantFrom("0l.01.2025", "01.01.2O25", "01,01.2025", "01.01.25", "1.1.2025", "01.01.20255", "01/01/2025"),
  fc.constantFrom("31.12.2024", "01.01.9999", "01.01.0001", "01.01.0000", "99.99.9999", "2025-01-01", ""),
);

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant("digit" as const), at: fc.nat(), to: fc.constantFrom(...DIGIT_STAND_INS.split("")) }),
  fc.record({ kind: fc.constant("separator" as const), at: fc.nat(), to: fc.constantFrom(...SEPARATOR_STAND_INS) }),
  fc.record({ kind: fc.constant("date" as const), at: fc.nat(), to: garbledDate }),
  fc.record({
    kind: fc.constant("confusable-space" as const),
    at: fc.nat(),
    to: fc.constantFrom(...GROUP_SPACES, ...INVISIBLES, ""),
  }),
  fc.record({ kind: fc.constant("confusable-dash" as const), at: fc.nat(), to: fc.constantFrom(...RANGE_DASHES) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: junkText }),
  fc.record({
    kind: fc.constant("long-line" as const),
    at: fc.nat(),
    unit: fc.oneof(
      fc.constantFrom("a", "3.5.2.1 ", "01.01.2025 ", "93 988,53 ", "Tabel 9. Tegevuste ajakava ", "1. ", " "),
      fc.string({ minLength: 1, maxLength: 8 }),
    ),
    repeat: fc.integer({ min: 1, max: 40_000 }),
  }),
  fc.record({ kind: fc.constant("truncate" as const), keep: fc.nat() }),
);

/** Replaces the `at`-th match of `pattern` (modulo their number) in `text` by `to`; no match leaves it as it is. */
function replaceNth(text: string, pattern: RegExp, at: number, to: string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = matches[at % matches.length];
  const index = match.index ?? 0;
  return text.slice(0, index) + to + text.slice(index + match[0].length);
}

export function applyTextMutation(text: string, mutation: TextMutation): string {
  switch (mutation.kind) {
    case "digit":
      return replaceNth(text, DIGIT, mutation.at, mutation.to);
    case "separator":
      return replaceNth(text, SEPARATOR, mutation.at, mutation.to);
    case "date":
      return replaceNth(text, DATE, mutation.at, mutation.to);
    case "confusable-space":
      return replaceNth(text, AMOUNT_GROUP_SPACE, mutation.at, mutation.to);
    case "confusable-dash":
      return replaceNth(text, RANGE_HYPHEN, mutation.at, mutation.to);
    case "insert": {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case "long-line": {
      const breaks = [0, ...[...text.matchAll(/\n/g)].map((match) => (match.index ?? 0) + 1)];
      const at = breaks[mutation.at % breaks.length];
      return `${text.slice(0, at)}${mutation.unit.repeat(mutation.repeat)}\n${text.slice(at)}`;
    }
    case "truncate":
      return text.slice(0, mutation.keep % (text.length + 1));
  }
}

/** Every grouping space of every amount replaced, each by its own choice of `GROUP_SPACES` (cycled). */
export function replaceGroupSpaces(text: string, choices: readonly string[]): string {
  let index = 0;
  return text.replace(AMOUNT_GROUP_SPACE, () => choices[index++ % choices.length]);
}

/** Every hyphen between the two dates of a range replaced by a dash from `choices` (cycled), spaced or not. */
export function replaceRangeDashes(text: string, choices: ReadonlyArray<{ dash: string; spaced: boolean }>): string {
  let index = 0;
  return text.replace(RANGE_HYPHEN, () => {
    const { dash, spaced } = choices[index++ % choices.length];
    return spaced ? ` ${dash} ` : dash;
  });
}

export const dashChoice = fc.record({ dash: fc.constantFrom(...RANGE_DASHES), spaced: fc.boolean() });

// ---- Bytes -----------------------------------------------------------------------------------------------------------

/** One change to a file's bytes. */
export type ByteMutation =
  | { kind: "truncate"; keep: number }
  | { kind: "flip"; at: number; mask: number }
  | { kind: "overwrite"; at: number; bytes: Uint8Array }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "delete"; at: number; count: number }
  | { kind: "duplicate"; at: number; count: number; to: number };

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), keep: fc.nat() }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({
    kind: fc.constant("overwrite" as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 512 }) }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 2048 }),
    to: fc.nat(),
  }),
);

export function applyByteMutation(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  const length = bytes.length;
  const at = length === 0 ? 0 : ("at" in mutation ? mutation.at : 0) % length;
  switch (mutation.kind) {
    case "truncate":
      return bytes.slice(0, mutation.keep % (length + 1));
    case "flip": {
      if (length === 0) return bytes;
      const copy = bytes.slice();
      copy[at] ^= mutation.mask;
      return copy;
    }
    case "overwrite": {
      const copy = bytes.slice();
      copy.set(mutation.bytes.subarray(0, Math.max(0, length - at)), at);
      return copy;
    }
    case "insert":
      return concat(bytes.subarray(0, at), mutation.bytes, bytes.subarray(at));
    case "delete":
      return concat(bytes.subarray(0, at), bytes.subarray(at + mutation.count));
    case "duplicate": {
      const copy = bytes.subarray(at, at + mutation.count);
      const to = mutation.to % (length + 1);
      return concat(bytes.subarray(0, to), copy, bytes.subarray(to));
    }
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// ---- What every outcome must be ----------------------------------------------------------------------------------

/**
 * Fails with `message()` unless `condition`. The properties check every row of thousands of plans: `expect` with
 * its matchers would make up most of their time, so the hot checks are plain, with a message that says what failed.
 */
export function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

/**
 * Runs an import and returns its result, or null when it refused the input with an `ImportError` whose messages
 * are not empty. Anything else thrown fails the property, with the error as it was.
 */
export function outcome<T>(run: () => T): T | null {
  try {
    return run();
  } catch (error) {
    expectImportError(error);
    return null;
  }
}

export async function outcomeAsync<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    expectImportError(error);
    return null;
  }
}

export function expectImportError(error: unknown): asserts error is ImportError {
  check(
    error instanceof ImportError,
    () => `the importer threw something other than an ImportError: ${String((error as Error)?.stack ?? error)}`,
  );
  check(
    error.message.trim() !== "" && error.messageEn.trim() !== "",
    () => `an ImportError without a message: ${error.name}`,
  );
}

/**
 * Diagnostics about the document as a whole, which have no line: the plan period not found, a partner without
 * its agreement period in section 1.1, a table with no rows whose header the PDF reader did not recognise.
 */
export const DOCUMENT_LEVEL: ReadonlySet<string> = new Set([
  "missing-plan-period",
  "missing-partnership",
  "empty-table",
]);

/** Every diagnostic says what and where: messages in both languages, a line from 1 to `lines` or document-level. */
export function expectDiagnosticsPlaced(diagnostics: ImportDiagnostic[], lines: number): void {
  for (const diagnostic of diagnostics) {
    const about = () => JSON.stringify(diagnostic).slice(0, 400);
    check(diagnostic.message.trim() !== "" && diagnostic.messageEn.trim() !== "", () => `no message: ${about()}`);
    check(diagnostic.severity === "error" || diagnostic.severity === "warning", () => `severity: ${about()}`);
    if (diagnostic.line === null) check(DOCUMENT_LEVEL.has(diagnostic.id), () => `no line: ${about()}`);
    else expectLineIn(diagnostic.line, lines, `diagnostic ${about()}`);
  }
}

export function expectLineIn(line: number, lines: number, what: string): void {
  check(Number.isInteger(line) && line >= 1 && line <= lines, () => `${what}: line ${line} is outside 1…${lines}`);
}

/** Every row of the plan stands on a line of the input, and so does every indicator. */
export function expectRowsPlaced(plan: ActionPlan, lines: number): void {
  for (const implementer of plan.implementers) {
    for (const row of implementer.rows) expectLineIn(row.line, lines, `row ${row.printedCode ?? row.label}`);
  }
  for (const indicator of plan.indicators) expectLineIn(indicator.line, lines, `indicator ${indicator.name}`);
}

/**
 * The checks run on whatever the importer made of the input, and every finding has its messages and a place: a
 * line of the input, or none for a finding about the plan as a whole (no implementer).
 */
export function expectChecksPlaced(plan: ActionPlan, lines: number): void {
  const result = runChecks(plan, RULES);
  for (const finding of result.findings) {
    const about = () => `${finding.rule} ${finding.implementer} ${finding.code}: ${finding.messageEn}`;
    check(finding.message.trim() !== "" && finding.messageEn.trim() !== "", () => `finding without message ${about()}`);
    if (finding.position.line !== null) expectLineIn(finding.position.line, lines, `finding ${about()}`);
    else check(finding.implementer === null, () => `finding without a line: ${about()}`);
  }
  const counted = result.counts.error + result.counts.warning + result.counts.info;
  check(
    counted === result.findings.length,
    () => `counts ${JSON.stringify(result.counts)} of ${result.findings.length}`,
  );
}

/** Everything the plan says, for comparing two parses. */
export function planFacts(plan: ActionPlan) {
  return {
    planPeriod: periodToIso(plan.planPeriod),
    directive: JSON.parse(JSON.stringify(plan.directive)),
    implementers: plan.implementers.map((implementer) => ({
      name: implementer.name,
      role: implementer.role,
      tables: implementer.tables,
      partnership: periodToIso(implementer.partnership),
      rows: implementer.rows.map((row) => ({
        code: row.code,
        printedCode: row.printedCode,
        label: row.label,
        kind: row.kind,
        amount: row.amount?.toFixed() ?? null,
        amountText: row.amountText,
        frame: periodToIso(row.frame),
        frameText: row.frameText,
        plan: periodToIso(row.plan),
        planText: row.planText,
        responsible: row.responsible,
        line: row.line,
        table: row.table,
      })),
    })),
    indicators: plan.indicators,
  };
}
