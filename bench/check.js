#!/usr/bin/env node
"use strict";
// Checks synthetic plans of 1 000, 10 000 and 100 000 rows (a benchmark, not a test). Target: the 100 000-row
// check under 1 s and linear growth (100k/10k at most 12). Reports medians of repeated runs in one process.
const { performance } = require("perf_hooks");
const { RULES, runChecks } = require("../dist/node/checks");
const { syntheticPlan } = require("./synthetic-plan");

const sizes = (process.env.BENCH_SIZES || "1000,10000,100000").split(",").map(Number);
const runs = Number(process.env.BENCH_RUNS || 7);
const medians = new Map();
for (const size of sizes) {
  const plan = syntheticPlan(size);
  const rows = plan.implementers.reduce((count, implementer) => count + implementer.rows.length, 0);
  runChecks(plan, RULES);
  const times = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    findings = runChecks(plan, RULES).findings.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  medians.set(size, median);
  console.log(
    `check ${String(rows).padStart(7)} rows: median ${median.toFixed(1).padStart(7)} ms  (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}; ${runs} runs; ${findings} findings)`,
  );
}
if (medians.has(10000) && medians.has(100000)) {
  const ratio = medians.get(100000) / medians.get(10000);
  console.log(
    `100k/10k ratio: ${ratio.toFixed(2)} (target ≤ 12); 100k median ${medians.get(100000).toFixed(0)} ms (target < 1000 ms)`,
  );
}
