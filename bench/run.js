#!/usr/bin/env node
"use strict";
/**
 * `npm run bench`: one table of what tat-budget costs, each figure beside a naive baseline measured in the same run,
 * and the parse and check figures also beside their floor (bench/lib/floors.js), the least work on the same input, so
 * that ours ÷ floor shows how much is left. A benchmark, not a test: the machines here are shared and noisy, so times
 * are medians (with quartiles) over rounds in which ours, the baseline and the floor alternate, and the comparisons
 * are ratios. Every baseline must give the same result as ours (the same parse, the same findings, the same
 * workbook), or the run stops.
 *
 * Knobs (environment): BENCH_ROUNDS (timing rounds, default 5), BENCH_SCALES (document sizes as multiples of the
 * fixture's rows, default 1,10,100), BENCH_OFFICE_ROWS (default 100,10000,100000), BENCH_BUNDLE (auto: build the
 * add-in when dist/web is missing or older than the sources; build: always; skip).
 */
const os = require("os");
const path = require("path");
const fs = require("fs");
const { spawnSync } = require("child_process");
const { performance } = require("perf_hooks");
const { fixtureBasis, scaledDocument } = require("./lib/documents");
const { naiveParseDirectiveText } = require("./lib/naive-parse");
const { naiveRunChecks } = require("./lib/naive-check");
const { parseFloor, checkFloor, countOf } = require("./lib/floors");
const { officeComparison } = require("./lib/office-cases");
const { summary, interleaved, repeatsFor, batchFor } = require("./lib/stats");
const { grouped, timing, kib, ratio, markdownTable } = require("./lib/table");
const { syntheticPlan } = require("./synthetic-plan");
const { measureBundle } = require("../scripts/bundle-size");
const { project } = require("./lib/modules");

const { parseDirectiveText } = project("import/text");
const { RULES, runChecks } = project("checks");

const ROOT = path.resolve(__dirname, "..");

/** The knobs, from the environment. */
function settingsFrom(env) {
  const list = (name, fallback) => (env[name] || fallback).split(",").map(Number);
  return {
    rounds: Number(env.BENCH_ROUNDS || 5),
    scales: list("BENCH_SCALES", "1,10,100"),
    officeRows: list("BENCH_OFFICE_ROWS", "100,10000,100000"),
    bundle: env.BENCH_BUNDLE || "auto",
  };
}

/** The newest modification time among what the add-in bundle is built from. */
function newestSource() {
  let newest = 0;
  const visit = (file) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) for (const name of fs.readdirSync(file)) visit(path.join(file, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package-lock.json"]) {
    if (fs.existsSync(path.join(ROOT, entry))) visit(path.join(ROOT, entry));
  }
  return newest;
}

/** The pane's bundle as measured, with how it was obtained; builds it first when asked or when it is stale. */
function bundle(settings) {
  if (settings.bundle === "skip") return { measured: null, how: "not measured (BENCH_BUNDLE=skip)" };
  let measured = measureBundle();
  const stale = measured && measured.builtAt.getTime() < newestSource();
  if (!measured || stale || settings.bundle === "build") {
    const why = !measured
      ? "dist/web was missing"
      : stale
        ? "dist/web was older than the sources"
        : "BENCH_BUNDLE=build";
    const start = performance.now();
    const build = spawnSync("npx", ["--no-install", "webpack", "--mode", "production"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const seconds = ((performance.now() - start) / 1000).toFixed(0);
    if (build.status !== 0) {
      const tail = `${build.stdout}\n${build.stderr}`.trim().split("\n").slice(-5).join("\n  ");
      return {
        measured: null,
        how: `not measured: \`webpack --mode production\` failed (${why}):\n  ${tail}`,
        failed: true,
      };
    }
    measured = measureBundle();
    return { measured, how: `built by this run with \`webpack --mode production\` in ${seconds} s (${why})` };
  }
  return { measured, how: `dist/web as built at ${measured.builtAt.toISOString()}, newer than every source file` };
}

/** "fixture: 73.4 KB, 134 rows"; "×77 (93 copies, the largest text the importer takes): 5 120.0 KB, 10 438 rows". */
function parseSize(basis, { factor, parse }) {
  const what =
    parse.copies === 1
      ? "fixture"
      : parse.capped
        ? `×${Math.round(parse.rows / basis.rows)} (${parse.copies} copies, the largest text the importer takes)`
        : `×${factor} (${parse.copies} copies)`;
  return `${what}: ${kib(parse.bytes)}, ${grouped(parse.rows)} rows`;
}

/** "×100 (119 copies, read in 2 parts): 13 350 rows, 2 743 findings". */
function checkSize({ factor, check }) {
  const what =
    check.copies === 1
      ? "fixture"
      : `×${factor} (${check.copies} copies${check.inParts ? ", parsed in parts under the size limit" : ""})`;
  return `${what}: ${grouped(check.rows)} rows, ${grouped(check.findings)} findings`;
}

/**
 * A floor as a variant to time (`run`): `floor(input)`, what it made counted and added up (so that its work is used),
 * after a first run checked with `verify`. `settle()` forgets the runs of the set-up (warm-ups, the batch and repeat
 * estimates); `confirm(what, runs)` then throws unless the floor ran `runs` times, each making what the first made.
 */
function floorVariant(floor, input, verify) {
  const per = countOf(floor(input));
  verify(floor(input));
  const tally = { runs: 0, total: 0 };
  return {
    run: () => {
      tally.runs++;
      tally.total += countOf(floor(input));
    },
    settle: () => Object.assign(tally, { runs: 0, total: 0 }),
    confirm: (what, runs) => {
      if (tally.runs !== runs || tally.total !== runs * per) {
        throw new Error(`${what}: the floor ran ${tally.runs} times for ${runs} timed, adding up to ${tally.total}.`);
      }
    },
  };
}

/**
 * Measures everything `settings` asks for. The report goes to `print` line by line (the header at once, the table at
 * the end), what is being measured to `progress`; returns the table's rows and whether every figure was measured.
 */
async function benchmark(settings, { print = () => {}, progress = () => {} } = {}) {
  const began = performance.now();
  const cpus = os.cpus();
  const command =
    `BENCH_ROUNDS=${settings.rounds} BENCH_SCALES=${settings.scales.join(",")} ` +
    `BENCH_OFFICE_ROWS=${settings.officeRows.join(",")} BENCH_BUNDLE=${settings.bundle} npm run bench`;
  print(`tat-budget benchmarks, ${new Date().toISOString()}`);
  print(
    `Node ${process.version}, ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ` +
      `load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(" ")} at the start`,
  );
  print(`Reproduce: ${command}`);
  print();

  progress("bundle");
  const pane = bundle(settings);
  progress("documents: made, parsed, checked, compared with the baselines");

  // Documents: made, parsed and checked once, and compared with the baselines, before anything is timed.
  const basis = fixtureBasis();
  const documents = settings.scales.map((factor) => scaledDocument(basis, factor));
  const cases = [];
  for (const document of documents) {
    const { firstMs, factor } = document;
    const { text } = document.parse;
    const { plan } = document.check;
    const floors = {
      // As many lines as the text has line ends, plus one, however its lines end.
      parse: floorVariant(parseFloor, text, (lines) => {
        const expected = (text.match(/\r\n|\r|\n/g) ?? []).length + 1;
        if (lines.length !== expected) {
          throw new Error(`parse ×${factor}: the floor made ${lines.length} lines of ${expected}.`);
        }
      }),
      // Every row the plan has, and some of them with an amount.
      check: floorVariant(checkFloor, plan, ({ rows, priced }) => {
        if (rows !== document.check.rows || priced === 0 || priced > rows) {
          throw new Error(`check ×${factor}: the floor saw ${rows} rows of ${document.check.rows}, ${priced} priced.`);
        }
      }),
    };
    const parse = {
      ours: () => parseDirectiveText(text),
      naive: () => naiveParseDirectiveText(text),
      floor: floors.parse.run,
    };
    const check = {
      ours: () => runChecks(plan, RULES),
      naive: () => naiveRunChecks(plan, RULES),
      floor: floors.check.run,
    };
    // Short runs repeat within a round, so that each is measured for about as long as a long one; a floor too quick
    // for the clock is timed in batches of about a millisecond.
    const timingPlan = (variants, ours, naive, tally) => {
      const batch = { floor: batchFor(variants.floor) };
      const batched = () => {
        for (let i = 0; i < batch.floor; i++) variants.floor();
      };
      const repeat = {
        ours: repeatsFor(variants.ours, 40, ours),
        naive: repeatsFor(variants.naive, 40, naive),
        floor: repeatsFor(batched, 40, 0, 50, 5),
      };
      tally.settle();
      return { repeat, batch };
    };
    cases.push({
      kind: "parse",
      document,
      variants: parse,
      tally: floors.parse,
      ...timingPlan(parse, firstMs.parse, firstMs.naiveParse, floors.parse),
    });
    cases.push({
      kind: "check",
      document,
      variants: check,
      tally: floors.check,
      ...timingPlan(check, firstMs.check, firstMs.naiveCheck, floors.check),
    });
  }
  progress(`parse and check: ${settings.rounds} rounds`);
  const times = interleaved(cases, settings.rounds);
  for (const entry of cases) {
    const runs = settings.rounds * entry.repeat.floor * entry.batch.floor;
    entry.tally.confirm(`${entry.kind} ×${entry.document.factor}`, runs);
  }

  const rows = [];
  cases.forEach((entry, index) => {
    const { document } = entry;
    const ours = summary(times[index].ours);
    const naive = summary(times[index].naive);
    const floor = summary(times[index].floor);
    const size = entry.kind === "parse" ? parseSize(basis, document) : checkSize(document);
    rows.push([
      entry.kind,
      size,
      timing(ours),
      timing(naive),
      ratio(naive.median, ours.median),
      timing(floor, entry.batch.floor),
      ratio(ours.median, floor.median),
    ]);
  });

  for (const count of settings.officeRows) {
    progress(`Office at ${count} rows`);
    const plan = syntheticPlan(count);
    const planRows = plan.implementers.reduce((sum, implementer) => sum + implementer.rows.length, 0);
    for (const { operation, detail, ours, naive, oursMedianMs, oursRuns } of await officeComparison(
      plan,
      settings.rounds,
    )) {
      const size = `${grouped(planRows)} rows: ${detail}`;
      if (oursMedianMs !== undefined)
        rows.push([
          `Office ${operation} over the fake, time`,
          size,
          `${oursMedianMs.toFixed(1)} ms (median, n=${oursRuns})`,
          `${naive.ms.toFixed(1)} ms (n=1)`,
          ratio(naive.ms, oursMedianMs),
          "—",
          "—",
        ]);
      rows.push([
        `Office ${operation}, syncs`,
        size,
        grouped(ours.syncs),
        grouped(naive.syncs),
        ratio(naive.syncs, ours.syncs),
        "—",
        "—",
      ]);
      rows.push([
        `Office ${operation}, bytes`,
        size,
        grouped(ours.bytes),
        grouped(naive.bytes),
        ratio(naive.bytes, ours.bytes),
        "—",
        "—",
      ]);
    }
  }

  const measured = pane.measured;
  const later = measured ? measured.lazy.filter((script) => script.pane) : [];
  if (measured) {
    const scripts = `${measured.page}: ${measured.initial.length} script${measured.initial.length === 1 ? "" : "s"}`;
    const all = measured.gzipped + measured.paneLazyGzipped;
    rows.push([
      "task pane initial JS, gzip",
      scripts,
      kib(measured.gzipped),
      `${kib(all)}: all ${later.length} later chunks at start too`,
      ratio(all, measured.gzipped),
      "—",
      "—",
    ]);
    rows.push([
      "task pane initial JS, gzip",
      scripts,
      kib(measured.gzipped),
      `${kib(measured.budget)}: the budget`,
      `${((measured.gzipped / measured.budget) * 100).toFixed(0)} % of it`,
      "—",
      "—",
    ]);
  } else {
    rows.push(["task pane initial JS, gzip", "—", "not measured", "—", "—", "—", "—"]);
  }

  const header = ["what", "size", "ours", "naive baseline", "ratio", "floor", "ours ÷ floor"];
  for (const line of markdownTable(header, rows).split("\n")) print(line);
  print();
  const chunks = later.map((script) => `${script.file.replace(/\.[0-9a-f]{8}\.js$/, "")} (${kib(script.gzipped)})`);
  const notes = [
    "ratio: the baseline's figure divided by ours, how many times the time, syncs or bytes it takes. Times: median",
    "in ms (quartiles, number of runs), ours, the baseline and the floor alternating in every round.",
    "ours ÷ floor: how many times the floor's time ours takes, i.e. how much is left above the least work on the same",
    "input (bench/lib/floors.js). A floor quicker than a millisecond is timed in batches of back-to-back runs",
    '("N runs each"), every batch counting as one run of its mean time.',
    "Floors, each run on the same input as ours in the same rounds, its result added up and checked after timing:",
    "- parse: the parser's first step alone, on the same string: line ends made LF, the text split into lines, each",
    "  line's no-break spaces and tabs made spaces and trimmed. Decoding bytes is in neither ours nor the floor.",
    "- check: one pass over the rows, every implementer's every schedule row visited once and its amount read.",
    "Baselines, each giving the same result as ours (compared before timing, and after each Office operation):",
    "- parse: the same parser fed the document a schedule table at a time, each table's lines joined with the",
    "  preamble and the lines since the table before (bench/lib/naive-parse.js).",
    "- check: every rule building its own tree and totals, each row's children found by scanning its",
    "  implementer's rows (bench/lib/naive-check.js).",
    "- Office: a cell-by-cell adapter, a sync per row written or read and per cell marked, cleared or rewritten",
    "  (bench/lib/naive-office.js), on the in-memory Excel; bytes: the JSON requests and responses.",
    "- bundle: the pane's initial scripts (each gzip -9) beside the same with every chunk it may load later, and",
    `  beside the budget. Later chunks: ${chunks.join(", ") || "none"}.`,
    "Documents: the fixture's partners' section repeated as further partners (bench/lib/scaled-directive.js),",
    `verified: ${basis.rows} rows = ${basis.rows - basis.partnerRows} + ${basis.partnerRows} per copy, ` +
      `${basis.implementers} implementers + ${basis.partners}, ${basis.findings} findings + ${basis.findingsPerCopy} per copy.`,
    `The importer takes texts up to ${kib(basis.limit)}: a larger document is parsed at the most copies it takes`,
    `(${basis.mostCopies}) and checked as the plan of its parts, parsed one by one (the plan the whole would give).`,
    "Office plans: bench/synthetic-plan.js, 9 partners with sections of items.",
    `Bundle: ${pane.how}.`,
    `Run took ${((performance.now() - began) / 1000).toFixed(0)} s.`,
  ];
  for (const note of notes) print(note);
  return { rows, complete: !pane.failed };
}

module.exports = { benchmark, settingsFrom };

if (require.main === module) {
  const progress = (what) => process.stderr.write(`bench: ${what} …\n`);
  benchmark(settingsFrom(process.env), { print: (line = "") => console.log(line), progress }).then(
    ({ complete }) => {
      if (!complete) process.exitCode = 1;
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
