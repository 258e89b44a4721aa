"use strict";
/**
 * The project's modules for the bench: the compiled CLI build (dist/node, `npm run -s build:cli`), or, for the jest
 * test of the harness, the TypeScript sources (TAT_BENCH_SOURCE=src), so that the test checks the code as it is.
 */
const path = require("path");

const root =
  process.env.TAT_BENCH_SOURCE === "src"
    ? path.resolve(__dirname, "..", "..", "src")
    : path.resolve(__dirname, "..", "..", "dist", "node");

/** require() of a module of the project by its path under src/ ("import/text"). */
function project(relative) {
  return require(path.join(root, relative));
}

module.exports = { project, root };
