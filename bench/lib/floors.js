"use strict";
/**
 * The floors beside the parse and check figures: the least work on the same input that no parser or check can skip,
 * timed in the same rounds as ours, so that ours ÷ floor shows how much of ours is left above it.
 *
 * - parse: the parser's first step alone, on the same string ours is given. parseDirectiveText
 *   (src/import/text/parse-directive.ts, DirectiveTextParser's constructor) first turns CR LF and CR into LF, splits
 *   the text into lines and makes each line's no-break spaces and tabs plain spaces and trims it, numbering the lines;
 *   the floor does exactly that and nothing after it. The text is decoded before timing for ours as for the floor,
 *   so decoding bytes is in neither (the parse figure starts from a string, as the pane and the CLI hand it over).
 * - check: one pass over the plan's rows: every implementer's every schedule row visited once, its amount read.
 *
 * Each returns what it made; the bench adds up a count of it (`countOf`) and checks the sum after timing, so the work
 * cannot be dropped as unused.
 */

/** The text's lines as the parser reads them before it interprets any: numbered, spaces normalised, trimmed. */
function parseFloor(text) {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((raw, index) => ({ no: index + 1, text: raw.replace(/[\u00a0\u202f\t]/g, " ").trim() }));
}

/** Every schedule row of every implementer, once: how many there are and how many have an amount. */
function checkFloor(plan) {
  let rows = 0;
  let priced = 0;
  for (const implementer of plan.implementers) {
    for (const row of implementer.rows) {
      rows++;
      if (row.amount !== null) priced++;
    }
  }
  return { rows, priced };
}

/** A number for what a floor returned, for the bench to add up: the lines made, or the rows seen and priced. */
function countOf(result) {
  return Array.isArray(result) ? result.length : result.rows + result.priced;
}

module.exports = { parseFloor, checkFloor, countOf };
