import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

/** A schedule row as the test documents print it: the five cells' texts. */
export type SampleRow = [activity: string, frame: string, plan: string, amount: string, responsible: string];

export const HEADER: SampleRow = [
  "Tegevus",
  "Tegevuse üldajaraam",
  "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil",
  "Planeeritav maksumus tegevuskava aastal",
  "Tegevuse eest vastutaja",
];

/** Column widths in twentieths of a point, about as in the directive: a wide activity column. */
const WIDTHS = [3600, 1500, 1600, 1500, 1400];

const cell = (text: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 20 })] })],
  });

/** A table as Writer prints it, with its borders unless `borderless` (then only positions say where cells are). */
export function scheduleTable(rows: SampleRow[], header: SampleRow = HEADER, borderless = false): Table {
  const widths = header.length === WIDTHS.length ? WIDTHS : WIDTHS.filter((_, i) => i !== 2);
  return new Table({
    ...(borderless ? { borders: TableBorders.NONE } : {}),
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text, i) => cell(text, widths[i], true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, widths[i])) })),
    ],
  });
}

export const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
export const caption = (text: string) =>
  new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text, bold: true })] });
export const paragraph = (text: string) => new Paragraph({ children: [new TextRun(text)] });

export async function docxBytes(children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
