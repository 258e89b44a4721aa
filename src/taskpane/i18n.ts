import { createContext, useContext } from "react";
import type { Language, Severity } from "../app";

export type { Language } from "../app";

/**
 * Every string of the task pane, in Estonian (the users' language, the default) and English. Components take
 * them from `useMessages()`; text that comes from the plan (names, labels, findings) is shown as it is.
 */

const et = {
  language: "et" as Language,
  appTitle: "TAT eelarve",
  appLead: "Toetatava tegevuse tegevuskava (lisa 1) ja eelarve (lisa 2) käskkirja põhjal.",
  notInExcel: "Leht on avatud väljaspool Excelit: töövihikuga seotud tegevused ei ole saadaval.",
  excelTooOld:
    "See Excel on lisandmooduli jaoks liiga vana (vaja on Exceli API versiooni 1.9: Microsoft 365, Excel 2021 või uuem, Excel veebis). Töövihikuga seotud tegevused ei ole saadaval.",
  tabs: { import: "Import", check: "Kontroll", recalc: "Summad", lisa2: "Lisa 2", settings: "Seaded" },
  tabsLabel: "Tegevused",
  working: "Töötan…",
  errorTitle: "Ei õnnestunud",
  dismiss: "Sulge",
  // Import
  importLead: "Kleepige käskkirja tekst (PDF-ist kopeeritud) või valige tekstifail. Enne kirjutamist näete, mis leiti.",
  textLabel: "Käskkirja tekst",
  textPlaceholder: "Kleepige siia käskkirja tekst…",
  chooseFile: "Vali fail",
  fileFormats:
    "Toetatud: käskkirja tekst (.txt, UTF-8), Word (.docx), PDF (.pdf) ja Exceli töövihik (.xlsx) ajakava tabelitega.",
  selectionTitle: "Excelisse kleebitud tabelist",
  selectionLead:
    "Kleepige ajakava tabel Wordist või PDF-ist lehele, valige see koos päisega ja vajutage nuppu. Päis leitakse veergude nimede järgi.",
  readSelection: "Loe valitud vahemik",
  readingSelection: "Loen valitud vahemikku…",
  selectionFound: (rows: number, where: string) => `Vahemikust ${where} leiti ${rows} rida.`,
  selectionOwner: "Kelle ajakava see on?",
  ownerName: "Elluviija või partneri nimi (nt Tartu linn)",
  ownerRole: "Roll",
  roleNames: { elluviija: "elluviija", partner: "partner" } as Record<"elluviija" | "partner", string>,
  writeSelection: "Kirjuta ajakavaks",
  writingSelection: "Kirjutan ajakava lehte…",
  selectionWritten: (sheet: string, backups: string) =>
    `Ajakava kirjutatud lehele „${sheet}“ ja lisatud lehele „Seaded“.${backups ? ` Varukoopia: ${backups}.` : ""}`,
  loadSample: "Lae näidiskäskkiri",
  preview: "Eelvaade",
  previewing: "Loen teksti…",
  previewTitle: "Leitud",
  implementerColumn: "Elluviija / partner",
  roleColumn: "Roll",
  rowsColumn: "Ridu",
  totalColumn: "Kokku (EUR)",
  grandTotal: "Kokku",
  noDiagnostics: "Impordi teated: puuduvad — kõik read loeti.",
  diagnosticsTitle: (count: number) => `Impordi teated (${count})`,
  lineLabel: (line: number | null) => (line === null ? "" : `rida ${line}`),
  write: "Kirjuta töövihikusse",
  writing: "Kirjutan ajakavad töövihikusse…",
  conflictTitle: "Lehed on juba olemas",
  conflictBody: (sheets: string) =>
    `Töövihikus on juba lehed: ${sheets}. Kas asendada need (vanad jäävad varukoopiaks nimega „… (varu)“) või importida uued teise nimega?`,
  replace: "Asenda (jäta varukoopia)",
  keepBoth: "Impordi teise nimega",
  cancel: "Loobu",
  imported: (sheets: string, backups: string) =>
    `Kirjutatud lehed: ${sheets}.${backups ? ` Varukoopiad: ${backups}.` : ""}`,
  unsupportedFile: (name: string) =>
    `Faili „${name}“ ei saa lugeda: toetatud on tekstifail (.txt), Wordi fail (.docx), PDF (.pdf) ja Exceli töövihik (.xlsx).`,
  notText: (name: string) => `Fail „${name}“ ei ole UTF-8 tekst. Salvestage käskkirja tekst UTF-8 kodeeringus.`,
  emptyText: "Kleepige tekst või valige fail.",
  // Check
  checkLead: "Kontrollib töövihiku ajakavu: summad, koodid, kuupäevad, vastutajad ja näitajad.",
  runCheck: "Kontrolli",
  checking: "Kontrollin töövihikut…",
  marks: "Märgi lahtrid värviga",
  clearingMarks: "Eemaldan märke…",
  marksCleared: (count: number) => `Märgid eemaldatud (${count} lahtrit, nende oma vormingud taastatud).`,
  checkCounts: (errors: number, warnings: number, infos: number) =>
    `${errors} ${errors === 1 ? "viga" : "viga"}, ${warnings} ${warnings === 1 ? "hoiatus" : "hoiatust"}, ${infos} ${infos === 1 ? "teade" : "teadet"}`,
  marked: (count: number) => `Märgitud ${count} lahtrit.`,
  noFindings: "Vastuolusid ei leitud.",
  wholePlan: "Kogu kava",
  severity: { error: "Vead", warning: "Hoiatused", info: "Teated" } as Record<Severity, string>,
  severityOne: { error: "Viga", warning: "Hoiatus", info: "Teade" } as Record<Severity, string>,
  folded: (count: number, rule: string) => `${count} sarnast leidu (${rule})`,
  declared: "Dokumendis",
  computed: "Arvutatud",
  difference: "Vahe",
  expected: "Oodatud",
  actual: "Dokumendis",
  goTo: (where: string) => `Mine lahtrisse ${where}`,
  readDiagnostics: (count: number) => `Töövihiku lugemise teated (${count})`,
  // Recalc
  recalcLead:
    "Kirjutab ülemridade summad uuesti valemiteks (SUMMA alamridadest). Muudetud lahtrite eelmine sisu jääb peidetud varulehele.",
  runRecalc: "Arvuta ülemread uuesti",
  recalculating: "Kirjutan valemeid…",
  recalcDone: (formulas: number, changed: number) => `${formulas} ülemrea valemit, neist muutus ${changed}.`,
  recalcNothing: "Kõik ülemread olid juba õiged valemid; midagi ei muudetud.",
  recalcBackup: (sheet: string) => `Eelmine sisu on peidetud lehel „${sheet}“.`,
  numberTypedOver: "arv",
  cellColumn: "Lahter",
  beforeColumn: "Enne",
  afterColumn: "Nüüd",
  // Lisa 2
  lisa2Lead:
    "Koostab lisa 2 (eelarve) lehtedele „Lisa 2“ ja „Lisa 2 maatriks“: summad on valemid ajakavadel. Uuesti koostamine asendab ainult need lehed.",
  rateLabel: "Kaudsete kulude määr (%)",
  rateHint: "Tühi: kaudseid kulusid ei arvestata. Ministeeriumi teistes TAT-ides on 7 %.",
  rateInvalid: "Määr peab olema arv 0 kuni 100 (nt 7 või 7,5).",
  generate: "Koosta lisa 2",
  generating: "Koostan lisa 2…",
  downloadDocx: "Laadi alla Wordi fail (.docx)",
  makingDocx: "Koostan Wordi faili…",
  docxInBrowser: (name: string) =>
    `See Excel ei lase lisandmoodulil faile alla laadida, seepärast avasin brauseri. Vajutage brauseris nuppu „Salvesta ${name}“. Fail on ainult brauserile antud aadressi #-järgses osas, mis serverisse ei lähe.`,
  docxTooLarge: (length: number, limit: number) =>
    `Wordi fail on brauserile üleandmiseks liiga suur (aadress oleks ${length} märki, ohutu piir on ${limit}).`,
  docxUnavailable: "See Excel ei lase lisandmoodulil faile alla laadida ega brauserit avada.",
  docxBrowserFailed: (message: string) => `Brauserit ei õnnestunud avada (${message}).`,
  docxOtherWays:
    "Lisa 2 on töövihikus lehtedel „Lisa 2“ ja „Lisa 2 maatriks“ (nupp „Koosta lisa 2“); neid saab Excelist printida või PDF-ina salvestada. Wordi faili saab sama töövihikuga Excelis veebis või Windowsis või käsurealt: npx tat-budget annex töövihik.xlsx -o lisa2.xlsx --docx lisa2.docx",
  lisa2Done: (sheets: string) => `Lisa 2 koostatud: ${sheets}.`,
  lisa2Draft: (errors: number) =>
    `MUSTAND: kontroll leidis ${errors} ${errors === 1 ? "vea" : "viga"}; need on loetletud lisa all. Parandage ajakavad ja koostage lisa uuesti.`,
  reconciles: (total: string) => `Lisa 2 otsesed kulud klapivad lisa 1 ajakavadega (${total}).`,
  disagrees: (difference: string) => `Lisa 2 ja lisa 1 EI KLAPI: vahe ${difference}.`,
  directCosts: "Otsesed kulud (1.1)",
  indirectCosts: "Kaudsed kulud (1.2)",
  budgetTotal: "Kokku (1)",
  noIndirect: "määramata",
  // Settings
  settingsLead: "Need väärtused on lehel „Seaded“: kaasautorid näevad samu seadeid.",
  loadSettings: "Loe seaded töövihikust",
  loadingSettings: "Loen seadeid…",
  directiveNumber: "Käskkirja number",
  directiveDate: "Käskkirja kuupäev",
  planStart: "Tegevuskava perioodi algus",
  planEnd: "Tegevuskava perioodi lõpp",
  partnershipsTitle: "Partnerluslepingute perioodid",
  partnerColumn: "Partner",
  startColumn: "Algus",
  endColumn: "Lõpp",
  dateInvalid: "Kuupäev kujul pp.kk.aaaa, nt 31.12.2025.",
  periodReversed: "Algus on pärast lõppu.",
  saveSettings: "Salvesta seaded",
  savingSettings: "Salvestan seadeid…",
  settingsSaved: "Seaded salvestatud lehele „Seaded“.",
  selfTestLink: "Exceli enesetest",
  selfTestHint:
    "kontrollib ajutistel lehtedel, kas see Excel teeb seda, mida lisandmoodul eeldab, ja annab aruande arendajatele.",
  languageLabel: "Keel",
  languageNames: { et: "eesti keel", en: "English" } as Record<Language, string>,
};

export type Messages = typeof et;

const en: Messages = {
  language: "en",
  appTitle: "TAT budget",
  appLead: "The supported activity's action plan (lisa 1) and budget (lisa 2) from the directive.",
  notInExcel: "The page is open outside Excel: the workbook actions are not available.",
  excelTooOld:
    "This Excel is too old for the add-in (it needs Excel API 1.9: Microsoft 365, Excel 2021 or newer, Excel on the web). The workbook actions are not available.",
  tabs: { import: "Import", check: "Check", recalc: "Totals", lisa2: "Lisa 2", settings: "Settings" },
  tabsLabel: "Actions",
  working: "Working…",
  errorTitle: "That did not work",
  dismiss: "Close",
  importLead:
    "Paste the directive's text (copied from the PDF) or choose a text file. You see what was found before anything is written.",
  textLabel: "Directive text",
  textPlaceholder: "Paste the directive's text here…",
  chooseFile: "Choose a file",
  fileFormats:
    "Supported: the directive's text (.txt, UTF-8), Word (.docx), PDF (.pdf) and an Excel workbook (.xlsx) with schedule tables.",
  selectionTitle: "From a table pasted into Excel",
  selectionLead:
    "Paste a schedule table from Word or PDF into a sheet, select it with its header and press the button. The header is found by its column names.",
  readSelection: "Read the selected range",
  readingSelection: "Reading the selected range…",
  selectionFound: (rows, where) => `${rows} rows found in ${where}.`,
  selectionOwner: "Whose schedule is it?",
  ownerName: "Implementer or partner name (e.g. Tartu linn)",
  ownerRole: "Role",
  roleNames: { elluviija: "implementer", partner: "partner" },
  writeSelection: "Write as a schedule",
  writingSelection: "Writing the schedule sheet…",
  selectionWritten: (sheet, backups) =>
    `Schedule written to the sheet "${sheet}" and listed on "Seaded".${backups ? ` Backup: ${backups}.` : ""}`,
  loadSample: "Load the sample directive",
  preview: "Preview",
  previewing: "Reading the text…",
  previewTitle: "Found",
  implementerColumn: "Implementer / partner",
  roleColumn: "Role",
  rowsColumn: "Rows",
  totalColumn: "Total (EUR)",
  grandTotal: "Total",
  noDiagnostics: "Import messages: none — every row was read.",
  diagnosticsTitle: (count) => `Import messages (${count})`,
  lineLabel: (line) => (line === null ? "" : `line ${line}`),
  write: "Write to the workbook",
  writing: "Writing the schedules to the workbook…",
  conflictTitle: "Sheets already exist",
  conflictBody: (sheets) =>
    `The workbook already has sheets: ${sheets}. Replace them (the old ones are kept as "… (varu)" backups) or import the new ones under other names?`,
  replace: "Replace (keep a backup)",
  keepBoth: "Import under other names",
  cancel: "Cancel",
  imported: (sheets, backups) => `Sheets written: ${sheets}.${backups ? ` Backups: ${backups}.` : ""}`,
  unsupportedFile: (name) =>
    `"${name}" cannot be read: a text file (.txt), a Word file (.docx), a PDF (.pdf) or an Excel workbook (.xlsx) is.`,
  notText: (name) => `"${name}" is not UTF-8 text. Save the directive's text as UTF-8.`,
  emptyText: "Paste a text or choose a file.",
  checkLead: "Checks the workbook's schedules: sums, codes, dates, responsible parties and indicators.",
  runCheck: "Check",
  checking: "Checking the workbook…",
  marks: "Mark the cells in colour",
  clearingMarks: "Removing the marks…",
  marksCleared: (count) => `Marks removed (${count} cells, their own formats restored).`,
  checkCounts: (errors, warnings, infos) =>
    `${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}, ${infos} ${infos === 1 ? "note" : "notes"}`,
  marked: (count) => `${count} cells marked.`,
  noFindings: "No inconsistencies found.",
  wholePlan: "Whole plan",
  severity: { error: "Errors", warning: "Warnings", info: "Notes" },
  severityOne: { error: "Error", warning: "Warning", info: "Note" },
  folded: (count, rule) => `${count} similar findings (${rule})`,
  declared: "Declared",
  computed: "Computed",
  difference: "Difference",
  expected: "Expected",
  actual: "Document",
  goTo: (where) => `Go to cell ${where}`,
  readDiagnostics: (count) => `Messages from reading the workbook (${count})`,
  recalcLead:
    "Rewrites the parent rows' totals as formulas (SUM of their items). What the changed cells held is kept on a hidden backup sheet.",
  runRecalc: "Recalculate parent rows",
  recalculating: "Writing the formulas…",
  recalcDone: (formulas, changed) => `${formulas} parent-row formulas, ${changed} changed.`,
  recalcNothing: "Every parent row already held the right formula; nothing was changed.",
  recalcBackup: (sheet) => `What they held is on the hidden sheet "${sheet}".`,
  numberTypedOver: "a number",
  cellColumn: "Cell",
  beforeColumn: "Before",
  afterColumn: "Now",
  lisa2Lead:
    'Builds lisa 2 (the budget) on the sheets "Lisa 2" and "Lisa 2 maatriks": the amounts are formulas on the schedules. Building it again replaces only those sheets.',
  rateLabel: "Indirect-cost rate (%)",
  rateHint: "Empty: no indirect costs. The ministry's other TATs use 7 %.",
  rateInvalid: "The rate must be a number from 0 to 100 (e.g. 7 or 7,5).",
  generate: "Build lisa 2",
  generating: "Building lisa 2…",
  downloadDocx: "Download the Word file (.docx)",
  makingDocx: "Building the Word file…",
  docxInBrowser: (name) =>
    `This Excel does not let add-ins download files, so your browser was opened. Press “Save ${name}” there. The file is only in the part of the address after the #, which is never sent to a server.`,
  docxTooLarge: (length, limit) =>
    `The Word file is too large to hand to the browser (the address would be ${length} characters; the safe limit is ${limit}).`,
  docxUnavailable: "This Excel lets add-ins neither download files nor open a browser.",
  docxBrowserFailed: (message) => `The browser could not be opened (${message}).`,
  docxOtherWays:
    "Lisa 2 is in the workbook on the sheets “Lisa 2” and “Lisa 2 maatriks” (the Build lisa 2 button); Excel can print them or save them as PDF. The Word file can be made from the same workbook in Excel on the web or on Windows, or on the command line: npx tat-budget annex workbook.xlsx -o lisa2.xlsx --docx lisa2.docx",
  lisa2Done: (sheets) => `Lisa 2 built: ${sheets}.`,
  lisa2Draft: (errors) =>
    `DRAFT (MUSTAND): the check found ${errors} ${errors === 1 ? "error" : "errors"}, listed below the annex. Correct the schedules and build it again.`,
  reconciles: (total) => `Lisa 2's direct costs agree with the lisa 1 schedules (${total}).`,
  disagrees: (difference) => `Lisa 2 and lisa 1 DISAGREE: difference ${difference}.`,
  directCosts: "Direct costs (1.1)",
  indirectCosts: "Indirect costs (1.2)",
  budgetTotal: "Total (1)",
  noIndirect: "not set",
  settingsLead: 'These values live on the sheet "Seaded": co-authors see the same settings.',
  loadSettings: "Read the settings from the workbook",
  loadingSettings: "Reading the settings…",
  directiveNumber: "Directive number",
  directiveDate: "Directive date",
  planStart: "Plan period start",
  planEnd: "Plan period end",
  partnershipsTitle: "Partnership agreement periods",
  partnerColumn: "Partner",
  startColumn: "Start",
  endColumn: "End",
  dateInvalid: "A date as dd.mm.yyyy, e.g. 31.12.2025.",
  periodReversed: "The start is after the end.",
  saveSettings: "Save the settings",
  savingSettings: "Saving the settings…",
  settingsSaved: 'Settings saved to the sheet "Seaded".',
  selfTestLink: "Excel self-test",
  selfTestHint:
    "checks on temporary sheets that this Excel does what the add-in expects, and gives a report for the developers.",
  languageLabel: "Language",
  languageNames: { et: "eesti keel", en: "English" },
};

export const MESSAGES: Readonly<Record<Language, Messages>> = { et, en };

export const MessagesContext = createContext<Messages>(et);

export function useMessages(): Messages {
  return useContext(MessagesContext);
}
