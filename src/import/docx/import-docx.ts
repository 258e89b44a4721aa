import { CalendarDate, Period } from "../../model/calendar-date";
import { parseMoney } from "../../model/money";
import {
  ActionPlan,
  ImportDiagnostic,
  ImportError,
  ImportResult,
  Implementer,
  ImplementerRole,
  IndicatorRow,
  ScheduleRow,
} from "../../model/plan";
import { refuseIfTooLarge } from "../limits";
import { KnownPartner, partnerAliases, partnerInHeading } from "../text/names";
import { matchCaption, matchRowStart } from "../text/patterns";
import { readDirective, readImplementerName, readPartners, readPlanPeriod } from "../text/preamble";
import { Block, TableBlock, WordRow, readWordBody, tidy } from "./word-xml";

/**
 * Reads the action plan (lisa 1) from a Word document's own structure: its paragraphs for the title block,
 * section 1.1 and the implementers' headings, its tables for the schedules and indicators. Unlike the PDF
 * text, a table's rows and cells are given, so a row is read whole or reported; it is never guessed at.
 *
 * `line` (of rows, indicators and diagnostics) is the 1-based position in the document body counting each
 * paragraph outside a table and each table row as one: see ./word-xml.ts.
 */
export async function importDocx(bytes: Uint8Array): Promise<ImportResult> {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
    throw new ImportError(
      "Fail on tühi. Valige käskkirja lisa 1 (tegevuskava) Wordi dokument (.docx).",
      "The file is empty. Choose the Word document (.docx) of the directive's annex 1 (action plan).",
    );
  }
  refuseIfTooLarge("docx", bytes.length);
  const blocks = await readWordBody(bytes);
  return new DocxPlanReader(blocks).read();
}

type ScheduleRole = "activity" | "frame" | "plan" | "amount" | "responsible";
type IndicatorRole = "name" | "unit" | "target" | "target2029" | "explanation";

const SCHEDULE_ROLE_NAMES: Record<ScheduleRole, [string, string]> = {
  activity: ["Tegevus", "activity"],
  frame: ["Tegevuse üldajaraam", "overall time frame"],
  plan: ["Tegevuse algus- ja lõppkuupäev tegevuskava perioodil", "dates within the plan period"],
  amount: ["Planeeritav maksumus", "planned cost"],
  responsible: ["Tegevuse eest vastutaja", "responsible"],
};

/** Header words, matched loosely: the ministry's tables word their headers a little differently each year. */
const SCHEDULE_HEADERS: Array<[ScheduleRole, RegExp]> = [
  ["frame", /üldajaraam|ajaraam/iu],
  ["plan", /algus|lõppkuupäev|tegevuskava\s+perioodil/iu],
  ["amount", /maksumus|summa|eelarve|\beur\b/iu],
  ["responsible", /vastutaja|vastutav/iu],
  ["activity", /tegevus/iu],
];
const INDICATOR_HEADERS: Array<[IndicatorRole, RegExp]> = [
  ["unit", /mõõtühik|ühik/iu],
  ["target2029", /2029/u],
  ["target", /sihttase/iu],
  ["explanation", /selgitus/iu],
  ["name", /indikaator|näitaja/iu],
];

type Columns<R extends string> = Partial<Record<R, number>>;

interface TableHeader {
  /** Rows at the table's top that are header, not data. */
  rows: number;
  /** Per grid column, the header text over it. */
  texts: string[];
}

interface OpenSchedule {
  table: number;
  implementer: Implementer;
  columns: Columns<ScheduleRole>;
  header: string[];
  line: number;
  rows: number;
}

const DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])/g;
const RANGE_ONLY = /^\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*[-\u2010-\u2015\u2212]?\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*\.?\s*$/u;
/** The generator's section 1.1 form, with the partner's name in the nominative. */
const PARTNERSHIP_LINE =
  /^Partnerluslepingu\s+periood:\s*(.+?)\s+(\d{1,2}\.\d{1,2}\.\d{4})\s*[-\u2010-\u2015\u2212]\s*(\d{1,2}\.\d{1,2}\.\d{4})\.?$/u;

class DocxPlanReader {
  private readonly diagnostics: ImportDiagnostic[] = [];
  private readonly implementers: Implementer[] = [];
  private readonly indicators: IndicatorRow[] = [];
  private readonly schedules: OpenSchedule[] = [];
  private readonly partnerships = new Map<string, Period>();
  /** The short names section 1.1 gives partners ("(edaspidi partner INSA)"), by nominative name. */
  private readonly partnerShortNames = new Map<string, string[]>();
  private readonly preambleTexts: string[] = [];
  private readonly allTexts: string[] = [];
  private implementerName: string | null = null;

  private currentImplementer: Implementer | null = null;
  private caption: { kind: "schedule" | "indicators"; table: number; line: number } | null = null;
  /** The schedule table a caption-less table right after it continues. */
  private open: OpenSchedule | null = null;
  private seenSchedule = false;
  private readonly reportedMissing = new Set<string>();

  constructor(private readonly blocks: Block[]) {}

  read(): ImportResult {
    if (!this.blocks.some((block) => block.kind === "table" && this.isSchedule(block))) {
      throw new ImportError(
        "Dokumendist ei leitud ühtegi tegevuste ajakava tabelit. Oodatakse käskkirja lisa 1 dokumenti, kus on " +
          "tabelid veergudega „Tegevus“, „Tegevuse üldajaraam“, „Tegevuse algus- ja lõppkuupäev tegevuskava " +
          "perioodil“, „Planeeritav maksumus“ ja „Tegevuse eest vastutaja“.",
        'No activity schedule table was found in the document. Expected the directive\'s annex 1 with tables whose columns are "Tegevus" (activity), "Tegevuse üldajaraam" (overall frame), "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil" (plan-period dates), "Planeeritav maksumus" (planned cost) and "Tegevuse eest vastutaja" (responsible).',
      );
    }
    this.readPreamble();
    for (const block of this.blocks) {
      if (block.kind === "paragraph") this.readParagraph(block.text, block.line);
      else this.readTable(block);
    }
    return { plan: this.finish(), diagnostics: this.diagnostics };
  }

  /** The title block and section 1.1 stand before the first schedule table; their sentences are the text importer's. */
  private readPreamble(): void {
    for (const block of this.blocks) {
      if (block.kind === "table" && this.isSchedule(block)) break;
      const texts =
        block.kind === "paragraph" ? [block.text] : block.rows.map((row) => row.cells.map((c) => c.text).join(" "));
      this.preambleTexts.push(...texts);
    }
    for (const block of this.blocks) {
      if (block.kind === "paragraph") this.allTexts.push(block.text);
    }
    const before = this.preambleTexts.join(" ");
    this.implementerName = readImplementerName(before);
    for (const partner of readPartners(before)) {
      this.partnerships.set(partner.name, partner.period);
      this.partnerShortNames.set(partner.name, partner.aliases);
    }
  }

  private readParagraph(text: string, line: number): void {
    if (text === "") return;
    const caption = matchCaption(text);
    if (caption && caption.index === 0) {
      this.caption = { kind: caption.kind, table: caption.table, line };
      this.open = null;
      return;
    }
    const partnership = PARTNERSHIP_LINE.exec(text);
    if (partnership) {
      const period = rangeOf(partnership[2], partnership[3]);
      if (period) this.partnerships.set(partnership[1].trim(), period);
      return;
    }
    const heading = this.readHeading(text);
    if (heading) {
      this.currentImplementer = this.implementer(heading.name, heading.role);
      this.open = null;
    }
  }

  /**
   * "1. Elluviija tegevused[: ELVL]", "3.5.2.1 … Tartu linnas", "3.4.4.2 … Integratsiooni Sihtasutuses", "Partneri
   * tegevused: <nimi>". A partner is named in any case form, by any name section 1.1 gave it, whatever the
   * activity's code. Headings are short; narrative paragraphs that name a municipality ("… Tartu linnas 1
   * koordinaator") are not.
   */
  private readHeading(text: string): { name: string; role: ImplementerRole } | null {
    if (text.length > 200) return null;
    // Word's automatic numbering keeps "1." out of the text, so the number is optional.
    const elluviija = /^(?:\d+\.?\s+)?Elluviija\s+tegevused\b(?:\s*:\s*([^.:]+))?/iu.exec(text);
    if (elluviija) {
      return { name: elluviija[1]?.trim() || this.implementerName || "Elluviija", role: "elluviija" };
    }
    const other = /^Partneri\s+tegevused:\s*(.+?)\.?$/iu.exec(text);
    if (other) return { name: other[1].trim(), role: "partner" };
    const numbered = /^(?:\d+(?:\.\d+)*\.?\s+)*\d+(?:\.\d+){2,}\.?\s/u.test(text);
    const partnersSection = /^(?:\d+(?:\.\d+)*\.?\s+)?Partnerite\s+tegevused/iu.test(text);
    if (numbered || partnersSection || /^Sihtrühmale\s+teenuste\s+arendamine/iu.test(text)) {
      const name = partnerInHeading(text.slice(0, 160), this.knownPartners());
      if (name) return { name, role: "partner" };
    }
    return null;
  }

  private knownPartners(): KnownPartner[] {
    return [...this.partnerships.keys()].map((name) => ({ name, aliases: this.partnerShortNames.get(name) ?? [] }));
  }

  private implementer(name: string, role: ImplementerRole): Implementer {
    const existing = this.implementers.find((candidate) => candidate.name === name);
    if (existing) return existing;
    const created: Implementer = {
      name,
      role,
      aliases: role === "partner" ? partnerAliases(name, this.partnerShortNames.get(name)) : [name, "elluviija"],
      tables: [],
      partnership: null,
      rows: [],
    };
    this.implementers.push(created);
    return created;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Tables

  private readTable(block: TableBlock): void {
    if (block.rows.length === 0) return;
    const header = readHeader(block.rows);
    const scheduleColumns = header ? assign(header.texts, SCHEDULE_HEADERS) : {};
    const indicatorColumns = header ? assign(header.texts, INDICATOR_HEADERS) : {};
    const caption = this.caption;
    this.caption = null;

    if (header && isScheduleHeader(scheduleColumns)) {
      this.seenSchedule = true;
      let schedule: OpenSchedule;
      if (!caption && this.open && this.open.implementer === this.currentImplementer) {
        // The same table after a page break, its header repeated as a row of its own.
        schedule = this.open;
        schedule.columns = scheduleColumns;
        schedule.header = header.texts;
      } else {
        schedule = this.openSchedule(caption, block.rows[0].line, scheduleColumns, header.texts);
      }
      this.reportMissingColumns(schedule.table, scheduleColumns, block.rows[0].line);
      this.readScheduleRows(schedule, block.rows.slice(header.rows));
      return;
    }
    if (header && indicatorColumns.target !== undefined && indicatorColumns.name !== undefined) {
      this.readIndicatorRows(caption?.table ?? 0, indicatorColumns, header.texts, block.rows.slice(header.rows));
      this.open = null;
      return;
    }
    // A table broken over pages may carry no header of its own: it goes on with the columns it had.
    if (!header && !caption && this.open) {
      this.readScheduleRows(this.open, block.rows);
      return;
    }
    if (!header && caption?.kind === "indicators") {
      const columns: Columns<IndicatorRole> = { name: 0, unit: 1, target: 2, target2029: 3, explanation: 4 };
      this.readIndicatorRows(caption.table, columns, [], block.rows);
      return;
    }
    if (caption?.kind === "schedule" || (this.seenSchedule && this.open)) {
      this.report(
        "warning",
        "unrecognised-table",
        block.rows[0].line,
        `Tabelit${caption ? ` ${caption.table}` : ""} ei tuntud ära tegevuste ajakavana: selle päises puuduvad ` +
          "ajakava veerud; tabel jäeti vahele.",
        `Table${caption ? ` ${caption.table}` : ""} was not recognised as an activity schedule: its header lacks ` +
          "the schedule columns; it was skipped.",
        block.rows.map((row) => row.cells.map((cell) => cell.text).join(" | ")).join("\n"),
      );
    }
    this.open = null;
  }

  private isSchedule(block: TableBlock): boolean {
    const header = readHeader(block.rows);
    return header !== null && isScheduleHeader(assign(header.texts, SCHEDULE_HEADERS));
  }

  private openSchedule(
    caption: { kind: string; table: number; line: number } | null,
    line: number,
    columns: Columns<ScheduleRole>,
    header: string[],
  ): OpenSchedule {
    const again = caption
      ? this.schedules.find((open) => open.table === caption.table && open.implementer === this.currentImplementer)
      : undefined;
    if (again) {
      // "Tabel 9. Tegevuste ajakava" captioned again where the table resumes: still table 9.
      again.columns = columns;
      again.header = header;
      this.open = again;
      return again;
    }
    let table: number;
    if (caption) {
      table = caption.table;
    } else {
      const numbers = this.schedules.map((schedule) => schedule.table);
      table = Math.max(0, ...numbers, ...this.indicators.map((indicator) => indicator.table)) + 1;
      this.report(
        "warning",
        "missing-caption",
        line,
        `Tegevuste ajakava tabeli ees puudub pealkiri „Tabel N. Tegevuste ajakava“; tabelile anti number ${table}.`,
        `An activity schedule table has no caption "Tabel N. Tegevuste ajakava"; it was numbered ${table}.`,
      );
    }
    let implementer = this.currentImplementer;
    if (!implementer) {
      implementer = this.implementer(`Tabel ${table}`, "partner");
      this.report(
        "warning",
        "unknown-implementer",
        line,
        `Tabeli ${table} elluviijat ei leitud: tabeli ees puudub elluviija või partneri osa pealkiri.`,
        `The implementer of table ${table} was not found: no implementer or partner section heading precedes it.`,
      );
      this.currentImplementer = implementer;
    }
    implementer.tables.push(table);
    const schedule: OpenSchedule = { table, implementer, columns, header, line, rows: 0 };
    this.schedules.push(schedule);
    this.open = schedule;
    return schedule;
  }

  private reportMissingColumns(table: number, columns: Columns<ScheduleRole>, line: number): void {
    for (const role of Object.keys(SCHEDULE_ROLE_NAMES) as ScheduleRole[]) {
      if (columns[role] !== undefined || this.reportedMissing.has(`${table}:${role}`)) continue;
      this.reportedMissing.add(`${table}:${role}`);
      const [et, en] = SCHEDULE_ROLE_NAMES[role];
      this.report(
        role === "amount" || role === "activity" ? "error" : "warning",
        "missing-column",
        line,
        `Tabelis ${table} puudub veerg „${et}“; read loeti ilma selleta.`,
        `Table ${table} has no column "${en}" ("${et}"); its rows were read without it.`,
      );
    }
  }

  private readScheduleRows(schedule: OpenSchedule, rows: WordRow[]): void {
    for (const row of rows) {
      const texts = columnTexts(row);
      if (row.repeatedHeader || sameTexts(texts, schedule.header) || isColumnNumbers(texts)) continue;
      if (texts.every((text) => text === "")) continue;
      const cellOf = (role: ScheduleRole) => {
        const column = schedule.columns[role];
        return column === undefined ? null : (texts[column] ?? "");
      };
      const parsed = this.readScheduleRow(cellOf, row.line, schedule.table, schedule.columns);
      schedule.implementer.rows.push(parsed);
      schedule.rows++;
    }
  }

  private readScheduleRow(
    cellOf: (role: ScheduleRole) => string | null,
    line: number,
    table: number,
    columns: Columns<ScheduleRole>,
  ): ScheduleRow {
    const first = cellOf("activity") ?? "";
    const start = matchRowStart(first);
    const label = start ? (start.kind === "personnel" ? first : start.labelStart) : first;
    const where = start?.printedCode ?? (label || `rida ${line}`);
    if (!start) {
      this.report(
        "warning",
        "row-without-code",
        line,
        `Tabeli ${table} real „${where}“ puudub tegevuse kood; rida loeti koodita tegevusena.`,
        `A row of table ${table}, "${where}", has no activity code; it was read as an activity without a code.`,
        first,
      );
    }
    const frame = this.readRange(cellOf("frame"), line, where);
    const plan = this.readRange(cellOf("plan"), line, where);
    const amountCell = cellOf("amount");
    let amount = null;
    let amountText: string | null = null;
    if (amountCell !== null && amountCell !== "") {
      amountText = amountCell;
      amount = parseMoney(amountCell.replace(/\s*(?:€|EUR|eurot?)$/iu, ""));
      if (!amount) {
        this.report(
          "error",
          "unreadable-amount",
          line,
          `Rea „${where}“ planeeritav maksumus „${amountCell}“ ei ole loetav summa.`,
          `The planned cost "${amountCell}" of row "${where}" is not a readable amount.`,
          amountCell,
        );
      }
    } else if (columns.amount !== undefined) {
      this.report(
        "error",
        "missing-amount",
        line,
        `Real „${where}“ puudub planeeritav maksumus.`,
        `Row "${where}" has no planned cost.`,
      );
    }
    const responsible = cellOf("responsible");
    return {
      code: start?.code ?? null,
      printedCode: start?.printedCode ?? null,
      codeStyle: start?.codeStyle ?? null,
      label,
      kind: start?.kind ?? "activity",
      amount,
      amountText,
      frame: frame.period,
      frameText: frame.text,
      plan: plan.period,
      planText: plan.text,
      responsible: responsible ? responsible : null,
      line,
      table,
    };
  }

  /** One range per cell; anything else keeps its text and is reported, so that nothing is lost. */
  private readRange(text: string | null, line: number, where: string): { period: Period | null; text: string | null } {
    if (text === null || text === "") return { period: null, text: null };
    const range = RANGE_ONLY.exec(text);
    if (range) {
      const period = rangeOf(range[1], range[2]);
      if (period) return { period, text: `${range[1]} \u2013 ${range[2]}` };
      this.report(
        "error",
        "invalid-date",
        line,
        `Rea „${where}“ kuupäevavahemikus „${text}“ on kuupäev, mida ei ole olemas (pp.kk.aaaa).`,
        `The range "${text}" of row "${where}" has a date that does not exist (dd.mm.yyyy).`,
        text,
      );
      return { period: null, text };
    }
    const dates = [...text.matchAll(DATE)];
    if (dates.length > 2) {
      this.report(
        "error",
        "several-ranges",
        line,
        `Rea „${where}“ lahtris on mitu kuupäevavahemikku: „${text}“. Jäeti lugemata; tekst on säilitatud.`,
        `A cell of row "${where}" holds several date ranges: "${text}". Not read; the text is kept.`,
        text,
      );
    } else {
      this.report(
        "error",
        "unreadable-dates",
        line,
        `Rea „${where}“ lahter „${text}“ ei ole kuupäevavahemik (pp.kk.aaaa – pp.kk.aaaa).`,
        `The cell "${text}" of row "${where}" is not a date range (dd.mm.yyyy – dd.mm.yyyy).`,
        text,
      );
    }
    return { period: null, text };
  }

  private readIndicatorRows(table: number, columns: Columns<IndicatorRole>, header: string[], rows: WordRow[]): void {
    const cell = (texts: string[], role: IndicatorRole) => {
      const column = columns[role];
      return column === undefined ? "" : (texts[column] ?? "");
    };
    for (const row of rows) {
      const texts = columnTexts(row);
      if (row.repeatedHeader || sameTexts(texts, header) || isColumnNumbers(texts)) continue;
      if (texts.every((text) => text === "")) continue;
      this.indicators.push({
        table,
        name: cell(texts, "name"),
        unit: cell(texts, "unit"),
        target: cell(texts, "target").replace(",", "."),
        target2029: cell(texts, "target2029").replace(",", "."),
        explanation: cell(texts, "explanation"),
        line: row.line,
      });
    }
  }

  // -------------------------------------------------------------------------------------------------------------

  private finish(): ActionPlan {
    const before = this.preambleTexts.join(" ");
    const planPeriod = readPlanPeriod(before) ?? readPlanPeriod(this.allTexts.join(" "));
    if (!planPeriod) {
      this.report(
        "warning",
        "missing-plan-period",
        null,
        "Tegevuskava perioodi ei leitud („tegevuskava perioodil pp.kk.aaaa – pp.kk.aaaa“).",
        'The plan period was not found ("tegevuskava perioodil dd.mm.yyyy – dd.mm.yyyy").',
      );
    }
    for (const implementer of this.implementers) {
      if (implementer.role !== "partner") continue;
      implementer.partnership = this.partnerships.get(implementer.name) ?? null;
      if (!implementer.partnership && !implementer.name.startsWith("Tabel ")) {
        this.report(
          "warning",
          "missing-partnership",
          null,
          `Partneri „${implementer.name}“ partnerluslepingu perioodi ei leitud punktist 1.1.`,
          `The partnership agreement period of "${implementer.name}" was not found in section 1.1.`,
        );
      }
    }
    for (const schedule of this.schedules) {
      if (schedule.rows > 0) continue;
      this.report(
        "error",
        "empty-table",
        schedule.line,
        `Tabelis ${schedule.table} („Tegevuste ajakava“) ei leitud ühtegi rida.`,
        `No rows were found in table ${schedule.table} ("Tegevuste ajakava").`,
      );
    }
    return {
      planPeriod,
      directive: readDirective(before),
      implementers: this.implementers,
      indicators: this.indicators,
    };
  }

  private report(
    severity: ImportDiagnostic["severity"],
    id: string,
    line: number | null,
    message: string,
    messageEn: string,
    text?: string,
  ): void {
    this.diagnostics.push(
      text === undefined
        ? { severity, id, line, message, messageEn }
        : { severity, id, line, message, messageEn, text },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Headers

/**
 * The header is the rows at the top marked to repeat, or that name columns and hold no row or date: one row
 * usually, two when a merged cell groups columns ("Ajakava" over two date columns).
 */
function readHeader(rows: WordRow[]): TableHeader | null {
  // A loop, not Math.max(...rows): a table of a few hundred thousand rows would overflow the stack as arguments.
  const width = rows.reduce((widest, row) => Math.max(widest, columnTexts(row).length), 0);
  const texts: string[][] = Array.from({ length: width }, () => []);
  let count = 0;
  let groups = false;
  for (const row of rows.slice(0, 3)) {
    const cells = columnTexts(row);
    const joined = cells.join(" ");
    const named = [...SCHEDULE_HEADERS, ...INDICATOR_HEADERS].some(([, pattern]) => pattern.test(joined));
    const looksLikeData = matchRowStart(cells.find((text) => text !== "") ?? "") !== null || /\d\.\d{4}/.test(joined);
    if (isColumnNumbers(cells) && count > 0) {
      count++;
      continue;
    }
    // Past the first row, only a row under merged header cells is header too; otherwise it is the first data row.
    const underMerge = row.cells.some((cell) => cell.mergedFromAbove) || groups;
    if (!(row.repeatedHeader || (named && !looksLikeData && (count === 0 || underMerge)))) break;
    groups = row.cells.some((cell) => cell.span > 1);
    count++;
    row.cells.forEach((cell) => {
      for (let column = cell.column; column < cell.column + cell.span; column++) {
        // A vertically merged header cell repeats its text; it names the column once.
        if (cell.text !== "" && !texts[column].includes(cell.text)) texts[column].push(cell.text);
      }
    });
  }
  if (count === 0) return null;
  return { rows: count, texts: texts.map((parts) => parts.join(" ")) };
}

function assign<R extends string>(texts: string[], patterns: Array<[R, RegExp]>): Columns<R> {
  const columns: Columns<R> = {};
  const taken = new Set<number>();
  for (const [role, pattern] of patterns) {
    const column = texts.findIndex((text, index) => !taken.has(index) && pattern.test(text));
    if (column >= 0) {
      columns[role] = column;
      taken.add(column);
    }
  }
  return columns;
}

/** Three of the five columns, one of them a date column, make a schedule; fewer is some other table. */
function isScheduleHeader(columns: Columns<ScheduleRole>): boolean {
  const found = Object.keys(columns).length;
  return found >= 3 && (columns.frame !== undefined || columns.plan !== undefined);
}

/** The row's text per grid column; a cell spanning columns fills its first. */
function columnTexts(row: WordRow): string[] {
  const texts: string[] = [];
  for (const cell of row.cells) {
    while (texts.length < cell.column + cell.span) texts.push("");
    texts[cell.column] = cell.text;
  }
  return texts;
}

function sameTexts(row: string[], header: string[]): boolean {
  if (header.length === 0) return false;
  const a = row.filter((text) => text !== "").map(lower);
  const b = header.filter((text) => text !== "").map(lower);
  return a.length > 0 && a.length === b.length && a.every((text, index) => b[index].startsWith(text));
}

/** The row of column numbers ("1 | 2 | 3 | 4 | 5") some tables print under the header. */
function isColumnNumbers(texts: string[]): boolean {
  const numbers = texts.filter((text) => text !== "");
  return numbers.length >= 3 && numbers.every((text, index) => tidy(text).replace(/\.$/, "") === String(index + 1));
}

function lower(text: string): string {
  return text.toLowerCase();
}

function rangeOf(startText: string, endText: string): Period | null {
  const start = CalendarDate.parseEstonian(startText);
  const end = CalendarDate.parseEstonian(endText);
  return start && end ? { start, end } : null;
}
