"use strict";
/**
 * The directive parsed table by table, as a first attempt that cuts the document at its captions does: each
 * "Tabel N. Tegevuste ajakava" is read by the same parser from a window of lines joined into a text of its own,
 * with the context the table needs (the preamble before the first table, for the plan period and the agreements of
 * section 1.1, and everything since the previous table's caption, where the heading naming the table's owner
 * stands), and the rows of that table are kept. Lines are mapped back, so rows keep the document's line numbers.
 *
 * It does the whole parser's work for every line, and more: each line is read in two windows and the preamble in
 * every one. The result must equal the single pass's (the bench and its test compare them).
 */
const { project } = require("./modules");
const { parseDirectiveText } = project("import/text");
const { matchCaption } = project("import/text/patterns");

const normalize = (raw) => raw.replace(/[\u00a0\u202f\t]/g, " ").trim();

function naiveParseDirectiveText(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const captions = [];
  lines.forEach((line, index) => {
    const caption = matchCaption(normalize(line));
    if (caption?.kind === "schedule") captions.push({ index, table: caption.table });
  });
  // No table at all: the parser's own refusal, with its message.
  if (captions.length === 0) return parseDirectiveText(text);

  const preamble = lines.slice(0, captions[0].index);
  const implementers = new Map();
  const indicators = [];
  const diagnostics = [];
  const documentLevel = new Set();
  // What each implementer's text describes, read in the windows of its own tables: its heading and prose stand
  // between the previous caption and its table's (a window of another table may not know whose they are).
  const narratives = new Map();
  let first = null;
  for (let s = 0; s < captions.length; s++) {
    const from = s === 0 ? captions[0].index : captions[s - 1].index;
    const to = s + 1 < captions.length ? captions[s + 1].index : lines.length;
    const own = { from: s === 0 ? 0 : captions[s].index, to };
    // 1-based line of the window → 1-based line of the document.
    const toDocument = (line) => (line <= preamble.length ? line : from + (line - preamble.length));
    const result = parseDirectiveText([...preamble, ...lines.slice(from, to)].join("\n"));
    first ??= result;
    const table = captions[s].table;
    const inOwn = (line) => line !== null && toDocument(line) - 1 >= own.from && toDocument(line) - 1 < own.to;
    for (const implementer of result.plan.implementers) {
      if (!implementer.tables.includes(table)) continue;
      const rows = implementer.rows
        .filter((row) => row.table === table)
        .map((row) => ({ ...row, line: toDocument(row.line) }));
      let merged = implementers.get(implementer.name);
      if (!merged) {
        merged = { ...implementer, tables: [], rows: [] };
        implementers.set(implementer.name, merged);
      }
      merged.tables.push(table);
      merged.rows.push(...rows);
    }
    for (const implementer of result.plan.implementers) {
      if (!implementer.narrative || !implementer.tables.includes(table)) continue;
      const known = narratives.get(implementer.name) ?? [];
      narratives.set(implementer.name, known);
      for (const described of implementer.narrative) {
        const line = toDocument(described.line);
        if (!known.some((entry) => entry.code === described.code)) known.push({ ...described, line });
      }
    }
    for (const indicator of result.plan.indicators) {
      if (inOwn(indicator.line)) indicators.push({ ...indicator, line: toDocument(indicator.line) });
    }
    for (const diagnostic of result.diagnostics) {
      if (diagnostic.line === null) {
        const key = `${diagnostic.id}\u0000${diagnostic.message}`;
        if (!documentLevel.has(key)) diagnostics.push(diagnostic);
        documentLevel.add(key);
      } else if (inOwn(diagnostic.line)) {
        diagnostics.push({ ...diagnostic, line: toDocument(diagnostic.line) });
      }
    }
  }
  for (const merged of implementers.values()) {
    delete merged.narrative;
    if (narratives.has(merged.name)) merged.narrative = narratives.get(merged.name);
  }
  return {
    plan: {
      planPeriod: first.plan.planPeriod,
      directive: first.plan.directive,
      implementers: [...implementers.values()],
      indicators,
    },
    diagnostics,
  };
}

module.exports = { naiveParseDirectiveText };
