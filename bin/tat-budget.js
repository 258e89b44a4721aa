#!/usr/bin/env node
"use strict";
// The CLI is compiled from src/cli by `npm install` (the "prepare" script); this shim only finds it.
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist", "node", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "tat-budget: the CLI is not built yet. Run `npm install` (or `npm run build:cli`) in the project first.\n",
  );
  process.exit(2);
}
// A reader that stops early (`tat-budget parse x.pdf | head`) closes the pipe: that is the reader's choice, not a
// failure of ours, so the CLI ends quietly as other Unix tools do rather than with an unhandled EPIPE trace.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`tat-budget: ${err && err.stack ? err.stack : err}\n`);
      process.exitCode = 2;
    },
  );
