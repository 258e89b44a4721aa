import { spawn } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";

/**
 * The add-in as `npm run build` makes it (the repository's webpack.config.js, production mode), plus the Office.js
 * stand-in of office-stub.ts, for the tests that look at the built pages: the bundle checks in test/security/ and
 * the browser test beside this file. A production build takes about a minute on two cores, so it is made once per
 * state of its inputs (their contents hashed) into the system's temp folder and shared by those tests.
 *
 * webpack runs in a child process: copy-webpack-plugin loads its helpers with import(), which jest's module
 * sandbox refuses.
 */

export const ROOT = path.resolve(__dirname, "..", "..");

/** The address the built manifest is given (TAT_BUDGET_URL), other than webpack.config.js' default. */
export const PRODUCTION_URL = "https://eelarve.example.ee/tat/";

export interface AddinBuild {
  /** dist/web as `npm run build` leaves it. */
  web: string;
  /** office-stub.js, served in place of office.js. */
  stub: string;
}

/** What the build reads besides node_modules (which package-lock.json stands for). */
const INPUTS = ["src", "assets", "webpack.config.js", "tsconfig.json", "package-lock.json", "test/e2e/office-stub.ts"];

/** The child: builds the add-in into TAT_WEB_OUT and the stub into TAT_STUB_OUT in one webpack run. */
const BUILD_SCRIPT = `
const path = require("path");
const webpack = require("webpack");
(async () => {
  const config = await require("./webpack.config.js")({}, { mode: "production" });
  config.output.path = process.env.TAT_WEB_OUT;
  const stub = {
    mode: "development",
    devtool: false, // the development default is "eval", which the pages' policy refuses
    target: "web",
    entry: { "office-stub": "./test/e2e/office-stub.ts" },
    output: { path: process.env.TAT_STUB_OUT, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            configFile: path.resolve("tsconfig.json"),
            transpileOnly: true,
            compilerOptions: { module: "es2020", moduleResolution: "node", noEmit: false },
          },
        },
      ],
    },
    performance: { hints: false },
  };
  const compiler = webpack([config, stub]);
  compiler.run((error, stats) => {
    compiler.close(() => {
      if (error) {
        console.error(error.stack || error);
        process.exit(1);
      }
      if (stats.hasErrors()) {
        console.error(stats.toString({ all: false, errors: true, colors: false }));
        process.exit(1);
      }
      process.exit(0);
    });
  });
})().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exit(1);
});
`;

/** Builds (or finds already built) the add-in for the current sources; resolves with where it is. */
export async function buildAddin(): Promise<AddinBuild> {
  const key = inputsHash();
  const base = path.join(os.tmpdir(), `tat-budget-addin-${key.slice(0, 16)}`);
  const result = { web: path.join(base, "web"), stub: path.join(base, "stub", "office-stub.js") };
  const done = () => existsSync(path.join(base, "complete"));
  if (done()) return result;

  // Test files running in parallel wait for the one that builds rather than build the same thing again.
  const lock = `${base}.lock`;
  while (!takeLock(lock)) {
    if (done()) return result;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  try {
    if (done()) return result;
    removeStaleBuilds(base);
    const partial = `${base}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    try {
      await runChild({ TAT_WEB_OUT: path.join(partial, "web"), TAT_STUB_OUT: path.join(partial, "stub") });
      writeFileSync(path.join(partial, "complete"), key);
      renameSync(partial, base);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
    return result;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Creates the lock (a directory holding the owner's pid); takes over one whose owner has died. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(path.join(lock, "pid"), String(process.pid));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  let owner: number;
  try {
    owner = Number(readFileSync(path.join(lock, "pid"), "utf8"));
  } catch {
    // The pid is written right after the directory is made; a lock without one for long was left by a crash.
    if (ageMs(lock) > 10_000) rmSync(lock, { recursive: true, force: true });
    return false;
  }
  if (!Number.isInteger(owner) || owner <= 0) return false;
  try {
    process.kill(owner, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") rmSync(lock, { recursive: true, force: true });
  }
  return false;
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function runChild(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", BUILD_SCRIPT], {
      cwd: ROOT,
      env: { ...process.env, ...env, TAT_BUDGET_URL: PRODUCTION_URL },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`The add-in did not build (exit ${code}):\n${output.slice(-4000)}`)),
    );
  });
}

function inputsHash(): string {
  const hash = createHash("sha256");
  hash.update(BUILD_SCRIPT);
  hash.update(PRODUCTION_URL);
  const add = (relative: string) => {
    const file = path.join(ROOT, relative);
    if (!existsSync(file)) return;
    if (statSync(file).isDirectory()) {
      for (const name of readdirSync(file).sort()) add(path.join(relative, name));
      return;
    }
    hash.update(`\0${relative}\0`);
    hash.update(readFileSync(file));
  };
  for (const input of INPUTS) add(input);
  for (const name of readdirSync(ROOT)
    .filter((file) => /^manifest.*\.xml$/.test(file))
    .sort())
    add(name);
  return hash.digest("hex");
}

/** Other builds older than a day: kept that long because another test run may be using one. */
function removeStaleBuilds(current: string): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith("tat-budget-addin-")) continue;
    const dir = path.join(os.tmpdir(), name);
    if (dir === current) continue;
    try {
      if (statSync(dir).mtimeMs < dayAgo) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}
