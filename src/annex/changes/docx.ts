import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableRow, TextRun } from "docx";
import { CHANGE_FIELD_ET as FIELD, CHANGE_KIND_ET as KIND, PlanComparison } from "../../model/compare";
import { Money, formatMoneyEstonian } from "../../model/money";
import {
  Alignment,
  DASH,
  DOCUMENT_STYLES,
  LANDSCAPE_TEXT_WIDTH,
  grid,
  headerRow,
  pageProperties,
  textCell,
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
    grid([headerRow(CHANGES_COLUMNS, WIDTHS), ...rows], WIDTHS, CELL_MARGIN),
    paragraph(
      [new TextRun({ text: "Kaldkirjas ülemridade summad on alamridade omad ega lähe kogusummasse.", italics: true })],
      60,
    ),
    paragraph([new TextRun({ text: "Kogusummad", bold: true })], 120),
    grid([headerRow(TOTALS_COLUMNS, TOTAL_WIDTHS), ...totals], TOTAL_WIDTHS, CELL_MARGIN),
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
    styles: DOCUMENT_STYLES,
    sections: [{ properties: pageProperties(PageOrientation.LANDSCAPE), children }],
  });
}

/** The change table as a .docx file's bytes; works in Node and in the browser alike. */
export function changesDocxBytes(comparison: PlanComparison): Promise<Uint8Array> {
  return Packer.pack(changesDocument(comparison), "uint8array");
}

// The change table's cells have always written italics and bold, "off" included.
function cell(text: string, width: number, alignment: Alignment = AlignmentType.LEFT, italics = false, bold = false) {
  return textCell(text, width, { alignment, italics, bold });
}

function paragraph(children: TextRun[], before = 0): Paragraph {
  return new Paragraph({ children, spacing: before ? { before, after: 60 } : undefined, keepNext: before > 0 });
}
