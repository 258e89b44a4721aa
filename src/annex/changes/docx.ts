import {
  AlignmentType,
  Document,
  Packer,
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
import { PlanChange, PlanComparison } from "../../model/compare";
import { Money, formatMoneyEstonian } from "../../model/money";
import {
  A4_HEIGHT,
  A4_WIDTH,
  ALL_BORDERS,
  BODY_SIZE,
  DASH,
  FONT,
  HEADER_FILL,
  LANDSCAPE_TEXT_WIDTH,
  MARGIN,
  TABLE_SIZE,
} from "../docx-style";

/**
 * An amendment's change table as the explanatory note has it, in Word: for each change the implementer, code,
 * activity, before, after, difference and an empty Põhjendus column for the officer; the totals' table below. Pure
 * docx, as lisa 1's document is.
 */

export const CHANGES_COLUMNS = [
  "Elluviija / partner",
  "Kood",
  "Tegevus",
  "Muutus",
  "Enne",
  "Pärast",
  "Vahe",
  "Põhjendus",
] as const;
const WIDTHS = [1700, 1500, 3400, 1700, 1300, 1300, 1200, LANDSCAPE_TEXT_WIDTH - 12100];
export const TOTALS_COLUMNS = ["Elluviija / partner", "Enne", "Pärast", "Vahe"] as const;
const TOTAL_WIDTHS = [3400, 1800, 1800, 1800];
const CELL_MARGIN = 80;

const KIND: Record<PlanChange["change"], string> = {
  added: "lisatud",
  removed: "eemaldatud",
  renumbered: "ümber nummerdatud",
  changed: "muudetud",
};
const FIELD: Record<string, string> = {
  amount: "summa",
  frame: "üldajaraam",
  plan: "plaan",
  responsible: "vastutaja",
  label: "nimetus",
  code: "kood",
};

const money = (amount: Money | null): string => (amount ? formatMoneyEstonian(amount) : DASH);

function changesDocument(comparison: PlanComparison): Document {
  const rows = comparison.changes.map((change) => {
    const what = change.fields.map((field) => FIELD[field.field]).join(", ");
    const code = change.change === "renumbered" ? `${change.codeBefore} → ${change.code}` : change.code;
    // A parent's difference is its items': in italics, as not counted in the totals a second time.
    const parent = !change.difference.equals(change.countedDifference);
    return new TableRow({
      cantSplit: true,
      children: [
        cell(change.implementer, WIDTHS[0]),
        cell(code, WIDTHS[1]),
        cell(change.label, WIDTHS[2]),
        cell(what ? `${KIND[change.change]}: ${what}` : KIND[change.change], WIDTHS[3]),
        cell(money(change.amountBefore), WIDTHS[4], AlignmentType.RIGHT, parent),
        cell(money(change.amountAfter), WIDTHS[5], AlignmentType.RIGHT, parent),
        cell(money(change.difference), WIDTHS[6], AlignmentType.RIGHT, parent),
        cell("", WIDTHS[7]),
      ],
    });
  });
  const totals = comparison.totals.map(
    (total) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(total.implementer, TOTAL_WIDTHS[0]),
          cell(money(total.before), TOTAL_WIDTHS[1], AlignmentType.RIGHT),
          cell(money(total.after), TOTAL_WIDTHS[2], AlignmentType.RIGHT),
          cell(money(total.difference), TOTAL_WIDTHS[3], AlignmentType.RIGHT),
        ],
      }),
  );
  const grand = comparison.grandTotal;
  totals.push(
    new TableRow({
      cantSplit: true,
      children: [
        cell("Kokku", TOTAL_WIDTHS[0], AlignmentType.LEFT, false, true),
        cell(money(grand.before), TOTAL_WIDTHS[1], AlignmentType.RIGHT, false, true),
        cell(money(grand.after), TOTAL_WIDTHS[2], AlignmentType.RIGHT, false, true),
        cell(money(grand.difference), TOTAL_WIDTHS[3], AlignmentType.RIGHT, false, true),
      ],
    }),
  );
  const children: Array<Paragraph | Table> = [
    paragraph([new TextRun({ text: "Muudatused", bold: true })], 120),
    grid([headerRow([...CHANGES_COLUMNS], WIDTHS), ...rows], WIDTHS),
    paragraph(
      [new TextRun({ text: "Kaldkirjas ülemridade summad on alamridade omad ega lähe kogusummasse.", italics: true })],
      60,
    ),
    paragraph([new TextRun({ text: "Kogusummad", bold: true })], 120),
    grid([headerRow([...TOTALS_COLUMNS], TOTAL_WIDTHS), ...totals], TOTAL_WIDTHS),
  ];
  if (comparison.partnerships.length > 0) {
    children.push(paragraph([new TextRun({ text: "Partnerluslepingu periood", bold: true })], 120));
    for (const change of comparison.partnerships) {
      const period = (value: typeof change.before): string =>
        value ? `${value.start.toEstonian()} ${DASH} ${value.end.toEstonian()}` : DASH;
      children.push(
        paragraph([new TextRun(`${change.implementer}: ${period(change.before)} → ${period(change.after)}`)]),
      );
    }
  }
  return new Document({
    title: "Muudatused",
    creator: "tat-budget",
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, language: { value: "et-EE" } },
          paragraph: { spacing: { after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children,
      },
    ],
  });
}

/** The change table as a .docx file's bytes; works in Node and in the browser alike. */
export function changesDocxBytes(comparison: PlanComparison): Promise<Uint8Array> {
  return Packer.pack(changesDocument(comparison), "uint8array");
}

function grid(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: ALL_BORDERS,
    margins: { top: 20, bottom: 20, left: CELL_MARGIN, right: CELL_MARGIN },
  });
}

function headerRow(texts: string[], widths: number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: texts.map(
      (text, index) =>
        new TableCell({
          width: { size: widths[index], type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL },
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text, bold: true, size: TABLE_SIZE })],
            }),
          ],
        }),
    ),
  });
}

function cell(
  text: string,
  width: number,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
  italics = false,
  bold = false,
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ alignment, children: [new TextRun({ text, size: TABLE_SIZE, italics, bold })] })],
  });
}

function paragraph(children: TextRun[], before = 0): Paragraph {
  return new Paragraph({ children, spacing: before ? { before, after: 60 } : undefined, keepNext: before > 0 });
}
