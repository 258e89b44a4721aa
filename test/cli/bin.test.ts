import { spawnSync } from "child_process";
import { existsSync } from "fs";
import * as path from "path";
import { FIXTURE_PATH } from "../helpers";

/**
 * The installed command (bin/tat-budget.js over the CLI compiled by `npm ci`'s prepare step), run as a user runs it
 * in a shell pipeline.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "tat-budget.js");

beforeAll(() => {
  if (!existsSync(path.join(ROOT, "dist", "node", "cli", "main.js"))) {
    const built = spawnSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`build:cli failed: ${built.stderr}`);
  }
}, 180_000);

describe("bin/tat-budget.js in a pipeline", () => {
  it("ends quietly when the reader closes the pipe early (| head), with the command's own status", () => {
    // `head -c 1` closes the pipe after one byte, long before the JSON of 134 rows is written.
    // pipefail: the pipeline's status is the command's, not head's.
    const command = `node "${BIN}" parse "${FIXTURE_PATH}" --json | head -c 1`;
    const result = spawnSync("bash", ["-o", "pipefail", "-c", command], { encoding: "utf8" });
    expect(result.stdout).toBe("{");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
