import { PdfItem, PdfLine, Rule, joinItems } from "./pdf-layout";

/**
 * A PDF table's cells rebuilt from the page's own drawing (issue 15). Columns come from the vertical ruling lines
 * where the table has them, otherwise from the gaps that the columns' text leaves free on every line of the table
 * (a whitespace projection); rows from the horizontal rules, otherwise one row per text line. A text item belongs to
 * the column its extent overlaps most, so a right-aligned amount never runs into the next column and a cell's
 * wrapping, its font and its alignment do not matter. Pure geometry: which columns a table has and what they mean
 * is schedule-tables.ts's business.
 */

/** Column edges left to right: column i spans [bounds[i], bounds[i + 1]]. Unruled tables' outer edges are infinite. */
export type Bounds = number[];

/** Rules closer than this (points) are one: a double border, or a border drawn once per cell. */
const SAME_RULE = 2;

/**
 * The x of each vertical rule that crosses the whole band from `top` to `bottom` (baselines of the table's first
 * and last header line), left to right; null when fewer than three (two columns) do.
 */
export function ruledBounds(vertical: Rule[], top: number, bottom: number): Bounds | null {
  const xs = vertical
    .filter((rule) => rule.from <= bottom + 1 && rule.to >= top - 1)
    .map((rule) => rule.at)
    .sort((a, b) => a - b);
  const bounds: number[] = [];
  for (const x of xs) if (bounds.length === 0 || x - bounds[bounds.length - 1] > SAME_RULE) bounds.push(x);
  return bounds.length >= 3 ? bounds : null;
}

/** Whether `bounds` and `other` are the same columns (a table continued on the next page, drawn alike). */
export function sameBounds(bounds: Bounds, other: Bounds, tolerance = 3): boolean {
  return (
    bounds.length === other.length &&
    bounds.every((x, i) => (!Number.isFinite(x) && !Number.isFinite(other[i])) || Math.abs(x - other[i]) <= tolerance)
  );
}

/** The column whose span `item` overlaps most; -1 when it lies outside the table (left or right of its edges). */
export function columnOf(bounds: Bounds, item: Pick<PdfItem, "x" | "width">, slack = 2): number {
  const from = item.x;
  const to = item.x + Math.max(item.width, 0);
  if (to < bounds[0] - slack || from > bounds[bounds.length - 1] + slack) return -1;
  let best = -1;
  let bestOverlap = -Infinity;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const overlap = Math.min(to, bounds[i + 1]) - Math.max(from, bounds[i]);
    if (overlap > bestOverlap) {
      best = i;
      bestOverlap = overlap;
    }
  }
  return best;
}

type Interval = [from: number, to: number];

/** Items' x extents merged where less than `gap` apart: the clusters of text a header's columns make. */
export function clusters(items: Pick<PdfItem, "x" | "width">[], gap: number): Interval[] {
  const sorted = items.map((item): Interval => [item.x, item.x + Math.max(item.width, 0)]).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from - last[1] < gap) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function subtract(free: Interval[], [from, to]: Interval): Interval[] {
  return free.flatMap(([a, b]): Interval[] => {
    if (to <= a || from >= b) return [[a, b]];
    return (
      [
        [a, from],
        [to, b],
      ] as Interval[]
    ).filter(([x, y]) => y - x > 0);
  });
}

/**
 * The columns of a table without vertical rules, from where its text is not. It starts from the header's clusters
 * of text, one per column, and the free space between each two; every body line is then checked and added: a line
 * whose text leaves some space free between every two columns belongs to the table, and running text, which crosses
 * the columns, does not. The columns' edges are the middles of what stays free over all the table's lines.
 */
export class GapProjection {
  /** Between column i and i + 1: the x ranges no line of the table has text in. */
  private free: Interval[][];
  private left: number;
  private anchored = false;

  /** `minGap`: less free space than this (points) between two columns is not a gap between them. */
  constructor(
    readonly columns: Interval[],
    private readonly minGap = 1,
  ) {
    this.free = columns.slice(1).map((column, i): Interval[] => [[columns[i][1], column[0]]]);
    this.left = columns[0][0];
  }

  private after(line: PdfLine): Interval[][] {
    return this.free.map((free) =>
      line.items.reduce((left, item) => subtract(left, [item.x, item.x + Math.max(item.width, 0)]), free),
    );
  }

  /** Whether the line keeps a gap between every two columns and does not start left of the table. */
  accepts(line: PdfLine, slack = 3): boolean {
    if (line.items.some((item) => item.x < this.left - slack)) return false;
    return this.after(line).every((free) => free.some(([a, b]) => b - a >= this.minGap));
  }

  /**
   * The table's left edge is its first column's text's. A header centred over the column starts right of it, and
   * so may the lines of other cells centred vertically above the first column's text: until a line has text in the
   * first column, each line may move the edge left. Running text after the table starts left of it (the cells'
   * padding).
   */
  widen(line: PdfLine): void {
    if (this.anchored) return;
    this.left = Math.min(this.left, ...line.items.map((item) => item.x));
    this.anchored = line.items.some((item) => item.x < this.columns[0][1]);
  }

  add(line: PdfLine): void {
    this.free = this.after(line).map((free) => free.filter(([a, b]) => b - a >= this.minGap));
  }

  /**
   * Column edges: the middle of the first free range right of each column's header; the outer ones open. A header
   * is often centred over a column whose text is left-aligned and shorter ("ELVL" under "Tegevuse eest
   * vastutaja"), which leaves a second free range inside the next column, right of its text; the first range is
   * the one between the columns.
   */
  bounds(): Bounds {
    const middles = this.free.map((free) => {
      const [a, b] = free.reduce((first, range) => (range[0] < first[0] ? range : first));
      return (a + b) / 2;
    });
    return [-Infinity, ...middles, Infinity];
  }
}

/**
 * The y of horizontal rules that cross the table's first column, top to bottom, within `top`…`bottom`: the row
 * boundaries. Rules closer than a line's fraction are one.
 */
export function rowRules(horizontal: Rule[], bounds: Bounds, top: number, bottom: number): number[] {
  const left = bounds[0];
  const firstRight = bounds[1];
  const ys = horizontal
    .filter((rule) => rule.at <= top + 1 && rule.at >= bottom - 1)
    .filter((rule) => rule.from <= left + 3 && rule.to >= Math.min(firstRight, left + 10) - 3)
    .map((rule) => rule.at)
    .sort((a, b) => b - a);
  const rules: number[] = [];
  for (const y of ys) if (rules.length === 0 || rules[rules.length - 1] - y > SAME_RULE) rules.push(y);
  return rules;
}

/**
 * Where a table without rules shows its row boundaries by space: the y between two lines that stand further apart
 * than a cell's lines do (the cells' padding), top to bottom; null when no two do. A cell's line pitch is the least
 * distance between two lines with text in the same column (lines of different cells may stand half a pitch apart,
 * when one is centred vertically beside a taller one).
 */
export function rowGaps(lines: PdfLine[], bounds: Bounds): number[] | null {
  if (lines.length < 3) return null;
  const size = [...lines.map((line) => line.size)].sort((a, b) => a - b)[Math.floor(lines.length / 2)];
  let pitch = Infinity;
  for (let column = 0; column + 1 < bounds.length; column++) {
    const ys = lines.filter((line) => line.items.some((item) => columnOf(bounds, item) === column)).map((l) => l.y);
    for (let i = 1; i < ys.length; i++) {
      if (ys[i - 1] - ys[i] >= 0.8 * size) pitch = Math.min(pitch, ys[i - 1] - ys[i]);
    }
  }
  if (!Number.isFinite(pitch)) return null;
  const threshold = pitch + Math.max(1.5, 0.15 * size);
  const gaps = lines
    .slice(1)
    .flatMap((line, i) => (lines[i].y - line.y > threshold ? [(lines[i].y + line.y) / 2] : []));
  return gaps.length > 0 ? gaps : null;
}

/** One row of a table as the page draws it: per column, the cell's text line by line. */
export interface GeometricRow {
  /** The 1-based document line numbers of the row's lines, top to bottom. */
  lines: number[];
  cells: string[][];
}

/**
 * The table's lines cut into cells. With `rules` (row boundaries, top to bottom) every band between two rules is
 * one row, whichever lines its cells' text stands on (cells may be centred vertically); without, every line is a row.
 * Items outside the columns are left out.
 */
export function cutRows(lines: PdfLine[], bounds: Bounds, rules: number[] | null): GeometricRow[] {
  const rows: GeometricRow[] = [];
  let band: number | null = null;
  for (const line of lines) {
    const index = rules ? rules.filter((y) => y > line.y).length : null;
    const columns = bounds.length - 1;
    let row = rows[rows.length - 1];
    if (!row || rules === null || index !== band) {
      row = { lines: [], cells: Array.from({ length: columns }, () => []) };
      rows.push(row);
      band = index;
    }
    row.lines.push(line.no);
    const byColumn = new Map<number, PdfItem[]>();
    for (const item of line.items) {
      const column = columnOf(bounds, item);
      if (column < 0) continue;
      byColumn.set(column, [...(byColumn.get(column) ?? []), item]);
    }
    for (const [column, items] of byColumn) row.cells[column].push(joinItems(items));
  }
  return rows.filter((row) => row.cells.some((cell) => cell.length > 0));
}
