#!/usr/bin/env node
"use strict";
// The tests need real, independent programs: LibreOffice Calc recalculates the .xlsx files we write, LibreOffice
// Writer turns the .docx files into PDF, pdftoppm renders pages to PNG for a person to look at, Chromium runs the
// task pane's end-to-end tests. On a fresh Debian machine (as root, as CI runs) this installs what is missing;
// elsewhere it says what to install.
const { execSync } = require("child_process");

const run = (command) => {
  try {
    execSync(command, { stdio: "ignore", shell: "/bin/sh" });
    return true;
  } catch {
    return false;
  }
};
const installed = (pkg) => run(`dpkg-query -W -f='\${Status}' ${pkg} 2>/dev/null | grep -q "install ok installed"`);

/** Debian package → how to tell it is there without dpkg (another distribution, a manual install). */
const NEEDED = [
  {
    pkg: "libreoffice-calc",
    present: () => installed("libreoffice-calc") || (!run("command -v dpkg-query") && run("command -v soffice")),
  },
  {
    pkg: "libreoffice-writer",
    present: () => installed("libreoffice-writer") || (!run("command -v dpkg-query") && run("command -v soffice")),
  },
  { pkg: "poppler-utils", present: () => run("command -v pdftoppm") },
  // The end-to-end tests drive Debian's Chromium with playwright-core (browsers cannot be downloaded here).
  { pkg: "chromium", present: () => run("command -v chromium") },
];

const missing = NEEDED.filter((need) => !need.present()).map((need) => need.pkg);
if (missing.length === 0) process.exit(0);
const root = typeof process.getuid === "function" && process.getuid() === 0;
if (!root || !run("command -v apt-get")) {
  console.error(
    `The tests need ${missing.join(", ")}. Install them, e.g. \`sudo apt-get install -y ${missing.join(" ")}\`, then run the tests again.`,
  );
  process.exit(1);
}
console.log(`Installing for the tests: ${missing.join(", ")} (apt-get install)…`);
execSync(
  `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")} >/dev/null`,
  {
    stdio: "inherit",
    shell: "/bin/sh",
  },
);
