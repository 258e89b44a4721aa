import * as path from "path";
import { formatMoneyPlain } from "../../../src/model/money";
import { ImportResult } from "../../../src/model/plan";

/**
 * A plan that is not TAT 24's: test/fixtures/kaskkiri-2023-tat-3-4-4.txt, written for these tests in the directive's
 * style. Its activities are numbered 3.4.4.1 …, its implementer is a foundation (Eesti Kohanemise Sihtasutus, "EKS"),
 * its partners a foundation named "partner INSA" and an NGO named with its legal form in a case ("MTÜ-s Eesti
 * Pagulasabi"), its plan year 2023 is written without the start's year ("01.01 – 31.12.2023"), and its section 1.1
 * puts both agreement periods in one sentence, the second after a comma with no space, in d.m.yyyy.
 *
 * Two inconsistencies are deliberate: INSA's 3.4.4.2 declares 40 000 while its sections (18 000 + 14 000) and
 * personnel (6 000) make 38 000; and Pagulasabi's 3.4.4.2.2 names INSA as responsible in Pagulasabi's schedule.
 */
export const OTHER_ACTIVITY_PATH = path.resolve(__dirname, "..", "..", "fixtures", "kaskkiri-2023-tat-3-4-4.txt");

/** [line, code (null for personnel), amount, frame, plan-period dates, responsible]; periods "start/end" in ISO. */
type ExpectedRow = [number, string | null, string, string, string, string];

export const YEAR = "2023-01-01/2023-12-31";
const EKS_FRAME = "2023-01-01/2025-12-31";
const INSA_FRAME = "2023-01-01/2024-12-31";
const PAGULASABI_FRAME = "2023-03-01/2024-08-31";
const PAGULASABI_YEAR = "2023-03-01/2023-12-31";

export const OTHER_ACTIVITY: Array<{
  name: string;
  role: string;
  tables: number[];
  partnership: string | null;
  rows: ExpectedRow[];
}> = [
  {
    name: "EKS",
    role: "elluviija",
    tables: [1],
    partnership: null,
    rows: [
      [22, null, "48600.00", EKS_FRAME, YEAR, "EKS"],
      [27, "3.4.4.1", "21500.00", EKS_FRAME, YEAR, "EKS"],
      [31, "3.4.4.1.1", "12000.00", EKS_FRAME, "2023-02-01/2023-06-30", "EKS, partnerid"],
      [35, "3.4.4.1.2", "9500.00", EKS_FRAME, "2023-09-01/2023-11-30", "EKS"],
    ],
  },
  {
    name: "Integratsiooni Sihtasutus",
    role: "partner",
    tables: [3],
    partnership: INSA_FRAME,
    rows: [
      [61, "3.4.4.2", "40000.00", INSA_FRAME, YEAR, "INSA"],
      [66, "3.4.4.2.1", "18000.00", INSA_FRAME, "2023-01-01/2023-06-30", "INSA"],
      [70, "3.4.4.2.2", "14000.00", INSA_FRAME, "2023-07-01/2023-12-31", "INSA"],
      [74, null, "6000.00", INSA_FRAME, YEAR, "INSA"],
    ],
  },
  {
    name: "MTÜ Eesti Pagulasabi",
    role: "partner",
    tables: [4],
    partnership: PAGULASABI_FRAME,
    rows: [
      [85, "3.4.4.2", "26450.50", PAGULASABI_FRAME, PAGULASABI_YEAR, "Eesti Pagulasabi"],
      [90, "3.4.4.2.1", "9450.50", PAGULASABI_FRAME, PAGULASABI_YEAR, "Eesti Pagulasabi"],
      [94, "3.4.4.2.2", "5000.00", PAGULASABI_FRAME, PAGULASABI_YEAR, "MTÜ Eesti Pagulasabi, INSA"],
      [98, null, "12000.00", PAGULASABI_FRAME, PAGULASABI_YEAR, "Eesti Pagulasabi"],
    ],
  },
];

export const iso = (period: { start: { toIso(): string }; end: { toIso(): string } } | null) =>
  period ? `${period.start.toIso()}/${period.end.toIso()}` : null;

/** The plan as the expected values above are written, for comparing any importer's result with them. */
export function planSummary(result: ImportResult) {
  return result.plan.implementers.map((implementer) => ({
    name: implementer.name,
    role: implementer.role,
    tables: implementer.tables,
    partnership: iso(implementer.partnership),
    rows: implementer.rows.map((row) => [
      row.code,
      row.amount ? formatMoneyPlain(row.amount) : null,
      iso(row.frame),
      iso(row.plan),
      row.responsible,
    ]),
  }));
}

export function expectedSummary() {
  return OTHER_ACTIVITY.map(({ rows, ...rest }) => ({ ...rest, rows: rows.map(([, ...cells]) => cells) }));
}
