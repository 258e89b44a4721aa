import { spawn, spawnSync } from "child_process";
import { existsSync, mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { pathToFileURL } from "url";

/**
 * LibreOffice headless, the independent engine the tests check our files with: Calc recalculates the .xlsx we
 * write, Writer turns our .docx into PDF, and pdftoppm renders pages to PNG for a person to look at.
 * `npm run test:deps` installs them on Debian (libreoffice-calc, libreoffice-writer, poppler-utils).
 */

export const CONVERT_TIMEOUT_MS = 120_000;

/** Where the tests leave files for a person to look at (gitignored). */
export const TEST_OUTPUT_DIR = path.resolve(__dirname, "..", "test-output");

export function findSoffice(): string | null {
  const fromPath = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, "soffice"));
  const known = [
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  ];
  return [...fromPath, ...known].find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * A throwaway user profile whose Calc always recalculates OOXML and ODF files on load (0 = always). With `locale`
 * ("et-EE"), numbers are shown as in that locale's Excel: "1 266 860,75" for the format #,##0.00.
 */
export function writeRecalcProfile(profileDir: string, locale?: string): string {
  const userDir = path.join(profileDir, "user");
  mkdirSync(userDir, { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    path.join(userDir, "registrymodifications.xcu"),
    [
      `<?xml version="1.0" encoding="UTF-8"?>`,
      `<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
      item("OOXMLRecalcMode"),
      item("ODFRecalcMode"),
      ...(locale
        ? [
            `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>`,
          ]
        : []),
      `</oor:items>`,
      ``,
    ].join("\n"),
  );
  return pathToFileURL(profileDir).href;
}

/**
 * Converts each file with LibreOffice to `format` ("xlsx", "pdf", a filter spec such as
 * `pdf:calc_pdf_Export:{…}`) into `outDir`, under the same base name. Calc recalculates on load with the
 * profile from `writeRecalcProfile`. One soffice run converts all files: its start-up is most of the time.
 */
export function convertWithLibreOffice(
  soffice: string,
  profileUrl: string,
  files: string[],
  outDir: string,
  format: string,
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<void> {
  const extension = format.split(":")[0];
  const timeoutMs = options.timeoutMs ?? CONVERT_TIMEOUT_MS;
  const args = [
    "--headless",
    "--norestore",
    "--nolockcheck",
    `-env:UserInstallation=${profileUrl}`,
    "--convert-to",
    format,
    "--outdir",
    outDir,
    ...files,
  ];
  return new Promise((resolve, reject) => {
    // Its own process group, so that a timeout ends soffice.bin as well as the launcher that started it.
    const child = spawn(soffice, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: options.env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
      reject(new Error(`soffice did not finish within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const expected = files.map((file) =>
        path.join(outDir, `${path.basename(file, path.extname(file))}.${extension}`),
      );
      const missing = expected.filter((file) => !existsSync(file));
      if (code !== 0 || missing.length) {
        reject(
          new Error(
            `soffice ${args.join(" ")} exited with ${code ?? signal}, missing ${missing.join(", ")}:\n${output}`,
          ),
        );
      } else {
        resolve();
      }
    });
  });
}

/** Renders the pages of a PDF to PNG files `<prefix>-1.png` … with pdftoppm; returns their paths. */
export function pdfToPng(pdf: string, prefix: string, resolution = 110): string[] {
  const result = spawnSync("pdftoppm", ["-png", "-r", String(resolution), pdf, prefix], { encoding: "utf8" });
  if (result.error) throw new Error(`pdftoppm could not run (apt-get install poppler-utils): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`pdftoppm exited with ${result.status}: ${result.stderr}`);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  const pages: string[] = [];
  // pdftoppm pads the page number to the width of the page count.
  for (let page = 1; page < 1000; page++) {
    const found = [String(page), String(page).padStart(2, "0"), String(page).padStart(3, "0")]
      .map((number) => path.join(dir, `${base}-${number}.png`))
      .find((file) => existsSync(file));
    if (!found) break;
    pages.push(found);
  }
  return pages;
}

/** Number of pages of a PDF, from pdfinfo (poppler-utils). */
export function pdfPageCount(pdf: string): number {
  const result = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  const match = /^Pages:\s+(\d+)/m.exec(result.stdout ?? "");
  if (!match) throw new Error(`pdfinfo could not read ${pdf}: ${result.stderr}`);
  return Number(match[1]);
}

/** The text of a PDF, laid out as on the page, from pdftotext (poppler-utils). */
export function pdfText(pdf: string): string {
  const result = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pdftotext could not read ${pdf}: ${result.stderr}`);
  return result.stdout;
}
