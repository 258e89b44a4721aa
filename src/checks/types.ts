import { PlanNode } from "../model/hierarchy";
import { Money } from "../model/money";
import { ActionPlan, DescribedCode, Implementer, IndicatorRow, ScheduleColumnKey, ScheduleRow } from "../model/plan";
import { ImplementerTotals } from "../model/totals";

export type Severity = "error" | "warning" | "info";

export type Category = "sums" | "codes" | "amounts" | "dates" | "parties" | "structure" | "indicators" | "format";

/**
 * Where a finding is: the source line for a plan read from a document; once the plan comes from a workbook, its
 * sheet, its row and the column at fault, and no line (the document's lines cannot be found in Excel). The checks
 * know no cell addresses: the workbook layer, which lays the columns out, adds `cell` (`locateFindings`), and
 * everything downstream of the analysis (marks, go-to, reports) reads it. A finding about a whole schedule (no row)
 * names only its sheet, and the workbook layer picks the cell to look at (the table's header). Messages never say
 * where: the display layers print the position.
 */
export interface Position {
  line: number | null;
  sheet?: string;
  /** 1-based worksheet row. */
  row?: number;
  column?: ScheduleColumnKey;
  /** The cell (A1) of `column` in `row`, added by the workbook layer (or by the reader, for an indicator). */
  cell?: string;
}

/** A row a finding speaks of, placed like the finding: by source line, or by sheet and cell in a workbook. */
export interface RelatedRow {
  code: string | null;
  label: string;
  line: number | null;
  sheet?: string;
  row?: number;
  /** The row's code cell, added by the workbook layer. */
  cell?: string;
  amount: Money | null;
}

export interface Finding {
  rule: string;
  severity: Severity;
  category: Category;
  implementer: string | null;
  /** The row's code as printed (normalised), or null for personnel rows and findings about no single row. */
  code: string | null;
  position: Position;
  message: string;
  messageEn: string;
  /** For sums: the document's amount, the recomputed one, and computed minus declared. */
  declared?: Money;
  computed?: Money;
  difference?: Money;
  /** For other values: what the rule expected and what the document has, as display text. */
  expected?: string;
  actual?: string;
  /** Rows the finding speaks of: for a sum, the children. */
  related: RelatedRow[];
  /** An inferred fix, such as the code a duplicated code evidently should be. */
  correction?: { from: string; to: string };
}

/** Everything a rule may read, computed once per check run so that rules stay linear in the rows. */
export interface CheckContext {
  plan: ActionPlan;
  implementers: ImplementerContext[];
}

/** An implementer's tree and totals, as the analysis built them. */
export type ImplementerContext = ImplementerTotals;

export interface RuleMeta {
  id: string;
  severity: Severity;
  category: Category;
  description: { et: string; en: string };
}

export interface Rule {
  meta: RuleMeta;
  check(context: CheckContext, report: Reporter): void;
}

/** What a rule reports; the reporter adds the rule's id, severity and category. */
export interface Report {
  /** The column the finding is about, for its cell when the plan comes from a workbook (default: the code). */
  column?: ScheduleColumnKey;
  implementer: Implementer | null;
  row?: ScheduleRow | null;
  node?: PlanNode | null;
  /** An indicator the finding is about: placed on its Näitajad row when read from a workbook. */
  indicator?: IndicatorRow;
  /** A code the implementer's text describes: the finding's code, placed on the cell that keeps it in a workbook. */
  described?: DescribedCode;
  line?: number | null;
  message: string;
  messageEn: string;
  declared?: Money;
  computed?: Money;
  expected?: string;
  actual?: string;
  related?: ScheduleRow[];
  correction?: { from: string; to: string };
}

export type Reporter = (report: Report) => void;
