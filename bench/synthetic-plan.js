"use strict";
// Synthetic action plans of a given size, shaped like the real one: partners with a top row 3.5.2.1, five
// sections, items and sub-items whose sums add up, a personnel row; and a sprinkling of the real document's
// inconsistencies (plan dates outside the year, duplicated codes, a wrong sum) so that rules have work to do.
const { project } = require("./lib/modules");

const { CalendarDate } = project("model/calendar-date");
const { parseMoney } = project("model/money");
const { municipalityAliases } = project("import/text/names");

const day = (y, m, d) => CalendarDate.of(y, m, d);
const YEAR = { start: day(2025, 1, 1), end: day(2025, 12, 31) };
const FRAME = { start: day(2023, 1, 1), end: day(2025, 12, 31) };

/** A deterministic pseudo-random sequence, so that every run measures the same plan. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function syntheticPlan(rowCount, implementerCount = 9) {
  const next = random(rowCount);
  const implementers = [];
  let line = 1;
  const perImplementer = Math.ceil(rowCount / implementerCount);
  for (let index = 0; index < implementerCount; index++) {
    const name = `Linn${index + 1} linn`;
    const rows = [];
    const make = (code, cents, extra = {}) => {
      const amountText = (cents / 100).toFixed(2).replace(".", ",");
      rows.push({
        code,
        printedCode: code,
        codeStyle: code === null ? null : "dotted",
        label: code === null ? "Otsesed personalikulud" : `Tegevus ${code}`,
        kind: code === null ? "personnel" : "activity",
        amount: parseMoney(amountText),
        amountText,
        frame: FRAME,
        frameText: "01.01.2023 – 31.12.2025",
        plan: YEAR,
        planText: "01.01.2025 – 31.12.2025",
        responsible: name,
        line: line++,
        table: 9 + index,
        ...extra,
      });
      return rows[rows.length - 1];
    };
    const top = make("3.5.2.1", 0);
    let topCents = 0;
    const itemBudget = Math.max(1, perImplementer - 7);
    for (let section = 1; section <= 5; section++) {
      const sectionRow = make(`3.5.2.1.${section}`, 0);
      let sectionCents = 0;
      const items = Math.floor(itemBudget / 5);
      for (let item = 1; item <= items; item++) {
        const cents = Math.floor(next() * 1000000);
        const odd = next();
        const extra = {};
        if (odd < 0.01) extra.plan = { start: day(2025, 9, 1), end: day(2026, 1, 31) };
        if (odd > 0.995) extra.responsible = null;
        const code =
          odd > 0.49 && odd < 0.495 && item > 1 ? `3.5.2.1.${section}.${item - 1}` : `3.5.2.1.${section}.${item}`;
        make(code, cents, extra);
        sectionCents += cents;
      }
      // One section in fifty is off by a cent, as a typo would make it.
      const typo = next() < 0.02 ? 1 : 0;
      sectionRow.amountText = ((sectionCents + typo) / 100).toFixed(2).replace(".", ",");
      sectionRow.amount = parseMoney(sectionRow.amountText);
      topCents += sectionCents + typo;
    }
    const personnelCents = Math.floor(next() * 10000000);
    make(null, personnelCents);
    topCents += personnelCents;
    top.amountText = (topCents / 100).toFixed(2).replace(".", ",");
    top.amount = parseMoney(top.amountText);
    implementers.push({
      name,
      role: "partner",
      aliases: municipalityAliases(name),
      tables: [9 + index],
      partnership: FRAME,
      rows,
    });
  }
  return {
    planPeriod: YEAR,
    directive: { number: "1", date: day(2025, 3, 25), activityName: null, tat: null },
    implementers,
    indicators: [],
  };
}

module.exports = { syntheticPlan };
