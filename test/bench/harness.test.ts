/**
 * The benchmark harness (bench/), run on small sizes against the TypeScript sources: the scaled documents give the
 * counts their copies must, every naive baseline gives the same result as ours (and the comparison would notice if
 * it did not), the floors do the least work on the same input, the bundle measure finds the pane's scripts, and the
 * whole report comes out. No timing is asserted:
 * times are the bench's business, on a machine whose noise a test cannot control.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { RULES, runChecks } from "../../src/checks";
import { parseDirectiveText } from "../../src/import/text";
import { createFakeExcel } from "../../src/workbook/fake";
import { planToWorkbook } from "../../src/workbook/write-plan";
import { fixtureText, fixtureWithLine } from "../helpers";

// The harness loads the project through bench/lib/modules.js: the sources here, the CLI build when the bench runs.
process.env.TAT_BENCH_SOURCE = "src";
/* eslint-disable @typescript-eslint/no-require-imports -- the harness is plain CommonJS without type declarations */
const { scaledDirective, partnerName } = require("../../bench/lib/scaled-directive");
const { fixtureBasis, scaledDocument, copiesFor, planInParts } = require("../../bench/lib/documents");
const { naiveParseDirectiveText } = require("../../bench/lib/naive-parse");
const { naiveRunChecks } = require("../../bench/lib/naive-check");
const naiveOffice = require("../../bench/lib/naive-office");
const { officeComparison } = require("../../bench/lib/office-cases");
const { assertSame } = require("../../bench/lib/compare");
const { parseFloor, checkFloor, countOf } = require("../../bench/lib/floors");
const { summary, interleaved, quantile, batchFor } = require("../../bench/lib/stats");
const { grouped, ms, timing, ratio, markdownTable } = require("../../bench/lib/table");
const { syntheticPlan } = require("../../bench/synthetic-plan");
const { benchmark } = require("../../bench/run");
const { measureBundle } = require("../../scripts/bundle-size");
/* eslint-enable @typescript-eslint/no-require-imports */

interface OfficeRow {
  operation: string;
  detail: string;
  ours: { syncs: number; bytes: number };
  naive: { syncs: number; bytes: number };
  /** The check end to end only: the median of its timed runs. */
  oursMedianMs?: number;
}

const rowsOf = (plan: { implementers: Array<{ rows: unknown[] }> }) =>
  plan.implementers.reduce((sum, implementer) => sum + implementer.rows.length, 0);

describe("the scaled directives", () => {
  const text = fixtureText();

  test("one copy is the fixture itself; more add eight partners each, renamed, with their own tables", () => {
    expect(scaledDirective(text, 1)).toBe(text);
    const { plan, diagnostics } = parseDirectiveText(scaledDirective(text, 3));
    expect(diagnostics).toEqual([]);
    // The fixture: ELVL's 22 rows and the eight partners' 112 (read from the document, as test/checks does).
    expect(rowsOf(plan)).toBe(22 + 3 * 112);
    expect(plan.implementers.map((implementer) => implementer.name).slice(9, 11)).toEqual([
      "Tartuxb linn",
      "Tallinnaxb linn",
    ]);
    expect(plan.implementers.at(-1)!.name).toBe("Kohtla-Järvexc linn");
    expect(partnerName("Tallinna linn", 2)).toBe("Tallinnaxc linn");
    // Each copy's partner has its section 1.1 period, as the original has.
    const tartu = plan.implementers.find((implementer) => implementer.name === "Tartu linn")!;
    const copy = plan.implementers.find((implementer) => implementer.name === "Tartuxc linn")!;
    expect(copy.partnership).toEqual(tartu.partnership);
    expect(copy.rows.map((row) => row.responsible)).toEqual(
      tartu.rows.map((row) => row.responsible?.replace("Tartu", "Tartuxc") ?? null),
    );
    // Schedule tables are numbered after every caption of the fixture (the last is 17) and never twice.
    const tables = plan.implementers.flatMap((implementer) => implementer.tables);
    expect(new Set(tables).size).toBe(tables.length);
    expect(copy.tables).toEqual([9 + 8 + 9]);
  });

  test("captions have three digits at most, so 123 copies are the most", () => {
    expect(() => scaledDirective(text, 123)).not.toThrow();
    expect(() => scaledDirective(text, 124)).toThrow("124 copies would number tables up to 1001");
  });

  test("the documents of the bench: counts as the copies must give them, baselines equal to ours", () => {
    const basis = fixtureBasis(text);
    const { limit, mostCopies } = basis;
    expect({ ...basis, text: undefined, limit: undefined, mostCopies: undefined }).toEqual({
      text: undefined,
      limit: undefined,
      mostCopies: undefined,
      rows: 134,
      partnerRows: 112,
      implementers: 9,
      partners: 8,
      indicators: 7,
      findings: 32,
      findingsPerCopy: 24,
      indicatorsPerCopy: 2,
    });
    // The most copies the importer's size limit takes.
    const bytes = (copies: number) => Buffer.byteLength(scaledDirective(text, copies), "utf8");
    expect(bytes(mostCopies)).toBeLessThanOrEqual(limit);
    if (mostCopies < 123) expect(bytes(mostCopies + 1)).toBeGreaterThan(limit);
    expect(copiesFor(basis, 1)).toBe(1);
    // The nearest whole number of copies: 10 × 134 rows = 22 + 11.8 × 112, 100 × 134 = 22 + 119.4 × 112.
    expect(copiesFor(basis, 10)).toBe(12);
    expect(copiesFor(basis, 100)).toBe(119);
    const document = scaledDocument(basis, 3);
    expect([document.parse.copies, document.parse.rows, document.parse.capped]).toEqual([3, 358, false]);
    expect([document.check.copies, document.check.rows, document.check.findings]).toEqual([3, 358, 80]);
    expect(document.check.inParts).toBe(false);
  });

  test("a plan too large for one text, parsed in parts, is the plan of the whole text", () => {
    const basis = { ...fixtureBasis(text), mostCopies: 2 };
    const parts = planInParts(basis, 5);
    const whole = parseDirectiveText(scaledDirective(text, 5));
    expect(JSON.stringify(parts)).toBe(JSON.stringify(whole));
    expect(rowsOf(parts.plan)).toBe(22 + 5 * 112);
    expect(runChecks(parts.plan, RULES).findings).toHaveLength(32 + 4 * 24);
    // A document beyond the limit is parsed at the most copies and checked in parts.
    const beyond = scaledDocument(basis, 3);
    expect([beyond.parse.copies, beyond.parse.capped, beyond.check.copies, beyond.check.inParts]).toEqual([
      2,
      true,
      3,
      true,
    ]);
  });
});

describe("the naive baselines give our results", () => {
  const text = fixtureText();

  test("parse, table by table: the same plan, rows, lines and indicators as the single pass", () => {
    for (const source of [text, scaledDirective(text, 2)]) {
      const ours = parseDirectiveText(source);
      const naive = naiveParseDirectiveText(source);
      expect(naive).toEqual(ours);
      expect(rowsOf(naive.plan)).toBeGreaterThan(100);
    }
  });

  test("check, each rule with its own tree and children found by scanning: the same findings and totals", () => {
    for (const plan of [parseDirectiveText(text).plan, syntheticPlan(400)]) {
      const ours = runChecks(plan, RULES);
      expect(ours.findings.length).toBeGreaterThan(5);
      expect(JSON.stringify(naiveRunChecks(plan, RULES))).toBe(JSON.stringify(ours));
    }
  });

  test("the comparison is not blind: a different parse or a different finding stops the bench", () => {
    const changed = fixtureWithLine(244, "3.5.2.1 Sihtrühmale teenuste", "3.5.2.1 Sihtrühmale teenustE");
    expect(() => assertSame("parse", parseDirectiveText(text), naiveParseDirectiveText(changed))).toThrow(
      /parse: the baseline's result differs from ours at character \d+/,
    );
    const findings = runChecks(parseDirectiveText(text).plan, RULES);
    expect(() => assertSame("check", findings, { ...findings, findings: findings.findings.slice(1) })).toThrow(
      "check: the baseline's result differs",
    );
  });

  test.each([
    ["the fixture's plan", () => parseDirectiveText(fixtureText()).plan],
    ["a synthetic plan of 100 rows", () => syntheticPlan(100)],
  ])("Office, cell by cell, on %s: the same workbook after every operation, with more syncs", async (_name, make) => {
    const plan = make();
    const rows: OfficeRow[] = await officeComparison(plan);
    expect(rows.map((row) => row.operation)).toEqual([
      "write",
      "read",
      "mark",
      "clear marks",
      "check end to end (read, analyse, mark)",
      "clear marks after the check",
      "rewrite roll-ups",
      "spread, written",
      "row added, written",
      "row removed, written",
      "lisa 2 sheets",
    ]);
    // The check end to end in at most 3 syncs, and timed: a median of ours.
    expect(rows[4].ours.syncs).toBeLessThanOrEqual(3);
    expect(rows[4].oursMedianMs).toBeGreaterThan(0);
    // The naive write: one sync for the names, one for the new sheets, one per row of every sheet and one per
    // sheet's layout, and one to show Koond.
    const { workbook } = planToWorkbook(plan);
    const sheetRows = workbook.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
    expect(rows[0].naive.syncs).toBe(3 + sheetRows + workbook.sheets.length);
    for (const row of rows) {
      expect(row.ours.syncs).toBeGreaterThan(0);
      expect(row.ours.syncs).toBeLessThan(row.naive.syncs);
      expect(row.ours.bytes).toBeGreaterThan(0);
    }
    // Every parent's SUM, rewritten after numbers were typed over them: one per parent row of the plan.
    expect(rows[6].detail).toMatch(/^\d+ formulas$/);
    expect(Number(rows[6].detail.split(" ")[0])).toBeGreaterThan(8);
    // An edit's write: every changed row's cells in 2 syncs, where the naive one takes two per cell.
    expect(rows[7].detail).toMatch(/^\d+ rows changed, \d+ cells$/);
    expect(rows[7].ours.syncs).toBe(2);
    expect(rows[7].naive.syncs).toBe(2 * Number(rows[7].detail.split(", ")[1].split(" ")[0]));
    // A row added and removed again: 2 syncs each, the rows moved by Excel and every SUM written in the batch.
    expect(rows[8].ours.syncs).toBe(2);
    expect(rows[9].ours.syncs).toBe(2);
    expect(rows[8].naive.syncs).toBeGreaterThan(20);
  });

  test("the workbook comparison sees formats, not only values", async () => {
    const { workbook } = planToWorkbook(syntheticPlan(30));
    const plain = structuredClone(workbook);
    const cell = plain.sheets[1].rows[0][0];
    expect(cell?.bold).toBe(true);
    cell!.bold = false;
    const [a, b] = [createFakeExcel(), createFakeExcel()];
    await naiveOffice.writeWorkbook(a.context, workbook);
    await naiveOffice.writeWorkbook(b.context, plain);
    expect(a.workbook.values(workbook.sheets[1].name, "A1")).toEqual(b.workbook.values(workbook.sheets[1].name, "A1"));
    expect(() => assertSame("write", a.workbook.snapshot(), b.workbook.snapshot())).toThrow(/differs/);
  });
});

describe("the floors", () => {
  test("parse: the parser's first step alone, its lines numbered, spaces normalised and trimmed", () => {
    const lines = parseFloor("Tabel 1.\tTegevuste ajakava \r\n\u00a03.5.2.1 Teenus\r\rlõpp");
    expect(lines).toEqual([
      { no: 1, text: "Tabel 1. Tegevuste ajakava" },
      { no: 2, text: "3.5.2.1 Teenus" },
      { no: 3, text: "" },
      { no: 4, text: "lõpp" },
    ]);
    expect(countOf(lines)).toBe(4);
    // The fixture's lines: every row the parser finds starts on one of them.
    const text = fixtureText();
    const { plan } = parseDirectiveText(text);
    const floor = parseFloor(text);
    expect(floor).toHaveLength(text.split("\n").length);
    for (const row of plan.implementers.flatMap((implementer) => implementer.rows)) {
      expect(floor[row.line - 1].text).not.toBe("");
    }
  });

  test("check: every implementer's every row once, its amount read", () => {
    const plan = parseDirectiveText(fixtureText()).plan;
    const { rows, priced } = checkFloor(plan);
    expect(rows).toBe(134);
    const amounts = plan.implementers.flatMap((implementer) => implementer.rows).filter((row) => row.amount !== null);
    expect(priced).toBe(amounts.length);
    expect(priced).toBeGreaterThan(100);
    expect(countOf({ rows, priced })).toBe(rows + priced);
  });
});

describe("the task pane's bundle as measured", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "tat-bench-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("initial scripts from the page; later chunks are the pane's when its code names them", () => {
    const files: Record<string, string> = {
      "taskpane.html":
        '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script defer src="taskpane.0123abcd.js"></script>',
      "commands.html": '<script src="commands.99999999.js"></script>',
      "taskpane.0123abcd.js": 'load({77:"docx"}[e]+"."+{77:"feedbeef"}[e]+".js")'.repeat(20),
      "docx.feedbeef.js": 'new Worker(base+"pdf.worker.min.js")',
      "pdf.worker.min.js": "self.onmessage=()=>{};".repeat(50),
      "commands.99999999.js": "commands()",
      "unused.12121212.js": "nobody()",
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    const gz = (name: string) => gzipSync(files[name], { level: 9 }).length;

    const bundle = measureBundle(dir);
    expect(bundle.initial.map((script: { file: string }) => script.file)).toEqual(["taskpane.0123abcd.js"]);
    expect(bundle.gzipped).toBe(gz("taskpane.0123abcd.js"));
    expect(bundle.raw).toBe(files["taskpane.0123abcd.js"].length);
    const pane = bundle.lazy.filter((script: { pane: boolean }) => script.pane).map((s: { file: string }) => s.file);
    expect(pane.sort()).toEqual(["docx.feedbeef.js", "pdf.worker.min.js"]);
    expect(bundle.paneLazyGzipped).toBe(gz("docx.feedbeef.js") + gz("pdf.worker.min.js"));
    expect(bundle.budget).toBe(400 * 1024);
    expect(measureBundle(path.join(dir, "missing"))).toBeNull();
  });
});

describe("medians, rounds and the table", () => {
  test("quartiles interpolate; the summary has the median and the spread", () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(summary([5, 1, 3, 9])).toEqual({ runs: 4, median: 4, p25: 2.5, p75: 6, min: 1, max: 9 });
  });

  test("rounds alternate ours and the baseline, collecting garbage before every run", () => {
    const calls: string[] = [];
    const times = interleaved(
      [{ variants: { ours: () => calls.push("ours"), naive: () => calls.push("naive") }, repeat: { ours: 2 } }],
      2,
      { collect: () => calls.push("gc") },
    );
    expect(calls.filter((call) => call !== "gc")).toEqual(["ours", "ours", "naive", "naive", "ours", "ours"]);
    expect(calls.filter((call) => call === "gc")).toHaveLength(6);
    expect([times[0].ours.length, times[0].naive.length]).toEqual([4, 2]);
  });

  test("a floor runs in the same rounds, its batch timed at once and counted as one run of their mean", () => {
    const calls: string[] = [];
    const times = interleaved(
      [
        {
          variants: {
            ours: () => calls.push("ours"),
            naive: () => calls.push("naive"),
            floor: () => calls.push("floor"),
          },
          batch: { floor: 3 },
        },
      ],
      2,
      { collect: () => calls.push("gc") },
    );
    // Round 1: ours, the baseline, the floor's batch of 3; round 2 the other way round. One collection per timing.
    const round1 = "gc ours gc naive gc floor floor floor";
    const round2 = "gc floor floor floor gc naive gc ours";
    expect(calls.join(" ")).toBe(`${round1} ${round2}`);
    expect([times[0].ours.length, times[0].naive.length, times[0].floor.length]).toEqual([2, 2, 2]);
    // Batches double until one takes the time asked for twice; what takes it already runs alone.
    let runs = 0;
    const batch = batchFor(() => runs++, 0.05);
    expect(Math.log2(batch) % 1).toBe(0);
    // A warm-up, then batches of 1, 2, … up to the one returned, which ran twice.
    expect(runs).toBeGreaterThanOrEqual(2 * batch);
    expect(batchFor(() => {}, 0)).toBe(1);
  });

  test("numbers grouped as the documents do, ratios as the baseline's multiple of ours", () => {
    expect(grouped(1234567)).toBe("1 234 567");
    expect(grouped(1536.04, 1)).toBe("1 536.0");
    expect([ratio(10, 4), ratio(99, 1), ratio(100098, 10)]).toEqual(["2.50×", "99.0×", "10 010×"]);
    expect(markdownTable(["a", "bb"], [["xyz", 1]])).toBe("| a   | bb |\n| --- | -- |\n| xyz | 1  |");
    // Three significant digits at least, microseconds included; a batch says how many runs each timing took.
    expect([ms(1234.5), ms(12.34), ms(0.4123), ms(0.000412)]).toEqual(["1 235", "12.3", "0.412", "0.000412"]);
    const stats = { runs: 40, median: 0.00052, p25: 0.0005, p75: 0.00061 };
    expect(timing(stats, 2048)).toBe("0.000520 ms (0.000500–0.000610, n=40, 2 048 runs each)");
    expect(timing({ ...stats, median: 12, p25: 11, p75: 13 })).toBe("12.0 ms (11.0–13.0, n=40)");
  });

  test("the whole report on the smallest sizes: one table with every row", async () => {
    const lines: string[] = [];
    const { rows, complete } = await benchmark(
      { rounds: 1, scales: [1], officeRows: [30], bundle: "skip" },
      { print: (line = "") => lines.push(line) },
    );
    expect(complete).toBe(true);
    expect(lines[0]).toMatch(/^tat-budget benchmarks, \d{4}-\d\d-\d\dT/);
    expect(lines[1]).toMatch(/^Node v\d+\.\d+\.\d+, .+, \d+ cores, load average/);
    expect(lines[2]).toBe(
      "Reproduce: BENCH_ROUNDS=1 BENCH_SCALES=1 BENCH_OFFICE_ROWS=30 BENCH_BUNDLE=skip npm run bench",
    );
    expect(rows.map((row: string[]) => row[0])).toEqual([
      "parse",
      "check",
      ...["write", "read", "mark", "clear marks"].flatMap((operation) => [
        `Office ${operation}, syncs`,
        `Office ${operation}, bytes`,
      ]),
      "Office check end to end (read, analyse, mark) over the fake, time",
      ...[
        "check end to end (read, analyse, mark)",
        "clear marks after the check",
        "rewrite roll-ups",
        "spread, written",
        "row added, written",
        "row removed, written",
        "lisa 2 sheets",
      ].flatMap((operation) => [`Office ${operation}, syncs`, `Office ${operation}, bytes`]),
      "task pane initial JS, gzip",
    ]);
    expect(rows[0][1]).toBe("fixture: 73.4 KB, 134 rows");
    expect(rows[0][2]).toMatch(/^\d[\d .]* ms \(\d[\d .]*–\d[\d .]*, n=\d+\)$/);
    expect(rows[1][1]).toBe("fixture: 134 rows, 32 findings");
    expect(rows[2][1]).toMatch(/^63 rows: 12 sheets/);
    // Parse and check stand beside their floor too, timed in the same rounds, and ours ÷ floor; the rest have none.
    for (const row of rows.slice(0, 2)) {
      expect(row).toHaveLength(7);
      expect(row[5]).toMatch(/^\d[\d .]* ms \(\d[\d .]*–\d[\d .]*, n=\d+(, [\d ]+ runs each)?\)$/);
      expect(row[6]).toMatch(/^\d[\d .]*×$/);
    }
    for (const row of rows.slice(2)) expect(row.slice(5)).toEqual(["—", "—"]);
    const table = lines.filter((line) => line.startsWith("|"));
    expect(table).toHaveLength(2 + rows.length);
    expect(table[0]).toMatch(/^\| what +\| size +\| ours +\| naive baseline +\| ratio +\| floor +\| ours ÷ floor \|$/);
    expect(lines.some((line) => line === "Bundle: not measured (BENCH_BUNDLE=skip).")).toBe(true);
  });
});
