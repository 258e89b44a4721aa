import { CalendarDate, Period } from "../../model/calendar-date";
import {
  ActionPlan,
  ImportDiagnostic,
  ImportError,
  ImportResult,
  Implementer,
  ImplementerRole,
  IndicatorRow,
  NoScheduleTableError,
} from "../../model/plan";
import { refuseIfTooLarge } from "../limits";
import {
  GridCell,
  REQUIRED_SCHEDULE_COLUMNS,
  ScheduleColumn,
  TableGrid,
  TableHeader,
  findScheduleHeader,
  looksLikeData,
  readIndicatorBody,
  readIndicatorTable,
  readScheduleTable,
  reportMissingColumn,
  reporter,
} from "../table";
import { KnownPartner, partnerAliases, partnerInHeading } from "../text/names";
import { matchCaption } from "../text/patterns";
import { nameWords, noteProse } from "../text/narrative";
import { readDirective, readImplementerName, readPartners, readPlanPeriod } from "../text/preamble";
import { Block, TableBlock, readWordBody } from "./word-xml";

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

interface OpenSchedule {
  table: number;
  implementer: Implementer;
  /** The header its rows are read with; a caption-less part after a page break goes on with it. */
  header: TableHeader<ScheduleColumn>;
  line: number;
  rows: number;
}

/** The generator's section 1.1 form, with the partner's name in the nominative. */
const PARTNERSHIP_LINE =
  /^Partnerluslepingu\s+periood:\s*(.+?)\s+(\d{1,2}\.\d{1,2}\.\d{4})\s*[-\u2010-\u2015\u2212]\s*(\d{1,2}\.\d{1,2}\.\d{4})\.?$/u;

class DocxPlanReader {
  private readonly diagnostics: ImportDiagnostic[] = [];
  private readonly report = reporter(this.diagnostics);
  private readonly implementers: Implementer[] = [];
  private readonly indicators: IndicatorRow[] = [];
  private readonly schedules: OpenSchedule[] = [];
  private readonly partnerships = new Map<string, Period>();
  /** The short names section 1.1 gives partners ("(edaspidi partner INSA)"), by nominative name. */
  private readonly partnerShortNames = new Map<string, string[]>();
  private readonly preambleTexts: string[] = [];
  private readonly allTexts: string[] = [];
  private implementerName: string | null = null;
  private proseNames: Set<string> | null = null;

  private currentImplementer: Implementer | null = null;
  private caption: { kind: "schedule" | "indicators"; table: number; line: number } | null = null;
  /** The schedule table a caption-less table right after it continues. */
  private open: OpenSchedule | null = null;
  private seenSchedule = false;
  private readonly reportedMissing = new Set<string>();

  constructor(private readonly blocks: Block[]) {}

  read(): ImportResult {
    if (!this.blocks.some((block) => block.kind === "table" && this.isSchedule(block))) {
      throw new NoScheduleTableError(
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
      return;
    }
    this.readProse(text, line);
  }

  /**
   * A paragraph of the current implementer's own text: the codes it opens descriptions with ("3.5.2.1.2
   * Vajaduspõhise tugiteenuse pakkumine sihtrühmale", a paragraph of its own in Word, or run on with the text). An
   * activity's sub-heading keeps its number when Word's numbering is typed ("1.3 3.5.1.3 …"). The paragraphs before
   * the first heading (title block, section 1.1) are no implementer's.
   */
  private readProse(text: string, line: number): void {
    if (!this.currentImplementer) return;
    const caption = matchCaption(text);
    const prose = (caption ? text.slice(0, caption.index) : text).replace(/^\d+\.\d+\.?\s+(?=\d+(?:\.\d+){2,}\s)/u, "");
    if (prose.trim() === "") return;
    this.proseNames ??= nameWords([
      ...(this.implementerName ? [this.implementerName] : []),
      ...this.knownPartners().flatMap((partner) => [partner.name, ...partner.aliases]),
    ]);
    noteProse(this.currentImplementer, prose, line, this.proseNames);
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
    const grid = gridOf(block);
    const header = scheduleHeaderOf(grid);
    const caption = this.caption;
    this.caption = null;

    if (header) {
      this.seenSchedule = true;
      let schedule: OpenSchedule;
      if (!caption && this.open && this.open.implementer === this.currentImplementer) {
        // The same table after a page break, its header repeated as a row of its own.
        schedule = this.open;
        schedule.header = header;
      } else {
        schedule = this.openSchedule(caption, block.rows[0].line, header);
      }
      this.readScheduleRows(schedule, grid, header);
      return;
    }
    const indicators = readIndicatorTable(grid, caption?.table ?? 0);
    if (indicators) {
      this.indicators.push(...indicators.rows);
      this.open = null;
      return;
    }
    // A table broken over pages may carry no header of its own: it goes on with the columns it had.
    if (!caption && this.open) {
      this.readScheduleRows(this.open, grid, { ...this.open.header, first: 0, end: 0 });
      return;
    }
    if (caption?.kind === "indicators") {
      const columns = { name: 0, unit: 1, target: 2, target2029: 3, explanation: 4 };
      this.indicators.push(
        ...readIndicatorBody(grid, { first: 0, end: 0, line: null, columns, texts: [] }, caption.table),
      );
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
    return scheduleHeaderOf(gridOf(block)) !== null;
  }

  private openSchedule(
    caption: { kind: string; table: number; line: number } | null,
    line: number,
    header: TableHeader<ScheduleColumn>,
  ): OpenSchedule {
    const again = caption
      ? this.schedules.find((open) => open.table === caption.table && open.implementer === this.currentImplementer)
      : undefined;
    if (again) {
      // "Tabel 9. Tegevuste ajakava" captioned again where the table resumes: still table 9.
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
    const schedule: OpenSchedule = { table, implementer, header, line, rows: 0 };
    this.schedules.push(schedule);
    this.open = schedule;
    return schedule;
  }

  /** The rows through the shared table stage; a column the table lacks is reported once per table. */
  private readScheduleRows(schedule: OpenSchedule, grid: TableGrid, header: TableHeader<ScheduleColumn>): void {
    const context = { table: schedule.table, report: this.report };
    for (const key of REQUIRED_SCHEDULE_COLUMNS) {
      if (header.columns[key] !== undefined || this.reportedMissing.has(`${schedule.table}:${key}`)) continue;
      this.reportedMissing.add(`${schedule.table}:${key}`);
      reportMissingColumn(context, key, header.line ?? grid.rows[0]?.line ?? null);
    }
    const { rows } = readScheduleTable(grid, { ...context, header, reportMissingColumns: false });
    schedule.implementer.rows.push(...rows);
    schedule.rows += rows.length;
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
}

// ---------------------------------------------------------------------------------------------------------------
// Grids

/**
 * The table as the shared stage's grid: each cell at its grid column (one spanning columns stands in its first),
 * a vertical merge's continuation marked, rows Word repeats at each page's top marked as header.
 */
function gridOf(block: TableBlock): TableGrid {
  return {
    rows: block.rows.map((row) => {
      const cells: Array<GridCell | null> = [];
      for (const cell of row.cells) {
        while (cells.length < cell.column + cell.span) cells.push(null);
        cells[cell.column] = { value: cell.text, ...(cell.mergedFromAbove ? { mergedFromAbove: true } : {}) };
      }
      return { cells, line: row.line, ...(row.repeatedHeader ? { header: true } : {}) };
    }),
  };
}

/** A schedule header at the table's top: title rows may stand above it in the table, data rows may not. */
function scheduleHeaderOf(grid: TableGrid): TableHeader<ScheduleColumn> | null {
  const header = findScheduleHeader(grid);
  if (!header) return null;
  return grid.rows.slice(0, header.first).some(looksLikeData) ? null : header;
}

function rangeOf(startText: string, endText: string): Period | null {
  const start = CalendarDate.parseEstonian(startText);
  const end = CalendarDate.parseEstonian(endText);
  return start && end ? { start, end } : null;
}
