import {
  AlignmentType,
  BorderStyle,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";

/**
 * The page and table style lisa 1, lisa 2 and the change table share in Word, so the documents look like one set,
 * and the builders that apply it.
 */

// Twips (1/20 pt). A4 is 210 × 297 mm; 2 cm margins leave 170 mm for text (257 mm in landscape).
export const A4_WIDTH = 11906;
export const A4_HEIGHT = 16838;
export const MARGIN = 1134;
export const PORTRAIT_TEXT_WIDTH = A4_WIDTH - 2 * MARGIN;
export const LANDSCAPE_TEXT_WIDTH = A4_HEIGHT - 2 * MARGIN;

// Half-points, as docx's `size` takes them.
export const BODY_SIZE = 22;
export const TABLE_SIZE = 20;

export const FONT = "Times New Roman";
export const HEADER_FILL = "E7E6E6";
export const DASH = "\u2013";

export const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
export const ALL_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

// ---------------------------------------------------------------------------------------------------------------
// Builders

/** The documents' defaults: Times New Roman in Estonian, no space after a paragraph unless one asks for it. */
export const DOCUMENT_STYLES = {
  default: {
    document: {
      run: { font: FONT, size: BODY_SIZE, language: { value: "et-EE" } },
      paragraph: { spacing: { after: 0 } },
    },
  },
};

export function pageProperties(orientation: (typeof PageOrientation)[keyof typeof PageOrientation]) {
  // docx swaps width and height itself for a landscape page: both are given as for portrait.
  return {
    page: {
      size: { width: A4_WIDTH, height: A4_HEIGHT, orientation },
      margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    },
  };
}

export type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/**
 * Fixed layout with the grid and every cell's width given in twips: Word, LibreOffice and Google Docs then all
 * lay the table out the same and none of them widens it past the margins to fit a long label.
 */
export function grid(rows: TableRow[], widths: number[], cellMargin: number): Table {
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: ALL_BORDERS,
    margins: { top: 20, bottom: 20, left: cellMargin, right: cellMargin },
  });
}

/** Header rows repeat on every page the table runs onto. */
export function headerRow(texts: readonly string[], widths: number[], size = TABLE_SIZE): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: texts.map(
      (text, index) =>
        new TableCell({
          width: { size: widths[index], type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL },
          children: [paragraph([run(text, { bold: true, size })], { alignment: AlignmentType.CENTER })],
        }),
    ),
  });
}

export interface CellOptions extends RunOptions {
  alignment?: Alignment;
  indent?: number;
}

/** A table cell of one paragraph, left-aligned and in the tables' size unless told otherwise. */
export function textCell(text: string, width: number, options: CellOptions = {}): TableCell {
  const { alignment = AlignmentType.LEFT, indent, size = TABLE_SIZE, ...style } = options;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [paragraph([run(text, { ...style, size })], { alignment, indent })],
  });
}

export interface RunOptions {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  size?: number;
}

// An option left out stays out of the XML: docx writes `false` as an explicit "off", and the documents keep what
// each of them has always written.
export function run(text: string, options: RunOptions = {}): TextRun {
  return new TextRun({
    text,
    bold: options.bold,
    italics: options.italics,
    color: options.color,
    size: options.size,
  });
}

export interface ParagraphOptions {
  alignment?: Alignment;
  before?: number;
  after?: number;
  indent?: number;
  keepNext?: boolean;
}

export function paragraph(children: TextRun[], options: ParagraphOptions = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: options.alignment,
    keepNext: options.keepNext,
    spacing: options.before || options.after ? { before: options.before, after: options.after } : undefined,
    indent: options.indent ? { left: options.indent } : undefined,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Widths of figures

/**
 * Advance widths, in thousandths of an em, of the characters our figures are printed with, read once from the
 * fonts' hmtx tables (the files in test/fixtures/fonts): Liberation Serif 1.07.4, metric-compatible with the
 * Times New Roman the documents name, and DejaVu Serif 2.37, in which LibreOffice and most Linux desktops lay a
 * document out when Times New Roman is missing, and which is the wider. No font is read at run time: a reader's
 * machine may have neither, and the width a column needs must not depend on the machine that wrote the file.
 */
const FIGURE_GLYPHS: Record<string, { regular: Record<string, number>; bold: Record<string, number> }> = {
  "Liberation Serif": {
    regular: glyphs({ digit: 500, space: 250, comma: 250, period: 250, hyphen: 333, minus: 564, dash: 500 }),
    bold: glyphs({ digit: 500, space: 250, comma: 250, period: 250, hyphen: 333, minus: 570, dash: 500 }),
  },
  "DejaVu Serif": {
    regular: glyphs({ digit: 637, space: 318, comma: 318, period: 318, hyphen: 338, minus: 838, dash: 500 }),
    bold: glyphs({ digit: 696, space: 349, comma: 349, period: 349, hyphen: 415, minus: 838, dash: 500 }),
  },
};

/** Wider than any glyph of the table: a character the table does not know is never under-measured. */
const UNKNOWN_GLYPH = 1000;

function glyphs(widths: Record<"digit" | "space" | "comma" | "period" | "hyphen" | "minus" | "dash", number>) {
  const table: Record<string, number> = {};
  for (const digit of "0123456789") table[digit] = widths.digit;
  // No-break spaces (U+00A0, U+202F) have the advance of a space in both fonts.
  for (const space of " \u00a0\u202f") table[space] = widths.space;
  table[","] = widths.comma;
  table["."] = widths.period;
  table["-"] = widths.hyphen;
  table["\u2212"] = widths.minus;
  table[DASH] = widths.dash;
  return table;
}

/**
 * The width in twips a figure ("1 355 541,00", "3.5.2.1.2", "–") takes at `size` half-points in the widest of the
 * fonts above, rounded up: 1/1000 em at h half-points is h/100 twips.
 */
export function figureWidth(text: string, size: number, bold = false): number {
  let widest = 0;
  for (const family of Object.values(FIGURE_GLYPHS)) {
    const table = bold ? family.bold : family.regular;
    let width = 0;
    for (const character of text) width += table[character] ?? UNKNOWN_GLYPH;
    widest = Math.max(widest, width);
  }
  return Math.ceil((widest * size) / 100);
}

/**
 * Room for layout engines' rounding of glyph positions (LibreOffice lays text out in whole twips per glyph)
 * and the cell's share of its borders; with it a figure of exactly the measured width still stays on one line.
 */
const FIGURE_SLACK = 40;

/** The width of a table column whose widest figure must fit on one line between the cell's margins. */
export function figureColumnWidth(
  figures: Array<{ text: string; bold?: boolean }>,
  size: number,
  cellMargin: number,
): number {
  const widest = Math.max(0, ...figures.map((figure) => figureWidth(figure.text, size, figure.bold)));
  return widest + 2 * cellMargin + FIGURE_SLACK;
}
