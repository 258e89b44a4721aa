import Decimal from "decimal.js";
import { municipalityAliases } from "../../../src/import/text/names";
import { CalendarDate, Period } from "../../../src/model/calendar-date";
import { Money, ZERO, sumMoney } from "../../../src/model/money";
import { ActionPlan, Implementer, IndicatorRow, RowKind, ScheduleRow } from "../../../src/model/plan";
import { RawSheet, WorkbookModel } from "../../../src/workbook/model";
import { workbookToPlan } from "../../../src/workbook/read-plan";
import { planToWorkbook } from "../../../src/workbook/write-plan";
import { Random } from "./random";

/**
 * Consistent plans shaped like the directive of 25.03.2025 nr 68: ELVL's activities 3.5.1.x with numbered items
 * and items, partners with a top row 3.5.2.1, all five sections 3.5.2.1.1–5, items, sub-items, numbered items and a
 * personnel row; frames are the partnership periods, plan dates lie in the plan year and the frame, the owner is
 * responsible, amounts are written in one style and every parent is the exact sum of its children. The generator
 * keeps its own tree (`GenNode`), built from what it generated rather than by the model's `buildTree`, so that the
 * injectors' expectations do not lean on the code under test.
 */

/** The real document's partners, in its order. */
export const PARTNER_NAMES = [
  "Tartu linn",
  "Tallinna linn",
  "Rakvere linn",
  "Saaremaa vald",
  "Pärnu linn",
  "Jõhvi vald",
  "Haapsalu linn",
  "Kohtla-Järve linn",
] as const;

export const ELVL = "ELVL";
export const TOP_CODE = "3.5.2.1";

/** How a document writes its amounts; a consistent plan uses one style throughout. */
export interface NumberStyle {
  decimal: "," | ".";
  grouping: "space" | "none";
  /** Plain or no-break space between groups of thousands. */
  groupSpace: " " | "\u00a0";
  /** Whether whole euros get decimals too ("2 400,00") or not ("2 400"). */
  wholeWithDecimals: boolean;
}

/** An amount as the style prints it; more than two decimals are printed as they are ("1 234,565"). */
export function printAmount(amount: Money, style: NumberStyle): string {
  const decimals = Math.max(amount.decimalPlaces(), 2);
  const fixed = amount.abs().toFixed(amount.isInteger() && !style.wholeWithDecimals ? 0 : decimals);
  const [whole, fraction] = fixed.split(".");
  const grouped = style.grouping === "space" ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, style.groupSpace) : whole;
  const sign = amount.isNegative() && !amount.isZero() ? "-" : "";
  return `${sign}${grouped}${fraction === undefined ? "" : `${style.decimal}${fraction}`}`;
}

/** A row in the generator's own tree; `row` is the plan's object (rebound when the plan is read from a workbook). */
export interface GenNode {
  implementer: Implementer;
  row: ScheduleRow;
  parent: GenNode | null;
  children: GenNode[];
}

export interface Schedule {
  implementer: Implementer;
  /** In row order, the same order as `implementer.rows`. */
  nodes: GenNode[];
  /** A partner's 3.5.2.1; null for ELVL, whose activities have no common row. */
  top: GenNode | null;
}

export interface GeneratedPlan {
  seed: number;
  plan: ActionPlan;
  style: NumberStyle;
  year: Period;
  /** Whether the plan was written as the canonical workbook and read back (rows carry sheet positions). */
  fromWorkbook: boolean;
  schedules: Schedule[];
}

export interface GeneratorOptions {
  fromWorkbook?: boolean;
  /** Number of partners (2–8); random when not given. */
  partners?: number;
}

export const period = (start: CalendarDate, end: CalendarDate): Period => ({ start, end });
export const periodText = (value: Period) => `${value.start.toEstonian()} – ${value.end.toEstonian()}`;

function date(year: number, month: number, day: number): CalendarDate {
  const value = CalendarDate.of(year, month, day);
  if (!value) throw new Error(`no such day ${day}.${month}.${year}`);
  return value;
}

/** Day arithmetic through UTC, where no time zone can move a day. */
export function addDays(value: CalendarDate, days: number): CalendarDate {
  const utc = new Date(Date.UTC(value.year, value.month - 1, value.day + days));
  return date(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

const later = (a: CalendarDate, b: CalendarDate) => (a.isAfter(b) ? a : b);
const earlier = (a: CalendarDate, b: CalendarDate) => (a.isBefore(b) ? a : b);

const cents = (count: number): Money => new Decimal(count).dividedBy(100);

const SECTION_LABELS = [
  "KOV-s elava sihtrühma kaasamine punktis 3.5.1.2 nimetatud teekondade väljatöötamisse",
  "Vajaduspõhise tugiteenuse pakkumine sihtrühmale",
  "Tõhusa kommunikatsiooni tagamine sihtrühmaga",
  "Kohalike koostöövõrgustike arendamine ja toetamine",
  "Koostöös elluviijaga lõimumis-, sealhulgas kohanemisteekondade mudeli rakendamine",
];
const ITEM_LABELS = [
  "Lõimumisklubi.",
  "Osaluskogu.",
  "Nõustamisteenuse ja infohaldamise elluviimine",
  "Infomaterjalide koostamine ja trükkimine",
  "Ümarlauad koostööpartneritega",
  "Infopäevade korraldamine",
  "Tõlketeenuse korraldamine",
  "Sihtrühmale suunatud veebikeskkonna väljatöötamine",
  "Kogemuskohtumised koostööpartneritega",
];
const ELVL_LABELS = [
  "KOV-ide tegevusplaanide koostamine ja sisendi andmine",
  "Lõimumis-, sealhulgas kohanemisteekondade mudeli väljatöötamine",
  "Tõhusa kommunikatsiooni tagamine KOV-dele",
  "KOV ametnike ja töötajate sihtrühmaga töötamise pädevuste arendamine",
];
const INDICATORS: ReadonlyArray<{ name: string; unit: string }> = [
  { name: "KOV koordinaatorite arv", unit: "Arv" },
  { name: "Korraldatud infopäevade arv", unit: "Arv" },
  { name: "Korraldatud üle-eestiliste koolituste arv", unit: "arv" },
  { name: "Koolitustel osalenud KOV-ide arv", unit: "Osaluskord" },
  { name: "Osalejate arv", unit: "Inimest" },
  { name: "Valminud juhendmaterjalid", unit: "Tk" },
  { name: "Rahulolu koolitustega", unit: "%" },
];
export const COUNT_UNITS = new Set(["arv", "osaluskord", "tk", "kord", "inimest", "osalejat"]);

/** A row before it has a line and an amount: the tree the generator grows, amounts filled bottom-up. */
interface Spec {
  code: string | null;
  codeStyle: "dotted" | "numbered" | null;
  label: string;
  kind: RowKind;
  leafAmount: Money | null;
  children: Spec[];
  responsible: string;
  table: number;
  frame: Period;
}

class PlanGenerator {
  private line = 40;
  private readonly year: Period;

  constructor(
    private readonly random: Random,
    yearNumber: number,
  ) {
    this.year = period(date(yearNumber, 1, 1), date(yearNumber, 12, 31));
  }

  generate(options: GeneratorOptions, seed: number): GeneratedPlan {
    const random = this.random;
    const style = this.style();
    const y = this.year.start.year;
    const partnerCount =
      options.partners ??
      random.weighted([
        [2, 1],
        [3, 2],
        [4, 2],
        [5, 2],
        [6, 2],
        [7, 2],
        [8, 4],
      ] as const);
    const names = random
      .shuffle(PARTNER_NAMES.map((name, index) => ({ name, index })))
      .slice(0, partnerCount)
      .sort((a, b) => a.index - b.index)
      .map(({ name }) => name);

    const schedules: Schedule[] = [];
    const indicators: IndicatorRow[] = [];
    const elvl: Implementer = {
      name: ELVL,
      role: "elluviija",
      aliases: [ELVL, "elluviija"],
      tables: [],
      partnership: null,
      rows: [],
    };
    const elvlFrame = period(date(y - 2, 1, 1), date(y + 4, 10, 31));
    const activities = random.int(2, 4);
    const elvlSchedule: Schedule = { implementer: elvl, nodes: [], top: null };
    for (let index = 1; index <= activities; index++) {
      const table = 2 * index - 1;
      const specs: Spec[] = [];
      if (index === 1) specs.push(this.personnel("Elluviija otsesed personalikulud", ELVL, table, elvlFrame));
      specs.push(this.elvlActivity(index, table, elvlFrame));
      for (const spec of specs) this.emit(spec, null, elvlSchedule, style);
      // The indicator table of an activity follows its schedule table, as in the directive.
      for (
        let count = random.weighted([
          [0, 1],
          [1, 2],
          [2, 1],
        ] as const);
        count > 0;
        count--
      ) {
        indicators.push(this.indicator(table + 1));
      }
    }
    elvl.tables = [...new Set(elvl.rows.map((row) => row.table))];
    schedules.push(elvlSchedule);

    names.forEach((name, index) => {
      const table = 9 + index;
      const partnership = this.partnership();
      const implementer: Implementer = {
        name,
        role: "partner",
        aliases: municipalityAliases(name),
        tables: [table],
        partnership,
        rows: [],
      };
      const schedule: Schedule = { implementer, nodes: [], top: null };
      const sections = [1, 2, 3, 4, 5].map((number) =>
        this.section(implementer, number, table, partnership, number === 5),
      );
      const top: Spec = {
        code: TOP_CODE,
        codeStyle: "dotted",
        label: "Sihtrühmale teenuste arendamine ja pakkumine",
        kind: "activity",
        leafAmount: null,
        children: [
          ...sections,
          this.personnel("Otsesed personalikulud", this.responsible(implementer), table, partnership),
        ],
        responsible: this.responsible(implementer),
        table,
        frame: partnership,
      };
      schedule.top = this.emit(top, null, schedule, style);
      schedules.push(schedule);
    });

    const plan: ActionPlan = {
      planPeriod: this.year,
      directive: {
        number: "68",
        date: date(y, 3, 25),
        activityName: "Kohalike omavalitsuste toetamine lõimumise valdkonnas",
        tat: { number: "24", date: date(y - 2, 1, 26) },
      },
      implementers: schedules.map((schedule) => schedule.implementer),
      indicators,
    };
    const generated: GeneratedPlan = { seed, plan, style, year: this.year, fromWorkbook: false, schedules };
    return options.fromWorkbook ? throughWorkbook(generated) : generated;
  }

  private style(): NumberStyle {
    const random = this.random;
    const base = random.weighted([
      [{ decimal: ",", grouping: "space" }, 6],
      [{ decimal: ".", grouping: "space" }, 2],
      [{ decimal: ",", grouping: "none" }, 2],
      [{ decimal: ".", grouping: "none" }, 1],
    ] as const);
    return {
      ...base,
      groupSpace: random.chance(0.2) ? "\u00a0" : " ",
      wholeWithDecimals: base.decimal === "." ? random.chance(0.7) : random.chance(0.2),
    };
  }

  /** Agreement periods like section 1.1's; a few start or end inside the plan year. */
  private partnership(): Period {
    const random = this.random;
    const y = this.year.start.year;
    const start = random.weighted([
      [date(y - 2, 1, 1), 3],
      [date(y - 2, 2, 1), 1],
      [date(y - 2, 3, 1), 1],
      [date(y - 2, 11, 1), 1],
      [date(y - 1, 1, 1), 2],
      [date(y - 1, 12, 1), 1],
      [date(y, 1, 1), 2],
      [date(y, 3, 1), 1],
      [date(y, 5, 15), 1],
    ] as const);
    const end = random.weighted([
      [date(y, 12, 31), 4],
      [date(y + 1, 12, 31), 2],
      [date(y + 2, 12, 31), 1],
      [date(y, 10, 31), 1],
      [date(y, 9, 30), 1],
    ] as const);
    return period(start, end);
  }

  private amount(): Money {
    const random = this.random;
    return random.weighted<() => Money>([
      [() => ZERO, 3],
      [() => new Decimal(random.int(1, 200)).times(100), 3],
      [() => cents(random.int(1, 2_500_000)), 5],
    ] as const)();
  }

  private personnel(label: string, responsible: string, table: number, frame: Period): Spec {
    const random = this.random;
    const amount = random.chance(0.4)
      ? new Decimal(random.int(200, 1600)).times(100)
      : cents(random.int(2_000_000, 16_000_000));
    return {
      code: null,
      codeStyle: null,
      label,
      kind: "personnel",
      leafAmount: amount,
      children: [],
      responsible,
      table,
      frame,
    };
  }

  private dotted(
    code: string,
    label: string,
    responsible: string,
    table: number,
    frame: Period,
    children: Spec[] = [],
  ): Spec {
    return {
      code,
      codeStyle: "dotted",
      label,
      kind: "activity",
      leafAmount: children.length === 0 ? this.amount() : null,
      children,
      responsible,
      table,
      frame,
    };
  }

  private numbered(count: number, responsible: () => string, table: number, frame: Period): Spec[] {
    return Array.from({ length: count }, (_, index) => ({
      code: String(index + 1),
      codeStyle: "numbered" as const,
      label: this.random.pick(ITEM_LABELS),
      kind: "activity" as const,
      leafAmount: this.amount(),
      children: [],
      responsible: responsible(),
      table,
      frame,
    }));
  }

  /** Items of a coded row: dotted items (some with sub-items or numbered items) or numbered items. */
  private items(code: string, responsible: () => string, table: number, frame: Period, depth: number): Spec[] {
    const random = this.random;
    const count = random.int(1, 4);
    return Array.from({ length: count }, (_, index) => {
      const itemCode = `${code}.${index + 1}`;
      const shape =
        depth > 0
          ? "leaf"
          : random.weighted([
              ["leaf", 7],
              ["sub-items", 2],
              ["numbered", 1],
            ] as const);
      const children =
        shape === "sub-items"
          ? this.items(itemCode, responsible, table, frame, depth + 1)
          : shape === "numbered"
            ? this.numbered(random.int(1, 3), responsible, table, frame)
            : [];
      return this.dotted(itemCode, random.pick(ITEM_LABELS), responsible(), table, frame, children);
    });
  }

  private section(implementer: Implementer, number: number, table: number, frame: Period, joint: boolean): Spec {
    const random = this.random;
    const code = `${TOP_CODE}.${number}`;
    // Section 5 is joint work with the implementer ("ELVL ja Tartu linn"), as the directive writes it.
    const responsible = () => (joint ? `ELVL ja ${random.pick(implementer.aliases)}` : this.responsible(implementer));
    const shape = random.weighted([
      ["leaf", 2],
      ["items", 7],
      ["numbered", 1],
    ] as const);
    const children =
      shape === "items"
        ? this.items(code, responsible, table, frame, 0)
        : shape === "numbered"
          ? this.numbered(random.int(1, 4), responsible, table, frame)
          : [];
    return this.dotted(code, SECTION_LABELS[number - 1], responsible(), table, frame, children);
  }

  private elvlActivity(index: number, table: number, frame: Period): Spec {
    const random = this.random;
    const code = `3.5.1.${index}`;
    const responsible = () => random.pick(["ELVL", "ELVL", "ELVL, partnerid", "ELVL, partner"]);
    const shape = random.weighted([
      ["leaf", 1],
      ["items", 2],
      ["numbered", 2],
    ] as const);
    const children =
      shape === "items"
        ? this.items(code, responsible, table, frame, 0)
        : shape === "numbered"
          ? this.numbered(random.int(2, 9), responsible, table, frame)
          : [];
    return this.dotted(code, ELVL_LABELS[index - 1], responsible(), table, frame, children);
  }

  /** The owner's name, now and then as its everyday form ("Tallinn", "Tartu"). */
  private responsible(implementer: Implementer): string {
    return this.random.chance(0.75) ? implementer.name : this.random.pick(implementer.aliases);
  }

  private indicator(table: number): IndicatorRow {
    const random = this.random;
    const { name, unit } = random.pick(INDICATORS);
    const target = random.int(0, 30);
    const counts = COUNT_UNITS.has(unit.toLocaleLowerCase("et"));
    // A share may fall by 2029; a count accumulates, so its 2029 target is never below this year's.
    const target2029 = counts ? target + random.int(0, 20) : Math.max(0, target + random.int(-10, 10));
    this.line += random.int(2, 5);
    return {
      table,
      name,
      unit,
      target: String(target),
      target2029: String(target2029),
      explanation: "Selgitus.",
      line: this.line,
    };
  }

  /** Lines, amounts and dates for a spec and its children, in document order (a parent before its items). */
  private emit(spec: Spec, parent: GenNode | null, schedule: Schedule, style: NumberStyle): GenNode {
    const random = this.random;
    this.line += random.int(3, 9);
    const planDates = this.planDates(spec.frame);
    const row: ScheduleRow = {
      code: spec.code,
      printedCode:
        spec.codeStyle === "numbered"
          ? `${spec.code}.`
          : spec.code && random.chance(0.15)
            ? `${spec.code}.`
            : spec.code,
      codeStyle: spec.codeStyle,
      label: spec.label,
      kind: spec.kind,
      amount: null,
      amountText: null,
      frame: spec.frame,
      frameText: periodText(spec.frame),
      plan: planDates,
      planText: periodText(planDates),
      responsible: spec.responsible,
      line: this.line,
      table: spec.table,
    };
    const node: GenNode = { implementer: schedule.implementer, row, parent, children: [] };
    if (parent) parent.children.push(node);
    schedule.implementer.rows.push(row);
    schedule.nodes.push(node);
    for (const child of spec.children) this.emit(child, node, schedule, style);
    const amount = spec.leafAmount ?? sumMoney(node.children.map((child) => child.row.amount as Money));
    row.amount = amount;
    row.amountText = printAmount(amount, style);
    return node;
  }

  /** Mostly the whole of the plan year within the frame; now and then a part of it. */
  private planDates(frame: Period): Period {
    const random = this.random;
    const start = later(this.year.start, frame.start);
    const end = earlier(this.year.end, frame.end);
    if (random.chance(0.75)) return period(start, end);
    const partStart = addDays(start, random.int(0, 45));
    const partEnd = addDays(end, -random.int(0, 45));
    return partStart.isBefore(partEnd) ? period(partStart, partEnd) : period(start, end);
  }
}

export function generatePlan(seed: number, options: GeneratorOptions = {}): GeneratedPlan {
  const random = new Random(seed);
  return new PlanGenerator(random, random.int(2024, 2027)).generate(options, seed);
}

/** The workbook's cells as an adapter would read them back: each cell's value and formula. */
export function rawSheets(workbook: WorkbookModel): RawSheet[] {
  return workbook.sheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows.map((cells) =>
      cells.map((cell) => (cell ? { value: cell.value, ...(cell.formula ? { formula: cell.formula } : {}) } : null)),
    ),
  }));
}

/**
 * The plan written as the canonical workbook and read back, as the add-in reads what the user has in Excel: rows
 * then carry sheet positions, parents a SUM formula. The generator's tree is rebound to the rows read, by line.
 */
function throughWorkbook(generated: GeneratedPlan): GeneratedPlan {
  const result = workbookToPlan(rawSheets(planToWorkbook(generated.plan).workbook));
  if (result.diagnostics.length > 0) {
    throw new Error(`seed ${generated.seed}: the workbook read back with ${JSON.stringify(result.diagnostics)}`);
  }
  const plan = result.plan;
  const schedules = generated.schedules.map((schedule) => {
    const implementer = plan.implementers.find((candidate) => candidate.name === schedule.implementer.name);
    if (!implementer) throw new Error(`seed ${generated.seed}: ${schedule.implementer.name} is not in the workbook`);
    const byLine = new Map(implementer.rows.map((row) => [row.line, row]));
    const rebound = new Map<GenNode, GenNode>();
    const nodes = schedule.nodes.map((node) => {
      const row = byLine.get(node.row.line);
      if (!row) throw new Error(`seed ${generated.seed}: line ${node.row.line} is not in the workbook`);
      const copy: GenNode = { implementer, row, parent: null, children: [] };
      rebound.set(node, copy);
      return copy;
    });
    for (const node of schedule.nodes) {
      const copy = rebound.get(node) as GenNode;
      copy.parent = node.parent ? (rebound.get(node.parent) as GenNode) : null;
      copy.children = node.children.map((child) => rebound.get(child) as GenNode);
    }
    return { implementer, nodes, top: schedule.top ? (rebound.get(schedule.top) as GenNode) : null };
  });
  return { ...generated, plan, fromWorkbook: true, schedules };
}
