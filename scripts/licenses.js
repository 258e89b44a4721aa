#!/usr/bin/env node
"use strict";
// The production dependencies as `npm ls --omit=dev` shows them, each with its version, licence and install
// scripts: the add-in ships them to users' Excel, and the registry here answers no `npm audit`. Fails on a GPL or
// AGPL licence (LGPL is allowed: it does not bind the add-in's own code) and on an install script not listed below;
// `--markdown` prints the table that docs/dependencies.md holds.
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
/** Install scripts we have looked at and accept, by package name. */
const ACCEPTED_INSTALL_SCRIPTS = new Map([]);
const FORBIDDEN = /^(A?GPL)(-|$)/i;

function productionTree() {
  const args = ["ls", "--omit=dev", "--all", "--long", "--json"];
  const options = { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] };
  try {
    return JSON.parse(execFileSync("npm", args, options));
  } catch (error) {
    // npm ls exits 1 on peer-dependency or extraneous-package warnings while still printing the whole tree.
    if (error && typeof error.stdout === "string" && error.stdout.trim().startsWith("{"))
      return JSON.parse(error.stdout);
    throw error;
  }
}

/** Every package in the tree once, with where npm installed it. */
function packages(tree) {
  const found = new Map();
  (function walk(node) {
    for (const [name, child] of Object.entries(node.dependencies || {})) {
      const key = `${name}@${child.version}`;
      if (found.has(key) || !child.version) continue;
      found.set(key, { name, version: child.version, path: child.path });
      walk(child);
    }
  })(tree);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function licenceOf(manifest) {
  if (typeof manifest.license === "string") return manifest.license;
  if (manifest.license && manifest.license.type) return manifest.license.type;
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map((entry) => entry.type || entry).join(" OR ");
  return "UNKNOWN";
}

function review() {
  const rows = [];
  const problems = [];
  const warnings = [];
  for (const entry of packages(productionTree())) {
    const directory = entry.path || path.join(ROOT, "node_modules", entry.name);
    const manifest = JSON.parse(fs.readFileSync(path.join(directory, "package.json"), "utf8"));
    const licence = licenceOf(manifest);
    const scripts = ["preinstall", "install", "postinstall"].filter(
      (hook) => manifest.scripts && manifest.scripts[hook],
    );
    rows.push({ name: entry.name, version: entry.version, licence, scripts });
    // "(MIT OR GPL-3.0)" lets us choose MIT: only a licence with no permissive alternative is a problem.
    const alternatives = licence.replace(/[()]/g, "").split(/\s+OR\s+/i);
    if (alternatives.every((alternative) => FORBIDDEN.test(alternative.trim())))
      problems.push(`${entry.name}@${entry.version}: ${licence}`);
    // No licence stated is not a GPL, but nobody has granted anything either: said aloud, not failed on.
    if (licence === "UNKNOWN") warnings.push(`${entry.name}@${entry.version}: no licence declared`);
    for (const hook of scripts)
      if (!(ACCEPTED_INSTALL_SCRIPTS.get(entry.name) || []).includes(hook))
        problems.push(`${entry.name}@${entry.version}: ${hook} script "${manifest.scripts[hook]}"`);
  }
  return { rows, problems, warnings };
}

module.exports = { review, licenceOf, FORBIDDEN };

if (require.main === module) {
  const { rows, problems, warnings } = review();
  const byLicence = new Map();
  for (const row of rows) byLicence.set(row.licence, (byLicence.get(row.licence) || 0) + 1);
  if (process.argv.includes("--markdown")) {
    console.log("| package | version | licence |\n| --- | --- | --- |");
    for (const row of rows) console.log(`| ${row.name} | ${row.version} | ${row.licence} |`);
  } else {
    for (const row of rows)
      console.log(
        `${row.name}@${row.version}  ${row.licence}${row.scripts.length ? `  [${row.scripts.join(", ")}]` : ""}`,
      );
  }
  console.error(
    `\n${rows.length} production packages: ${[...byLicence].map(([licence, count]) => `${licence} ${count}`).join(", ")}`,
  );
  if (warnings.length) console.error(`To look at:\n  ${warnings.join("\n  ")}`);
  if (problems.length) {
    console.error(`Problems:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
}
