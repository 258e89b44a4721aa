#!/usr/bin/env node
"use strict";
// The task pane's initial JavaScript, gzipped: what Excel downloads before the pane can show anything. Counts the
// scripts taskpane.html loads (not chunks loaded later, such as the Word export), and fails above the budget.
// `npm run bench` reads the same figures through `measureBundle`.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_BYTES = 400 * 1024;
const DEFAULT_DIR = path.resolve(__dirname, "..", "dist/web");
const OTHER_PAGES = ["commands.html", "notice.html", "save.html"];

function initialScripts(html) {
  const scripts = [];
  for (const match of html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)) {
    const src = match[1];
    if (/^https?:\/\//.test(src)) continue; // Office.js from Microsoft's CDN, cached by Office, not ours
    scripts.push(src.replace(/^\.?\//, ""));
  }
  return scripts;
}

const gzipSize = (content) => zlib.gzipSync(content, { level: 9 }).length;

/**
 * The page's initial scripts, and every other script in `dir`, each with its size and gzipped size. A later script
 * is the page's own (`pane: true`) when the page's code names it: webpack's runtime lists each lazy chunk's content
 * hash ("docx.1a2b3c4d.js" → "1a2b3c4d"), and pdf.js's worker is named in full. Null when the page is not built.
 */
function measureBundle(dir = DEFAULT_DIR, page = "taskpane.html") {
  const htmlFile = path.join(dir, page);
  if (!fs.existsSync(htmlFile)) return null;
  const read = (file) => fs.readFileSync(path.join(dir, file));
  const entry = (file) => {
    const content = read(file);
    return { file, raw: content.length, gzipped: gzipSize(content) };
  };
  const initial = initialScripts(fs.readFileSync(htmlFile, "utf8")).map(entry);
  const others = new Set(
    OTHER_PAGES.filter((other) => other !== page && fs.existsSync(path.join(dir, other))).flatMap((other) =>
      initialScripts(fs.readFileSync(path.join(dir, other), "utf8")),
    ),
  );
  const rest = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".js") && !initial.some((script) => script.file === file))
    .map(entry);
  // A chunk is the pane's when its own code or code the pane loads names it; chunks load chunks, so until none is added.
  const paneCode = initial.map((script) => read(script.file).toString("utf8"));
  const names = (file) => {
    const hash = /\.([0-9a-f]{8})\.js$/.exec(file);
    return paneCode.some((code) => code.includes(hash ? hash[1] : file));
  };
  const lazy = rest.map((script) => ({ ...script, pane: false, page: others.has(script.file) }));
  for (let added = true; added;) {
    added = false;
    for (const script of lazy) {
      if (script.pane || script.page || !names(script.file)) continue;
      script.pane = true;
      paneCode.push(read(script.file).toString("utf8"));
      added = true;
    }
  }
  const sum = (list, key) => list.reduce((total, script) => total + script[key], 0);
  return {
    dir,
    page,
    initial,
    lazy,
    raw: sum(initial, "raw"),
    gzipped: sum(initial, "gzipped"),
    paneLazyGzipped: sum(
      lazy.filter((script) => script.pane),
      "gzipped",
    ),
    budget: BUDGET_BYTES,
    builtAt: fs.statSync(htmlFile).mtime,
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function main() {
  const dir = path.resolve(__dirname, "..", process.argv[2] || "dist/web");
  const page = process.argv[3] || "taskpane.html";
  const bundle = measureBundle(dir, page);
  if (!bundle) {
    console.error(`${path.join(dir, page)} not found: run \`npm run build\` first.`);
    process.exit(2);
  }
  console.log(`Task pane initial JavaScript (${page}): ${kb(bundle.raw)}, gzip ${kb(bundle.gzipped)}`);
  console.log(
    bundle.initial.map((script) => `  ${script.file}: ${kb(script.raw)}, gzip ${kb(script.gzipped)}`).join("\n"),
  );
  if (bundle.lazy.length) {
    const list = bundle.lazy.map((script) => `${script.file} ${kb(script.gzipped)}`).join(", ");
    console.log(`Loaded later or by other pages (gzip): ${list}`);
  }
  if (bundle.gzipped > BUDGET_BYTES) {
    console.error(`Over the budget of ${BUDGET_BYTES / 1024} KB gzipped.`);
    process.exit(1);
  }
  return bundle;
}

module.exports = { initialScripts, measureBundle, BUDGET_BYTES };
if (require.main === module) main();
