"use strict";
/** The bench's one table, as Markdown (so that it can go into the README as printed), and its number formats. */

/** 1234567 → "1 234 567", as the documents group digits. */
function grouped(value, decimals = 0) {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split(".");
  const text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${value < 0 ? "-" : ""}${text}${fraction ? `.${fraction}` : ""}`;
}

/** Milliseconds with three significant digits or more: 1 234, 12.3, 0.412, and a floor's 0.000412. */
function ms(value) {
  if (value >= 100) return grouped(value, 0);
  if (value >= 10) return grouped(value, 1);
  if (value >= 1) return grouped(value, 2);
  const decimals = value > 0 ? 2 - Math.floor(Math.log10(value)) : 3;
  return grouped(value, Math.min(Math.max(decimals, 3), 9));
}

/**
 * A timing cell: the median, with the quartiles and the number of runs; with `batch` (runs timed back to back, each
 * timing counting as one run of their mean), how many runs each timing took.
 */
function timing(stats, batch = 1) {
  const each = batch > 1 ? `, ${grouped(batch)} runs each` : "";
  return `${ms(stats.median)} ms (${ms(stats.p25)}–${ms(stats.p75)}, n=${stats.runs}${each})`;
}

/** Bytes as KB (1024) below a megabyte, else as MB, as the importer's limits are stated. */
const kib = (bytes) =>
  bytes < 1024 * 1024 ? `${grouped(bytes / 1024, 1)} KB` : `${grouped(bytes / 1024 / 1024, 2)} MB`;

/** How many times the baseline's figure is ours: "4.2×"; below 1, "0.87×". */
function ratio(baseline, ours) {
  const value = baseline / ours;
  return `${value >= 100 ? grouped(value) : value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`;
}

function markdownTable(header, rows) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(" | ")} |`;
  return [line(header), `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`, ...rows.map(line)].join("\n");
}

module.exports = { grouped, ms, timing, kib, ratio, markdownTable };
