import { readFileSync } from "fs";
import * as path from "path";

export const FIXTURE_PATH = path.resolve(__dirname, "..", "fixtures", "kaskkiri-2025-03-25-nr68.txt");

/** The bundled copy of the real directive (../shared/fixtures/kaskkiri-2025-03-25-nr68.txt). */
export function fixtureText(): string {
  return readFileSync(FIXTURE_PATH, "utf8");
}

/** The fixture with 1-based line `line` replaced, checking first that it held `expected`. */
export function fixtureWithLine(line: number, expected: string, replacement: string): string {
  const lines = fixtureText().split("\n");
  if (lines[line - 1] !== expected) throw new Error(`fixture line ${line} is "${lines[line - 1]}", not "${expected}"`);
  lines[line - 1] = replacement;
  return lines.join("\n");
}

/** The fixture's first `count` lines. */
export function fixtureHead(count: number): string {
  return fixtureText().split("\n").slice(0, count).join("\n");
}
