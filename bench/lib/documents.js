"use strict";
/**
 * The documents the parse and check rows measure: the fixture, and texts with its partners' section repeated until
 * the plan has about 10 and 100 times its rows (bench/lib/scaled-directive.js). Each is parsed once before timing,
 * and what the parser finds is checked against what the copies must give: the implementer's rows plus the partners'
 * rows once per copy, eight more partners per copy, and findings growing by the same number per copy, since a copy
 * repeats the same inconsistencies. The baselines' results are compared with ours here too.
 *
 * The importer refuses a text over its size limit (src/import/limits.ts, 5 MB, about 70 times the fixture), so a
 * parse row is measured on the largest text under it when its size is beyond; the check rows take their plan then
 * from the parts of the document, each under the limit, parsed one by one and put together, as the plan of a
 * workbook that large would come without any text.
 */
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");
const { project } = require("./modules");
const { assertSame } = require("./compare");
const { scaledDirective, partLineShift, agreementsLine } = require("./scaled-directive");
const { naiveParseDirectiveText } = require("./naive-parse");
const { naiveRunChecks } = require("./naive-check");

const { parseDirectiveText } = project("import/text");
const { RULES, runChecks } = project("checks");

const FIXTURE = path.resolve(__dirname, "..", "..", "fixtures", "kaskkiri-2025-03-25-nr68.txt");

/** The importer's limit on a text's UTF-8 bytes; none when the sources have no such limit. */
function textLimit() {
  try {
    return project("import/limits").MAX_TEXT_BYTES ?? Infinity;
  } catch {
    return Infinity;
  }
}

const rowCount = (plan) => plan.implementers.reduce((count, implementer) => count + implementer.rows.length, 0);
const bytesOf = (text) => Buffer.byteLength(text, "utf8");

/** What the fixture is made of, for the expected counts of its copies. */
function fixtureBasis(text = fs.readFileSync(FIXTURE, "utf8")) {
  const one = parseDirectiveText(text);
  const two = parseDirectiveText(scaledDirective(text, 2));
  const partners = one.plan.implementers.filter((implementer) => implementer.role === "partner");
  const findings = (plan) => runChecks(plan, RULES).findings.length;
  const limit = textLimit();
  // The most copies whose text the importer takes and whose captions can be numbered, by bisection (the copies are
  // not all alike in length: their names grow).
  const fits = (copies) => {
    try {
      return bytesOf(scaledDirective(text, copies)) <= limit;
    } catch {
      return false;
    }
  };
  let most = 1;
  for (let high = 1000; most < high;) {
    const middle = Math.ceil((most + high) / 2);
    if (fits(middle)) most = middle;
    else high = middle - 1;
  }
  return {
    text,
    rows: rowCount(one.plan),
    partnerRows: rowCount({ implementers: partners }),
    implementers: one.plan.implementers.length,
    partners: partners.length,
    indicators: one.plan.indicators.length,
    findings: findings(one.plan),
    findingsPerCopy: findings(two.plan) - findings(one.plan),
    indicatorsPerCopy: two.plan.indicators.length - one.plan.indicators.length,
    limit,
    mostCopies: most,
  };
}

/** The number of copies whose plan has the nearest row count to `factor` times the fixture's. */
function copiesFor(basis, factor) {
  if (factor === 1) return 1;
  return Math.max(1, Math.round((factor * basis.rows - (basis.rows - basis.partnerRows)) / basis.partnerRows));
}

/** What a plan of `copies` copies must have. */
function expectedCounts(basis, copies) {
  const extra = copies - 1;
  return {
    rows: basis.rows + extra * basis.partnerRows,
    implementers: basis.implementers + extra * basis.partners,
    indicators: basis.indicators + extra * basis.indicatorsPerCopy,
  };
}

/**
 * The plan of `copies` copies, parsed in parts under the size limit: the implementer's part once, every copy once,
 * each row and indicator on the line it has in the whole document. It is the plan the whole text would give.
 */
function planInParts(basis, copies) {
  const parts = [];
  const agreements = agreementsLine(basis.text);
  for (let from = 0; from < copies; from += basis.mostCopies) {
    const to = Math.min(copies, from + basis.mostCopies);
    const shift = partLineShift(basis.text, copies, from, to);
    const { plan, diagnostics } = parseDirectiveText(scaledDirective(basis.text, to, from));
    const moved = (item) => ({ ...item, line: item.line + shift });
    parts.push({
      plan: {
        ...plan,
        implementers: plan.implementers.map((implementer) => ({
          ...implementer,
          rows: implementer.rows.map(moved),
          // The implementer's heading may stand above section 1.1's sentences, which alone move nothing above them.
          ...(implementer.narrative
            ? { narrative: implementer.narrative.map((item) => (item.line > agreements ? moved(item) : item)) }
            : {}),
        })),
        indicators: plan.indicators.map(moved),
      },
      diagnostics: diagnostics.map((diagnostic) => (diagnostic.line === null ? diagnostic : moved(diagnostic))),
    });
  }
  const [first, ...rest] = parts;
  // The implementer's own indicators come first in each part; the partners' follow.
  const ownIndicators = basis.indicators - basis.indicatorsPerCopy;
  return {
    plan: {
      ...first.plan,
      implementers: [
        ...first.plan.implementers,
        ...rest.flatMap((part) => part.plan.implementers.filter((implementer) => implementer.role === "partner")),
      ],
      indicators: [...first.plan.indicators, ...rest.flatMap((part) => part.plan.indicators.slice(ownIndicators))],
    },
    diagnostics: parts.flatMap((part) => part.diagnostics),
  };
}

const timed = (into, name, run) => {
  const start = performance.now();
  const result = run();
  into[name] = performance.now() - start;
  return result;
};

/**
 * The parse and check cases for `factor`: the text, parsed by ours and by the baseline, and the plan, checked by
 * ours and by the baseline; throws when a count is not what the copies must give or a baseline's result differs
 * from ours. `firstMs` are the times of these first runs.
 */
function scaledDocument(basis, factor) {
  const copies = copiesFor(basis, factor);
  const parseCopies = Math.min(copies, basis.mostCopies);
  const text = scaledDirective(basis.text, parseCopies);
  const firstMs = {};
  const parsed = timed(firstMs, "parse", () => parseDirectiveText(text));
  const parseCounts = {
    rows: rowCount(parsed.plan),
    implementers: parsed.plan.implementers.length,
    indicators: parsed.plan.indicators.length,
  };
  assertSame(
    `×${factor}: what the parser finds in ${parseCopies} copies`,
    expectedCounts(basis, parseCopies),
    parseCounts,
  );
  assertSame(`×${factor}: the diagnostics`, [], parsed.diagnostics);
  assertSame(
    `parse ×${factor}`,
    parsed,
    timed(firstMs, "naiveParse", () => naiveParseDirectiveText(text)),
  );

  const whole = parseCopies === copies ? parsed : planInParts(basis, copies);
  const checked = timed(firstMs, "check", () => runChecks(whole.plan, RULES));
  const checkCounts = {
    rows: rowCount(whole.plan),
    implementers: whole.plan.implementers.length,
    indicators: whole.plan.indicators.length,
    findings: checked.findings.length,
  };
  const expected = {
    ...expectedCounts(basis, copies),
    findings: basis.findings + (copies - 1) * basis.findingsPerCopy,
  };
  assertSame(`×${factor}: the plan of ${copies} copies and its findings`, expected, checkCounts);
  assertSame(
    `check ×${factor}`,
    checked,
    timed(firstMs, "naiveCheck", () => naiveRunChecks(whole.plan, RULES)),
  );

  return {
    factor,
    parse: { copies: parseCopies, text, bytes: bytesOf(text), rows: parseCounts.rows, capped: parseCopies < copies },
    check: {
      copies,
      plan: whole.plan,
      rows: checkCounts.rows,
      findings: checkCounts.findings,
      inParts: whole !== parsed,
    },
    firstMs,
  };
}

module.exports = { FIXTURE, fixtureBasis, copiesFor, scaledDocument, planInParts, rowCount };
