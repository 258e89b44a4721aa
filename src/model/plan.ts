import { CalendarDate, Period } from "./calendar-date";
import { Money } from "./money";

/**
 * The action plan (lisa 1) of one year, as approved by a directive: who implements what, when and for
 * how much. Pure data: no Office, no DOM. See ../shared/domain/glossary.md for the terms.
 */
export interface ActionPlan {
  /** The plan year, "tegevuskava periood". */
  planPeriod: Period | null;
  directive: DirectiveMetadata;
  implementers: Implementer[];
  indicators: IndicatorRow[];
  /**
   * The indirect-cost rate of lisa 2 in per cent ("7"): a flat rate on direct costs. Not in lisa 1's text; set
   * by the user (Seaded) and absent until then, when lisa 2 has no indirect line.
   */
  indirectRatePercent?: Money | null;
}

export interface DirectiveMetadata {
  /** Directive number ("68"), as printed. */
  number: string | null;
  date: CalendarDate | null;
  /** The name of the supported activity ("Kohalike omavalitsuste toetamine …"). */
  activityName: string | null;
  /** The conditions of granting support (TAT) the directive implements. */
  tat: { number: string | null; date: CalendarDate | null } | null;
}

/** `elluviija` is the implementer (here ELVL); `partner` a partner local government. */
export type ImplementerRole = "elluviija" | "partner";

export interface Implementer {
  /** Name in the nominative ("Tartu linn", "Tallinna linn", "ELVL"). */
  name: string;
  role: ImplementerRole;
  /** Other names the documents use for it ("Tallinn" for "Tallinna linn"), for matching responsible parties. */
  aliases: string[];
  /** Numbers of its "Tabel N. Tegevuste ajakava" tables, in document order. */
  tables: number[];
  /** The partnership agreement's period from section 1.1; null for the implementer or when not stated. */
  partnership: Period | null;
  rows: ScheduleRow[];
  /**
   * The codes the implementer's own text describes ("3.5.2.1.2 Vajaduspõhise tugiteenuse pakkumine sihtrühmale
   * …"), in document order. Absent when no text of its part is known (a pasted range, an officer's own workbook, a
   * document of tables only); empty when its text is known and opens no description with a code.
   */
  narrative?: DescribedCode[];
}

/** A code that opens a description in an implementer's text, with the title the text gives it. */
export interface DescribedCode {
  /** Normalised, no trailing dots ("3.5.2.1.2"). */
  code: string;
  title: string;
  /** 1-based line of the source where the code stands; 0 when not known. */
  line: number;
  /** Where it is kept when the plan was read from the canonical workbook: findings point at its code's cell. */
  sheet?: { name: string; row: number; cell: string };
}

/** `personnel` is the direct personnel cost row ("otsesed personalikulud"); everything else is an activity. */
export type RowKind = "activity" | "personnel";

/**
 * One row of an activity schedule table, with what the document declared, as printed. Nothing is
 * recalculated on import: a parent's amount is the declared one even when its children disagree.
 */
export interface ScheduleRow {
  /** Normalised code: no trailing dots ("3.5.2.1.2.1", or "3" for the numbered item "3."); null for personnel. */
  code: string | null;
  /** The code exactly as printed ("3.5.2.1.2.1.", "3."), or null. */
  printedCode: string | null;
  /** `dotted` for hierarchical codes, `numbered` for the items "1.", "2." under the coded row before them. */
  codeStyle: "dotted" | "numbered" | null;
  label: string;
  kind: RowKind;
  /** Planned cost for the plan year; null when the document gives none or it cannot be read. */
  amount: Money | null;
  /** The amount as printed ("93 988,53"), kept for messages and number-style checks. */
  amountText: string | null;
  /** Overall time frame ("Tegevuse üldajaraam"). */
  frame: Period | null;
  frameText: string | null;
  /** Start and end within the plan period. */
  plan: Period | null;
  planText: string | null;
  responsible: string | null;
  /** 1-based line of the source text where the row starts. */
  line: number;
  /** The table the row was printed in. */
  table: number;
  /** Where the row stands when the plan was read from the canonical workbook. */
  sheet?: SheetPosition;
}

/**
 * The columns of an activity schedule as the canonical sheet has them: a finding names the one at fault, and the
 * workbook layer (which alone knows where each column stands) turns it into a cell.
 */
export type ScheduleColumnKey =
  | "code"
  | "label"
  | "frameStart"
  | "frameEnd"
  | "planStart"
  | "planEnd"
  | "amount"
  | "declared"
  | "responsible"
  | "level"
  | "line"
  | "table"
  | "printed";

export interface SheetPosition {
  name: string;
  /** 1-based worksheet row. */
  row: number;
  /** The amount cell's address ("G12"), as the reader found it: messages name it. */
  amountCell: string;
  /** Whether the amount cell holds a formula (a parent's SUM) rather than a typed number. */
  amountIsFormula: boolean;
  /** What the amount cell shows: for a parent, its formula's result or the number typed over it. */
  shownAmount: Money | null;
}

/** One row of a "Tegevustega seotud näitajad" table. */
export interface IndicatorRow {
  table: number;
  name: string;
  unit: string;
  /** Target for the plan year, as a plain decimal string ("8"). */
  target: string;
  /** Target for 2029, as a plain decimal string. */
  target2029: string;
  explanation: string;
  line: number;
  /**
   * Where it stands when the plan was read from the canonical workbook: findings on it point at the Näitajad
   * sheet's cell of its 2029 target, since the document's line cannot be found in Excel.
   */
  sheet?: { name: string; row: number; target2029Cell: string };
}

/** Something the importer could not read, with where it was; never a silent drop. */
export interface ImportDiagnostic {
  severity: "error" | "warning";
  /** Stable id of the kind of problem, e.g. `unreadable-amount`. */
  id: string;
  line: number | null;
  message: string;
  messageEn: string;
  /** The source text concerned, so that nothing the user wrote is lost. */
  text?: string;
  /**
   * The file the line is in, when the document came inside another ("leping.asice › lisa1.docx"): the line alone
   * would send the officer to the wrong file.
   */
  file?: string;
}

export interface ImportResult {
  plan: ActionPlan;
  diagnostics: ImportDiagnostic[];
}

/** Input the importer refuses outright (empty text, no schedule table), with a message saying what was expected. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}

/**
 * A document that holds no activity schedule table at all: refused like any ImportError, and told apart so that a
 * container of several documents can skip those and say so only when none has one.
 */
export class NoScheduleTableError extends ImportError {
  constructor(message: string, messageEn: string) {
    super(message, messageEn);
    this.name = "NoScheduleTableError";
  }
}
