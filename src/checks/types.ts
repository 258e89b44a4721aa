import { ImplementerTree, PlanNode } from "../model/hierarchy";
import { ScheduleColumnKey } from "../workbook/layout";
import { Money } from "../model/money";
import { ActionPlan, Implementer, ScheduleRow } from "../model/plan";
import { TreeTotals } from "../model/totals";

export type Severity = "error" | "warning" | "info";

export type Category = "sums" | "codes" | "amounts" | "dates" | "parties" | "structure" | "indicators" | "format";

/** Where a finding is: the source line for text; sheet and cell once the plan comes from a workbook. */
export interface Position {
  line: number | null;
  sheet?: string;
  cell?: string;
}

export interface RelatedRow {
  code: string | null;
  label: string;
  line: number;
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

export interface ImplementerContext {
  implementer: Implementer;
  tree: ImplementerTree;
  totals: TreeTotals;
}

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
