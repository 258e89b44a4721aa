#!/usr/bin/env node
"use strict";
/**
 * The PDF corpus of issue 15 read back against the fixture: per PDF, rows read right out of 134 and agreement
 * periods found out of 8.
 *
 *   node scripts/pdf-corpus.js                   the importer of this checkout
 *   node scripts/pdf-corpus.js --before dc9436b  also the importer of that commit, side by side
 *   node scripts/pdf-corpus.js --keep DIR        make the PDFs in DIR and leave them there
 *
 * The PDFs are made as the corpus test makes them (test/import/pdf/corpus.ts: LibreOffice Writer and Chromium,
 * fonts from test/fixtures/fonts only). TypeScript is compiled on load with the project's own compiler, as
 * ts-jest does, since the repository has no other TypeScript runner.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : null;
}

/** The importer as it was at `commit`: its src/ tree unpacked beside this one. */
function importerAt(commit, dir) {
  const tree = path.join(dir, `src-${commit}`);
  fs.mkdirSync(tree, { recursive: true });
  execFileSync("sh", ["-c", `git -C "${ROOT}" archive "${commit}" src | tar -x -C "${tree}"`]);
  // Its imports of packages resolve from its own folder up.
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(tree, "node_modules"));
  return require(path.join(tree, "src/import/pdf")).importPdf;
}

async function main() {
  const before = option("--before");
  const keep = option("--keep");
  const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), "pdf-corpus-"));
  fs.mkdirSync(dir, { recursive: true });
  const { findSoffice } = require(path.join(ROOT, "test/libreoffice.ts"));
  const { makeCorpus, readPdf, score } = require(path.join(ROOT, "test/import/pdf/corpus.ts"));
  const { parseDirectiveText } = require(path.join(ROOT, "src/import/text"));
  const { importPdf } = require(path.join(ROOT, "src/import/pdf"));
  const expected = parseDirectiveText(
    fs.readFileSync(path.join(ROOT, "fixtures/kaskkiri-2025-03-25-nr68.txt"), "utf8"),
  ).plan;
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is needed to make the corpus.");
  const corpus = await makeCorpus(expected, dir, soffice);
  const importers = [["this checkout", importPdf]];
  if (before) importers.unshift([before, importerAt(before, dir)]);

  const read = async (importer, file) => {
    try {
      const s = score(expected, (await importer(readPdf(file))).plan);
      return `${s.rowsRight}/${s.rows} rows, ${s.periodsFound}/${s.periods} periods`;
    } catch (error) {
      return `refused: ${error.messageEn ?? error.message}`;
    }
  };
  console.log(`| PDF | producer | ${importers.map(([name]) => name).join(" | ")} |`);
  console.log(`| --- | --- | ${importers.map(() => "---").join(" | ")} |`);
  for (const pdf of corpus) {
    const cells = [];
    for (const [, importer] of importers) cells.push(await read(importer, pdf.file));
    console.log(`| ${pdf.name} | ${pdf.producer} | ${cells.join(" | ")} |`);
  }
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
