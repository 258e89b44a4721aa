import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as engine from "../../src/checks/engine";
import { main } from "../../src/cli/main";
import * as hierarchy from "../../src/model/hierarchy";

/**
 * One analysis per operation: `demo` reads the sample once and every step after (the summary, the workbook, lisa 2,
 * its Word document, the check report) takes the same trees and findings. Before the application layer it built the
 * implementers' trees 45 times and ran the checks twice.
 */
jest.setTimeout(120_000);

test("demo builds each implementer's tree once and runs the checks once", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tat-demo-"));
  const cwd = process.cwd();
  const trees = jest.spyOn(hierarchy, "buildTree");
  const checks = jest.spyOn(engine, "runChecks");
  let out = "";
  try {
    process.chdir(dir);
    const status = await main(["demo"], { out: (text) => (out += text), err: () => {} });
    expect(status).toBe(0);
  } finally {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // The sample has the implementer ELVL and eight partners.
  expect(out).toContain("Kohtla-Järve linn");
  expect(trees).toHaveBeenCalledTimes(9);
  expect(new Set(trees.mock.calls.map(([implementer]) => implementer.name)).size).toBe(9);
  expect(checks).toHaveBeenCalledTimes(1);
});
