import { readFileSync } from "fs";
import path from "path";
import { createFakeExcel } from "../../../src/workbook/fake";
import type { ExcelRunner } from "../../../src/workbook/office/office-adapter";
import { PROBES, runProbes } from "../../../src/workbook/office/probes";

/**
 * The Excel fake held to the reference: every probe the self-test runs inside real Excel runs here against the
 * fake, through the same runner (a scratch sheet per probe, deleted after it), in a workbook with a sheet of the
 * officer's. A failure here means the fake differs from what the probe's source says Excel does.
 */

function fakeRunner() {
  const fake = createFakeExcel({ sheets: ["Eelarve"] });
  fake.workbook.setCells("Eelarve", "A1", [["officer's", 1]]);
  const run: ExcelRunner = (batch) => batch(fake.context);
  return { fake, run };
}

describe("every probe passes against the fake", () => {
  it.each(PROBES.map((probe) => [`${probe.id} — ${probe.source}`, probe] as const))("%s", async (_, probe) => {
    const { fake, run } = fakeRunner();
    const before = fake.workbook.snapshot();
    const [report] = await runProbes(run, [probe]);
    expect({ id: report.id, seen: report.seen }).toEqual({ id: probe.id, seen: "" });
    expect(report.passed).toBe(true);
    // The probe put back everything workbook-wide and the runner removed the scratch sheet.
    expect(fake.workbook.snapshot()).toEqual(before);
  });
});

/** The probe rows of docs/excel-reference.md's table: id (in backticks) and kind, in the order they stand. */
function tableRows(): Array<{ id: string; kind: string }> {
  const text = readFileSync(path.join(__dirname, "../../../docs/excel-reference.md"), "utf8");
  return text
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim()))
    .map((cells) => ({ id: cells[1].replace(/`/g, ""), kind: cells[4] }));
}

describe("the probes' sources and the docs table", () => {
  it("gives every probe a unique id, an api, a set and a non-empty source", () => {
    const ids = PROBES.map((probe) => probe.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const probe of PROBES) {
      expect({ id: probe.id, ok: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(probe.id) }).toEqual({ id: probe.id, ok: true });
      expect({ id: probe.id, source: probe.source.trim().length > 20 }).toEqual({ id: probe.id, source: true });
      expect({ id: probe.id, set: /^ExcelApi 1\.\d+$/.test(probe.set) }).toEqual({ id: probe.id, set: true });
      expect(probe.api.length).toBeGreaterThan(0);
      // A documented probe names where: the @types comment, a learn.microsoft.com page or an office-js issue.
      if (probe.kind === "documented")
        expect({
          id: probe.id,
          cited: /@types\/office-js|learn\.microsoft\.com|OfficeDev\/office-js#\d+/.test(probe.source),
        }).toEqual({
          id: probe.id,
          cited: true,
        });
    }
  });

  it("lists every probe in docs/excel-reference.md with its kind, and nothing that is not a probe", () => {
    const byId = (rows: Array<{ id: string; kind: string }>) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(tableRows())).toEqual(byId(PROBES.map(({ id, kind }) => ({ id, kind }))));
  });

  it("puts the guesses first in the table: what a person with Excel checks first", () => {
    const kinds = tableRows().map((row) => row.kind);
    expect(kinds.indexOf("documented")).toBeGreaterThan(kinds.lastIndexOf("guess"));
  });
});
