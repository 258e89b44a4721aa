import {
  AlignmentType,
  Document,
  ISectionOptions,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from "docx";
import type { Finding } from "../../checks/types";
import { Money, formatMoneyEstonian } from "../../model/money";
import { BudgetLine, Lisa2, formatRate } from "./budget";
import {
  CellOptions,
  DASH,
  DOCUMENT_STYLES,
  LANDSCAPE_TEXT_WIDTH,
  PORTRAIT_TEXT_WIDTH,
  TABLE_SIZE,
  figureColumnWidth,
  grid,
  headerRow,
  pageProperties,
  paragraph,
  run,
  textCell,
} from "../docx-style";

/**
 * Lisa 2 as a Word document: the ministry's house style (header block, the budget by cost line with a row of
 * column numbers, then the same money by TAT activity and implementer), the reconciliation with lisa 1 and,
 * while the checks find errors, a MUSTAND mark and the list of those errors. Pure docx: no Node built-ins and
 * no Office or DOM globals, so the CLI, the tests and the task pane (browser) all build the same file.
 */

// Half-points, as docx's `size` takes them.
/** 8 pt, or smaller when many implementers leave too little room at 8 pt (see matrixLayout). */
const MATRIX_SIZES = [16, 15, 14, 12];
/**
 * The matrix's label column, in twips: "kohanemisteekondade", the longest word of the TAT's activity names, takes
 * 1 819 at 8 pt in DejaVu Serif (11 371 thousandths of an em), plus the cell's margins of 57.
 */
const MIN_LABEL_WIDTH = 2100;
const ERRORS_SIZE = 18;

const RED = "C00000";
/** Indent per level of "Rea nr", so that the label column shows the tree the numbers encode. */
const DEPTH_INDENT = 220;

export function lisa2Document(lisa2: Lisa2): Document {
  return new Document({
    title: lisa2.header.title,
    subject: lisa2.header.annex,
    creator: "tat-budget",
    styles: DOCUMENT_STYLES,
    sections: [budgetSection(lisa2), matrixSection(lisa2)],
  });
}

/**
 * The .docx file's bytes. `Packer.pack(…, "uint8array")` zips with fflate in plain JavaScript, so unlike
 * `toBuffer` (needs Node's Buffer) or `toBlob` (needs a DOM Blob) it works the same in Node and in the browser.
 */
export function lisa2DocxBytes(lisa2: Lisa2): Promise<Uint8Array> {
  return Packer.pack(lisa2Document(lisa2), "uint8array");
}

// ---------------------------------------------------------------------------------------------------------------
// Sections

function budgetSection(lisa2: Lisa2): ISectionOptions {
  const { header } = lisa2;
  const children: Array<Paragraph | Table> = [];
  if (lisa2.draft) {
    children.push(
      paragraph([run("MUSTAND", { bold: true, color: RED, size: 32 })], { alignment: AlignmentType.CENTER }),
      paragraph(
        [
          run(
            `Kontrollid leidsid ${lisa2.errors.length} viga, seega on see lisa mustand: ` +
              "enne kinnitamist tuleb vead parandada (loetelu on dokumendi lõpus).",
            { color: RED, bold: true },
          ),
        ],
        { alignment: AlignmentType.CENTER, after: 240 },
      ),
    );
  }
  if (header.approval) children.push(paragraph([run(header.approval)], { alignment: AlignmentType.RIGHT }));
  children.push(paragraph([run(header.annex, { bold: true })], { alignment: AlignmentType.RIGHT, after: 360 }));
  children.push(
    paragraph([run(header.title, { bold: true, size: 24 })], { alignment: AlignmentType.CENTER, after: 240 }),
  );
  for (const line of [header.period, header.implementer]) if (line) children.push(paragraph([run(line)]));
  children.push(
    paragraph(
      [
        run(
          lisa2.indirectRatePercent !== null
            ? `Kaudsete kulude määr: ${formatRate(lisa2.indirectRatePercent)} % otsestest kuludest`
            : "Kaudseid kulusid ei ole arvestatud (määr määramata).",
        ),
      ],
      { after: 240 },
    ),
  );
  children.push(paragraph([run("Eelarve kulukohtade kaupa", { bold: true })], { after: 120, keepNext: true }));
  children.push(linesTable(lisa2));
  return { properties: pageProperties(PageOrientation.PORTRAIT), children };
}

/** The matrix needs a column per implementer, which only a landscape page gives room for. */
function matrixSection(lisa2: Lisa2): ISectionOptions {
  const children: Array<Paragraph | Table> = [
    paragraph([run("Eelarve tegevuste ja partnerite lõikes", { bold: true })], { after: 120, keepNext: true }),
    matrixTable(lisa2),
    reconciliationParagraph(lisa2),
  ];
  if (lisa2.draft) {
    children.push(
      paragraph([run(`Kontrolli vead (${lisa2.errors.length})`, { bold: true, color: RED })], {
        before: 240,
        after: 120,
        keepNext: true,
      }),
      errorsTable(lisa2.errors),
    );
  }
  return { properties: pageProperties(PageOrientation.LANDSCAPE), children };
}

function reconciliationParagraph(lisa2: Lisa2): Paragraph {
  const { budgetDirect, schedulesTotal, difference } = lisa2.reconciliation;
  const balanced = difference.isZero();
  const text =
    `Kontroll: lisa 2 otsesed kulud ${formatMoneyEstonian(budgetDirect)} ${balanced ? "=" : "\u2260"} ` +
    `lisa 1 ajakavade kogusumma ${formatMoneyEstonian(schedulesTotal)} (vahe ${formatMoneyEstonian(difference)}).`;
  const children = [run(text, balanced ? {} : { bold: true, color: RED })];
  if (!balanced) children.push(run(" EI KLAPI.", { bold: true, color: RED }));
  return paragraph(children, { before: 240 });
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

/** Cell margins left and right, in twips: the lines table's and the matrix's (narrower, for nine columns). */
const LINES_MARGIN = 80;
const MATRIX_MARGIN = 57;

function linesTable(lisa2: Lisa2): Table {
  const size = TABLE_SIZE;
  // 1750 fits "Kokku (EUR)" and the directive's figures in Times New Roman; wider when a figure needs it.
  const amountWidth = Math.max(
    1750,
    figureColumnWidth(
      lisa2.lines.map((line) => ({ text: lineAmountText(line), bold: line.depth <= 2 })),
      size,
      LINES_MARGIN,
    ),
  );
  const widths = [1150, 1500, PORTRAIT_TEXT_WIDTH - 1150 - 1500 - amountWidth, amountWidth];
  const rows = [
    headerRow(["Rea nr", "Tegevuse nr TAT-is", "Kulukoht", "Kokku (EUR)"], widths, size),
    headerRow(
      widths.map((_, index) => String(index + 1)),
      widths,
      size,
    ),
    ...lisa2.lines.map((line) => {
      const bold = line.depth <= 2;
      return new TableRow({
        cantSplit: true,
        children: [
          textCell(line.number, widths[0], { size, bold }),
          textCell(line.tatNumber ?? "", widths[1], { size, bold }),
          textCell(line.label, widths[2], { size, bold, indent: line.depth * DEPTH_INDENT }),
          textCell(lineAmountText(line), widths[3], { size, bold, alignment: AlignmentType.RIGHT }),
        ],
      });
    }),
  ];
  return grid(rows, widths, LINES_MARGIN);
}

/** An activity the implementer does not have is "–", as in the matrix. */
const lineAmountText = (line: BudgetLine): string => (line.absent ? DASH : formatMoneyEstonian(line.amount));

const cellText = (value: Money | null): string => (value === null ? DASH : formatMoneyEstonian(value));

/** Columns of the matrix, in twips, and the size its text is set in (half-points). */
interface MatrixLayout {
  widths: number[];
  size: number;
}

/**
 * Each implementer's column and the total column as wide as their widest figure (the bold totals included) in
 * the widest font a reader may lay them out in, so that no figure wraps inside itself; widened toward 1500 when
 * the page has room. The label column takes the rest, at least MIN_LABEL_WIDTH; should many implementers leave
 * less, the text is set smaller rather than a figure or a word broken.
 */
function matrixLayout(matrix: Lisa2["matrix"]): MatrixLayout {
  const codeWidth = 1050;
  const count = Math.max(matrix.columns.length, 1);
  let layout: MatrixLayout | null = null;
  for (const size of MATRIX_SIZES) {
    const needed = matrix.columns.map((_, column) =>
      figureColumnWidth(
        [
          ...matrix.rows.map((row) => ({ text: cellText(row.cells[column]) })),
          { text: formatMoneyEstonian(matrix.columnTotals[column]), bold: true },
        ],
        size,
        MATRIX_MARGIN,
      ),
    );
    const totalWidth = Math.max(
      1200,
      figureColumnWidth(
        [...matrix.rows.map((row) => row.total), matrix.total].map((total) => ({
          text: formatMoneyEstonian(total),
          bold: true,
        })),
        size,
        MATRIX_MARGIN,
      ),
    );
    const room =
      LANDSCAPE_TEXT_WIDTH - codeWidth - totalWidth - needed.reduce((sum, width) => sum + width, 0) - MIN_LABEL_WIDTH;
    const extra = Math.max(0, Math.floor(room / count));
    const moneyWidths = needed.map((width) => width + Math.min(extra, Math.max(0, 1500 - width)));
    const labelWidth =
      LANDSCAPE_TEXT_WIDTH - codeWidth - totalWidth - moneyWidths.reduce((sum, width) => sum + width, 0);
    layout = { widths: [codeWidth, labelWidth, ...moneyWidths, totalWidth], size };
    if (room >= 0) break;
  }
  return layout!;
}

function matrixTable(lisa2: Lisa2): Table {
  const { matrix } = lisa2;
  const { widths, size } = matrixLayout(matrix);
  const totalColumn = widths.length - 1;
  const rows = [
    headerRow(["Tegevuse nr TAT-is", "Tegevus", ...matrix.columns.map((column) => column.name), "Kokku"], widths, size),
    ...matrix.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            textCell(row.tatNumber ?? "", widths[0], { size }),
            textCell(row.label, widths[1], { size }),
            ...row.cells.map((value, column) =>
              value === null
                ? textCell(DASH, widths[column + 2], { size, alignment: AlignmentType.CENTER })
                : moneyCell(value, widths[column + 2], { size }),
            ),
            moneyCell(row.total, widths[totalColumn], { size, bold: true }),
          ],
        }),
    ),
    new TableRow({
      cantSplit: true,
      children: [
        textCell("", widths[0], { size, bold: true }),
        textCell("Kokku", widths[1], { size, bold: true }),
        ...matrix.columnTotals.map((value, column) => moneyCell(value, widths[column + 2], { size, bold: true })),
        moneyCell(matrix.total, widths[totalColumn], { size, bold: true }),
      ],
    }),
  ];
  return grid(rows, widths, MATRIX_MARGIN);
}

function errorsTable(errors: Finding[]): Table {
  const widths = [600, 2200, 1800];
  widths.push(LANDSCAPE_TEXT_WIDTH - widths.reduce((sum, width) => sum + width, 0));
  const size = ERRORS_SIZE;
  const rows = [
    headerRow(["Nr", "Elluviija", "Kood", "Viga"], widths, size),
    ...errors.map(
      (error, index) =>
        new TableRow({
          cantSplit: true,
          children: [
            textCell(String(index + 1), widths[0], { size }),
            textCell(error.implementer ?? "", widths[1], { size }),
            textCell(error.code ?? "", widths[2], { size }),
            textCell(error.message, widths[3], { size }),
          ],
        }),
    ),
  ];
  return grid(rows, widths, LINES_MARGIN);
}

function moneyCell(amount: Money, width: number, options: CellOptions): TableCell {
  return textCell(formatMoneyEstonian(amount), width, { ...options, alignment: AlignmentType.RIGHT });
}
