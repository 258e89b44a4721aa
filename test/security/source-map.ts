/**
 * The module a position of a built bundle came from, read from the bundle's source map (version 3, as webpack's
 * `devtool: "source-map"` writes it). A few lines of Base64 VLQ rather than a dependency.
 */

export interface SourceMapV3 {
  version: number;
  sources: string[];
  mappings: string;
}

/** Per generated line, its segments as [generated column, source index] in column order. */
type Lines = Array<Array<[number, number]>>;

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`not a source map mapping: ${segment}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function decodeMappings(mappings: string): Lines {
  const lines: Lines = [];
  let source = 0;
  for (const line of mappings.split(";")) {
    let column = 0;
    const segments: Array<[number, number]> = [];
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const [columnDelta, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      // Source line, column and name deltas accumulate too, but only the source is wanted here.
      if (sourceDelta !== undefined) {
        source += sourceDelta;
        segments.push([column, source]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

export class SourceMapIndex {
  private readonly lines: Lines;
  constructor(private readonly map: SourceMapV3) {
    this.lines = decodeMappings(map.mappings);
  }

  get sources(): string[] {
    return this.map.sources;
  }

  /** The source of the segment covering a 0-based line and column, or null where nothing is mapped. */
  sourceAt(line: number, column: number): string | null {
    const segments = this.lines[line] ?? [];
    let found: number | null = null;
    for (const [start, source] of segments) {
      if (start > column) break;
      found = source;
    }
    return found === null ? null : this.map.sources[found];
  }
}
