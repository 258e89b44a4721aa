import { existsSync, readFileSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import {
  CONTAINER_FILE,
  CalendarDate,
  ContainerReading,
  DocumentSource,
  Edit,
  EditRefusedError,
  ImportError,
  ImportResult,
  Lisa2,
  Money,
  PlanAnalysis,
  SheetTable,
  analysePlan,
  applyEdit,
  changesDocxBytes,
  changesWorkbook,
  comparePlanVersions,
  comparisonToJson,
  errorMessage,
  fileSizeRefusal,
  formatMoneyEstonian,
  generateLisa2,
  importResultToJson,
  lisa1DocxBytes,
  lisa2DocxBytes,
  parseMoney,
  parseRatePercent,
  previewEdit,
  readAnyWorkbookPlan,
  readDocument,
  recalc as recalcWorkbook,
  writeChanges,
  writePlan,
  writePlanWithLisa2,
} from "../app";
import { writeWorkbookFile } from "../workbook/xlsx/exceljs-adapter";
import { XlsxWorkbookPort } from "../workbook/xlsx/xlsx-port";
import { checkResultToJson, formatCheckReport, formatRecalc } from "./check-report";
import { containerToJson, formatContainer } from "./container-report";
import { formatComparison } from "./diff-report";
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

Kasutus / usage (<fail> on käskkiri .txt, .docx või .pdf, allkirjastatud DigiDoc-konteiner .asice või .bdoc,
või töövihik .xlsx: tat-budgeti oma või ajakava tabelitega lehtedel / a directive, a signed DigiDoc container
holding it, or a workbook: ours or one with schedule tables on its sheets):
  tat-budget parse <fail> [--json] [--lang et|en]          mis failist leiti / what the file holds
  tat-budget import <fail> -o <kava.xlsx> [--force]        ajakavad töövihikusse / schedules into a workbook
  tat-budget check <fail> [--json] [--lang et|en]          kontrollib kava / checks the plan
  tat-budget recalc <fail> [-o <uus.xlsx>] [--lang et|en]  summad; -o kirjutab ülemridade valemid tagasi
  tat-budget annex <fail> -o <lisa2.xlsx> [--docx <lisa2.docx>] [--indirect-rate 7] [--force]
                                                           lisa 2 (eelarve) Excelis ja Wordis / lisa 2 in Excel and Word
  tat-budget lisa1 <fail> -o <lisa1.docx> [--force]        lisa 1 ajakavade tabelid Wordis / lisa 1's tables in Word
  tat-budget spread <kava.xlsx> --implementer "<nimi>" --code <kood> --total <summa>
        [--mode proportional|equal] [--lock <kood>,…] -o <uus.xlsx>
                                                           uus summa jagatakse alamridadele sendi täpsusega
                                                           / spreads a new total over a row's items to the cent
  tat-budget move <kava.xlsx> --implementer "<nimi>" --from <kood> --to <kood> --amount <summa>
        [--to-implementer "<nimi>"] -o <uus.xlsx>          liigutab summa ühelt realt teisele / moves money
  tat-budget add-row <kava.xlsx> --implementer "<nimi>" --under <kood> --label "<tekst>" --amount <summa>
        [--frame <algus-lõpp>] [--plan <algus-lõpp>] [--responsible "<tekst>"] -o <uus.xlsx>
                                                           lisab rea järgmise vaba koodiga ja trükib selle
                                                           / adds a row with the next free code and prints it
  tat-budget remove-row <kava.xlsx> --implementer "<nimi>" --code <kood> [--renumber] -o <uus.xlsx>
                                                           eemaldab rea koos alamridadega; --renumber nihutab
                                                           järgmiste numbreid / removes a row with its items
  tat-budget diff <vana> <uus> [--json] [-o <muudatused.xlsx>] [--docx <muudatused.docx>]
        [--into <koopia.xlsx>] [--force] [--lang et|en]
                                                           kahe kava versiooni muudatused (ümbernummerdamine on
                                                           üks muudatus) / what changed between two plan versions;
                                                           --into: uue töövihiku koopia lehega Muudatused ja
                                                           märgitud muudetud lahtritega / a copy of the new
                                                           workbook with the Muudatused sheet, changes marked
  tat-budget demo [--lang et|en]                           põhitöö näidiskäskkirjal / the main job on the sample
  tat-budget help                                          see abi / this help
  --document <nimi>                                        konteineris loetav dokument (vaikimisi see, kus on
                                                           kõige rohkem ajakava ridu) / the document to read in a
                                                           container (else the one with the most schedule rows)

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

/** A plan read from a file, analysed once; a workbook's port is kept for the commands that write a copy of it. */
interface Loaded {
  file: string;
  result: ImportResult;
  analysis: PlanAnalysis;
  /** Our workbook read, when the file is one; null for a document and for the officer's own workbook. */
  workbook: XlsxWorkbookPort | null;
  /** The file is a workbook that is not ours: its tables were read, and nothing is written back into it. */
  ownWorkbook: boolean;
  /** The file is a DigiDoc container: what it held and its (unverified) signatures. */
  container?: ContainerReading;
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: string[], io: Output = processOutput): Promise<number> {
  let language: Language = "et";
  try {
    const { command, files, flags } = parseArguments(argv);
    language = readLanguage(flags.get("lang"));
    const json = flags.has("json");
    const force = flags.has("force");
    const document = flags.get("document");
    // A container says what it held and who signed it before anything read from it, unless JSON is asked for.
    const loadPlan = async (file: string) => {
      const loaded = await loadPlanFile(file, language, document);
      if (loaded.container && !json) io.out(formatContainer(loaded.container, language));
      return loaded;
    };
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
        const loaded = await loadPlan(one("parse"));
        const container = loaded.container ? { container: containerToJson(loaded.container) } : {};
        io.out(
          json
            ? `${JSON.stringify({ ...(importResultToJson(loaded.result) as object), ...container }, null, 2)}\n`
            : formatSummary(loaded.result, loaded.analysis, language),
        );
        return 0;
      }
      case "diff": {
        if (files.length !== 2)
          throw new UsageError("diff vajab kaht faili: vana ja uus / diff needs two files: the old and the new");
        const output = flags.get("output");
        if (output !== undefined && !/\.xlsx$/i.test(output))
          throw new UsageError("diff -o vajab .xlsx faili / diff -o needs an .xlsx file");
        if (output) refuseOverwrite(output, force, language);
        const docx = flags.get("docx");
        if (docx !== undefined && !/\.docx$/i.test(docx))
          throw new UsageError("diff --docx vajab .docx faili / diff --docx needs a .docx file");
        if (docx) refuseOverwrite(docx, force, language);
        const into = flags.get("into");
        if (into !== undefined && !/\.xlsx$/i.test(into))
          throw new UsageError("diff --into vajab .xlsx faili / diff --into needs an .xlsx file");
        if (into) refuseOverwrite(into, force, language);
        const before = (await loadPlan(files[0])).result.plan;
        const newer = await loadPlan(files[1]);
        // The pane's Võrdle: the new version is a tat-budget workbook, and a copy of it gets the sheet and the marks.
        if (into && !newer.workbook)
          throw new InputError(
            language === "et"
              ? `--into vajab uueks versiooniks tat-budget töövihikut (lehega Seaded): ${files[1]}`
              : `--into needs a tat-budget workbook (with a Seaded sheet) as the new version: ${files[1]}`,
          );
        const comparison = comparePlanVersions(before, newer.result.plan);
        // Exit 0 whether or not anything changed: a difference is the answer asked for, not a failure.
        io.out(
          json ? `${JSON.stringify(comparisonToJson(comparison), null, 2)}\n` : formatComparison(comparison, language),
        );
        if (output) {
          await writeWorkbookFile(changesWorkbook(comparison), output);
          if (!json)
            io.out(
              language === "et" ? `Muudatuste leht kirjutatud: ${output}\n` : `Changes sheet written: ${output}\n`,
            );
        }
        if (docx) {
          writeFileSync(docx, await changesDocxBytes(comparison));
          if (!json)
            io.out(language === "et" ? `Muudatuste tabel kirjutatud: ${docx}\n` : `Change table written: ${docx}\n`);
        }
        if (into && newer.workbook) {
          const written = await writeChanges(newer.workbook, before, { mark: true });
          await newer.workbook.save(into);
          if (!json)
            io.out(
              language === "et"
                ? `Töövihiku koopia lehega „${written.sheet}“ kirjutatud: ${into} (märgitud ${written.changedCells} muudetud lahtrit${written.reasonsKept ? `, põhjendusi säilitati ${written.reasonsKept}` : ""})\n`
                : `Workbook copy with the sheet "${written.sheet}" written: ${into} (${written.changedCells} changed cells marked${written.reasonsKept ? `, ${written.reasonsKept} reasons kept` : ""})\n`,
            );
        }
        return 0;
      }
      case "import": {
        const output = flags.get("output");
        if (!output) throw new UsageError("import vajab väljundfaili: -o <kava.xlsx> / import needs -o <plan.xlsx>");
        await writePlanWorkbook(await loadPlan(one("import")), output, force, language, io);
        return 0;
      }
      case "check":
        return reportCheck(await loadPlan(one("check")), json, language, io);
      case "recalc":
        return recalc(await loadPlan(one("recalc")), flags.get("output"), force, language, io);
      case "annex": {
        const output = flags.get("output");
        if (!output) throw new UsageError("annex vajab väljundfaili: -o <lisa2.xlsx> / annex needs -o <lisa2.xlsx>");
        const rate = flags.has("indirect-rate") ? readRate(flags.get("indirect-rate") ?? "") : undefined;
        checkAnnexOutputs(output, flags.get("docx"), force, language);
        await writeAnnex(await loadPlan(one("annex")), output, flags.get("docx"), rate, language, io);
        return 0;
      }
      case "lisa1": {
        const output = flags.get("output");
        if (!output || !/\.docx$/i.test(output))
          throw new UsageError("lisa1 vajab väljundfaili: -o <lisa1.docx> / lisa1 needs -o <lisa1.docx>");
        const { plan } = (await loadPlan(one("lisa1"))).result;
        refuseOverwrite(output, force, language);
        writeFileSync(output, await lisa1DocxBytes(plan));
        const tables = plan.implementers.reduce((sum, implementer) => sum + implementer.tables.length, 0);
        io.out(
          language === "et"
            ? `Lisa 1 kirjutatud: ${output} (${plan.implementers.length} elluviijat ja partnerit, ${tables} ajakava tabelit)\n`
            : `Lisa 1 written: ${output} (${plan.implementers.length} implementers and partners, ${tables} schedule tables)\n`,
        );
        return 0;
      }
      case "spread":
      case "move":
      case "add-row":
      case "remove-row":
        return await editWorkbook(command, one(command), flags, force, language, io);
      case "demo":
        return demo(language, io);
      default:
        throw new UsageError(`tundmatu käsk „${command}“ / unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`tat-budget: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError || error instanceof ImportError || error instanceof EditRefusedError) {
      io.err(`tat-budget: ${errorMessage(error, language)}\n`);
      return 2;
    }
    const system = fileSystemMessage(error, language);
    if (system) {
      io.err(`tat-budget: ${system}\n`);
      return 2;
    }
    throw error;
  }
}

/** The main job on the bundled sample: read it once, analyse it once, and everything else takes that analysis. */
async function demo(language: Language, io: Output): Promise<number> {
  io.out(language === "et" ? `Näidis: ${SAMPLE_FILE}\n\n` : `Sample: ${SAMPLE_FILE}\n\n`);
  const loaded = await loadPlanFile(SAMPLE_FILE, language);
  io.out(formatSummary(loaded.result, loaded.analysis, language));
  await writeAnnex(loaded, DEMO_WORKBOOK, DEMO_LISA2_DOCX, undefined, language, io);
  io.out("\n");
  // The sample has real inconsistencies: the demo shows them and still succeeds.
  reportCheck(loaded, false, language, io);
  return 0;
}

function checkAnnexOutputs(output: string, docx: string | undefined, force: boolean, language: Language): void {
  if (!/\.xlsx$/i.test(output)) throw new UsageError("-o peab olema .xlsx-fail / -o must be an .xlsx file");
  if (docx !== undefined && !/\.docx$/i.test(docx))
    throw new UsageError("--docx peab olema .docx-fail / --docx must be a .docx file");
  refuseOverwrite(output, force, language);
  if (docx) refuseOverwrite(docx, force, language);
}

/**
 * `annex`: lisa 2 from a directive (a new workbook: the schedules, then lisa 2 on them) or from a tat-budget
 * workbook (a copy in which only lisa 2's sheets are replaced), and with --docx the same tables in Word. `rate`
 * undefined keeps Seaded's.
 */
async function writeAnnex(
  loaded: Loaded,
  output: string,
  docx: string | undefined,
  rate: Money | null | undefined,
  language: Language,
  io: Output,
): Promise<void> {
  let lisa2: Lisa2;
  let sheets: string[] = [];
  if (loaded.workbook) {
    lisa2 = (await generateLisa2(loaded.workbook, rate)).lisa2;
    await loaded.workbook.save(output);
  } else {
    const port = XlsxWorkbookPort.empty();
    const written = await writePlanWithLisa2(port, loaded.analysis, rate);
    lisa2 = written.lisa2;
    sheets = written.sheets;
    await port.save(output);
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

function reportCheck(loaded: Loaded, json: boolean, language: Language, io: Output): number {
  const checked = loaded.analysis.check;
  io.out(
    json ? `${JSON.stringify(checkResultToJson(checked, language), null, 2)}\n` : formatCheckReport(checked, language),
  );
  return checked.counts.error > 0 ? 1 : 0;
}

async function writePlanWorkbook(
  loaded: Loaded,
  output: string,
  force: boolean,
  language: Language,
  io: Output,
): Promise<void> {
  refuseOverwrite(output, force, language);
  const port = XlsxWorkbookPort.empty();
  const { sheets } = await writePlan(port, loaded.analysis);
  await port.save(output);
  io.out(
    language === "et"
      ? `Töövihik kirjutatud: ${output} (lehed: ${sheets.join(", ")})\n`
      : `Workbook written: ${output} (sheets: ${sheets.join(", ")})\n`,
  );
}

/** `recalc`: the totals declared against computed; with -o, a copy of the workbook with fresh roll-up formulas. */
async function recalc(
  loaded: Loaded,
  output: string | undefined,
  force: boolean,
  language: Language,
  io: Output,
): Promise<number> {
  io.out(formatRecalc(loaded.analysis, language));
  if (!output) return 0;
  if (!loaded.workbook) {
    throw new UsageError(
      loaded.ownWorkbook
        ? "recalc -o vajab sisendiks tat-budgeti töövihikut; tehke see: tat-budget import <fail> -o kava.xlsx / recalc -o needs a tat-budget workbook; make one with tat-budget import <file> -o plan.xlsx"
        : "recalc -o vajab sisendiks töövihikut (.xlsx) / recalc -o needs a workbook (.xlsx) as input",
    );
  }
  refuseOverwrite(output, force, language);
  const outcome = await recalcWorkbook(loaded.workbook);
  await loaded.workbook.save(output);
  io.out(
    language === "et"
      ? `\nÜlemridade valemid kirjutatud: ${output} (${outcome.formulas} valemit, neist muutus ${outcome.changed.length})\n`
      : `\nRoll-up formulas written: ${output} (${outcome.formulas} formulas, ${outcome.changed.length} changed)\n`,
  );
  for (const change of outcome.changed) {
    const before = change.before !== null ? `=${change.before}` : language === "et" ? "arv" : "a number";
    io.out(`  ${change.sheet}!${change.cell}: ${before} → =${change.after}\n`);
  }
  return 0;
}

/** The options of the editing commands, each with a value. */
const EDIT_OPTIONS = new Set([
  "implementer",
  "code",
  "total",
  "mode",
  "lock",
  "from",
  "to",
  "amount",
  "to-implementer",
  "under",
  "label",
  "frame",
  "plan",
  "responsible",
]);

/**
 * `spread` and `move`: the edit worked out on the workbook's plan, every changed row printed before → after, and
 * a new workbook written with it; the input is never written. Refused (exit 2, no file) with the reason.
 */
async function editWorkbook(
  command: "spread" | "move" | "add-row" | "remove-row",
  file: string,
  flags: Map<string, string>,
  force: boolean,
  language: Language,
  io: Output,
): Promise<number> {
  const output = flags.get("output");
  if (!output) throw new UsageError(`${command} vajab väljundfaili: -o <uus.xlsx> / ${command} needs -o <new.xlsx>`);
  if (path.resolve(output) === path.resolve(file)) {
    throw new UsageError(
      `${command} kirjutab uue töövihiku, mitte sisendfaili: andke -o-ga teine nimi / ${command} writes a new workbook, never its input: give -o another name`,
    );
  }
  if (!isWorkbook(file)) {
    throw new UsageError(
      `${command} vajab tat-budgeti töövihikut (.xlsx) / ${command} needs a tat-budget workbook (.xlsx)`,
    );
  }
  const required = (name: string): string => {
    const value = flags.get(name)?.trim();
    if (!value) throw new UsageError(`${command} vajab valikut --${name} / ${command} needs --${name}`);
    return value;
  };
  const amount = (name: string): Money => {
    const text = required(name);
    const value = parseMoney(text);
    if (!value) {
      throw new UsageError(
        `--${name} „${text}“ ei ole summa (nt 5000, „5 000,00“ või 5000.00) / --${name} "${text}" is not an amount (e.g. 5000, "5 000,00" or 5000.00)`,
      );
    }
    return value;
  };
  let edit: Edit;
  if (command === "add-row") {
    const period = (name: string) => {
      const text = flags.get(name);
      return text === undefined ? {} : { [name]: periodOfText(name, text) };
    };
    const responsible = flags.get("responsible");
    edit = {
      kind: "add",
      implementer: required("implementer"),
      under: required("under"),
      label: required("label"),
      amount: amount("amount"),
      ...period("frame"),
      ...period("plan"),
      ...(responsible !== undefined ? { responsible: responsible.trim() || null } : {}),
    };
  } else if (command === "remove-row") {
    edit = {
      kind: "remove",
      implementer: required("implementer"),
      code: required("code"),
      renumber: flags.has("renumber"),
    };
  } else if (command === "spread") {
    const mode = flags.get("mode") ?? "proportional";
    if (mode !== "proportional" && mode !== "equal") {
      throw new UsageError(
        `--mode on proportional või equal, mitte „${mode}“ / --mode is proportional or equal, not "${mode}"`,
      );
    }
    const lock = flags.get("lock");
    edit = {
      kind: "spread",
      implementer: required("implementer"),
      code: required("code"),
      total: amount("total"),
      mode,
      locked: lock
        ? lock
            .split(",")
            .map((code) => code.trim())
            .filter(Boolean)
        : [],
    };
  } else {
    edit = {
      kind: "move",
      implementer: required("implementer"),
      from: required("from"),
      to: required("to"),
      amount: amount("amount"),
      ...(flags.get("to-implementer") ? { toImplementer: flags.get("to-implementer") } : {}),
    };
  }
  refuseOverwrite(output, force, language);
  const workbook = await openWorkbook(file, language);
  const preview = await previewEdit(workbook, edit);
  if (preview.code !== null)
    io.out(language === "et" ? `Lisatud rida: ${preview.code}\n` : `Row added: ${preview.code}\n`);
  io.out(language === "et" ? "Muutuvad read:\n" : "Rows changed:\n");
  for (const change of preview.changes) {
    const before = change.before ? formatMoneyEstonian(change.before) : "–";
    const after = change.after ? formatMoneyEstonian(change.after) : "–";
    if (change.kind === "renumbered") {
      const note = language === "et" ? "uus number" : "renumbered";
      io.out(`  ${change.implementer}  ${change.codeBefore} → ${change.code}  (${note})\n`);
    } else if (change.kind === "added" || change.kind === "removed") {
      const note =
        change.kind === "added"
          ? language === "et"
            ? "lisatud"
            : "added"
          : language === "et"
            ? "eemaldatud"
            : "removed";
      io.out(`  ${change.implementer}  ${change.code}  ${before} → ${after}  (${note})\n`);
    } else {
      io.out(`  ${change.implementer}  ${change.code}  ${before} → ${after}\n`);
    }
  }
  for (const total of preview.totals) {
    const before = total.before ? formatMoneyEstonian(total.before) : "–";
    const after = total.after ? formatMoneyEstonian(total.after) : "–";
    io.out(
      language === "et"
        ? `Kokku ${total.implementer}: ${before} → ${after}\n`
        : `Total ${total.implementer}: ${before} → ${after}\n`,
    );
  }
  const applied = await applyEdit(workbook, preview);
  if (applied.annexSheets.length > 0) {
    io.out(
      language === "et"
        ? `Lisa 2 lehed loodi uuesti: ${applied.annexSheets.join(", ")}\n`
        : `Lisa 2's sheets generated again: ${applied.annexSheets.join(", ")}\n`,
    );
  }
  await workbook.save(output);
  io.out(language === "et" ? `Töövihik kirjutatud: ${output}\n` : `Workbook written: ${output}\n`);
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

/**
 * Reads a plan from a directive (its text, a Word document, a PDF or a DigiDoc container holding one; `document`
 * names the one to read in a container) or from a workbook, and analyses it.
 */
async function loadPlanFile(file: string, language: Language, document?: string): Promise<Loaded> {
  if (!existsSync(file)) {
    throw new InputError(language === "et" ? `faili ei leitud: ${file}` : `file not found: ${file}`);
  }
  const stats = statSync(file);
  if (!stats.isFile()) {
    throw new InputError(
      language === "et" ? `${file} on kaust, mitte fail: andke käskkirja fail` : `${file} is a folder, not a file`,
    );
  }
  let workbook: XlsxWorkbookPort | null = null;
  let result: ImportResult;
  let tables: SheetTable[] | null = null;
  let container: ContainerReading | undefined;
  if (isWorkbook(file)) {
    workbook = await openWorkbook(file, language);
    ({ result, tables } = await readAnyWorkbookPlan(workbook));
    // The officer's own workbook is read, never written: `annex` makes a new workbook from its plan, as from a text.
    if (tables) workbook = null;
  } else {
    // Before reading it whole: a wrong file chosen (a video, a disk image) is refused at once, with the limit.
    const tooLarge = fileSizeRefusal(path.basename(file), stats.size);
    if (tooLarge) throw tooLarge;
    ({ container, ...result } = await readDocument(documentOf(file, language, document)));
  }
  return {
    file,
    result,
    analysis: analysePlan(result.plan, tables),
    workbook,
    ownWorkbook: tables !== null,
    ...(container ? { container } : {}),
  };
}

async function openWorkbook(file: string, language: Language): Promise<XlsxWorkbookPort> {
  try {
    // The file read is left as it was and stays the backup: a copy written gets no backup sheet of its own.
    return await XlsxWorkbookPort.open(file, { backupSheet: false });
  } catch (error) {
    // A file that is no workbook is refused in the officer's words, with the file's name.
    if (error instanceof ImportError)
      throw new InputError(
        `${file}: ${errorMessage(error, language)
          .replace(/^Fail /, "fail ")
          .replace(/^The file /, "the file ")}`,
      );
    throw new InputError(
      language === "et"
        ? `${file} ei ole loetav: ${(error as Error).message}`
        : `${file} could not be read: ${(error as Error).message}`,
    );
  }
}

/** A file as the importers take it, by its name; reusable by any command that reads a directive. */
export function documentOf(file: string, language: Language, document?: string): DocumentSource {
  if (CONTAINER_FILE.test(file)) {
    const bytes = new Uint8Array(readFileSync(file));
    return {
      kind: "container",
      bytes,
      name: path.basename(file),
      ...(document !== undefined ? { choose: document } : {}),
    };
  }
  if (/\.docx$/i.test(file)) return { kind: "docx", bytes: new Uint8Array(readFileSync(file)) };
  if (/\.pdf$/i.test(file)) return { kind: "pdf", bytes: new Uint8Array(readFileSync(file)) };
  const text = readFileSync(file).toString("utf8");
  if (text.includes("\u0000") || text.includes("\ufffd")) {
    throw new InputError(
      language === "et"
        ? `${file} ei ole UTF-8 tekstifail. Salvestage käskkirja tekst UTF-8 kodeeringus (.txt) või andke töövihik (.xlsx).`
        : `${file} is not a UTF-8 text file. Save the directive's text as UTF-8 (.txt), or give a workbook (.xlsx).`,
    );
  }
  return { kind: "text", text };
}

/** "01.01.2025-31.12.2025" (any dash, spaces allowed) or "2025-01-01..2025-12-31": a frame or plan period. */
function periodOfText(name: string, text: string): { start: CalendarDate; end: CalendarDate } {
  const estonian = /^\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*[-–—‑]\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*$/u.exec(text);
  const iso = /^\s*(\d{4}-\d{2}-\d{2})\s*(?:\.\.|\/)\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(text);
  const start = estonian ? CalendarDate.parseEstonian(estonian[1]) : iso ? CalendarDate.parseIso(iso[1]) : null;
  const end = estonian ? CalendarDate.parseEstonian(estonian[2]) : iso ? CalendarDate.parseIso(iso[2]) : null;
  if (!start || !end || start.isAfter(end)) {
    throw new UsageError(
      `--${name} „${text}“ ei ole ajavahemik (nt 01.01.2026-31.12.2026) / --${name} "${text}" is not a period (e.g. 01.01.2026-31.12.2026)`,
    );
  }
  return { start, end };
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
      if (name === "json" || name === "force" || name === "renumber") flags.set(name, "true");
      else if (
        name === "lang" ||
        name === "docx" ||
        name === "indirect-rate" ||
        name === "document" ||
        name === "into" ||
        EDIT_OPTIONS.has(name)
      ) {
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

/**
 * A file the system would not read or write (a folder that does not exist, no permission, a full disk), worded for
 * the officer instead of Node's "ENOENT: no such file or directory, open '/x/.plan.xlsx.3905.tmp'" and its stack:
 * the folder is named, not the temporary file an atomic write goes through. Null for any other error, a defect.
 */
function fileSystemMessage(error: unknown, language: Language): string | null {
  const { code, path: where } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code !== "string" || typeof where !== "string") return null;
  const folder = path.dirname(where);
  const et = language === "et";
  switch (code) {
    case "ENOENT":
      return et
        ? `kausta ${folder} ei ole: faili ei saanud sinna kirjutada. Looge kaust või valige teine koht.`
        : `the folder ${folder} does not exist: the file could not be written there. Create it or choose another place.`;
    case "EACCES":
    case "EPERM":
      return et ? `puudub luba: ${where} (${code})` : `permission denied: ${where} (${code})`;
    case "EROFS":
      return et ? `kaust ${folder} on kirjutuskaitstud` : `the folder ${folder} is read-only`;
    case "ENOSPC":
      return et ? `kettal pole ruumi: ${folder}` : `no space left on the disk: ${folder}`;
    case "EISDIR":
      return et ? `${where} on kaust, mitte fail` : `${where} is a folder, not a file`;
    default:
      return null;
  }
}
