import { Bounds, columnIndex, columnName, MAX_COLUMNS, MAX_ROWS, quoteSheetName } from "../../model/a1";

/**
 * The formula language the fake understands: numbers, strings, TRUE/FALSE, error literals, references
 * (A1, $A$1, A1:B2, C:D, 2:3, Sheet!A1, 'Sheet name'!A1:B2, #REF!A1 after a sheet was deleted), the operators
 * + - * / ^ & % and comparisons, parentheses, and function calls. It computes SUM, ROUND and IF, what the
 * generated sheets use, and AND and N, what the marks' conditional formats use; any other name gives #NAME?, as an
 * unknown function does in Excel.
 */

export const ERROR_TEXTS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"] as const;
export type ErrorText = (typeof ERROR_TEXTS)[number];

export class CellError {
  constructor(readonly text: ErrorText) {}
}

/** A cell's content or a formula's result. Empty cells are `null` where that matters. */
export type Scalar = number | string | boolean | CellError;

/** The sheet part of a reference: undefined for the formula's own sheet, null for a deleted one (#REF!). */
export type SheetRef = string | null | undefined;

export class FormulaSyntaxError extends Error {}

export type Token =
  | { kind: "space"; text: string }
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "error"; value: ErrorText }
  | { kind: "ref"; sheet: SheetRef; local: string; bounds: Bounds }
  | { kind: "func"; name: string }
  | { kind: "name"; name: string }
  | { kind: "punct"; text: string };

const WORD = /^[\p{L}_\\$][\p{L}\p{N}_.$]*/u;
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})/;
const AREA = /^(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?(?![\p{L}\p{N}_.(!$])/u;
const COLUMNS = /^(\$?[A-Za-z]{1,3}):(\$?[A-Za-z]{1,3})(?![\p{L}\p{N}_.(!$])/u;
const ROWS = /^(\$?\d{1,7}):(\$?\d{1,7})(?![\p{L}\p{N}_.(!$])/u;
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const OPERATORS = ["<=", ">=", "<>", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%", "(", ")", ","];

/** A reference's local part ("A1", "$B$2:C3", "C:D", "2:3") at the start of `text`, normalized. */
export function readReference(text: string): { length: number; local: string; bounds: Bounds } | null {
  const area = AREA.exec(text);
  if (area) {
    const cells = [area[1], area[2] ?? area[1]].map((part) => {
      const match = CELL.exec(part)!;
      return { column: columnIndex(match[1]), row: Number(match[2]) - 1 };
    });
    if (cells.every((cell) => cell.column >= 0 && cell.row >= 0 && cell.row < MAX_ROWS)) {
      const [a, b] = cells;
      return {
        length: area[0].length,
        local: area[0].toUpperCase(),
        bounds: {
          r1: Math.min(a.row, b.row),
          c1: Math.min(a.column, b.column),
          r2: Math.max(a.row, b.row),
          c2: Math.max(a.column, b.column),
        },
      };
    }
  }
  const columns = COLUMNS.exec(text);
  if (columns) {
    const [a, b] = [columns[1], columns[2]].map((part) => columnIndex(part.replace("$", "")));
    if (a >= 0 && b >= 0)
      return {
        length: columns[0].length,
        local: columns[0].toUpperCase(),
        bounds: { r1: 0, c1: Math.min(a, b), r2: MAX_ROWS - 1, c2: Math.max(a, b) },
      };
  }
  const rows = ROWS.exec(text);
  if (rows) {
    const [a, b] = [rows[1], rows[2]].map((part) => Number(part.replace("$", "")) - 1);
    if (a >= 0 && b >= 0 && a < MAX_ROWS && b < MAX_ROWS)
      return {
        length: rows[0].length,
        local: rows[0],
        bounds: { r1: Math.min(a, b), c1: 0, r2: Math.max(a, b), c2: MAX_COLUMNS - 1 },
      };
  }
  return null;
}

/** The tokens of a formula's text after its "=". Throws FormulaSyntaxError on what Excel would not accept. */
export function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const rest = () => body.slice(at);
  const sheetReference = (sheet: SheetRef, prefixLength: number) => {
    at += prefixLength;
    const reference = readReference(rest());
    if (!reference) throw new FormulaSyntaxError(`A reference must follow the sheet name at ${at}.`);
    at += reference.length;
    tokens.push({ kind: "ref", sheet, local: reference.local, bounds: reference.bounds });
  };
  while (at < body.length) {
    const char = body[at];
    const text = rest();
    if (/\s/.test(char)) {
      const space = /^\s+/.exec(text)![0];
      tokens.push({ kind: "space", text: space });
      at += space.length;
    } else if (char === '"') {
      const match = /^"((?:[^"]|"")*)"/.exec(text);
      if (!match) throw new FormulaSyntaxError("Unterminated string.");
      tokens.push({ kind: "string", value: match[1].replace(/""/g, '"') });
      at += match[0].length;
    } else if (char === "'") {
      const match = /^'((?:[^']|'')+)'!/.exec(text);
      if (!match) throw new FormulaSyntaxError("A quoted sheet name must end with '!.");
      sheetReference(match[1].replace(/''/g, "'"), match[0].length);
    } else if (char === "#") {
      if (/^#REF!(?=\$?[A-Za-z0-9])/i.test(text) && readReference(text.slice(5))) {
        sheetReference(null, 5);
        continue;
      }
      const error = ERROR_TEXTS.find((candidate) => text.toUpperCase().startsWith(candidate));
      if (!error) throw new FormulaSyntaxError(`Unknown error literal at ${at}.`);
      tokens.push({ kind: "error", value: error });
      at += error.length;
    } else if (/[0-9.]/.test(char)) {
      const rows = ROWS.exec(text);
      const reference = rows ? readReference(text) : null;
      if (reference) {
        tokens.push({ kind: "ref", sheet: undefined, local: reference.local, bounds: reference.bounds });
        at += reference.length;
        continue;
      }
      const number = NUMBER.exec(text);
      if (!number) throw new FormulaSyntaxError(`Unexpected "${char}" at ${at}.`);
      tokens.push({ kind: "number", value: Number(number[0]) });
      at += number[0].length;
    } else if (WORD.test(text)) {
      const word = WORD.exec(text)![0];
      if (body[at + word.length] === "!" && !word.includes("$")) {
        sheetReference(word, word.length + 1);
        continue;
      }
      const reference = readReference(text);
      if (reference) {
        tokens.push({ kind: "ref", sheet: undefined, local: reference.local, bounds: reference.bounds });
        at += reference.length;
      } else if (body[at + word.length] === "(") {
        tokens.push({ kind: "func", name: word.toUpperCase() });
        at += word.length;
      } else if (/^(TRUE|FALSE)$/i.test(word)) {
        tokens.push({ kind: "bool", value: word.toUpperCase() === "TRUE" });
        at += word.length;
      } else {
        tokens.push({ kind: "name", name: word });
        at += word.length;
      }
    } else {
      const operator = OPERATORS.find((candidate) => text.startsWith(candidate));
      if (!operator) throw new FormulaSyntaxError(`Unexpected "${char}" at ${at}.`);
      tokens.push({ kind: "punct", text: operator });
      at += operator.length;
    }
  }
  return tokens;
}

/** Excel's own spelling of a number in a formula: "1.50" → "1.5", "1e3" → "1000". */
const numberText = (value: number) => String(value).toUpperCase();

/** Tokens back to text as Excel shows the formula: names upper-cased, sheet names quoted only where needed. */
export function render(tokens: Token[], sheetName: (name: string) => string = (name) => name): string {
  return tokens
    .map((token) => {
      switch (token.kind) {
        case "space":
          return token.text;
        case "number":
          return numberText(token.value);
        case "string":
          return `"${token.value.replace(/"/g, '""')}"`;
        case "bool":
          return token.value ? "TRUE" : "FALSE";
        case "error":
          return token.value;
        case "ref":
          if (token.sheet === undefined) return token.local;
          return `${token.sheet === null ? "#REF!" : `${quoteSheetName(sheetName(token.sheet))}!`}${token.local}`;
        case "func":
          return token.name;
        case "name":
          return token.name;
        case "punct":
          return token.text;
      }
    })
    .join("");
}

export type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; sheet: SheetRef; b: Bounds }
  | { k: "name"; name: string }
  | { k: "unary"; op: string; e: Node }
  | { k: "percent"; e: Node }
  | { k: "binary"; op: string; l: Node; r: Node }
  | { k: "call"; name: string; args: Array<Node | null> };

/** Precedence climbing over Excel's operator levels: comparison, &, + -, * /, ^, unary sign, %. */
export function parse(tokens: Token[]): Node {
  const list = tokens.filter((token) => token.kind !== "space");
  let at = 0;
  const peek = () => list[at];
  const isPunct = (text: string) => {
    const token = peek();
    return token?.kind === "punct" && token.text === text;
  };
  const expect = (text: string) => {
    if (!isPunct(text)) throw new FormulaSyntaxError(`Expected "${text}".`);
    at++;
  };
  const levels = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];
  const binary = (level: number): Node => {
    if (level === levels.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const token = peek();
      if (token?.kind !== "punct" || !levels[level].includes(token.text)) return left;
      at++;
      left = { k: "binary", op: token.text, l: left, r: binary(level + 1) };
    }
  };
  const unary = (): Node => {
    if (isPunct("-") || isPunct("+")) {
      const op = (list[at++] as { text: string }).text;
      return { k: "unary", op, e: unary() };
    }
    let node = primary();
    while (isPunct("%")) {
      at++;
      node = { k: "percent", e: node };
    }
    return node;
  };
  const primary = (): Node => {
    const token = list[at++];
    if (!token) throw new FormulaSyntaxError("The formula ends too early.");
    switch (token.kind) {
      case "number":
      case "string":
      case "bool":
      case "error":
        return { k: "lit", v: token.kind === "error" ? new CellError(token.value) : token.value };
      case "ref":
        return { k: "ref", sheet: token.sheet, b: token.bounds };
      case "name":
        return { k: "name", name: token.name };
      case "func": {
        expect("(");
        const args: Array<Node | null> = [];
        if (isPunct(")")) {
          at++;
          return { k: "call", name: token.name, args };
        }
        for (;;) {
          args.push(isPunct(",") || isPunct(")") ? null : binary(0));
          if (isPunct(")")) break;
          expect(",");
        }
        at++;
        return { k: "call", name: token.name, args };
      }
      case "punct":
        if (token.text === "(") {
          const inner = binary(0);
          expect(")");
          return inner;
        }
    }
    throw new FormulaSyntaxError("Unexpected token.");
  };
  const node = binary(0);
  if (at < list.length) throw new FormulaSyntaxError("Unexpected text after the formula.");
  return node;
}

/** Replaces the sheet of references to `from` (compared case-insensitively): a rename, or null for a deletion. */
export function replaceSheet(tokens: Token[], from: string, to: string | null): Token[] {
  const key = from.toLowerCase();
  return tokens.map((token) =>
    token.kind === "ref" && typeof token.sheet === "string" && token.sheet.toLowerCase() === key
      ? { ...token, sheet: to }
      : token,
  );
}

/**
 * One axis of a reference's corner being moved: its 0-based index and whether it is absolute ("$"). Returns the new
 * index; one off the sheet turns the whole reference into #REF!, as Excel shows a reference to deleted cells.
 */
export type MoveIndex = (index: number, absolute: boolean, axis: "row" | "column") => number;

/** A reference's local text ("$A5", "B2:C$9", "C:D", "4:7") with each corner moved; null when it falls off. */
export function moveLocal(local: string, move: MoveIndex): string | null {
  const parts = local.split(":").map((part) => {
    const match = /^(\$?)([A-Z]{1,3})?(\$?)(\d+)?$/.exec(part);
    if (!match) return null;
    const [, first, letters, second, digits] = match;
    let text = "";
    if (letters) {
      const column = move(columnIndex(letters), first === "$", "column");
      if (column < 0 || column >= MAX_COLUMNS) return null;
      text += `${first}${columnName(column)}`;
    }
    if (digits) {
      const absolute = letters ? second === "$" : first === "$";
      const row = move(Number(digits) - 1, absolute, "row");
      if (row < 0 || row >= MAX_ROWS) return null;
      text += `${absolute ? "$" : ""}${row + 1}`;
    }
    return text;
  });
  return parts.some((part) => part === null) ? null : parts.join(":");
}

/**
 * References for which `applies` holds (given the reference's sheet and bounds) moved corner by corner; a
 * reference pushed off the sheet becomes the error #REF!.
 */
export function moveReferences(
  tokens: Token[],
  applies: (sheet: SheetRef, bounds: Bounds) => boolean,
  move: MoveIndex,
): Token[] {
  return tokens.map((token): Token => {
    if (token.kind !== "ref" || token.sheet === null || !applies(token.sheet, token.bounds)) return token;
    const local = moveLocal(token.local, move);
    const reference = local === null ? null : readReference(local);
    if (!reference) return { kind: "error", value: "#REF!" };
    return { ...token, local: reference.local, bounds: reference.bounds };
  });
}

/** The sheet names a formula refers to. */
export function referencedSheets(tokens: Token[]): string[] {
  return tokens.flatMap((token) => (token.kind === "ref" && typeof token.sheet === "string" ? [token.sheet] : []));
}

/** What the evaluator needs from the workbook. */
export interface FormulaHost {
  /** An error when the sheet of a reference does not resolve (#REF!). */
  sheetError(sheet: SheetRef): CellError | null;
  /** A cell's value, a formula's computed; null when empty. */
  valueAt(sheet: SheetRef, row: number, column: number): Scalar | null;
  /** The non-empty values inside `bounds`, row by row. */
  valuesIn(sheet: SheetRef, bounds: Bounds): Scalar[];
}

type Result = Scalar | null | { sheet: SheetRef; b: Bounds };

const isRange = (value: Result): value is { sheet: SheetRef; b: Bounds } =>
  value !== null && typeof value === "object" && !(value instanceof CellError);

const VALUE = () => new CellError("#VALUE!");

/** Text → number as a formula coerces it ("12", " 1.5 ", "1e3"); null when it reads as no number. */
export function textToNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

function toNumber(value: Scalar | null): number | CellError {
  if (value === null) return 0;
  if (value instanceof CellError) return value;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  return textToNumber(value) ?? VALUE();
}

/** Excel's text for a number in string contexts: at most 15 significant digits. */
const numberToText = (value: number) => String(Number(value.toPrecision(15)));

function toText(value: Scalar | null): string | CellError {
  if (value === null) return "";
  if (value instanceof CellError) return value;
  if (typeof value === "number") return numberToText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

/** Excel's ordering for comparisons: numbers < text < booleans; text compares case-insensitively. */
function compare(a: Scalar | null, b: Scalar | null): number {
  const rank = (value: Scalar | null) =>
    value === null ? -1 : typeof value === "number" ? 0 : typeof value === "string" ? 1 : 2;
  let [x, y] = [a, b];
  if (x === null) x = typeof y === "string" ? "" : typeof y === "boolean" ? false : 0;
  if (y === null) y = typeof x === "string" ? "" : typeof x === "boolean" ? false : 0;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") {
    const [p, q] = [x.toLowerCase(), y.toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}

function finite(value: number): number | CellError {
  return Number.isFinite(value) ? value : new CellError("#NUM!");
}

const FUNCTIONS: Record<
  string,
  (args: Array<Node | null>, evaluate: (node: Node) => Result, host: FormulaHost) => Result
> = {
  SUM(args, evaluate, host) {
    let total = 0;
    for (const arg of args) {
      if (arg === null) continue;
      const value = evaluate(arg);
      if (isRange(value)) {
        const error = host.sheetError(value.sheet);
        if (error) return error;
        for (const item of host.valuesIn(value.sheet, value.b)) {
          if (item instanceof CellError) return item;
          if (typeof item === "number") total += item;
        }
      } else {
        const number = toNumber(value);
        if (number instanceof CellError) return number;
        total += number;
      }
    }
    return finite(total);
  },
  ROUND(args, evaluate, host) {
    if (args.length !== 2 || args.some((arg) => arg === null)) return VALUE();
    const [number, digits] = args.map((arg) => toNumber(single(evaluate(arg!), host)));
    if (number instanceof CellError) return number;
    if (digits instanceof CellError) return digits;
    return round(number, Math.trunc(digits));
  },
  /** AND: TRUE when every logical value is; text and blanks inside a range are skipped, as Excel skips them. */
  AND(args, evaluate, host) {
    if (args.length === 0) return VALUE();
    let all = true;
    let seen = false;
    for (const arg of args) {
      if (arg === null) continue;
      const value = evaluate(arg);
      const items = isRange(value)
        ? (host.sheetError(value.sheet) ?? null) === null
          ? host.valuesIn(value.sheet, value.b).filter((item) => typeof item !== "string")
          : [host.sheetError(value.sheet)!]
        : [value];
      for (const item of items) {
        if (item instanceof CellError) return item;
        if (item === null) continue;
        if (typeof item === "string") {
          if (!/^(TRUE|FALSE)$/i.test(item)) return VALUE();
          all &&= item.toUpperCase() === "TRUE";
        } else all &&= Boolean(item);
        seen = true;
      }
    }
    return seen ? all : VALUE();
  },
  /** N: a number as it is, TRUE 1, FALSE 0, text 0 (what makes N("…") a harmless marker inside a formula). */
  N(args, evaluate, host) {
    if (args.length !== 1 || args[0] === null) return VALUE();
    const result = evaluate(args[0]);
    const value = isRange(result)
      ? (host.sheetError(result.sheet) ?? host.valueAt(result.sheet, result.b.r1, result.b.c1))
      : result;
    if (value instanceof CellError) return value;
    if (typeof value === "number") return value;
    if (typeof value === "boolean") return value ? 1 : 0;
    return 0;
  },
  /** Only the branch taken is evaluated, so an error in the other one does not show. */
  IF(args, evaluate, host) {
    if (args.length < 2 || args.length > 3) return VALUE();
    const condition = single(args[0] === null ? null : evaluate(args[0]), host);
    if (condition instanceof CellError) return condition;
    let test: boolean;
    if (typeof condition === "string") {
      // Text is a condition only when it reads TRUE or FALSE.
      if (!/^(TRUE|FALSE)$/i.test(condition)) return VALUE();
      test = condition.toUpperCase() === "TRUE";
    } else test = Boolean(condition);
    const branch = test ? args[1] : args[2];
    // IF(c, x) gives FALSE when c fails; an empty argument, IF(c, , x), gives 0.
    if (branch === undefined) return false;
    return branch === null ? 0 : evaluate(branch);
  },
};

/**
 * A reference as one value: a one-cell reference gives the cell's value (null when empty); a multi-cell one gives
 * #VALUE! (what Excel without dynamic arrays showed; Excel 365 would spill it instead).
 */
function single(value: Result, host: FormulaHost): Scalar | null {
  if (!isRange(value)) return value;
  const error = host.sheetError(value.sheet);
  if (error) return error;
  const { b } = value;
  if (b.r1 !== b.r2 || b.c1 !== b.c2) return VALUE();
  return host.valueAt(value.sheet, b.r1, b.c1);
}

/**
 * Excel's ROUND: halves away from zero, on the decimal number shown rather than its binary approximation
 * (ROUND(1.005, 2) is 1.01 in Excel, where 1.005 * 100 is 100.49999… in binary).
 */
function round(number: number, digits: number): number | CellError {
  const scale = Math.pow(10, Math.abs(digits));
  const scaled = digits >= 0 ? Math.abs(number) * scale : Math.abs(number) / scale;
  const rounded = Math.round(Number(scaled.toPrecision(15)));
  const result = digits >= 0 ? rounded / scale : rounded * scale;
  const signed = number < 0 ? -result : result;
  return finite(signed === 0 ? 0 : signed);
}

/**
 * A formula's value. A reference to one cell gives that cell's value (0 when empty, as a formula shows it);
 * a multi-cell reference outside a function gives #VALUE! (see `single`).
 */
export function evaluate(node: Node, host: FormulaHost): Scalar {
  const deref = (value: Result): Scalar | null => single(value, host);
  const run = (current: Node): Result => {
    switch (current.k) {
      case "lit":
        return current.v;
      case "ref":
        return { sheet: current.sheet, b: current.b };
      case "name":
        return new CellError("#NAME?");
      case "unary": {
        const number = toNumber(deref(run(current.e)));
        if (number instanceof CellError) return number;
        return current.op === "-" ? -number : number;
      }
      case "percent": {
        const number = toNumber(deref(run(current.e)));
        return number instanceof CellError ? number : number / 100;
      }
      case "binary": {
        const left = deref(run(current.l));
        const right = deref(run(current.r));
        if (left instanceof CellError) return left;
        if (right instanceof CellError) return right;
        if (current.op === "&") {
          const [a, b] = [toText(left), toText(right)];
          return a instanceof CellError ? a : b instanceof CellError ? b : a + b;
        }
        if (["=", "<>", "<", ">", "<=", ">="].includes(current.op)) {
          const order = compare(left, right);
          return {
            "=": order === 0,
            "<>": order !== 0,
            "<": order < 0,
            ">": order > 0,
            "<=": order <= 0,
            ">=": order >= 0,
          }[current.op]!;
        }
        const [a, b] = [toNumber(left), toNumber(right)];
        if (a instanceof CellError) return a;
        if (b instanceof CellError) return b;
        switch (current.op) {
          case "+":
            return finite(a + b);
          case "-":
            return finite(a - b);
          case "*":
            return finite(a * b);
          case "/":
            return b === 0 ? new CellError("#DIV/0!") : finite(a / b);
          default:
            return finite(Math.pow(a, b));
        }
      }
      case "call": {
        const fn = FUNCTIONS[current.name];
        return fn ? fn(current.args, run, host) : new CellError("#NAME?");
      }
    }
  };
  const result = deref(run(node));
  return result === null ? 0 : result;
}

/**
 * Whole rows inserted or deleted on a sheet, 0-based: `count` rows inserted at `at` (what stood there and below moves
 * down), or the rows `first`…`first + count - 1` deleted (what stood below moves up).
 */
export type RowShift = { kind: "insert"; at: number; count: number } | { kind: "delete"; first: number; count: number };

/**
 * A reference's local text after a row shift, as Excel adjusts formulas when rows are inserted or deleted ("Formulas
 * with cell references automatically adjust", learn.microsoft.com, "Insert a range using the Excel JavaScript API";
 * the Excel UI does the same for a deletion): rows at and below an insertion move down, so a range with its first
 * row above the insertion and its last at or below it grows; rows below a deletion move up, a range that loses some
 * of its rows shrinks, and a reference whose rows are all deleted becomes null (#REF!). Column-only references do not
 * change. Absolute and relative rows move alike.
 */
export function shiftLocal(local: string, shift: RowShift): string | null {
  const parts = local.split(":").map((part) => /^(\$?[A-Z]{1,3})?(\$?)(\d+)?$/.exec(part));
  if (parts.some((part) => part === null)) return local;
  const rows = parts.map((part) => (part![3] ? Number(part![3]) - 1 : null));
  if (rows.some((row) => row === null)) return local;
  let [r1, r2] = [rows[0]!, rows[rows.length - 1]!];
  const swapped = r1 > r2;
  if (swapped) [r1, r2] = [r2, r1];
  if (shift.kind === "insert") {
    if (r1 >= shift.at) r1 += shift.count;
    if (r2 >= shift.at) r2 += shift.count;
    if (r2 >= MAX_ROWS) return null;
  } else {
    const last = shift.first + shift.count - 1;
    if (r1 > last) r1 -= shift.count;
    else if (r1 >= shift.first) r1 = shift.first;
    if (r2 > last) r2 -= shift.count;
    else if (r2 >= shift.first) r2 = shift.first - 1;
    if (r2 < r1) return null;
  }
  const next = swapped ? [r2, r1] : [r1, r2];
  return parts
    .map((part, index) => `${part![1] ?? ""}${part![2]}${next[parts.length === 1 ? 0 : index] + 1}`)
    .join(":");
}

/**
 * A formula's text (after its "=") with the references for which `applies` holds (given the reference's sheet)
 * shifted as `shiftLocal` shifts them; a reference whose rows are all deleted becomes #REF!. Text that does not
 * tokenize is returned as it was.
 */
export function shiftFormula(body: string, applies: (sheet: SheetRef) => boolean, shift: RowShift): string {
  let tokens: Token[];
  try {
    tokens = tokenize(body);
  } catch {
    return body;
  }
  let changed = false;
  const shifted = tokens.map((token): Token => {
    if (token.kind !== "ref" || token.sheet === null || !applies(token.sheet)) return token;
    const local = shiftLocal(token.local, shift);
    if (local === token.local) return token;
    changed = true;
    const reference = local === null ? null : readReference(local);
    if (!reference) return { kind: "error", value: "#REF!" };
    return { ...token, local: reference.local, bounds: reference.bounds };
  });
  return changed ? render(shifted) : body;
}
