import Decimal from "decimal.js";
import type { PlanAnalysis } from "../../checks/analyse";
import type { Finding } from "../../checks/types";
import { ImplementerTree, PlanNode, compareCodes } from "../../model/hierarchy";
import { Money, ZERO, sumMoney } from "../../model/money";
import { ActionPlan, Implementer } from "../../model/plan";

/**
 * Lisa 2, the budget, as a model: the lines of the ministry's house style (Rea nr 1, 1.1, 1.1.1 …), the same
 * money as a matrix of TAT activities by implementer, and what the budget must reconcile with. Built from the
 * plan alone, so the Excel sheet, the Word document and the tests all speak of the same numbers.
 */
export interface Lisa2 {
  header: Lisa2Header;
  lines: BudgetLine[];
  matrix: BudgetMatrix;
  /** The indirect-cost rate in per cent ("7"), or null: then there is no line 1.2. */
  indirectRatePercent: Money | null;
  /** Lisa 2's direct costs against the schedules' totals (lisa 1): they must be equal to the cent. */
  reconciliation: {
    budgetDirect: Money;
    schedulesTotal: Money;
    difference: Money;
    /** The schedules' top rows (a partner's 3.5.2.1; the implementer's activities and personnel): lisa 1's total. */
    tops: RowSource[];
  };
  /** Errors found by the checks: the annex is then a draft (MUSTAND) and lists them. */
  errors: Finding[];
  draft: boolean;
}

export interface Lisa2Header {
  /** "KINNITATUD kultuuriministri 25.03.2025 käskkirjaga nr 68", or null when the directive is not known. */
  approval: string | null;
  annex: string;
  title: string;
  /** "Tegevuskava periood: 01.01.2025 – 31.12.2025", or null. */
  period: string | null;
  /** "Elluviija: ELVL". */
  implementer: string | null;
}

export type BudgetLineKind =
  "total" | "direct" | "personnel" | "personnel-share" | "content" | "content-share" | "activity" | "indirect";

/** A schedule row an amount is taken from: the implementer's index in the plan and the row's index. */
export interface RowSource {
  implementer: number;
  row: number;
}

export interface BudgetLine {
  /** "Rea nr": "1", "1.1", "1.1.2.3.1". */
  number: string;
  label: string;
  /** The activity's number in the TAT ("3.5.2.1.3"), for activity lines. */
  tatNumber: string | null;
  kind: BudgetLineKind;
  /** 0 for line 1. */
  depth: number;
  /** ZERO for an absent activity, so that every parent stays the sum of its lines. */
  amount: Money;
  /**
   * The implementer has no such activity (only a peer of its role has): the annex shows "–", as the matrix and the
   * check's message do, not 0,00, which would read as an activity planned at no cost. A row it has at 0 shows 0,00.
   */
  absent: boolean;
  /** Positions in `lines` of the lines this one adds up; empty for a line taken from the schedules. */
  children: number[];
  /** For a line taken from the schedules: the rows whose amounts it adds (none when the schedule lacks it). */
  sources: RowSource[];
  /** The implementer the line belongs to (index in the plan), or null for lines of the whole activity. */
  implementer: number | null;
}

/** Direct costs by TAT activity (rows) and implementer (columns). */
export interface BudgetMatrix {
  columns: Array<{ implementer: number; name: string }>;
  rows: MatrixRow[];
  /** By column: the implementer's direct costs. */
  columnTotals: Money[];
  total: Money;
}

export interface MatrixRow {
  /** The TAT number, or null for the personnel row. */
  tatNumber: string | null;
  label: string;
  /** By column; null where the activity is not the implementer's (a partner has no 3.5.1.x, Jõhvi no 3.5.2.1.2). */
  cells: Array<Money | null>;
  /** For each cell: the budget line it repeats (position in `lines`), or null. */
  lineOf: Array<number | null>;
  total: Money;
}

export interface Lisa2Options {
  /** Overrides the plan's own rate (Seaded); null for none. */
  indirectRatePercent?: Money | null;
}

export const PERSONNEL_LABEL = "Otsesed personalikulud";
export const CONTENT_LABEL = "Sisutegevuste kulud";

/** Lisa 2 from the analysed plan: its trees for the amounts, its findings for the draft mark (nothing is rebuilt). */
export function buildLisa2(analysis: PlanAnalysis, options: Lisa2Options = {}): Lisa2 {
  const { plan } = analysis;
  const rate = options.indirectRatePercent !== undefined ? options.indirectRatePercent : plan.indirectRatePercent;
  if (rate && (rate.isNegative() || rate.greaterThan(100)))
    throw new RangeError(`Kaudsete kulude määr peab olema 0 ja 100 % vahel, mitte ${rate.toString()} %.`);
  const parts = analysis.implementers.map(({ tree }) => implementerParts(tree));
  const catalogue = activityCatalogue(plan.implementers, parts);

  const { lines, direct, personnel, activityLine } = budgetLines(plan, parts, catalogue, rate);
  const matrix = buildMatrix(plan, lines, catalogue, activityLine, personnel);
  const schedulesTotal = sumMoney(parts.map((part) => part.scheduleTotal));
  const errors = analysis.check.findings.filter((finding) => finding.severity === "error");
  return {
    header: header(plan),
    lines,
    matrix,
    indirectRatePercent: rate ?? null,
    reconciliation: reconcile(lines[direct].amount, schedulesTotal, parts),
    errors,
    draft: errors.length > 0,
  };
}

/** Rate × direct costs, rounded half up to the cent as Excel's ROUND does for positive amounts. */
export function indirectAmount(direct: Money, ratePercent: Money): Money {
  return direct.times(ratePercent).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** "7", "7,5": the rate as Estonian text. */
export function formatRate(rate: Money): string {
  return rate.toString().replace(".", ",");
}

const roleWord = (implementer: Implementer) => (implementer.role === "elluviija" ? "elluviija" : "partner");

function header(plan: ActionPlan): Lisa2Header {
  const { directive, planPeriod } = plan;
  const approval =
    directive.date && directive.number
      ? `KINNITATUD kultuuriministri ${directive.date.toEstonian()} käskkirjaga nr ${directive.number}`
      : null;
  const name = directive.activityName ? `„${directive.activityName}“ ` : "";
  const periodText = planPeriod ? `${planPeriod.start.toEstonian()} – ${planPeriod.end.toEstonian()}` : null;
  const lead = plan.implementers.find((implementer) => implementer.role === "elluviija");
  return {
    approval,
    annex: "LISA 2",
    title: `Toetatava tegevuse ${name}eelarve${periodText ? ` perioodil ${periodText}` : ""}`,
    period: periodText ? `Tegevuskava periood: ${periodText}` : null,
    implementer: lead ? `Elluviija: ${lead.name}` : null,
  };
}

interface ImplementerParts {
  tree: ImplementerTree;
  personnel: PlanNode[];
  /** TAT activity code → its rows (normally one). */
  activities: Map<string, PlanNode[]>;
  /** The amount a row shows in its schedule's "Planeeritav maksumus" cell. */
  amountOf: (node: PlanNode) => Money;
  tops: PlanNode[];
  /** What the schedule's top row(s) add up to: the implementer's total in lisa 1. */
  scheduleTotal: Money;
}

/**
 * The money of one schedule as the workbook shows it: a parent's cell is the SUM of its items, an empty cell
 * counts as 0 (as SUM does), and a plan read from a workbook keeps what its cells showed, a typed-over parent
 * included. The TAT activities are a partner's sections (the children of 3.5.2.1) or the implementer's top rows.
 */
function implementerParts(tree: ImplementerTree): ImplementerParts {
  const cache = new Array<Money | undefined>(tree.nodes.length);
  const amountOf = (node: PlanNode): Money => {
    const cached = cache[node.index];
    if (cached) return cached;
    const position = node.row.sheet;
    let amount: Money;
    if (position) amount = position.shownAmount ?? ZERO;
    else if (node.children.length === 0) amount = node.row.amount ?? ZERO;
    else amount = sumMoney(node.children.map(amountOf));
    cache[node.index] = amount;
    return amount;
  };
  const personnel = tree.nodes.filter((node) => node.row.kind === "personnel");
  const activityNodes = (tree.top ? tree.top.children : tree.roots).filter((node) => node.row.kind !== "personnel");
  const activities = new Map<string, PlanNode[]>();
  for (const node of activityNodes) {
    const code = node.code ?? node.row.printedCode ?? `rida ${node.row.line}`;
    activities.set(code, [...(activities.get(code) ?? []), node]);
  }
  const tops = tree.top ? [tree.top] : tree.roots;
  return { tree, personnel, activities, amountOf, tops, scheduleTotal: sumMoney(tops.map(amountOf)) };
}

interface ActivityCatalogue {
  codesFor(implementer: Implementer): string[];
  labelOf(code: string): string;
}

/**
 * The TAT activities each implementer's lines list: its own, plus those its peers of the same role have, so
 * that every partner shows 3.5.2.1.1 … 3.5.2.1.5 ("–" where its schedule has none) and the matrix is whole.
 */
function activityCatalogue(implementers: Implementer[], parts: ImplementerParts[]): ActivityCatalogue {
  const byRole = new Map<string, Set<string>>();
  const labels = new Map<string, Map<string, number>>();
  parts.forEach((part, index) => {
    const role = implementers[index].role;
    const codes = byRole.get(role) ?? new Set<string>();
    byRole.set(role, codes);
    for (const [code, nodes] of part.activities) {
      codes.add(code);
      const counts = labels.get(code) ?? new Map<string, number>();
      labels.set(code, counts);
      for (const node of nodes) counts.set(node.row.label, (counts.get(node.row.label) ?? 0) + 1);
    }
  });
  const sorted = new Map([...byRole].map(([role, codes]) => [role, [...codes].sort(compareCodes)]));
  return {
    codesFor: (implementer) => sorted.get(implementer.role) ?? [],
    labelOf: (code) => {
      // The label most schedules use for the code.
      let best = code;
      let count = 0;
      for (const [label, seen] of labels.get(code) ?? []) if (seen > count) [best, count] = [label, seen];
      return best;
    },
  };
}

interface BudgetLines {
  lines: BudgetLine[];
  /** Position of line 1.1 in `lines`: the direct costs the reconciliation compares. */
  direct: number;
  /** Position of line 1.1.1: its shares are the matrix's personnel row. */
  personnel: number;
  /** "implementer\u0000TAT code" → the position of that activity's line. */
  activityLine: Map<string, number>;
}

/** Lines 1 … 1.2 in the annex's order, every parent the sum of its lines. */
function budgetLines(
  plan: ActionPlan,
  parts: ImplementerParts[],
  catalogue: ActivityCatalogue,
  rate: Money | null | undefined,
): BudgetLines {
  const lines: BudgetLine[] = [];
  const total = addHeading(lines, "1", plan.directive.activityName ?? "Toetatav tegevus", "total", 0);
  const direct = addHeading(lines, "1.1", "Otsesed kulud", "direct", 1);
  const personnel = addPersonnelLines(lines, plan, parts);
  const { content, activityLine } = addContentLines(lines, plan, parts, catalogue);
  lines[direct].children.push(personnel, content);
  const indirect = rate ? addIndirectLine(lines, rate) : null;
  lines[total].children.push(direct, ...(indirect === null ? [] : [indirect]));
  sumAmounts(lines, { total, direct, indirect }, rate);
  return { lines, direct, personnel, activityLine };
}

type NewLine = Omit<BudgetLine, "children" | "sources" | "absent"> & Partial<BudgetLine>;

/** Appends a line, present and with no children or sources unless given, and returns its position in `lines`. */
function addLine(lines: BudgetLine[], line: NewLine): number {
  lines.push({ children: [], sources: [], absent: false, ...line });
  return lines.length - 1;
}

/** A line of no TAT activity whose amount is filled in once its lines are summed (see sumAmounts). */
function addHeading(
  lines: BudgetLine[],
  number: string,
  label: string,
  kind: BudgetLineKind,
  depth: number,
  implementer: number | null = null,
): number {
  return addLine(lines, { number, label, tatNumber: null, kind, depth, amount: ZERO, implementer });
}

/** Line 1.1.1 and under it one share per implementer (1.1.1.n): the personnel rows of its schedule. */
function addPersonnelLines(lines: BudgetLine[], plan: ActionPlan, parts: ImplementerParts[]): number {
  const personnel = addHeading(lines, "1.1.1", PERSONNEL_LABEL, "personnel", 2);
  parts.forEach((part, index) => {
    const amount = sumMoney(part.personnel.map((node) => part.amountOf(node)));
    lines[personnel].children.push(
      addLine(lines, {
        number: `1.1.1.${lines[personnel].children.length + 1}`,
        label: `${PERSONNEL_LABEL} (${roleWord(plan.implementers[index])} ${plan.implementers[index].name})`,
        tatNumber: null,
        kind: "personnel-share",
        depth: 3,
        amount,
        implementer: index,
        sources: part.personnel.map((node) => ({ implementer: index, row: node.index })),
      }),
    );
  });
  return personnel;
}

/**
 * Line 1.1.2 and under it one share per implementer (1.1.2.n), each with a line per TAT activity of its role
 * (1.1.2.n.m): the activity's rows in its schedule, or none and absent ("–") when only a peer has the activity.
 */
function addContentLines(
  lines: BudgetLine[],
  plan: ActionPlan,
  parts: ImplementerParts[],
  catalogue: ActivityCatalogue,
): { content: number; activityLine: Map<string, number> } {
  const content = addHeading(lines, "1.1.2", CONTENT_LABEL, "content", 2);
  const activityLine = new Map<string, number>();
  parts.forEach((part, index) => {
    const implementer = plan.implementers[index];
    const number = `1.1.2.${lines[content].children.length + 1}`;
    const label = `${CONTENT_LABEL} (${roleWord(implementer)} ${implementer.name})`;
    const share = addHeading(lines, number, label, "content-share", 3, index);
    lines[content].children.push(share);
    for (const code of catalogue.codesFor(implementer)) {
      const nodes = part.activities.get(code) ?? [];
      const line = addLine(lines, {
        number: `${lines[share].number}.${lines[share].children.length + 1}`,
        label: nodes[0]?.row.label ?? catalogue.labelOf(code),
        tatNumber: code,
        kind: "activity",
        depth: 4,
        amount: sumMoney(nodes.map((node) => part.amountOf(node))),
        absent: nodes.length === 0,
        implementer: index,
        sources: nodes.map((node) => ({ implementer: index, row: node.index })),
      });
      lines[share].children.push(line);
      activityLine.set(`${index}\u0000${code}`, line);
    }
  });
  return { content, activityLine };
}

/** Line 1.2, for a rate: its amount is the rate of 1.1, set once 1.1 is summed. */
function addIndirectLine(lines: BudgetLine[], rate: Money): number {
  return addHeading(lines, "1.2", `Kaudsed kulud (${formatRate(rate)} % otsestest kuludest)`, "indirect", 1);
}

/** The amounts of 1.1 and the lines under it, then 1.2 (the rate of 1.1), then 1 (1.1 + 1.2). */
function sumAmounts(
  lines: BudgetLine[],
  { total, direct, indirect }: { total: number; direct: number; indirect: number | null },
  rate: Money | null | undefined,
): void {
  sumChildren(lines, direct);
  if (indirect !== null && rate) lines[indirect].amount = indirectAmount(lines[direct].amount, rate);
  lines[total].amount = sumMoney(lines[total].children.map((child) => lines[child].amount));
}

/** Parents are summed from their lines, deepest first, so that every parent is exactly the sum of its lines. */
function sumChildren(lines: BudgetLine[], index: number): void {
  const line = lines[index];
  for (const child of line.children) if (lines[child].children.length > 0) sumChildren(lines, child);
  if (line.children.length > 0) line.amount = sumMoney(line.children.map((child) => lines[child].amount));
}

/** Lisa 2's direct costs against lisa 1's total, and the schedules' top rows that make that total. */
function reconcile(budgetDirect: Money, schedulesTotal: Money, parts: ImplementerParts[]): Lisa2["reconciliation"] {
  return {
    budgetDirect,
    schedulesTotal,
    difference: budgetDirect.minus(schedulesTotal),
    tops: parts.flatMap((part, implementer) => part.tops.map((node) => ({ implementer, row: node.index }))),
  };
}

function buildMatrix(
  plan: ActionPlan,
  lines: BudgetLine[],
  catalogue: ActivityCatalogue,
  activityLine: Map<string, number>,
  personnelLine: number,
): BudgetMatrix {
  const columns = plan.implementers.map((implementer, index) => ({ implementer: index, name: implementer.name }));
  const codes: string[] = [];
  for (const implementer of plan.implementers)
    for (const code of catalogue.codesFor(implementer)) if (!codes.includes(code)) codes.push(code);
  codes.sort(compareCodes);
  const rows: MatrixRow[] = codes.map((code) => {
    const lineOf = columns.map(({ implementer }) => activityLine.get(`${implementer}\u0000${code}`) ?? null);
    const cells = lineOf.map((line) => (line === null || lines[line].absent ? null : lines[line].amount));
    return {
      tatNumber: code,
      label: catalogue.labelOf(code),
      cells,
      lineOf,
      total: sumMoney(cells.filter((value): value is Money => value !== null)),
    };
  });
  const personnelLines = lines[personnelLine].children;
  const personnelCells = personnelLines.map((line) => lines[line].amount);
  rows.push({
    tatNumber: null,
    label: PERSONNEL_LABEL,
    cells: personnelCells,
    lineOf: [...personnelLines],
    total: sumMoney(personnelCells),
  });
  const columnTotals = columns.map((_, column) =>
    sumMoney(rows.map((row) => row.cells[column]).filter((value): value is Money => value !== null)),
  );
  return { columns, rows, columnTotals, total: sumMoney(columnTotals) };
}
