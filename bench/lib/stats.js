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
 * Runs every case's variants in the same rounds: in each round each case runs ours, the baseline and the floor, in
 * an order that alternates from round to round, `repeat` times each, with garbage collected before every run (node
 * --expose-gc), so that none pays for another's garbage or meets a quieter machine. A variant too quick for the clock
 * (a floor on a small document: microseconds) runs `batch` times back to back in one timing, which counts as one
 * run of the batch's mean time. Returns the times in ms, by case and variant.
 */
function interleaved(cases, rounds, { collect = typeof global.gc === "function" ? global.gc : () => {} } = {}) {
  const times = cases.map((entry) => Object.fromEntries(Object.keys(entry.variants).map((name) => [name, []])));
  for (let round = 0; round < rounds; round++) {
    cases.forEach((entry, index) => {
      const names = Object.keys(entry.variants);
      if (round % 2 === 1) names.reverse();
      for (const name of names) {
        const repeat = entry.repeat?.[name] ?? 1;
        const batch = entry.batch?.[name] ?? 1;
        const run = entry.variants[name];
        for (let i = 0; i < repeat; i++) {
          collect();
          const start = performance.now();
          for (let j = 0; j < batch; j++) run();
          times[index][name].push((performance.now() - start) / batch);
        }
      }
    });
  }
  return times;
}

/**
 * How many runs of `run` take about `targetMs` (at least 1, at most `most`): 1 when its first run (`firstMs`, cold)
 * took that long already, else from the quickest of `tries` timed runs after a warm-up (a floor's runs are cheap
 * enough to time a few, so a pause of the machine's does not leave it with few runs).
 */
function repeatsFor(run, targetMs, firstMs = 0, most = 50, tries = 1) {
  if (firstMs >= targetMs) return 1;
  run();
  let once = Infinity;
  for (let i = 0; i < tries; i++) {
    const start = performance.now();
    run();
    once = Math.min(once, performance.now() - start);
  }
  return Math.max(1, Math.min(most, Math.round(targetMs / Math.max(once, 0.01))));
}

/**
 * How many runs of `run` to time together so that one timing lasts at least `minMs` (at most `most` runs): after
 * `warmMs` of runs (so that the code is compiled as it will be when timed), batches doubling from 1 until one takes
 * that long twice in a row (once could be a pause of the machine's); 1 for anything that takes `minMs` already.
 */
function batchFor(run, minMs = 1, most = 1 << 20, warmMs = 20 * minMs) {
  const timed = (batch) => {
    const start = performance.now();
    for (let i = 0; i < batch; i++) run();
    return performance.now() - start;
  };
  for (let warm = 1, spent = 0; spent < warmMs; warm = Math.min(warm * 2, most)) spent += timed(warm);
  let batch = 1;
  while (batch < most && (timed(batch) < minMs || timed(batch) < minMs)) batch *= 2;
  return Math.min(batch, most);
}

module.exports = { quantile, summary, interleaved, repeatsFor, batchFor };
