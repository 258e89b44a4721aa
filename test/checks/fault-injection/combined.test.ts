import { SEEDS } from "./harness";
import { INJECTORS } from "./injectors";
import { pickFaults, runSeed } from "./run";

const SUM_RULES = new Set(["sum-mismatch", "total-mismatch", "parent-overridden"]);

describe("faults injected together", () => {
  it(`are reported exactly, nothing missing and nothing extra (${SEEDS.combined.length} seeds)`, () => {
    const failures: string[] = [];
    const applied = new Map<string, number>();
    let injections = 0;
    let sharedImplementer = 0;
    let sumsWithNumbers = 0;
    for (const seed of SEEDS.combined) {
      // A third of the plans come from the workbook, where parents can also have their formula typed over.
      const fromWorkbook = seed % 3 === 0;
      const run = runSeed(seed, (random) => pickFaults(random, fromWorkbook), fromWorkbook);
      if (run.failure) failures.push(run.failure);
      injections += run.injections.length;
      for (const injection of run.injections)
        applied.set(injection.injector, (applied.get(injection.injector) ?? 0) + 1);
      const places = run.injections.map((injection) => new Set(injection.expected.map((e) => e.implementer)));
      if (places.some((set, i) => places.some((other, j) => j > i && [...set].some((name) => other.has(name)))))
        sharedImplementer++;
      sumsWithNumbers += run.expected.filter((e) => SUM_RULES.has(e.rule) && e.declared).length;
    }
    expect(failures).toEqual([]);
    if (SEEDS.chosen) return;

    // The run proves something only if the faults were many, of every kind, and often in the same schedule.
    const seeds = SEEDS.combined.length;
    expect(injections / seeds).toBeGreaterThan(5);
    const rare = INJECTORS.filter((injector) => (applied.get(injector.id) ?? 0) < Math.min(20, seeds / 10));
    expect(rare.map((injector) => `${injector.id}: ${applied.get(injector.id) ?? 0}`)).toEqual([]);
    expect(sharedImplementer).toBeGreaterThan(seeds / 2);
    expect(sumsWithNumbers).toBeGreaterThan(seeds);
  });
});
