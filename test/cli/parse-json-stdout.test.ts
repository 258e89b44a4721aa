import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { FIXTURE_PATH } from "../helpers";
import { convertWithLibreOffice, findSoffice, writeRecalcProfile } from "../libreoffice";
import { tartuWorkbook } from "./tartu-workbook";

/**
 * `tat-budget parse <file> --json | jq`: stdout is exactly one JSON document for every input format (issue 15,
 * item 4). Run as a separate process, since a library's console.log (pdf.js's polyfill warnings were one) goes
 * to the process's stdout, past the output the command writes through. The CLI is compiled afresh into a folder
 * of this test's own, so that neither a stale `dist/node` nor another suite's build is what runs.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const OUT_DIR = path.join(ROOT, "dist", `parse-json-test-${process.pid}`);
const dir = mkdtempSync(path.join(os.tmpdir(), "tat-json-"));
const files: Record<string, string> = {};

jest.setTimeout(240_000);

beforeAll(async () => {
  const built = spawnSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json", "--outDir", OUT_DIR],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (built.status !== 0) throw new Error(`the CLI did not compile: ${built.stdout}${built.stderr}`);
  const soffice = findSoffice();
  if (!soffice)
    throw new Error("LibreOffice (soffice) is not installed: Writer prints lisa 1's PDF here (npm run test:deps).");
  const run = (...argv: string[]) => main(argv, { out: () => {}, err: () => {} });
  files.text = FIXTURE_PATH;
  files.docx = path.join(dir, "lisa1.docx");
  expect(await run("lisa1", FIXTURE_PATH, "-o", files.docx)).toBe(0);
  await convertWithLibreOffice(soffice, writeRecalcProfile(path.join(dir, "profile")), [files.docx], dir, "pdf");
  files.pdf = path.join(dir, "lisa1.pdf");
  files.ours = path.join(dir, "kava.xlsx");
  expect(await run("import", FIXTURE_PATH, "-o", files.ours)).toBe(0);
  files.own = path.join(dir, "tartu.xlsx");
  writeFileSync(files.own, await tartuWorkbook());
});

afterAll(() => {
  rmSync(OUT_DIR, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** The command as bin/tat-budget.js runs it, over this test's build. */
function parseJson(file: string) {
  const script = `require(${JSON.stringify(path.join(OUT_DIR, "cli", "main.js"))}).main(process.argv.slice(1)).then((code) => { process.exitCode = code; })`;
  return spawnSync(process.execPath, ["-e", script, "parse", file, "--json"], { encoding: "utf8", cwd: dir });
}

describe("parse --json prints one JSON document on stdout", () => {
  it.each([
    ["the directive's text", "text", 9],
    ["lisa 1 in Word", "docx", 9],
    ["lisa 1 printed to PDF by LibreOffice", "pdf", null],
    ["our workbook", "ours", 9],
    ["an officer's own workbook", "own", 1],
  ])("from %s", (_, kind, implementers) => {
    const result = parseJson(files[kind]);
    expect(result.status).toBe(0);
    // JSON.parse takes one document and nothing after it: a warning before or after the JSON fails here.
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["planPeriod", "implementers", "indicators", "diagnostics"]);
    // How many implementers a PDF yields depends on how the machine's fonts wrapped it: only that it has some.
    if (implementers === null) expect(json.implementers.length).toBeGreaterThan(0);
    else expect(json.implementers).toHaveLength(implementers);
  });
});
