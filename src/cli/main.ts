import { existsSync, readFileSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import { Lisa2, Lisa2Options, lisa2SheetsForWorkbook, planWithLisa2Workbook } from "../annex/lisa2";
import { lisa1DocxBytes } from "../annex/lisa1/docx";
import { lisa2DocxBytes } from "../annex/lisa2/docx";
import { RULES, runChecks } from "../checks";
import { fileSizeRefusal } from "../import/limits";
import { parseDirectiveText } from "../import/text";
import { importResultToJson } from "../model/json";
import { Money, formatMoneyEstonian, parseRatePercent } from "../model/money";
import { ImportError, ImportResult } from "../model/plan";
import { parseCellAddress } from "../workbook/layout";
import { workbookToPlan } from "../workbook/read-plan";
import { rollupFormulas } from "../workbook/rollups";
import { planToWorkbook } from "../workbook/write-plan";
import {
  readWorkbookFile,
  replaceSheetsInCopy,
  writeFormulasToCopy,
  writeWorkbookFile,
} from "../workbook/xlsx/exceljs-adapter";
import { checkResultToJson, formatCheckReport, formatRecalc } from "./check-report";
import { Language, formatSummary } from "./summary";

/** The bundled sample: the directive of 25.03.2025 nr 68, as copied out of the published PDF. */
export const SAMPLE_FILE = findSample(path.join("fixtures", "kaskkiri-2025-03-25-nr68.txt"));
/** Where `demo` writes the sample's workbook: beside where it is run, for the user to open. */
export const DEMO_WORKBOOK = "tat-budget-naidis.xlsx";
/** Where `demo` writes the sample's lisa 2 as a Word document. */
export const DEMO_LISA2_DOCX = "tat-budget-naidis-lisa2.docx";

/** The sample sits at the project root, whether this runs from src/ (tests) or from the built dist/node/. */
function findSample(relative: string): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate) || path.dirname(dir) === dir) return candidate;
  }
}

const USAGE = `tat-budget — tegevuskava ja eelarve tööriist (TAT)

Kasutus / usage (<fail> on käskkiri .txt, .docx või .pdf, või tat-budgeti töövihik .xlsx):
  tat-budget parse <fail> [--json] [--lang et|en]          mis failist leiti / what the file holds
  tat-budget import <fail> -o <kava.xlsx> [--force]        ajakavad töövihikusse / schedules into a workbook
  tat-budget check <fail> [--json] [--lang et|en]          kontrollib kava / checks the plan
  tat-budget recalc <fail> [-o <uus.xlsx>] [--lang et|en]  summad; -o kirjutab ülemridade valemid tagasi
  tat-budget annex <fail> -o <lisa2.xlsx> [--docx <lisa2.docx>] [--indirect-rate 7] [--force]
                                                           lisa 2 (eelarve) Excelis ja Wordis / lisa 2 in Excel and Word
  tat-budget lisa1 <fail> -o <lisa1.docx> [--force]        lisa 1 ajakavade tabelid Wordis / lisa 1's tables in Word
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
      case "annex": {
        const output = flags.get("output");
        if (!output) throw new UsageError("annex vajab väljundfaili: -o <lisa2.xlsx> / annex needs -o <lisa2.xlsx>");
        const file = one("annex");
        const options: Lisa2Options = flags.has("indirect-rate")
          ? { indirectRatePercent: readRate(flags.get("indirect-rate") ?? "") }
          : {};
        await writeAnnex(file, output, flags.get("docx"), options, flags.has("force"), language, io);
        return 0;
      }
      case "lisa1": {
        const output = flags.get("output");
        if (!output || !/\.docx$/i.test(output))
          throw new UsageError("lisa1 vajab väljundfaili: -o <lisa1.docx> / lisa1 needs -o <lisa1.docx>");
        const result = await loadPlan(one("lisa1"), language);
        refuseOverwrite(output, flags.has("force"), language);
        writeFileSync(output, await lisa1DocxBytes(result.plan));
        const tables = result.plan.implementers.reduce((sum, implementer) => sum + implementer.tables.length, 0);
        io.out(
          language === "et"
            ? `Lisa 1 kirjutatud: ${output} (${result.plan.implementers.length} elluviijat ja partnerit, ${tables} ajakava tabelit)\n`
            : `Lisa 1 written: ${output} (${result.plan.implementers.length} implementers and partners, ${tables} schedule tables)\n`,
        );
        return 0;
      }
      case "demo": {
        io.out(language === "et" ? `Näidis: ${SAMPLE_FILE}\n\n` : `Sample: ${SAMPLE_FILE}\n\n`);
        const result = await loadPlan(SAMPLE_FILE, language);
        io.out(formatSummary(result, language));
        await writeAnnex(SAMPLE_FILE, DEMO_WORKBOOK, DEMO_LISA2_DOCX, {}, true, language, io, result);
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

/**
 * `annex`: lisa 2 from a directive's text (a new workbook: the schedules, then lisa 2 on them) or from a tat-budget
 * workbook (a copy in which only lisa 2's sheets are replaced), and with --docx the same tables in Word.
 */
async function writeAnnex(
  file: string,
  output: string,
  docx: string | undefined,
  options: Lisa2Options,
  force: boolean,
  language: Language,
  io: Output,
  loaded?: ImportResult,
): Promise<void> {
  if (!/\.xlsx$/i.test(output)) throw new UsageError("-o peab olema .xlsx-fail / -o must be an .xlsx file");
  if (docx !== undefined && !/\.docx$/i.test(docx))
    throw new UsageError("--docx peab olema .docx-fail / --docx must be a .docx file");
  refuseOverwrite(output, force, language);
  if (docx) refuseOverwrite(docx, force, language);
  const result = loaded ?? (await loadPlan(file, language));
  let lisa2: Lisa2;
  let sheets: string[] = [];
  if (isWorkbook(file)) {
    const generated = lisa2SheetsForWorkbook(result.plan, options);
    lisa2 = generated.lisa2;
    await replaceSheetsInCopy(file, output, generated.workbook);
  } else {
    const generated = planWithLisa2Workbook(result.plan, options);
    lisa2 = generated.lisa2;
    sheets = generated.workbook.sheets.map((sheet) => sheet.name);
    await writeWorkbookFile(generated.workbook, output);
  }
  if (docx) writeFileSync(docx, await lisa2DocxBytes(lisa2));
  io.out(formatAnnexReport(lisa2, output, docx, sheets, language));
}

function formatAnnexReport(
  lisa2: Lisa2,
  output: string,
  docx: string | undefined,
  /** The sheets of a new workbook; empty when lisa 2 replaced the annex sheets of an existing one. */
  newSheets: string[],
  language: Language,
): string {
  const et = language === "et";
  const money = (amount: Money) => formatMoneyEstonian(amount).replace(/\u00a0/g, " ");
  const total = lisa2.lines[0];
  const direct = lisa2.lines.find((line) => line.kind === "direct");
  const indirect = lisa2.lines.find((line) => line.kind === "indirect");
  const { reconciliation } = lisa2;
  const out: string[] = [];
  if (newSheets.length > 0)
    out.push(
      et
        ? `Töövihik kirjutatud: ${output} (lehed: ${newSheets.join(", ")})`
        : `Workbook written: ${output} (sheets: ${newSheets.join(", ")})`,
    );
  else
    out.push(
      et
        ? `Lisa 2 kirjutatud: ${output} (lehed „Lisa 2“ ja „Lisa 2 maatriks“ asendati; muud lehed jäid samaks)`
        : `Lisa 2 written: ${output} (sheets "Lisa 2" and "Lisa 2 maatriks" replaced; other sheets unchanged)`,
    );
  if (docx) out.push(et ? `Lisa 2 Wordis: ${docx}` : `Lisa 2 in Word: ${docx}`);
  out.push(`  ${et ? "Ridu" : "Lines"}: ${lisa2.lines.length}`);
  if (direct) out.push(`  1.1 ${et ? "Otsesed kulud" : "Direct costs"}: ${money(direct.amount)}`);
  out.push(
    indirect && lisa2.indirectRatePercent
      ? `  1.2 ${et ? "Kaudsed kulud" : "Indirect costs"} (${lisa2.indirectRatePercent.toString().replace(".", ",")} %): ${money(indirect.amount)}`
      : et
        ? "  1.2 Kaudsed kulud: määr määramata, rida puudub (--indirect-rate 7 või Seaded-lehe „Kaudsete kulude määr (%)“)"
        : '  1.2 Indirect costs: no rate set, no line (--indirect-rate 7 or "Kaudsete kulude määr (%)" on sheet Seaded)',
  );
  out.push(`  1 ${et ? "Kokku" : "Total"}: ${money(total.amount)}`);
  const agrees = reconciliation.difference.isZero();
  out.push(
    et
      ? `  Lisa 1 ajakavade kogusumma ${money(reconciliation.schedulesTotal)}: ${agrees ? "klapib reaga 1.1" : `EI KLAPI reaga 1.1 (vahe ${money(reconciliation.difference)})`}`
      : `  Lisa 1 schedules' total ${money(reconciliation.schedulesTotal)}: ${agrees ? "agrees with line 1.1" : `DISAGREES with line 1.1 (difference ${money(reconciliation.difference)})`}`,
  );
  if (lisa2.draft)
    out.push(
      et
        ? `  MUSTAND: kontroll leidis ${lisa2.errors.length} viga; need on loetletud lisa all (vt ka: tat-budget check).`
        : `  DRAFT (MUSTAND): the check found ${lisa2.errors.length} errors; they are listed below the annex (see also: tat-budget check).`,
    );
  return `${out.join("\n")}\n`;
}

/** "7", "7,5", "7.5", "7 %": a percentage from 0 to 100. */
function readRate(text: string): Money {
  const rate = parseRatePercent(text);
  if (!rate)
    throw new UsageError(
      `--indirect-rate peab olema protsent 0–100, nt 7 / --indirect-rate must be a percentage from 0 to 100, e.g. 7 (not "${text}")`,
    );
  return rate;
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

/** Reads a plan from a directive (its text, a Word document or a PDF) or from a tat-budget workbook. */
async function loadPlan(file: string, language: Language): Promise<ImportResult> {
  if (!existsSync(file)) {
    throw new InputError(language === "et" ? `faili ei leitud: ${file}` : `file not found: ${file}`);
  }
  const stats = statSync(file);
  if (!stats.isFile()) {
    throw new InputError(
      language === "et" ? `${file} on kaust, mitte fail: andke käskkirja fail` : `${file} is a folder, not a file`,
    );
  }
  // Before reading it whole: a wrong file chosen (a video, a disk image) is refused at once, with the limit.
  const tooLarge = isWorkbook(file) ? null : fileSizeRefusal(path.basename(file), stats.size);
  if (tooLarge) throw tooLarge;
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
  if (/\.(docx|pdf)$/i.test(file)) {
    const bytes = new Uint8Array(readFileSync(file));
    if (/\.docx$/i.test(file)) {
      const { importDocx } = await import("../import/docx/import-docx");
      return importDocx(bytes);
    }
    const { importPdf } = await import("../import/pdf/import-pdf");
    return importPdf(bytes);
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
      else if (name === "lang" || name === "docx" || name === "indirect-rate") {
        const value = inline ?? argv[++index];
        if (value === undefined) throw new UsageError(`--${name} vajab väärtust / --${name} needs a value`);
        flags.set(name, value);
      } else if (name === "output") flags.set(name, inline ?? "");
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
