import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableRow } from "docx";
import { CalendarDate, MONTHS_GENITIVE, Period } from "../../model/calendar-date";
import { formatMoneyEstonian } from "../../model/money";
import { ActionPlan, Implementer, IndicatorRow, ScheduleRow } from "../../model/plan";
import {
  DASH,
  DOCUMENT_STYLES,
  LANDSCAPE_TEXT_WIDTH,
  TABLE_SIZE,
  figureColumnWidth,
  grid,
  headerRow,
  pageProperties,
  paragraph,
  run,
  textCell,
} from "../docx-style";

/**
 * Lisa 1 (the action plan) as a Word document in the directive's layout: title block, section 1.1 with the
 * partners' agreement periods, then per implementer a heading and its "Tegevuste ajakava" tables, with the
 * indicator tables where their numbers put them. Every sentence the importer (src/import/docx) relies on is
 * written in the form it reads back, so a plan survives .docx → plan unchanged. Pure docx: no Node built-ins,
 * so it builds the same file in the browser.
 */

// A4 landscape: the schedule's five columns need the width.
const TEXT_WIDTH = LANDSCAPE_TEXT_WIDTH;

export const SCHEDULE_COLUMNS = [
  "Tegevus",
  "Tegevuse üldajaraam",
  "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
  "Planeeritav maksumus tegevuskava aastal",
  "Tegevuse eest vastutaja",
] as const;
// Both range columns fit "01.01.2023 – 31.12.2025" on one line.
const SCHEDULE_WIDTHS = [5300, 2300, 2300, 1900, TEXT_WIDTH - 5300 - 2300 - 2300 - 1900];
const CELL_MARGIN = 80;

/**
 * The schedule's widths, the amount column widened (from the activity's) should a figure of the table not fit its
 * 1900 twips in the widest font a reader may lay it out in: a figure wrapped inside its cell reads as two.
 */
function scheduleWidths(rows: ScheduleRow[]): number[] {
  const needed = figureColumnWidth(
    rows.map((row) => ({ text: amountCellText(row) })),
    TABLE_SIZE,
    CELL_MARGIN,
  );
  const extra = Math.max(0, needed - SCHEDULE_WIDTHS[3]);
  return [
    SCHEDULE_WIDTHS[0] - extra,
    SCHEDULE_WIDTHS[1],
    SCHEDULE_WIDTHS[2],
    SCHEDULE_WIDTHS[3] + extra,
    SCHEDULE_WIDTHS[4],
  ];
}

const INDICATOR_WIDTHS = [4200, 1700, 1400, 1400, TEXT_WIDTH - 4200 - 1700 - 1400 - 1400];

/** The heading the directive gives the implementer's own part. */
export const ELLUVIIJA_HEADING = "1. Elluviija tegevused";
/** The directive names each partner's part after the activity it carries out there. */
export const PARTNER_HEADING = "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine";
/** For a partner whose name is not "<stem> linn/vald", which has no inessive the importer could undo. */
export const OTHER_PARTNER_HEADING = "Partneri tegevused:";
export const PARTNERSHIP_PREFIX = "Partnerluslepingu periood:";

export function lisa1Document(plan: ActionPlan): Document {
  const children: Array<Paragraph | Table> = [...titleBlock(plan), ...section11(plan)];
  const indicatorTables = groupIndicators(plan.indicators);
  const placed = new Set<number>();
  const placeIndicatorsUpTo = (limit: number) => {
    for (const [table, rows] of indicatorTables) {
      if (table < limit && !placed.has(table)) {
        placed.add(table);
        children.push(...indicatorTable(table, rows));
      }
    }
  };

  for (const implementer of plan.implementers) {
    const tables = scheduleTables(implementer);
    if (tables.length > 0) placeIndicatorsUpTo(tables[0][0]);
    children.push(heading(implementerHeading(implementer)));
    for (const [index, [table, rows]] of tables.entries()) {
      // Indicator tables numbered between two of this implementer's schedule tables stand between them.
      if (index > 0) placeIndicatorsUpTo(table);
      children.push(...scheduleTable(table, rows));
    }
  }
  placeIndicatorsUpTo(Number.POSITIVE_INFINITY);

  return new Document({
    title: "Tegevuskava",
    subject: "LISA 1",
    creator: "tat-budget",
    styles: DOCUMENT_STYLES,
    sections: [{ properties: pageProperties(PageOrientation.LANDSCAPE), children }],
  });
}

/** `Packer.pack(…, "uint8array")` zips in plain JavaScript, so it works in Node and in the browser alike. */
export function lisa1DocxBytes(plan: ActionPlan): Promise<Uint8Array> {
  return Packer.pack(lisa1Document(plan), "uint8array");
}

/** "Tartu linn" → "Tartu linnas", "Saaremaa vald" → "Saaremaa vallas"; null for other names. */
export function inessive(name: string): string | null {
  const match = /^(.+)\s+(linn|vald)$/u.exec(name);
  if (!match) return null;
  return `${match[1]} ${match[2] === "linn" ? "linnas" : "vallas"}`;
}

export function implementerHeading(implementer: Implementer): string {
  if (implementer.role === "elluviija") return `${ELLUVIIJA_HEADING}: ${implementer.name}`;
  const where = inessive(implementer.name);
  return where ? `${PARTNER_HEADING} ${where}` : `${OTHER_PARTNER_HEADING} ${implementer.name}`;
}

export function rangeText(period: Period): string {
  return `${period.start.toEstonian()} ${DASH} ${period.end.toEstonian()}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Title block and section 1.1

function titleBlock(plan: ActionPlan): Paragraph[] {
  const { directive } = plan;
  const approval =
    directive.date && directive.number
      ? `KINNITATUD kultuuriministri ${directive.date.toEstonian()} käskkirjaga nr ${directive.number}`
      : "KINNITATUD kultuuriministri käskkirjaga";
  const paragraphs = [
    paragraph([run(approval)], { alignment: AlignmentType.RIGHT }),
    paragraph([run("LISA 1", { bold: true })], { alignment: AlignmentType.RIGHT, after: 360 }),
  ];
  const title = [run("Toetatava tegevuse ", { bold: true })];
  if (directive.activityName) title.push(run(`„${directive.activityName}“ `, { bold: true }));
  // The directive's own wording, which also carries the plan period the importer reads back.
  title.push(
    run(plan.planPeriod ? `tegevuskava perioodil ${rangeText(plan.planPeriod)}` : "tegevuskava", { bold: true }),
  );
  paragraphs.push(paragraph(title, { alignment: AlignmentType.CENTER, after: 240 }));
  const tat = directive.tat;
  if (tat?.date && tat.number) {
    paragraphs.push(
      paragraph(
        [
          run(
            `Tegevuskava aluseks on kultuuriministri ${tatDate(tat.date)} käskkirja nr ${tat.number} ` +
              `„${directive.activityName ?? "Toetuse andmise tingimused"}“ (edaspidi TAT).`,
          ),
        ],
        { after: 240 },
      ),
    );
  }
  return paragraphs;
}

/** "26. jaanuari 2023. a", the form the directives cite their TAT in. */
function tatDate(date: CalendarDate): string {
  return `${date.day}. ${MONTHS_GENITIVE[date.month - 1]} ${date.year}. a`;
}

function section11(plan: ActionPlan): Paragraph[] {
  const partners = plan.implementers.filter((implementer) => implementer.role === "partner");
  if (partners.length === 0) return [];
  const paragraphs = [heading("1.1 Partnerid ja partnerluslepingute perioodid")];
  for (const partner of partners) {
    const period = partner.partnership ? rangeText(partner.partnership) : "määramata";
    paragraphs.push(paragraph([run(`${PARTNERSHIP_PREFIX} ${partner.name} ${period}.`)]));
  }
  return paragraphs;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

/** Rows by the table they were printed in, in the order of `implementer.tables` (then any others). */
function scheduleTables(implementer: Implementer): Array<[number, ScheduleRow[]]> {
  const tables = new Map<number, ScheduleRow[]>(implementer.tables.map((table) => [table, []]));
  for (const row of implementer.rows) {
    const rows = tables.get(row.table);
    if (rows) rows.push(row);
    else tables.set(row.table, [row]);
  }
  return [...tables];
}

function groupIndicators(indicators: IndicatorRow[]): Array<[number, IndicatorRow[]]> {
  const tables = new Map<number, IndicatorRow[]>();
  for (const indicator of indicators) {
    const rows = tables.get(indicator.table);
    if (rows) rows.push(indicator);
    else tables.set(indicator.table, [indicator]);
  }
  return [...tables];
}

function scheduleTable(table: number, rows: ScheduleRow[]): Array<Paragraph | Table> {
  const widths = scheduleWidths(rows);
  return [
    caption(`Tabel ${table}. Tegevuste ajakava`),
    grid(
      [
        headerRow([...SCHEDULE_COLUMNS], widths),
        ...rows.map(
          (row) =>
            new TableRow({
              // A row split over two pages reads as two rows, one of them without a code.
              cantSplit: true,
              children: [
                textCell(firstCellText(row), widths[0]),
                textCell(row.frame ? rangeText(row.frame) : (row.frameText ?? ""), widths[1]),
                textCell(row.plan ? rangeText(row.plan) : (row.planText ?? ""), widths[2]),
                textCell(amountCellText(row), widths[3], { alignment: AlignmentType.RIGHT }),
                textCell(row.responsible ?? "", widths[4]),
              ],
            }),
        ),
      ],
      widths,
      CELL_MARGIN,
    ),
  ];
}

/** Code and label share the first cell, as in the directive: "3.5.2.1.1 KOV-s elava sihtrühma …". */
export function firstCellText(row: ScheduleRow): string {
  return row.printedCode ? `${row.printedCode} ${row.label}` : row.label;
}

/** As printed in the source when known ("115 817.00" stays so); otherwise the Estonian form. */
export function amountCellText(row: ScheduleRow): string {
  if (row.amountText !== null) return row.amountText;
  return row.amount ? formatMoneyEstonian(row.amount) : "";
}

export const INDICATOR_COLUMNS = [
  "Indikaator",
  "Indikaatori mõõtühik",
  "Sihttase (2025)",
  "Sihttase (2029)",
  "Selgitus",
] as const;

function indicatorTable(table: number, rows: IndicatorRow[]): Array<Paragraph | Table> {
  const widths = INDICATOR_WIDTHS;
  return [
    caption(`Tabel ${table}. Tegevustega seotud näitajad`),
    grid(
      [
        headerRow([...INDICATOR_COLUMNS], widths),
        ...rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: [
                textCell(row.name, widths[0]),
                textCell(row.unit, widths[1]),
                textCell(row.target, widths[2], { alignment: AlignmentType.RIGHT }),
                textCell(row.target2029, widths[3], { alignment: AlignmentType.RIGHT }),
                textCell(row.explanation, widths[4]),
              ],
            }),
        ),
      ],
      widths,
      CELL_MARGIN,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Paragraphs

function heading(text: string): Paragraph {
  return paragraph([run(text, { bold: true })], { before: 240, after: 120, keepNext: true });
}

function caption(text: string): Paragraph {
  return paragraph([run(text, { bold: true })], { before: 120, after: 60, keepNext: true });
}
