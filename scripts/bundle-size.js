#!/usr/bin/env node
"use strict";
// The task pane's initial JavaScript, gzipped: what Excel downloads before the pane can show anything. Counts the
// scripts taskpane.html loads (not chunks loaded later, such as the Word export), and fails above the budget.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_BYTES = 400 * 1024;
const dir = path.resolve(__dirname, "..", process.argv[2] || "dist/web");
const page = process.argv[3] || "taskpane.html";

function initialScripts(html) {
  const scripts = [];
  for (const match of html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)) {
    const src = match[1];
    if (/^https?:\/\//.test(src)) continue; // Office.js from Microsoft's CDN, cached by Office, not ours
    scripts.push(src.replace(/^\.?\//, ""));
  }
  return scripts;
}

function main() {
  const htmlFile = path.join(dir, page);
  if (!fs.existsSync(htmlFile)) {
    console.error(`${htmlFile} not found: run \`npm run build\` first.`);
    process.exit(2);
  }
  const scripts = initialScripts(fs.readFileSync(htmlFile, "utf8"));
  let raw = 0;
  let gzipped = 0;
  const rows = scripts.map((script) => {
    const content = fs.readFileSync(path.join(dir, script));
    const size = zlib.gzipSync(content, { level: 9 }).length;
    raw += content.length;
    gzipped += size;
    return `  ${script}: ${(content.length / 1024).toFixed(1)} KB, gzip ${(size / 1024).toFixed(1)} KB`;
  });
  const lazy = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".js") && !scripts.includes(file))
    .map(
      (file) =>
        `${file} ${(zlib.gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length / 1024).toFixed(1)} KB`,
    );
  console.log(
    `Task pane initial JavaScript (${page}): ${(raw / 1024).toFixed(1)} KB, gzip ${(gzipped / 1024).toFixed(1)} KB`,
  );
  console.log(rows.join("\n"));
  if (lazy.length) console.log(`Loaded later or by other pages (gzip): ${lazy.join(", ")}`);
  if (gzipped > BUDGET_BYTES) {
    console.error(`Over the budget of ${BUDGET_BYTES / 1024} KB gzipped.`);
    process.exit(1);
  }
  return { raw, gzipped };
}

module.exports = { initialScripts };
if (require.main === module) main();
