import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { RULES, runChecks } from "../checks";
import { parseDirectiveText } from "../import/text";
import { importResultToJson } from "../model/json";
import { ImportError, ImportResult } from "../model/plan";
import { parseCellAddress } from "../workbook/layout";
import { workbookToPlan } from "../workbook/read-plan";
import { rollupFormulas } from "../workbook/rollups";
import { planToWorkbook } from "../workbook/write-plan";
import { readWorkbookFile, writeFormulasToCopy, writeWorkbookFile } from "../workbook/xlsx/exceljs-adapter";
import { checkResultToJson, formatCheckReport, formatRecalc } from "./check-report";
import { Language, formatSummary } from "./summary";

/** The bundled sample: the directive of 25.03.2025 nr 68, as copied out of the published PDF. */
export const SAMPLE_FILE = findSample(path.join("fixtures", "kaskkiri-2025-03-25-nr68.txt"));
/** Where `demo` writes the sample's workbook: beside where it is run, for the user to open. */
export const DEMO_WORKBOOK = "tat-budget-naidis.xlsx";

/** The sample sits at the project root, whether this runs from src/ (tests) or from the built dist/node/. */
function findSample(relative: string): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate) || path.dirname(dir) === dir) return candidate;
  }
}

const USAGE = `tat-budget — tegevuskava ja eelarve tööriist (TAT)

Kasutus / usage (<fail> on käskkirja tekst .txt või tat-budgeti töövihik .xlsx):
  tat-budget parse <fail> [--json] [--lang et|en]          mis failist leiti / what the file holds
  tat-budget import <fail.txt> -o <kava.xlsx> [--force]    ajakavad töövihikusse / schedules into a workbook
  tat-budget check <fail> [--json] [--lang et|en]          kontrollib kava / checks the plan
  tat-budget recalc <fail> [-o <uus.xlsx>] [--lang et|en]  summad; -o kirjutab ülemridade valemid tagasi
  tat-budget demo [--lang et|en]                           põhitöö näidiskäskkirjal / the main job on the sample
  tat-budget help                                          see abi / this help

Väljumiskood / exit status: 0 korras; 1 kontroll leidis vigu / the check found errors;
2 sisendit ei saanud lugeda või vale käsurida / unreadable input or wrong usage.
`;

interface Output {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

class UsageError extends Error {}

/** Input that could not be read; the message is already in the user's language. */
class InputError extends Error {}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: string[], io: Output = processOutput): Promise<number> {
  let language: Language = "et";
  try {
    const { command, files, flags } = parseArguments(argv);
    language = readLanguage(flags.get("lang"));
    const json = flags.has("json");
    const one = (name: string) => {
      if (files.length !== 1) throw new UsageError(`${name} vajab täpselt üht faili / ${name} needs exactly one file`);
      return files[0];
    };
    switch (command) {
      case undefined:
      case "help":
        io.out(USAGE);
        return 0;
      case "parse": {
        const result = await loadPlan(one("parse"), language);
        io.out(json ? `${JSON.stringify(importResultToJson(result), null, 2)}\n` : formatSummary(result, language));
        return 0;
      }
      case "import": {
        const output = flags.get("output");
        if (!output) throw new UsageError("import vajab väljundfaili: -o <kava.xlsx> / import needs -o <plan.xlsx>");
        const result = await loadPlan(one("import"), language);
        await writePlanWorkbook(result, output, flags.has("force"), language, io);
        return 0;
      }
      case "check": {
        const result = await loadPlan(one("check"), language);
        return reportCheck(result, json, language, io);
      }
      case "recalc":
        return recalc(one("recalc"), flags.get("output"), flags.has("force"), language, io);
      case "demo": {
        io.out(language === "et" ? `Näidis: ${SAMPLE_FILE}\n\n` : `Sample: ${SAMPLE_FILE}\n\n`);
        const result = await loadPlan(SAMPLE_FILE, language);
        io.out(formatSummary(result, language));
        await writePlanWorkbook(result, DEMO_WORKBOOK, true, language, io);
        io.out("\n");
        // The sample has real inconsistencies: the demo shows them and still succeeds.
        reportCheck(result, false, language, io);
        return 0;
      }
      default:
        throw new UsageError(`tundmatu käsk „${command}“ / unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`tat-budget: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(`tat-budget: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ImportError) {
      io.err(`tat-budget: ${language === "et" ? error.message : error.messageEn}\n`);
      return 2;
    }
    throw error;
  }
}

function reportCheck(result: ImportResult, json: boolean, language: Language, io: Output): number {
  const checked = runChecks(result.plan, RULES);
  io.out(
    json ? `${JSON.stringify(checkResultToJson(checked, language), null, 2)}\n` : formatCheckReport(checked, language),
  );
  return checked.counts.error > 0 ? 1 : 0;
}

async function writePlanWorkbook(
  result: ImportResult,
  output: string,
  force: boolean,
  language: Language,
  io: Output,
): Promise<void> {
  refuseOverwrite(output, force, language);
  const { workbook, schedules } = planToWorkbook(result.plan);
  await writeWorkbookFile(workbook, output);
  const sheets = schedules.map((ref) => ref.sheet).join(", ");
  io.out(
    language === "et"
      ? `Töövihik kirjutatud: ${output} (lehed: Koond, ${sheets}, Seaded, Näitajad)\n`
      : `Workbook written: ${output} (sheets: Koond, ${sheets}, Seaded, Näitajad)\n`,
  );
}

/** `recalc`: the totals declared against computed; with -o, a copy of the workbook with fresh roll-up formulas. */
async function recalc(
  file: string,
  output: string | undefined,
  force: boolean,
  language: Language,
  io: Output,
): Promise<number> {
  const result = await loadPlan(file, language);
  io.out(formatRecalc(result.plan, language));
  if (!output) return 0;
  if (!isWorkbook(file)) {
    throw new UsageError("recalc -o vajab sisendiks töövihikut (.xlsx) / recalc -o needs a workbook (.xlsx) as input");
  }
  refuseOverwrite(output, force, language);
  const sheets = await readWorkbookFile(file);
  const formulaAt = (sheet: string, cell: string) => {
    const at = parseCellAddress(cell);
    const raw = sheets.find((candidate) => candidate.name === sheet);
    if (!at || !raw) return null;
    return raw.rows[at.row - 1]?.[at.column]?.formula ?? null;
  };
  const formulas = rollupFormulas(result.plan, formulaAt);
  await writeFormulasToCopy(file, output, formulas);
  const changed = formulas.filter((formula) => formula.previousFormula?.replace(/^=/, "") !== formula.formula);
  io.out(
    language === "et"
      ? `\nÜlemridade valemid kirjutatud: ${output} (${formulas.length} valemit, neist muutus ${changed.length})\n`
      : `\nRoll-up formulas written: ${output} (${formulas.length} formulas, ${changed.length} changed)\n`,
  );
  for (const formula of changed) {
    const before = formula.previousFormula
      ? `=${formula.previousFormula.replace(/^=/, "")}`
      : language === "et"
        ? "arv"
        : "a number";
    io.out(`  ${formula.sheet}!${formula.cell}: ${before} → =${formula.formula}\n`);
  }
  return 0;
}

function refuseOverwrite(output: string, force: boolean, language: Language): void {
  if (force || !existsSync(output)) return;
  throw new InputError(
    language === "et"
      ? `${output} on juba olemas; seda ei kirjutata üle. Valige teine nimi või lisage --force.`
      : `${output} already exists and is not overwritten. Choose another name or add --force.`,
  );
}

const isWorkbook = (file: string) => /\.xlsx$/i.test(file);

/** Reads a plan from a directive's text or from a tat-budget workbook. */
async function loadPlan(file: string, language: Language): Promise<ImportResult> {
  if (!existsSync(file)) {
    throw new InputError(language === "et" ? `faili ei leitud: ${file}` : `file not found: ${file}`);
  }
  if (isWorkbook(file)) {
    try {
      return workbookToPlan(await readWorkbookFile(file));
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new InputError(
        language === "et"
          ? `${file} ei ole loetav Exceli töövihik (.xlsx): ${(error as Error).message}`
          : `${file} is not a readable Excel workbook (.xlsx): ${(error as Error).message}`,
      );
    }
  }
  const text = readFileSync(file).toString("utf8");
  if (text.includes("\u0000") || text.includes("\ufffd")) {
    throw new InputError(
      language === "et"
        ? `${file} ei ole UTF-8 tekstifail. Salvestage käskkirja tekst UTF-8 kodeeringus (.txt) või andke töövihik (.xlsx).`
        : `${file} is not a UTF-8 text file. Save the directive's text as UTF-8 (.txt), or give a workbook (.xlsx).`,
    );
  }
  return parseDirectiveText(text);
}

function parseArguments(argv: string[]): { command: string | undefined; files: string[]; flags: Map<string, string> } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--help" || argument === "-h") return { command: "help", files: [], flags };
    if (argument === "-o" || argument === "--output") {
      const value = argv[++index];
      if (!value) throw new UsageError("-o vajab failinime / -o needs a file name");
      flags.set("output", value);
    } else if (argument.startsWith("--")) {
      const [name, inline] = argument.slice(2).split("=", 2);
      if (name === "json" || name === "force") flags.set(name, "true");
      else if (name === "lang") flags.set(name, inline ?? argv[++index] ?? "");
      else if (name === "output") flags.set(name, inline ?? "");
      else throw new UsageError(`tundmatu valik --${name} / unknown option --${name}`);
    } else {
      positional.push(argument);
    }
  }
  return { command: positional[0], files: positional.slice(1), flags };
}

function readLanguage(value: string | undefined): Language {
  if (value === undefined || value === "et") return "et";
  if (value === "en") return "en";
  throw new UsageError(`--lang peab olema et või en / --lang must be et or en`);
}
