#!/usr/bin/env node
"use strict";
// Median time to parse the bundled directive text. A benchmark, not a test: machines here are shared
// and noisy, so it reports the median (and spread) of many runs after a warm-up, never a pass/fail.
const { readFileSync } = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");
const { parseDirectiveText } = require("../dist/node/import/text");

const file = process.argv[2] || path.join(__dirname, "..", "fixtures", "kaskkiri-2025-03-25-nr68.txt");
const runs = Number(process.env.BENCH_RUNS || 200);
const text = readFileSync(file, "utf8");

for (let i = 0; i < 20; i++) parseDirectiveText(text);
const times = [];
let rows = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const { plan } = parseDirectiveText(text);
  times.push(performance.now() - start);
  rows = plan.implementers.reduce((count, implementer) => count + implementer.rows.length, 0);
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
const ms = (value) => value.toFixed(2);
console.log(`parse ${path.basename(file)}: ${text.split("\n").length} lines, ${rows} rows, ${runs} runs`);
console.log(
  `  median ${ms(at(0.5))} ms   min ${ms(times[0])} ms   p90 ${ms(at(0.9))} ms   max ${ms(times[times.length - 1])} ms`,
);
console.log(`  ${Math.round(rows / (at(0.5) / 1000))} rows/s at the median`);
