import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { RULES, runChecks } from "../checks";
import { parseDirectiveText } from "../import/text";
import { importResultToJson } from "../model/json";
import { ImportError, ImportResult } from "../model/plan";
import { checkResultToJson, formatCheckReport, formatRecalc } from "./check-report";
import { Language, formatSummary } from "./summary";

/** The bundled sample: the directive of 25.03.2025 nr 68, as copied out of the published PDF. */
export const SAMPLE_FILE = findSample(path.join("fixtures", "kaskkiri-2025-03-25-nr68.txt"));

/** The sample sits at the project root, whether this runs from src/ (tests) or from the built dist/node/. */
function findSample(relative: string): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate) || path.dirname(dir) === dir) return candidate;
  }
}

const USAGE = `tat-budget — tegevuskava ja eelarve tööriist (TAT)

Kasutus / usage:
  tat-budget parse <fail.txt> [--json] [--lang et|en]   loeb käskkirja teksti ja näitab, mis leiti
  tat-budget check <fail.txt> [--json] [--lang et|en]   kontrollib kava: summad, koodid, kuupäevad, vastutajad
  tat-budget recalc <fail.txt> [--lang et|en]           ülemridade summad: deklareeritud ja arvutatud
  tat-budget demo [--lang et|en]                        põhitöö kaasasoleval näidiskäskkirjal
  tat-budget help                                       see abi

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

/** Runs the command line; resolves to the exit status. */
export async function main(argv: string[], io: Output = processOutput): Promise<number> {
  try {
    const { command, files, flags } = parseArguments(argv);
    const language = readLanguage(flags.get("lang"));
    switch (command) {
      case undefined:
      case "help":
        io.out(USAGE);
        return 0;
      case "parse": {
        if (files.length !== 1) throw new UsageError("parse vajab täpselt üht faili / parse needs exactly one file");
        return runParse(files[0], flags.has("json"), language, io);
      }
      case "check": {
        if (files.length !== 1) throw new UsageError("check vajab täpselt üht faili / check needs exactly one file");
        return runCheck(files[0], flags.has("json"), language, io);
      }
      case "recalc": {
        if (files.length !== 1) throw new UsageError("recalc vajab täpselt üht faili / recalc needs exactly one file");
        const result = readDirective(files[0], language, io);
        if (!result) return 2;
        io.out(formatRecalc(result.plan, language));
        return 0;
      }
      case "demo": {
        io.out(language === "et" ? `Näidis: ${SAMPLE_FILE}\n\n` : `Sample: ${SAMPLE_FILE}\n\n`);
        const parsed = runParse(SAMPLE_FILE, false, language, io);
        if (parsed !== 0) return parsed;
        io.out("\n");
        // The sample has real inconsistencies; the demo shows them and still succeeds.
        const checked = runCheck(SAMPLE_FILE, false, language, io);
        return checked === 2 ? 2 : 0;
      }
      default:
        throw new UsageError(`tundmatu käsk „${command}“ / unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`tat-budget: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

function runParse(file: string, json: boolean, language: Language, io: Output): number {
  const result = readDirective(file, language, io);
  if (!result) return 2;
  io.out(json ? `${JSON.stringify(importResultToJson(result), null, 2)}\n` : formatSummary(result, language));
  return 0;
}

function runCheck(file: string, json: boolean, language: Language, io: Output): number {
  const imported = readDirective(file, language, io);
  if (!imported) return 2;
  const result = runChecks(imported.plan, RULES);
  io.out(
    json ? `${JSON.stringify(checkResultToJson(result, language), null, 2)}\n` : formatCheckReport(result, language),
  );
  return result.counts.error > 0 ? 1 : 0;
}

function readDirective(file: string, language: Language, io: Output): ImportResult | null {
  if (!existsSync(file)) {
    io.err(language === "et" ? `tat-budget: faili ei leitud: ${file}\n` : `tat-budget: file not found: ${file}\n`);
    return null;
  }
  const bytes = readFileSync(file);
  const text = bytes.toString("utf8");
  if (text.includes("\u0000") || text.includes("\ufffd")) {
    io.err(
      language === "et"
        ? `tat-budget: ${file} ei ole UTF-8 tekstifail. Salvestage käskkirja tekst UTF-8 kodeeringus (.txt).\n`
        : `tat-budget: ${file} is not a UTF-8 text file. Save the directive's text as UTF-8 (.txt).\n`,
    );
    return null;
  }
  try {
    return parseDirectiveText(text);
  } catch (error) {
    if (error instanceof ImportError) {
      io.err(`tat-budget: ${language === "et" ? error.message : error.messageEn}\n`);
      return null;
    }
    throw error;
  }
}

function parseArguments(argv: string[]): { command: string | undefined; files: string[]; flags: Map<string, string> } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--help" || argument === "-h") return { command: "help", files: [], flags };
    if (argument.startsWith("--")) {
      const [name, inline] = argument.slice(2).split("=", 2);
      if (name === "json") flags.set(name, "true");
      else if (name === "lang") flags.set(name, inline ?? argv[++index] ?? "");
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
