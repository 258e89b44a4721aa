"use strict";
/**
 * Directive texts n times the fixture's partner part, made from the real text so that the parser meets the real
 * document's difficulties at every size: rows wrapped over lines, page numbers, narrative between tables, a table
 * interrupted by another's caption. Copy k of the partners' section (from "Partnerite tegevused" to the register
 * footer) is the same text with every partner renamed (Tartu → Tartuxb, ...), its schedule tables renumbered
 * after the ones before, and section 1.1's sentence of agreement periods repeated with the new names, so that each
 * copy is a set of eight further partners, each with its own table and agreement, as the original eight are.
 *
 * The indicator table interleaved in Kohtla-Järve's schedule keeps its number (17) in every copy: captions have at
 * most three digits, and only schedule tables need numbers of their own (findings about a table's number format
 * are per table number).
 */

const PARTNERS_HEADING = /Partnerite\s+tegevused/u;
const REGISTER_FOOTER = /^Nimi \| K\.p\. \|/;
const AGREEMENTS = /^Partnerluslepingute raames viiakse ellu tegevusi KOV-ides järgnevalt:/;
const SCHEDULE_CAPTION = /Tabel (\d{1,3})\. Tegevuste ajakava/gu;
const ANY_CAPTION = /Tabel (\d{1,3})\./gu;
/** The stems as the text writes them; "Tallinn" is the everyday form of "Tallinna linn". */
const STEMS = /(?<![\p{L}-])(Kohtla-Järve|Tallinna|Tallinn|Tartu|Rakvere|Saaremaa|Pärnu|Jõhvi|Haapsalu)(?![\p{L}])/gu;
const MAX_CAPTION_NUMBER = 999;

/** The fixture cut where the copies go: before and after the partners' section, and section 1.1's sentence. */
function partsOf(text) {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => PARTNERS_HEADING.test(line));
  const end = lines.findIndex((line, index) => index > start && REGISTER_FOOTER.test(line));
  const agreements = lines.findIndex((line) => AGREEMENTS.test(line));
  if (start < 0 || end < 0 || agreements < 0 || agreements > start) {
    throw new Error(
      "The fixture no longer has the shape the scaled texts are cut from (partners' section, footer, 1.1).",
    );
  }
  const captions = [...lines.slice(start, end).join("\n").matchAll(SCHEDULE_CAPTION)].map((match) => Number(match[1]));
  const highest = Math.max(...[...text.matchAll(ANY_CAPTION)].map((match) => Number(match[1])));
  return { lines, start, end, agreements, firstTable: Math.min(...captions), tables: captions.length, highest };
}

/** "b", "c", … "z", "ba", …: letters only, since a municipality's stem in a heading is letters. */
function suffix(copy) {
  let text = "";
  for (let rest = copy; rest > 0; rest = Math.floor(rest / 26)) text = String.fromCharCode(97 + (rest % 26)) + text;
  return `x${text}`;
}

/** Renames every partner in `text` for copy `copy` (0 is the original); Tallinn takes its official stem. */
function renamePartners(text, copy) {
  if (copy === 0) return text;
  const mark = suffix(copy);
  return text.replace(STEMS, (stem) => `${stem === "Tallinn" ? "Tallinna" : stem}${mark}`);
}

/** The partner names copy `copy` gives the fixture's partners, nominative ("Tartuxb linn"). */
function partnerName(name, copy) {
  return renamePartners(name, copy);
}

/**
 * The fixture with its partners' section present `copies` times (1: the fixture itself). With `from`, only copies
 * `from` to `copies - 1` are in it (copy 0 is the original section), numbered and named as in the whole: the parts of
 * a document too long for the parser's size limit, each with the implementer's part of the fixture before them.
 */
function scaledDirective(text, copies, from = 0) {
  if (!Number.isInteger(copies) || copies < 1) throw new Error(`copies must be a positive integer, got ${copies}`);
  if (!Number.isInteger(from) || from < 0 || from >= copies) throw new Error(`from must be in 0..${copies - 1}`);
  const { lines, start, end, agreements, firstTable, tables, highest } = partsOf(text);
  // Copy k's tables follow every caption of the fixture (schedules and indicators) and the copies before it.
  const offset = (copy) => highest + 1 - firstTable + tables * (copy - 1);
  const lastNumber = copies > 1 ? firstTable + tables - 1 + offset(copies - 1) : highest;
  if (lastNumber > MAX_CAPTION_NUMBER) {
    throw new Error(`${copies} copies would number tables up to ${lastNumber}; captions have at most three digits.`);
  }
  const block = lines.slice(start, end).join("\n");
  const added = [];
  for (let copy = Math.max(1, from); copy < copies; copy++) added.push(copy);
  const out = lines.slice(0, agreements + 1);
  for (const copy of added) out.push(renamePartners(lines[agreements], copy));
  out.push(...lines.slice(agreements + 1, from === 0 ? end : start));
  for (const copy of added) {
    const renumbered = block.replace(
      SCHEDULE_CAPTION,
      (caption, number) => `Tabel ${Number(number) + offset(copy)}. Tegevuste ajakava`,
    );
    out.push(renamePartners(renumbered, copy));
  }
  out.push(...lines.slice(end));
  return out.join("\n");
}

/**
 * How many lines further down the whole document of `copies` copies a line of the part `scaledDirective(text, to,
 * from)` stands (for every line after section 1.1's sentence): the whole has more sentences of agreements, and
 * before a part that starts at copy `from` it has copies 0 to `from - 1`, each as long as the original section.
 */
function partLineShift(text, copies, from, to) {
  const { start, end } = partsOf(text);
  const sentences = to - Math.max(1, from);
  return copies - 1 - sentences + (from > 0 ? from * (end - start) : 0);
}

/** The 1-based line of section 1.1's sentence of agreements: lines above it stand where they stand in every part. */
function agreementsLine(text) {
  return partsOf(text).agreements + 1;
}

module.exports = { scaledDirective, partLineShift, agreementsLine, partnerName, MAX_CAPTION_NUMBER };
