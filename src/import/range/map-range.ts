import { parseCellAddress } from "../../model/a1";
import { ImplementerRole, Implementer, ImportDiagnostic, ImportError, ScheduleRow } from "../../model/plan";
import { refuseRangeIfTooLarge } from "../limits";
import { municipalityAliases, municipalityNominative } from "../text/names";
import { GridCell, ScheduleColumn, TableGrid, readScheduleTable, reportNoHeader, reporter } from "../table";

/**
 * Maps a schedule table that the user pasted into Excel from the directive (Word or PDF) and selected, to schedule
 * rows. Pure: the cells come from `OfficeWorkbookAdapter.readSelection` or a test.
 *
 * A paste is messier than the canonical sheet: the header may stand below title rows, span two rows (a merged
 * "Tegevuse algus- ja lõppkuupäev …" over "algus" / "lõpp"), and list its columns in any order; dates are text
 * ("01.01.2023- 31.12.2025") or Excel dates; amounts text ("93 988,53") or numbers; a label that wrapped in the
 * source arrives as a row of its own with the other cells empty. What cannot be read is kept as text and reported;
 * only a selection over `MAX_RANGE_CELLS` is refused, with an `ImportError`.
 */

/** The columns of a schedule table. `frameEnd` / `planEnd` exist only when the dates stand in two cells. */
export type RangeColumnKey = ScheduleColumn;

export interface RangeHeader {
  /** 1-based sheet row of the header's (first) row. */
  row: number;
  /** How many sheet rows the header takes: its wrapped rows, a sub-header ("algus" / "lõpp"), column numbers. */
  rows: number;
  /** 0-based column within the selection of each column found. */
  columns: Partial<Record<RangeColumnKey, number>>;
}

export interface RangeImplementer {
  name: string;
  role: ImplementerRole;
}

export interface RangeMapping {
  /** Null when no header row was found; then `rows` is empty and a diagnostic says what was expected. */
  header: RangeHeader | null;
  /** From the options, else guessed from the responsible column; null when neither says. */
  implementer: RangeImplementer | null;
  /** Whether the caller must ask whose table this is. */
  needsImplementer: boolean;
  /**
   * The role when the responsible column says "elluviija" without a name, so that the question can be preset;
   * otherwise the implementer's role, or null.
   */
  roleHint: ImplementerRole | null;
  /** `line` is the 1-based sheet row, `table` 0 (a paste does not say which table it was). */
  rows: ScheduleRow[];
  diagnostics: ImportDiagnostic[];
}

export interface MapRangeOptions {
  /** The selection's top-left cell ("D5"), for sheet row numbers. */
  topLeft: string;
  sheet: string;
  implementer?: RangeImplementer;
}

/** A cell of the selection: the shared table stage's cell (a formula's cached result, and its formula). */
export type { GridCell } from "../table/grid";

type Cells = Array<Array<GridCell | null>>;

/** Maps a pasted schedule table; see the module comment and `RangeMapping`. */
export function mapPastedRange(cells: Cells, options: MapRangeOptions): RangeMapping {
  refuseRangeIfTooLarge(cells.reduce((count, row) => count + (row?.length ?? 0), 0));
  const origin = parseCellAddress(options.topLeft) ?? { row: 1, column: 0 };
  const diagnostics: ImportDiagnostic[] = [];
  const report = reporter(diagnostics);
  const grid: TableGrid = { rows: cells.map((row, index) => ({ cells: row ?? [], line: origin.row + index })) };
  const { header, rows } = readScheduleTable(grid, { table: 0, report });
  if (!header) {
    reportNoHeader(report, {
      et: `Valitud alast (${options.sheet}!${options.topLeft}…)`,
      en: `the selection (${options.sheet}!${options.topLeft}…)`,
    });
    return withImplementer({ header: null, rows: [], diagnostics }, options);
  }
  const rangeHeader: RangeHeader = {
    row: origin.row + header.first,
    rows: header.end - header.first,
    columns: header.columns,
  };
  return withImplementer({ header: rangeHeader, rows, diagnostics }, options);
}

/**
 * The implementer the table belongs to, as a plan's `Implementer` with no tables and no partnership, so that the
 * caller can merge it into a plan and write it as the implementer's canonical sheet. `implementer` overrides what
 * the mapping found (the pane's answer when `needsImplementer`); a name alone takes the role from its form.
 */
export function rangeMappingToImplementer(
  mapping: RangeMapping,
  implementer?: string | { name: string; role?: ImplementerRole },
): Implementer {
  const given = typeof implementer === "string" ? { name: implementer } : implementer;
  const name = given?.name?.trim() || mapping.implementer?.name;
  if (!name) {
    throw new ImportError(
      "Kleebitud tabeli elluviija ei ole teada: sisestage elluviija või partneri nimi.",
      "The implementer of the pasted table is not known: enter the implementer's or partner's name first.",
    );
  }
  const role: ImplementerRole =
    given?.role ??
    (mapping.implementer?.name === name ? mapping.implementer.role : null) ??
    (/\s(linn|vald)$/.test(name) ? "partner" : (mapping.roleHint ?? "partner"));
  return {
    name,
    role,
    aliases: role === "partner" ? municipalityAliases(name) : [name, "elluviija"],
    tables: [],
    partnership: null,
    rows: mapping.rows,
  };
}

// ---- The implementer -------------------------------------------------------------------------------------------

function withImplementer(
  partial: Pick<RangeMapping, "header" | "rows" | "diagnostics">,
  options: MapRangeOptions,
): RangeMapping {
  if (options.implementer) {
    return {
      ...partial,
      implementer: options.implementer,
      needsImplementer: false,
      roleHint: options.implementer.role,
    };
  }
  const guess = guessImplementer(partial.rows);
  return {
    ...partial,
    implementer: guess.implementer,
    needsImplementer: guess.implementer === null,
    roleHint: guess.implementer?.role ?? guess.roleHint,
  };
}

/**
 * The most common municipality among the responsible parties makes the table a partner's; otherwise an acronym
 * ("ELVL") or "elluviija" makes it the implementer's. Counting rather than taking the first: a row may name a
 * co-operating party ("Tartu linn, ELVL").
 */
function guessImplementer(rows: ScheduleRow[]): {
  implementer: RangeImplementer | null;
  roleHint: ImplementerRole | null;
} {
  const municipalities = new Map<string, number>();
  const acronyms = new Map<string, number>();
  let mentionsImplementer = false;
  for (const row of rows) {
    if (!row.responsible) continue;
    const municipality = municipalityOf(row.responsible);
    if (municipality) municipalities.set(municipality, (municipalities.get(municipality) ?? 0) + 1);
    // Only a party named by its acronym alone: "MTÜ Teenuskeskus" is an organisation, not the implementer.
    for (const part of row.responsible.split(/\s*(?:[,;/]|\sja\s)\s*/))
      if (/^\p{Lu}{2,8}$/u.test(part) && !NOT_IMPLEMENTERS.has(part)) acronyms.set(part, (acronyms.get(part) ?? 0) + 1);
    if (/\belluviija/i.test(row.responsible)) mentionsImplementer = true;
  }
  const top = (counts: Map<string, number>) =>
    [...counts].reduce<[string, number] | null>((best, entry) => (!best || entry[1] > best[1] ? entry : best), null);
  const municipality = top(municipalities);
  if (municipality) return { implementer: { name: municipality[0], role: "partner" }, roleHint: "partner" };
  const acronym = top(acronyms);
  if (acronym) return { implementer: { name: acronym[0], role: "elluviija" }, roleHint: "elluviija" };
  return { implementer: null, roleHint: mentionsImplementer ? "elluviija" : null };
}

/** Legal forms and the generic "local government": acronyms that name no particular implementer. */
const NOT_IMPLEMENTERS = new Set(["KOV", "MTÜ", "OÜ", "AS", "SA", "TÜ"]);

/** "Tartu linn", "Jõhvi vallas", "Tallinn" → the municipality's nominative name; null for anything else. */
function municipalityOf(text: string): string | null {
  // From a word's start only: tried inside a long run of letters, each start would scan the run again.
  const named = /(?<!\p{L})(\p{Lu}\p{L}*(?:-\p{Lu}\p{L}*)?)\s+(linn|vald|linn\p{Ll}*|vall\p{Ll}*)(?![\p{L}])/u.exec(
    text,
  );
  if (named) {
    const [, stem, word] = named;
    if (word === "linn" || word === "vald") return `${stem} ${word}`;
    return municipalityNominative(stem, word);
  }
  // An everyday name standing for a municipality whose official name differs ("Tallinn" for "Tallinna linn").
  const single = /^(\p{Lu}\p{Ll}+)$/u.exec(text.trim());
  if (single && municipalityAliases(`${single[1]}a linn`).includes(single[1])) return `${single[1]}a linn`;
  return null;
}
