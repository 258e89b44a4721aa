#!/usr/bin/env node
"use strict";
// Checks synthetic plans of 1 000, 10 000 and 100 000 rows (a benchmark, not a test). Targets: the 100 000-row
// check under 1 s, and linear growth (100k/10k ratio at most 12). The machines are shared and noisy, so sizes
// are measured in interleaved rounds (each size meets the same noise) and medians are reported.
const { performance } = require("perf_hooks");
const { RULES, runChecks } = require("../dist/node/checks");
const { syntheticPlan } = require("./synthetic-plan");

const sizes = (process.env.BENCH_SIZES || "1000,10000,100000").split(",").map(Number);
const rounds = Number(process.env.BENCH_ROUNDS || 25);
// Collect the previous run's garbage before timing the next (node --expose-gc), so no run pays for another's.
const collect = typeof global.gc === "function" ? global.gc : () => {};

const cases = sizes.map((size) => {
  const plan = syntheticPlan(size);
  const rows = plan.implementers.reduce((count, implementer) => count + implementer.rows.length, 0);
  for (let i = 0; i < 3; i++) runChecks(plan, RULES);
  // Small plans run several times a round, so that each size gets comparable measuring time.
  return { size, plan, rows, perRound: Math.max(1, Math.round(100000 / size / 4)), times: [], findings: 0 };
});
for (let round = 0; round < rounds; round++) {
  for (const entry of cases) {
    for (let i = 0; i < entry.perRound; i++) {
      collect();
      const start = performance.now();
      entry.findings = runChecks(entry.plan, RULES).findings.length;
      entry.times.push(performance.now() - start);
    }
  }
}
const medians = new Map();
for (const entry of cases) {
  const times = entry.times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  medians.set(entry.size, median);
  console.log(
    `check ${String(entry.rows).padStart(7)} rows: median ${median.toFixed(1).padStart(7)} ms  (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}; ${times.length} runs; ${entry.findings} findings)`,
  );
}
if (medians.has(10000) && medians.has(100000)) {
  const ratio = medians.get(100000) / medians.get(10000);
  console.log(
    `100k/10k ratio: ${ratio.toFixed(2)} (target ≤ 12); 100k median ${medians.get(100000).toFixed(0)} ms (target < 1000 ms)`,
  );
}
