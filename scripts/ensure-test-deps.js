#!/usr/bin/env node
"use strict";
// The tests need LibreOffice Calc, the independent engine that recalculates the .xlsx files we write. On a
// fresh Debian machine (as root, as CI runs) this installs it; elsewhere it says what to install.
const { execSync } = require("child_process");

const has = (command) => {
  try {
    execSync(`command -v ${command}`, { stdio: "ignore", shell: "/bin/sh" });
    return true;
  } catch {
    return false;
  }
};

if (has("soffice")) process.exit(0);
const root = typeof process.getuid === "function" && process.getuid() === 0;
if (!root || !has("apt-get")) {
  console.error(
    "The tests need LibreOffice Calc (soffice). Install it, e.g. `sudo apt-get install -y libreoffice-calc`, then run the tests again.",
  );
  process.exit(1);
}
console.log("Installing LibreOffice Calc for the tests (apt-get install libreoffice-calc)…");
execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc >/dev/null", {
  stdio: "inherit",
  shell: "/bin/sh",
});
