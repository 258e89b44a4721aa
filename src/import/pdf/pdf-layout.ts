/**
 * The layout of a PDF's pages as pdfjs gives it: positioned text items grouped into lines, and the ruling
 * lines (table borders) drawn on the page. Coordinates are PDF user space: y grows upwards.
 */

export interface PdfItem {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size, from the text matrix. */
  size: number;
  font: string;
}

export interface PdfLine {
  /** 1-based over the whole document, in reading order (pages top to bottom). */
  no: number;
  page: number;
  y: number;
  size: number;
  /** Sorted by x. */
  items: PdfItem[];
  text: string;
}

/** A horizontal or vertical ruling segment. */
export interface Rule {
  /** For a horizontal rule: y, and x from `from` to `to`; for a vertical one: x, and y from `from` to `to`. */
  at: number;
  from: number;
  to: number;
}

export interface PdfPage {
  number: number;
  lines: PdfLine[];
  horizontal: Rule[];
  vertical: Rule[];
}

/** Items whose baselines differ by less than this share of the font size stand on one line. */
const SAME_LINE = 0.35;

export function groupLines(items: PdfItem[], page: number, firstNo: number): PdfLine[] {
  const sorted = items.filter((item) => item.text.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfLine[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - item.y) <= Math.max(1, SAME_LINE * Math.max(line.size, item.size))) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else {
      lines.push({ no: 0, page, y: item.y, size: item.size, items: [item], text: "" });
    }
  }
  lines.forEach((line, index) => {
    line.no = firstNo + index;
    line.items.sort((a, b) => a.x - b.x);
    line.text = joinItems(line.items);
  });
  return lines;
}

/** Joins items left to right, with a space where they stand apart; pdfjs splits words at font or kerning changes. */
export function joinItems(items: PdfItem[]): string {
  let text = "";
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    if (text !== "" && gap > 0.15 * item.size && !/\s$/.test(text) && !/^\s/.test(item.text)) text += " ";
    text += item.text;
    end = item.x + item.width;
  }
  return text.replace(/\s+/g, " ").trim();
}

export type Matrix = [number, number, number, number, number, number];

/** `m`, then `n`. */
export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** The pdfjs operator codes the rule extraction needs (`OPS` of pdfjs-dist). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  moveTo: number;
  lineTo: number;
  rectangle: number;
  curveTo: number;
  curveTo2: number;
  curveTo3: number;
}

/** Thinner than this (points) a filled rectangle is a rule, not a shaded area. */
const RULE_THICKNESS = 2.5;

/**
 * Table borders: stroked straight segments and thin filled rectangles. Writers draw them either way
 * (LibreOffice strokes lines, Word fills rectangles); both come through `constructPath`.
 */
export function extractRules(
  fnArray: number[],
  argsArray: unknown[],
  ops: PathOps,
  page: Matrix = [1, 0, 0, 1, 0, 0],
): { horizontal: Rule[]; vertical: Rule[] } {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  const stack: Matrix[] = [];
  // `page` maps user space to the page as seen (rotation, media box origin); rules are wanted as seen.
  let ctm: Matrix = page;
  const segment = (a: [number, number], b: [number, number]) => {
    if (Math.abs(a[1] - b[1]) < 0.5 && Math.abs(a[0] - b[0]) >= 1) {
      horizontal.push({ at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
    } else if (Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) >= 1) {
      vertical.push({ at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
    }
  };
  fnArray.forEach((fn, index) => {
    const args = argsArray[index] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(args as Matrix, ctm);
    else if (fn === ops.constructPath && args) {
      const pathOps = args[0] as number[];
      const coords = args[1] as number[];
      let c = 0;
      let current: [number, number] | null = null;
      for (const op of pathOps) {
        if (op === ops.moveTo) {
          current = apply(ctm, coords[c], coords[c + 1]);
          c += 2;
        } else if (op === ops.lineTo) {
          const next = apply(ctm, coords[c], coords[c + 1]);
          if (current) segment(current, next);
          current = next;
          c += 2;
        } else if (op === ops.rectangle) {
          const [x, y, w, h] = coords.slice(c, c + 4);
          const a = apply(ctm, x, y);
          const b = apply(ctm, x + w, y + h);
          const width = Math.abs(b[0] - a[0]);
          const height = Math.abs(b[1] - a[1]);
          const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
          if (height <= RULE_THICKNESS && width > RULE_THICKNESS) segment([a[0], mid[1]], [b[0], mid[1]]);
          else if (width <= RULE_THICKNESS && height > RULE_THICKNESS) segment([mid[0], a[1]], [mid[0], b[1]]);
          c += 4;
        } else if (op === ops.curveTo) {
          c += 6;
        } else if (op === ops.curveTo2 || op === ops.curveTo3) {
          c += 4;
        }
      }
    }
  });
  return { horizontal: mergeRules(horizontal), vertical: mergeRules(vertical) };
}

/**
 * Joins collinear segments that touch: Word draws a column border cell by cell. Segments less than a point apart
 * are collinear (Chromium draws one border at x 310.1 in one table and 310.9 in the next); they are put in order
 * along their length before joining, since any of them may start first.
 */
export function mergeRules(rules: Rule[]): Rule[] {
  const byPosition = [...rules].sort((a, b) => a.at - b.at);
  const groups: Rule[][] = [];
  for (const rule of byPosition) {
    const group = groups[groups.length - 1];
    if (group && rule.at - group[group.length - 1].at < 1) group.push(rule);
    else groups.push([rule]);
  }
  const merged: Rule[] = [];
  for (const group of groups) {
    const at = group.reduce((sum, rule) => sum + rule.at, 0) / group.length;
    const start = merged.length;
    for (const rule of [...group].sort((a, b) => a.from - b.from)) {
      const last = merged.length > start ? merged[merged.length - 1] : null;
      if (last && rule.from <= last.to + 2) last.to = Math.max(last.to, rule.to);
      else merged.push({ at, from: rule.from, to: rule.to });
    }
  }
  return merged;
}
