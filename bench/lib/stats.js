"use strict";
/** Medians and spreads of timings, and the interleaved rounds that give ours and the baseline the same noise. */
const { performance } = require("perf_hooks");

/** The q-quantile of sorted numbers, interpolated (0.5: the median). */
function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/**
 * Runs every case's variants in the same rounds: in each round each case runs ours and the baseline, in an order
 * that alternates from round to round, `repeat` times each, with garbage collected before every run (node
 * --expose-gc), so that neither pays for the other's garbage or meets a quieter machine. Returns the times in ms,
 * by case and variant.
 */
function interleaved(cases, rounds, { collect = typeof global.gc === "function" ? global.gc : () => {} } = {}) {
  const times = cases.map((entry) => Object.fromEntries(Object.keys(entry.variants).map((name) => [name, []])));
  for (let round = 0; round < rounds; round++) {
    cases.forEach((entry, index) => {
      const names = Object.keys(entry.variants);
      if (round % 2 === 1) names.reverse();
      for (const name of names) {
        const repeat = entry.repeat?.[name] ?? 1;
        for (let i = 0; i < repeat; i++) {
          collect();
          const start = performance.now();
          entry.variants[name]();
          times[index][name].push(performance.now() - start);
        }
      }
    });
  }
  return times;
}

/**
 * How many runs of `run` take about `targetMs` (at least 1, at most `most`): 1 when its first run (`firstMs`, cold)
 * took that long already, else from one timed run after a warm-up.
 */
function repeatsFor(run, targetMs, firstMs = 0, most = 50) {
  if (firstMs >= targetMs) return 1;
  run();
  const start = performance.now();
  run();
  const once = performance.now() - start;
  return Math.max(1, Math.min(most, Math.round(targetMs / Math.max(once, 0.01))));
}

module.exports = { quantile, summary, interleaved, repeatsFor };
