import { CalendarDate, Period, periodContains } from "../../model/calendar-date";
import {
  ActionPlan,
  DescribedCode,
  ImportDiagnostic,
  ImportError,
  ImportResult,
  Implementer,
  ImplementerRole,
  IndicatorRow,
  NoScheduleTableError,
  ScheduleRow,
} from "../../model/plan";
import { refuseTextIfTooLarge } from "../limits";
import {
  dateAtStart,
  readAmountCell,
  reportExtraDates,
  reportInvalidDate,
  reportMissingAmount,
  reportUnreadableDates,
  reporter,
} from "../table";
import { KnownPartner, partnerAliases, partnerInHeading } from "./names";
import { ProseOptions, nameWords, noteProse } from "./narrative";
import {
  AFTER_RANGE,
  DASHES,
  DATE_LIKE,
  MAX_ROW_LINE,
  NARRATIVE_LINE,
  RANGE_SEPARATOR,
  RowStart,
  STRICT_DATE,
  isPageNumber,
  isRegisterLine,
  matchCaption,
  matchIndicatorValues,
  matchRowStart,
  midLineRowStarts,
  tidy,
} from "./patterns";
import { Preamble, readDirective, readImplementerName, readPartners, readPlanPeriod } from "./preamble";

/**
 * Reads a directive's action plan from the text a user copies out of the published PDF.
 *
 * The text is a PDF's reading order, not a table: rows wrap over several lines, page numbers stand
 * alone, and narrative paragraphs and other sections' headings fall in the middle of a table, whose
 * rows then go on without a caption. So the parser does not trust position alone: a line is a row start
 * only when a code (or item number, or the personnel label) is followed by its dates within a few
 * short lines, and a table's rows belong to the table captioned last, whatever narrative came between.
 */
export function parseDirectiveText(text: string, options: TextOptions = {}): ImportResult {
  if (typeof text === "string") refuseTextIfTooLarge(text);
  if (typeof text !== "string" || text.trim() === "") {
    throw new ImportError(
      "Tekst on tühi. Kleepige käskkirja lisa 1 (tegevuskava) tekst koos tegevuste ajakava tabelitega.",
      "The text is empty. Paste the text of the directive's annex 1 (action plan) with its activity schedule tables.",
    );
  }
  return new DirectiveTextParser(text, options).parse();
}

export interface TextOptions {
  /**
   * Paragraphs of prose by the line they stand on, with their source lines (the PDF importer knows them by their
   * layout). One the text leaves blank (lest a wrapped line look like a row) is read as the current implementer's
   * text there, never as rows; one the text keeps is read as any line is, its codes placed on their source lines.
   */
  prose?: ReadonlyMap<number, ProseLine>;
}

/** A paragraph of prose, with the source line of each of its offsets (a PDF paragraph spans several). */
export interface ProseLine {
  text: string;
  lineAt: (offset: number) => number;
  /** Where its source lines start in `text`. */
  lineStarts: readonly number[];
}

interface Line {
  no: number;
  text: string;
}

interface ScheduleTable {
  table: number;
  implementer: Implementer;
  line: number;
  rows: number;
}

interface DateToken {
  text: string;
  date: CalendarDate | null;
  line: number;
}

type Mode = "preamble" | "schedule-header" | "schedule" | "indicator-header" | "indicators" | "narrative";

/** How far a row start may stand from its dates: labels wrap over at most this many lines. */
const ROW_LOOKAHEAD = 10;

class DirectiveTextParser {
  private readonly lines: Line[];
  private readonly diagnostics: ImportDiagnostic[] = [];
  private readonly report = reporter(this.diagnostics);
  private readonly implementers: Implementer[] = [];
  private readonly indicators: IndicatorRow[] = [];
  private preamble!: Preamble;

  private mode: Mode = "preamble";
  private currentImplementer: Implementer | null = null;
  private scheduleTable: ScheduleTable | null = null;
  private readonly scheduleTables: ScheduleTable[] = [];
  private indicatorTable: number | null = null;
  private lastRow: ScheduleRow | null = null;
  private lastIndicator: IndicatorRow | null = null;
  private pendingIndicatorName: { text: string; line: number } | null = null;
  private pageBreakSinceRow = false;
  private proseNames: Set<string> | null = null;

  constructor(
    text: string,
    private readonly options: TextOptions = {},
  ) {
    this.lines = text
      .replace(/\r\n?/g, "\n")
      .split("\n")
      .map((raw, index) => ({ no: index + 1, text: raw.replace(/[\u00a0\u202f\t]/g, " ").trim() }));
  }

  parse(): ImportResult {
    const firstCaption = this.lines.findIndex((line) => matchCaption(line.text)?.kind === "schedule");
    if (firstCaption < 0) {
      throw new NoScheduleTableError(
        "Tekstist ei leitud ühtegi tegevuste ajakava tabelit. Oodatakse käskkirja lisa 1 teksti, kus on " +
          "tabelid pealkirjaga „Tabel N. Tegevuste ajakava“ (veerud: tegevus, üldajaraam, algus- ja " +
          "lõppkuupäev tegevuskava perioodil, planeeritav maksumus, vastutaja).",
        'No activity schedule table was found in the text. Expected the text of the directive\'s annex 1 with tables captioned "Tabel N. Tegevuste ajakava" (columns: activity, overall frame, plan-period dates, planned cost, responsible).',
      );
    }
    this.preamble = this.readPreamble(firstCaption);

    for (let index = 0; index < this.lines.length; index++) {
      index = this.step(index);
    }
    this.finish();

    const plan: ActionPlan = {
      planPeriod: this.preamble.planPeriod,
      directive: this.preamble.directive,
      implementers: this.implementers,
      indicators: this.indicators,
    };
    return { plan, diagnostics: this.diagnostics };
  }

  private readPreamble(firstCaption: number): Preamble {
    const before = this.lines
      .slice(0, firstCaption + 1)
      .map((line) => line.text)
      .join(" ");
    const whole = this.lines.map((line) => line.text).join(" ");
    const partners = readPartners(before);
    const preamble: Preamble = {
      planPeriod: readPlanPeriod(before) ?? readPlanPeriod(whole),
      directive: readDirective(before),
      implementerName: readImplementerName(before),
      partnerships: new Map(partners.map((partner) => [partner.name, partner.period])),
      partnerAliases: new Map(partners.map((partner) => [partner.name, partner.aliases])),
    };
    if (!preamble.planPeriod) {
      this.report(
        "warning",
        "missing-plan-period",
        null,
        "Tegevuskava perioodi ei leitud („tegevuskava perioodil pp.kk.aaaa – pp.kk.aaaa“).",
        'The plan period was not found ("tegevuskava perioodil dd.mm.yyyy – dd.mm.yyyy").',
      );
    }
    return preamble;
  }

  /** Handles the line at `index`; returns the index of the last line it consumed. */
  private step(index: number): number {
    const line = this.lines[index];
    const text = line.text;
    const prose = this.options.prose?.get(line.no);
    if (prose && text === "") {
      this.noteProse(prose.text, line.no);
      if (this.mode !== "preamble") this.mode = "narrative";
      return index;
    }
    if (text === "" || isRegisterLine(text)) return index;

    const caption = matchCaption(text);
    if (caption) {
      // The paragraph before a caption runs on into it in a PDF's text ("… tagasipöördujad. Tabel 9. …").
      if (caption.index > 0) this.noteProse(text.slice(0, caption.index), line.no);
      if (caption.kind === "schedule") this.openScheduleTable(caption.table, line.no);
      else this.openIndicatorTable(caption.table, caption.rest);
      return index;
    }
    if (isPageNumber(text)) {
      this.pageBreakSinceRow = true;
      return index;
    }

    const start = matchRowStart(text);
    if (start && this.mode !== "preamble" && this.confirmsRow(index, start)) {
      return this.readRow(index, text, start);
    }
    if (this.readHeading(text, line.no)) {
      this.mode = "narrative";
      return index;
    }

    if (this.mode === "schedule-header" || this.mode === "indicator-header" || this.mode === "indicators") {
      const inside = this.rowAfterFragment(index);
      if (inside !== null) return inside;
    }

    switch (this.mode) {
      case "preamble":
        return index;
      case "schedule-header":
        // A table's header names its columns; dates under it are a row's, whose start was lost.
        if (findDate(text)) {
          this.report(
            "warning",
            "unparsed-line",
            line.no,
            "Tabeli rida ei õnnestunud lugeda; see jäeti vahele.",
            "A line in a table could not be read; it was skipped.",
            text,
          );
        }
        return index;
      case "indicator-header":
        if (matchIndicatorValues(text)) {
          this.mode = "indicators";
          return this.readIndicatorLine(index);
        }
        if (/Selgitus\s*$/.test(text)) this.mode = "indicators";
        return index;
      case "indicators":
        return this.readIndicatorLine(index);
      case "schedule":
      case "narrative":
        return this.readBetweenRows(index, start);
    }
  }

  private openScheduleTable(table: number, lineNo: number): void {
    let implementer = this.currentImplementer;
    if (!implementer) {
      implementer = this.implementer(`Tabel ${table}`, "partner");
      this.report(
        "warning",
        "unknown-implementer",
        lineNo,
        `Tabeli ${table} elluviijat ei leitud: tabeli ees puudub elluviija või partneri osa pealkiri.`,
        `The implementer of table ${table} was not found: no implementer or partner section heading precedes it.`,
      );
    }
    implementer.tables.push(table);
    this.scheduleTable = { table, implementer, line: lineNo, rows: 0 };
    this.scheduleTables.push(this.scheduleTable);
    this.mode = "schedule-header";
    this.lastRow = null;
  }

  private openIndicatorTable(table: number, rest: string): void {
    this.indicatorTable = table;
    this.lastIndicator = null;
    this.pendingIndicatorName = null;
    this.mode = /Selgitus\s*$/.test(rest) ? "indicators" : "indicator-header";
  }

  /**
   * Section headings set whose section follows: "1. Elluviija tegevused …", "3.5.2.1 Sihtrühmale teenuste
   * arendamine ja pakkumine Tartu linnas …", "2. Partnerite tegevused 2.1 3.4.4.2 … Integratsiooni Sihtasutuses".
   * A partner is named in any case form, by any name section 1.1 gave it; whatever the activity's code.
   * Implementer sub-headings ("1.2 3.5.1.2 …") start narrative only.
   */
  private readHeading(text: string, lineNo: number): boolean {
    if (sectionHeading(text, "Elluviija")) {
      this.currentImplementer = this.implementer(this.preamble.implementerName ?? "Elluviija", "elluviija");
      this.noteHeading(text, /^(?:\d+\.?\s+)?Elluviija\s+tegevused\s*/iu, lineNo, false);
      return true;
    }
    const subHeading = /^\d+\.\d+\.?\s+\d+(?:\.\d+){2,}\s/.test(text);
    const partnersSection = sectionHeading(text, "Partnerite");
    if (matchRowStart(text)?.codeStyle === "dotted" || subHeading || partnersSection) {
      const name = partnerInHeading(text.slice(0, 160), this.knownPartners());
      if (name) {
        this.currentImplementer = this.implementer(name, "partner");
        this.noteHeading(text, /^(?:\d+(?:\.\d+)*\.?\s+)?Partneri(?:te)?\s+tegevused\s*/iu, lineNo, true);
        return true;
      }
    }
    if (subHeading) this.noteHeading(text, /^/u, lineNo, false);
    return subHeading || partnersSection;
  }

  /**
   * A heading's own code: an activity's sub-heading ("1.3 3.5.1.3 Tõhusa kommunikatsiooni tagamine KOV-idele")
   * opens its description; a partner's ("3.5.2.1 … Tartu linnas") opens its part, which is no activity. The
   * prose a PDF's text runs on after it on the same line is the implementer's text.
   */
  private noteHeading(text: string, section: RegExp, lineNo: number, partner: boolean): void {
    const implementer = this.currentImplementer;
    if (!implementer) return;
    const known = implementer.narrative !== undefined;
    const cut = section.exec(text)?.[0].length ?? 0;
    const codes = this.noteProse(text, lineNo, { cut, skipLeadingCode: partner });
    // A heading alone (a document of tables, with headings only) says nothing of the implementer's text.
    if (!known && codes.length === 0 && text.length < NARRATIVE_LINE) delete implementer.narrative;
  }

  /**
   * Prose of the current implementer's part: what it describes, code by code. `cut`: the characters of a heading
   * before it. A line the PDF importer knows is a paragraph joined from several: its codes go on their own lines.
   */
  private noteProse(
    text: string,
    lineNo: number,
    { cut = 0, skipLeadingCode = false }: { cut?: number; skipLeadingCode?: boolean } = {},
  ): DescribedCode[] {
    if (!this.currentImplementer) return [];
    const known = this.options.prose?.get(lineNo);
    const joined: ProseOptions =
      known && known.text === text
        ? {
            lineAt: (offset) => known.lineAt(offset + cut),
            lineStarts: known.lineStarts.map((start) => start - cut).filter((start) => start > 0),
          }
        : {};
    return noteProse(this.currentImplementer, text.slice(cut), lineNo, this.namesInProse(), {
      ...joined,
      skipLeadingCode,
    });
  }

  private namesInProse(): Set<string> {
    this.proseNames ??= nameWords([
      ...(this.preamble.implementerName ? [this.preamble.implementerName] : []),
      ...this.knownPartners().flatMap((partner) => [partner.name, ...partner.aliases]),
    ]);
    return this.proseNames;
  }

  private knownPartners(): KnownPartner[] {
    return [...this.preamble.partnerships.keys()].map((name) => ({
      name,
      aliases: this.preamble.partnerAliases?.get(name) ?? [],
    }));
  }

  private implementer(name: string, role: ImplementerRole): Implementer {
    const existing = this.implementers.find((candidate) => candidate.name === name);
    if (existing) return existing;
    const created: Implementer = {
      name,
      role,
      aliases: role === "partner" ? partnerAliases(name, this.preamble.partnerAliases?.get(name)) : [name, "elluviija"],
      tables: [],
      partnership: role === "partner" ? (this.preamble.partnerships.get(name) ?? null) : null,
      rows: [],
    };
    if (role === "partner" && !created.partnership && !name.startsWith("Tabel ")) {
      this.report(
        "warning",
        "missing-partnership",
        null,
        `Partneri „${name}“ partnerluslepingu perioodi ei leitud punktist 1.1.`,
        `The partnership agreement period of "${name}" was not found in section 1.1.`,
      );
    }
    this.implementers.push(created);
    return created;
  }

  /**
   * A row start is real when its dates follow within a few short lines. Narrative paragraphs also open
   * with codes ("3.5.2.1.3 Tõhusa kommunikatsiooni tagamine sihtrühmale. Jätkatakse …"), but they are
   * long lines with no date range after them.
   */
  private confirmsRow(index: number, start: RowStart, startText?: string): boolean {
    const first = startText ?? this.lines[index].text;
    if (first.length > MAX_ROW_LINE) return false;
    if (findDate(start.labelStart)) return true;
    for (let next = index + 1; next < this.lines.length && next <= index + ROW_LOOKAHEAD; next++) {
      const text = this.lines[next].text;
      if (text === "" || isPageNumber(text)) continue;
      if (text.length > MAX_ROW_LINE || isRegisterLine(text) || matchCaption(text) || matchRowStart(text)) return false;
      if (findDate(text)) return true;
    }
    return false;
  }

  /** Reads one row from `text` (the line at `index`, or its tail); returns the last line index consumed. */
  private readRow(index: number, text: string, start: RowStart): number {
    const table = this.scheduleTable ?? this.tableForStrayRow(index);
    const lineNo = this.lines[index].no;
    const labelParts: string[] = [];
    const dates: DateToken[] = [];
    let amountText: string | null = null;
    let responsible: string | null = null;
    let phase: "label" | "dates" | "amount" = "label";
    let remaining = start.kind === "personnel" ? text : start.labelStart;
    let cursor = index;
    let complete = false;

    for (;;) {
      if (phase === "label") {
        const date = findDate(remaining);
        if (!date) {
          labelParts.push(remaining);
          remaining = "";
        } else {
          labelParts.push(remaining.slice(0, date.index));
          remaining = remaining.slice(date.index);
          phase = "dates";
        }
      }
      if (phase === "dates" && remaining !== "") {
        const read = readDates(remaining, this.lines[cursor].no);
        if (read.tokens.length === 0) {
          phase = "amount";
        } else {
          dates.push(...read.tokens);
          remaining = read.rest;
          if (remaining !== "") phase = "amount";
        }
      }
      if (phase === "amount" && remaining !== "") {
        const amount = splitAmount(remaining);
        amountText = amount.amountText;
        responsible = amount.responsible;
        complete = true;
        break;
      }
      // Next line of the same row.
      let next = cursor + 1;
      while (next < this.lines.length && this.lines[next].text === "") next++;
      if (next >= this.lines.length) break;
      const nextText = this.lines[next].text;
      if (isPageNumber(nextText) && !(phase === "dates" && dates.length >= 2) && phase !== "amount") {
        cursor = next;
        continue;
      }
      if (this.endsRow(next, nextText)) break;
      if (phase === "dates" && !findDateAtStart(nextText) && dates.length >= 2) phase = "amount";
      cursor = next;
      remaining = nextText;
    }

    // A responsible party wrapped onto the lines after the amount ("0 ELVL ja Saaremaa" / "vald").
    if (complete) {
      cursor = this.readResponsibleTail(cursor, (value) => (responsible = value), responsible);
    }

    const row = this.buildRow(start, labelParts, dates, amountText, responsible, lineNo, table.table, complete);
    table.implementer.rows.push(row);
    table.rows++;
    this.lastRow = row;
    this.pageBreakSinceRow = false;
    this.mode = "schedule";
    return cursor;
  }

  /** Lines that cannot belong to the row being read: they end it, complete or not. */
  private endsRow(index: number, text: string): boolean {
    if (text.length > MAX_ROW_LINE + 50 || isRegisterLine(text) || matchCaption(text)) return true;
    const start = matchRowStart(text);
    if (start !== null) return this.confirmsRow(index, start);
    // A row starting after a fragment of text ("… võimalik. 9. Lõpparuanne …") is another row too: read on, this
    // row would take its dates and amount, and the other row would be gone without a word.
    return this.midLineRowStart(index) !== null;
  }

  /** Where in the line at `index` a confirmed row starts after other text, or null. */
  private midLineRowStart(index: number): { position: number; start: RowStart } | null {
    const text = this.lines[index].text;
    for (const position of midLineRowStarts(text)) {
      const tail = text.slice(position);
      const start = matchRowStart(tail);
      if (start && this.confirmsRow(index, start, tail)) return { position, start };
    }
    return null;
  }

  private readResponsibleTail(cursor: number, set: (value: string) => void, current: string | null): number {
    let responsible = current;
    let next = cursor + 1;
    if (next < this.lines.length && !responsible && isResponsibleLine(this.lines[next].text)) {
      responsible = this.lines[next].text;
      cursor = next++;
    }
    while (next < this.lines.length && responsible && isResponsibleContinuation(this.lines[next].text)) {
      responsible = `${responsible} ${this.lines[next].text}`;
      cursor = next++;
    }
    if (responsible !== null) set(responsible);
    return cursor;
  }

  private buildRow(
    start: RowStart,
    labelParts: string[],
    dates: DateToken[],
    amountText: string | null,
    responsible: string | null,
    lineNo: number,
    table: number,
    complete: boolean,
  ): ScheduleRow {
    const label = tidy(labelParts.join(" "));
    const where = start.printedCode ?? label;
    const { frame, frameText, plan, planText } = this.assignRanges(dates, lineNo, where);
    const report = this.report.bind(this);
    const { amount } = readAmountCell(amountText, where, lineNo, report);
    if (amountText === null && complete) reportMissingAmount(report, lineNo, where);
    if (!complete) {
      this.report(
        "error",
        "incomplete-row",
        lineNo,
        `Rida „${where}“ jäi pooleli: ${dates.length === 0 ? "kuupäevi" : "planeeritavat maksumust"} ei leitud.`,
        `Row "${where}" is incomplete: no ${dates.length === 0 ? "dates" : "planned cost"} found.`,
        label,
      );
    }
    return {
      code: start.code,
      printedCode: start.printedCode,
      codeStyle: start.codeStyle,
      label,
      kind: start.kind,
      amount,
      amountText,
      frame,
      frameText,
      plan,
      planText,
      responsible: responsible ? tidy(responsible) : null,
      line: lineNo,
      table,
    };
  }

  /**
   * Four dates are the overall frame then the plan-period dates. A row that lost one range keeps the other
   * where it fits: inside the plan year it is the plan-period range, otherwise the frame.
   */
  private assignRanges(dates: DateToken[], lineNo: number, where: string) {
    const rangeText = (a: DateToken, b: DateToken) => `${a.text} – ${b.text}`;
    const toPeriod = (a: DateToken, b: DateToken): Period | null =>
      a.date && b.date ? { start: a.date, end: b.date } : null;
    const report = this.report.bind(this);
    for (const token of dates) if (!token.date) reportInvalidDate(report, token.line, where, token.text);
    let frame: Period | null = null;
    let plan: Period | null = null;
    let frameText: string | null = null;
    let planText: string | null = null;
    if (dates.length >= 4) {
      frame = toPeriod(dates[0], dates[1]);
      frameText = rangeText(dates[0], dates[1]);
      plan = toPeriod(dates[2], dates[3]);
      planText = rangeText(dates[2], dates[3]);
      if (dates.length > 4) {
        reportExtraDates(report, lineNo, where, "row", dates.map((d) => d.text).join(" "), true);
      }
    } else if (dates.length >= 2) {
      const range = toPeriod(dates[0], dates[1]);
      const inPlanYear = range && this.preamble.planPeriod ? periodContains(this.preamble.planPeriod, range) : true;
      if (inPlanYear) {
        plan = range;
        planText = rangeText(dates[0], dates[1]);
      } else {
        frame = range;
        frameText = rangeText(dates[0], dates[1]);
      }
      if (dates.length === 3) {
        reportUnreadableDates(report, lineNo, where, "row", dates.map((d) => d.text).join(" "), 3);
      }
    } else if (dates.length === 1) {
      reportUnreadableDates(report, lineNo, where, "row", dates[0].text, 1);
    }
    return { frame, frameText, plan, planText };
  }

  private tableForStrayRow(index: number): ScheduleTable {
    const implementer = this.currentImplementer ?? this.implementer("Tabel 0", "partner");
    const stray: ScheduleTable = { table: 0, implementer, line: this.lines[index].no, rows: 0 };
    this.report(
      "warning",
      "row-outside-table",
      this.lines[index].no,
      "Tegevuse rida on enne esimest tegevuste ajakava tabelit.",
      "An activity row stands before the first activity schedule table.",
      this.lines[index].text,
    );
    this.scheduleTable = stray;
    return stray;
  }

  /**
   * Between rows stand page numbers, narrative, other sections' headings, and label text that a page
   * break pushed below the row's numbers ("… võrgustikutöö" / page / "koordineerimine ja … 3.5.2.1.5 …").
   */
  private readBetweenRows(index: number, start: RowStart | null): number {
    const text = this.lines[index].text;
    if (this.startsIndicatorRow(index)) {
      this.mode = "indicators";
      return this.readIndicatorLine(index);
    }
    const fragment = this.readDisplacedLabel(index);
    if (fragment !== null) return fragment;
    if (this.mode === "schedule" && text.length < NARRATIVE_LINE && start) {
      // A row start in a table that never reaches its dates: keep it, with what is missing reported.
      return this.readRow(index, text, start);
    }
    const inside = this.rowAfterFragment(index);
    if (inside !== null) return inside;
    if (this.mode === "schedule" && text.length < NARRATIVE_LINE) {
      this.report(
        "warning",
        "unparsed-line",
        this.lines[index].no,
        "Tabeli rida ei õnnestunud lugeda; see jäeti vahele.",
        "A line in a table could not be read; it was skipped.",
        text,
      );
      return index;
    }
    this.mode = "narrative";
    this.noteProse(text, this.lines[index].no);
    return index;
  }

  /**
   * A row that starts inside a short line after a fragment, once a table has been seen: in a table, in the
   * narrative after one (a page break's displaced label whose page number was lost) or under a caption that a
   * damaged text put in its way. Without the page break the fragment is not trusted as label text: it is reported
   * and the row is read. Returns the last line the row used, or null when the line holds no such row.
   */
  private rowAfterFragment(index: number): number | null {
    const text = this.lines[index].text;
    const inside = this.scheduleTable && text.length < NARRATIVE_LINE ? this.midLineRowStart(index) : null;
    if (!inside) return null;
    this.report(
      "warning",
      "unparsed-line",
      this.lines[index].no,
      "Tabeli rea algust ei õnnestunud lugeda; see jäeti vahele.",
      "The start of a line in a table could not be read; it was skipped.",
      text.slice(0, inside.position).trim(),
    );
    return this.readRow(index, text.slice(inside.position), inside.start);
  }

  /** Appends label text displaced by a page break to the row it belongs to; returns the last line used, or null. */
  private readDisplacedLabel(index: number): number | null {
    // Only a page break moves a cell's text away from its row.
    if (!this.lastRow || !this.scheduleTable || !this.pageBreakSinceRow) return null;
    const fragments: string[] = [];
    for (let cursor = index; cursor < this.lines.length && cursor <= index + 3; cursor++) {
      const text = this.lines[cursor].text;
      if (text === "" || isPageNumber(text)) break;
      if (text.length >= NARRATIVE_LINE || matchCaption(text) || isRegisterLine(text)) break;
      if (cursor > index) {
        const start = matchRowStart(text);
        if (start && this.confirmsRow(cursor, start)) {
          this.appendLabel(fragments);
          return cursor - 1;
        }
      }
      for (const position of midLineRowStarts(text)) {
        const tail = text.slice(position);
        const start = matchRowStart(tail);
        if (start && this.confirmsRow(cursor, start, tail)) {
          this.appendLabel([...fragments, text.slice(0, position)]);
          return this.readRow(cursor, tail, start);
        }
      }
      fragments.push(text);
    }
    // Without a row after it, a fragment is only trusted in a table (not after narrative) and in lower case.
    const text = this.lines[index].text;
    if (this.mode === "schedule" && /^\p{Ll}/u.test(text) && text.length < NARRATIVE_LINE) {
      this.appendLabel([text]);
      return index;
    }
    return null;
  }

  private appendLabel(fragments: string[]): void {
    if (!this.lastRow || fragments.length === 0) return;
    this.lastRow.label = tidy([this.lastRow.label, ...fragments].join(" "));
  }

  /** An indicator name whose values follow on the next line, found after its table was interrupted. */
  private startsIndicatorRow(index: number): boolean {
    if (this.indicatorTable === null) return false;
    const text = this.lines[index].text;
    if (text.length >= NARRATIVE_LINE || matchRowStart(text)) return false;
    const next = this.nextContentLine(index);
    return (
      next !== null &&
      /^\p{Lu}/u.test(this.lines[next].text) &&
      matchIndicatorValues(this.lines[next].text)?.namePrefix === ""
    );
  }

  private readIndicatorLine(index: number): number {
    const line = this.lines[index];
    const values = matchIndicatorValues(line.text);
    const table = this.indicatorTable ?? 0;
    if (values) {
      const pending = this.pendingIndicatorName;
      const name = tidy([pending?.text ?? "", values.namePrefix].join(" "));
      const indicator: IndicatorRow = {
        table,
        name,
        unit: values.unit,
        target: values.target,
        target2029: values.target2029,
        explanation: values.explanation,
        line: pending?.line ?? line.no,
      };
      if (name === "") {
        this.report(
          "warning",
          "indicator-without-name",
          line.no,
          "Näitaja real puudub indikaatori nimetus.",
          "An indicator row has no indicator name.",
          line.text,
        );
      }
      this.indicators.push(indicator);
      this.lastIndicator = indicator;
      this.pendingIndicatorName = null;
      return index;
    }
    const next = this.nextContentLine(index);
    const nameFollows = next !== null && matchIndicatorValues(this.lines[next].text)?.namePrefix === "";
    if (this.lastIndicator && !nameFollows && !this.pendingIndicatorName) {
      this.lastIndicator.explanation = tidy(`${this.lastIndicator.explanation} ${line.text}`);
    } else {
      this.pendingIndicatorName = {
        text: tidy(`${this.pendingIndicatorName?.text ?? ""} ${line.text}`),
        line: this.pendingIndicatorName?.line ?? line.no,
      };
    }
    return index;
  }

  private nextContentLine(index: number): number | null {
    for (let next = index + 1; next < this.lines.length; next++) {
      const text = this.lines[next].text;
      if (text !== "" && !isPageNumber(text)) return next;
    }
    return null;
  }

  private finish(): void {
    for (const table of this.scheduleTables) {
      if (table.rows === 0) {
        this.report(
          "error",
          "empty-table",
          table.line,
          `Tabelis ${table.table} („Tegevuste ajakava“) ei leitud ühtegi rida.`,
          `No rows were found in table ${table.table} ("Tegevuste ajakava").`,
        );
      }
    }
    if (this.pendingIndicatorName && this.indicatorTable !== null) {
      this.report(
        "warning",
        "indicator-incomplete",
        this.pendingIndicatorName.line,
        "Näitaja real puuduvad mõõtühik ja sihttasemed.",
        "An indicator has no unit and targets.",
        this.pendingIndicatorName.text,
      );
    }
    // Implementers known only from section 1.1 or a heading, without a table, are not part of the plan.
    for (let i = this.implementers.length - 1; i >= 0; i--) {
      if (this.implementers[i].tables.length === 0 && this.implementers[i].rows.length === 0)
        this.implementers.splice(i, 1);
    }
  }
}

/**
 * "1. Elluviija tegevused …", "2.3.5.2. Partnerite tegevused …"; without its number when a PDF printed from Word
 * left the automatic numbering out of the text, then short, as a heading is, not a sentence that starts so.
 */
function sectionHeading(text: string, whose: "Elluviija" | "Partnerite"): boolean {
  // A plan with one partner says "Partneri tegevused".
  const words = whose === "Partnerite" ? "Partneri(?:te)?" : whose;
  const match = new RegExp(`^(\\d+(?:\\.\\d+)*\\.?\\s+)?${words}\\s+tegevused(?!\\p{L})`, "iu").exec(text);
  return match !== null && (match[1] !== undefined || text.length <= 160);
}

/** A range's start without its year ("01.01.-31.12.2025"), which starts the row's dates as a full date does. */
const YEARLESS_RANGE = new RegExp(
  `(?<![\\w.])\\d{1,2}\\.\\d{1,2}\\.?\\s*[${DASHES}]\\s*\\d{1,2}\\.\\d{1,2}\\.\\d{4}(?!\\w)`,
  "u",
);

/** The first date in `text`, strict, garbled or a range's start without its year. */
function findDate(text: string): { index: number } | null {
  const strict = STRICT_DATE.exec(text);
  const garbled = DATE_LIKE.exec(text);
  const yearless = YEARLESS_RANGE.exec(text);
  const candidates = [strict, garbled, yearless].filter(
    (match): match is RegExpExecArray => match !== null && /\d.*\d.*\d/.test(match[0]),
  );
  if (candidates.length === 0) return null;
  return { index: Math.min(...candidates.map((match) => match.index)) };
}

function findDateAtStart(text: string): boolean {
  const date = findDate(text);
  return (
    date !== null &&
    text
      .slice(0, date.index)
      .trim()
      .replace(new RegExp(`[${DASHES}]`, "g"), "") === ""
  );
}

/** Reads the dates at the start of `text`; returns them and what follows. */
function readDates(text: string, lineNo: number): { tokens: DateToken[]; rest: string } {
  const tokens: DateToken[] = [];
  let rest = text;
  for (;;) {
    const trimmed = rest.replace(RANGE_SEPARATOR, "");
    // The stage's reading: the start of "01.01.-31.12.2025" takes its year from the end, as a cell's does.
    const found = dateAtStart(trimmed);
    if (!found) break;
    tokens.push({ ...found.token, line: lineNo });
    rest = trimmed.slice(found.length);
  }
  return { tokens, rest: tokens.length ? rest.replace(AFTER_RANGE, "").trim() : text };
}

/** "93 988,53 Tartu linn" → amount "93 988,53", responsible "Tartu linn"; every leading token with a digit is the amount. */
function splitAmount(text: string): { amountText: string | null; responsible: string | null } {
  const tokens = text.trim().split(/\s+/);
  let count = 0;
  while (count < tokens.length && /\d/.test(tokens[count])) count++;
  const amountText = count > 0 ? tokens.slice(0, count).join(" ") : null;
  const responsible = tokens.slice(count).join(" ").trim();
  return { amountText, responsible: responsible === "" ? null : responsible };
}

/** A responsible party alone on the line after an amount ("Tartu linn", "ELVL, partnerid"). */
function isResponsibleLine(text: string): boolean {
  return text !== "" && text.length <= 80 && !/\d/.test(text) && !matchRowStart(text) && !matchCaption(text);
}

/** The wrapped end of a responsible party ("vald"). */
function isResponsibleContinuation(text: string): boolean {
  return text !== "" && text.length <= 30 && /^\p{Ll}/u.test(text) && !/\d/.test(text) && !matchRowStart(text);
}
