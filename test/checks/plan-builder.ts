import { CalendarDate, Period } from "../../src/model/calendar-date";
import { parseMoney } from "../../src/model/money";
import {
  ActionPlan,
  DescribedCode,
  Implementer,
  ImplementerRole,
  IndicatorRow,
  ScheduleRow,
} from "../../src/model/plan";
import { municipalityAliases } from "../../src/import/text/names";

/**
 * Small plans for rule tests, written as compactly as the rule cases need. Periods are "dd.mm.yyyy-dd.mm.yyyy";
 * a row's defaults are the plan year, its implementer's agreement period (or the implementer's frame) and the
 * implementer as responsible; lines count up from 100 in the order rows are written.
 */
let nextLine = 100;

export function period(text: string): Period {
  const [start, end] = text.split("-").map((part) => CalendarDate.parseEstonian(part));
  if (!start || !end) throw new Error(`bad period ${text}`);
  return { start, end };
}

export interface RowOptions {
  frame?: string | null;
  plan?: string | null;
  frameText?: string | null;
  planText?: string | null;
  responsible?: string | null;
  label?: string;
  line?: number;
  table?: number;
  /** The amount as printed; defaults to the amount given. */
  amountText?: string | null;
}

export interface RowSpec {
  code: string | null;
  amount: string | null;
  options: RowOptions;
}

/** A dotted code ("3.5.2.1.1"), a numbered item ("1."), or null for the personnel row. */
export function row(code: string | null, amount: string | null, options: RowOptions = {}): RowSpec {
  return { code, amount, options };
}

export const personnel = (amount: string, options: RowOptions = {}) => row(null, amount, options);

export interface ImplementerSpec {
  name: string;
  role: ImplementerRole;
  partnership: string | null;
  rows: RowSpec[];
  table?: number;
  /** What its text describes; absent: no text known. */
  narrative?: DescribedCode[];
}

/** The implementer with its text describing these codes ([code, title, line]); none: a text known to cite no code. */
export function telling(spec: ImplementerSpec, ...described: Array<[string, string, number]>): ImplementerSpec {
  return { ...spec, narrative: described.map(([code, title, line]) => ({ code, title, line })) };
}

export const partner = (name: string, partnership: string | null, rows: RowSpec[], table = 9): ImplementerSpec => ({
  name,
  role: "partner",
  partnership,
  rows,
  table,
});

export const elluviija = (rows: RowSpec[], table = 1): ImplementerSpec => ({
  name: "ELVL",
  role: "elluviija",
  partnership: null,
  rows,
  table,
});

export function plan(
  implementers: ImplementerSpec[],
  options: { planPeriod?: string | null; indicators?: Partial<IndicatorRow>[] } = {},
): ActionPlan {
  const planPeriod = options.planPeriod === undefined ? "01.01.2025-31.12.2025" : options.planPeriod;
  return {
    planPeriod: planPeriod ? period(planPeriod) : null,
    directive: { number: "68", date: CalendarDate.of(2025, 3, 25), activityName: null, tat: null },
    implementers: implementers.map((spec) => buildImplementer(spec, planPeriod)),
    indicators: (options.indicators ?? []).map((indicator, index) => ({
      table: 2,
      name: `Näitaja ${index + 1}`,
      unit: "Arv",
      target: "1",
      target2029: "1",
      explanation: "",
      line: 50 + index,
      ...indicator,
    })),
  };
}

function buildImplementer(spec: ImplementerSpec, planPeriod: string | null): Implementer {
  const frameDefault = spec.partnership ?? "01.01.2023-31.10.2029";
  const rows: ScheduleRow[] = spec.rows.map(({ code, amount, options }) => {
    const numbered = code !== null && /^\d+\.$/.test(code);
    const frame = options.frame === undefined ? frameDefault : options.frame;
    const planDates = options.plan === undefined ? planPeriod : options.plan;
    const amountText = options.amountText === undefined ? amount : options.amountText;
    return {
      code: code === null ? null : code.replace(/\.+$/, ""),
      printedCode: code,
      codeStyle: code === null ? null : numbered ? "numbered" : "dotted",
      label: options.label ?? (code === null ? "Otsesed personalikulud" : `Tegevus ${code}`),
      kind: code === null ? "personnel" : "activity",
      amount: amountText === null ? null : parseMoney(amountText),
      amountText,
      frame: frame ? period(frame) : null,
      frameText: options.frameText !== undefined ? options.frameText : frame ? frame.replace("-", " – ") : null,
      plan: planDates ? period(planDates) : null,
      planText: options.planText !== undefined ? options.planText : planDates ? planDates.replace("-", " – ") : null,
      responsible: options.responsible === undefined ? spec.name : options.responsible,
      line: options.line ?? nextLine++,
      table: options.table ?? spec.table ?? 1,
    };
  });
  return {
    name: spec.name,
    role: spec.role,
    aliases: spec.role === "partner" ? municipalityAliases(spec.name) : [spec.name, "elluviija"],
    tables: [...new Set(rows.map((r) => r.table))],
    partnership: spec.partnership ? period(spec.partnership) : null,
    rows,
    ...(spec.narrative ? { narrative: spec.narrative.map((described) => ({ ...described })) } : {}),
  };
}
