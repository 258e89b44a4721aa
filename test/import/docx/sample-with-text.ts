import { Paragraph, Table } from "docx";
import { parseDirectiveText } from "../../../src/import/text";
import { ScheduleRow } from "../../../src/model/plan";
import { fixtureText } from "../../helpers";
import { HEADER, SampleRow, caption, docxBytes, heading, paragraph, scheduleTable } from "../pdf/sample-docx";

/**
 * The directive of 25.03.2025 nr 68 as Word has it, text and tables: each implementer's heading, its own prose
 * (the fixture's lines, as read off the file: a PDF's reading order runs them into other parts' tables, Word keeps
 * them in their part), its schedule tables with its rows. Where a line of the text holds a heading and prose, or
 * prose and a caption, Word has two paragraphs. Indicator tables are left out: they say nothing of the text.
 */
interface Part {
  implementer: string;
  heading: string;
  /** Lines of the fixture (1-based) that are the part's prose, in order; a [line, from, to] takes a slice. */
  prose: Array<number | [number, number | string, string?]>;
}

const PARTS: Part[] = [
  {
    implementer: "ELVL",
    heading: "1. Elluviija tegevused",
    // 37's "1.1 3.5.1.1 …" is the first activity's sub-heading; 47 is section 1.1's sentence of agreements.
    prose: [
      [37, "1.1 3.5.1.1"],
      ...range(38, 48),
      73,
      74,
      ...range(75, 85),
      [87, 0, " Tabel 3."],
      153,
      154,
      155,
      [157, 0, " Tabel 5."],
      183,
      184,
      186,
      187,
    ],
  },
  {
    implementer: "Tartu linn",
    heading: "2. Partnerite tegevused 3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tartu linnas",
    prose: [227, [229, 0, " Tabel 9."]],
  },
  {
    implementer: "Tallinna linn",
    heading: "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Tallinna linnas",
    prose: [292, 324, [325, 0, " Tabel 10."]],
  },
  {
    implementer: "Rakvere linn",
    heading: "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Rakvere linnas",
    // 412 ends the last sentence of 411 before Tallinn's row 3.5.2.1.5 starts on it.
    prose: [411, [412, 0, " 3.5.2.1.5 Koostöös"], 427, [428, 0, " Tabel 11."]],
  },
  {
    implementer: "Saaremaa vald",
    heading: "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Saaremaa vallas",
    prose: [
      [480, "Saaremaa vallas töötab"],
      [518, 0, " Tabel 12."],
    ],
  },
  {
    implementer: "Pärnu linn",
    heading: "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Pärnu linnas",
    prose: [[599, "Tegevuste läbiviimiseks"], 601, 602],
  },
  {
    implementer: "Jõhvi vald",
    heading: "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine korraldamine Jõhvi vallas",
    prose: [704, 705, 707, 708, 709, [710, 0, " Tabel 14."]],
  },
  {
    implementer: "Haapsalu linn",
    heading: "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Haapsalu linnas",
    prose: [[742, "Alates 01.12.2024"], 795, 796, 798, [799, 0, " Tabel 15."]],
  },
  {
    implementer: "Kohtla-Järve linn",
    heading: "3.5.2.1 Sihtrühmale teenuste arendamine ja pakkumine Kohtla-Järve linnas",
    prose: [853, 883, [884, 0, " Tabel 16."]],
  },
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** The slice of a line: from a character or a phrase (kept), to a phrase (left out). */
function proseText(lines: string[], item: Part["prose"][number]): string {
  const [line, from, to] = typeof item === "number" ? [item, 0, undefined] : item;
  const text = lines[line - 1];
  const start = typeof from === "number" ? from : text.indexOf(from);
  const end = to === undefined ? text.length : text.indexOf(to);
  if (start < 0 || end < 0) throw new Error(`fixture line ${line} is not as the sample expects: "${text}"`);
  return text.slice(start, end).trim();
}

const cellOf = (row: ScheduleRow): SampleRow => [
  row.kind === "personnel" ? row.label : `${row.printedCode} ${row.label}`,
  row.frameText ?? "",
  row.planText ?? "",
  row.amountText ?? "",
  row.responsible ?? "",
];

/**
 * The Word document's paragraphs and tables, and its lines as the Word importer counts them (a paragraph or a table
 * row each): a paragraph's text, a table row's cells joined by " | ".
 */
export function sampleWithText(): { children: Array<Paragraph | Table>; lines: string[] } {
  const text = fixtureText();
  const source = text.split("\n");
  const plan = parseDirectiveText(text).plan;
  const children: Array<Paragraph | Table> = [];
  const lines: string[] = [];
  const say = (words: string, make: (words: string) => Paragraph = paragraph) => {
    children.push(make(words));
    lines.push(words);
  };
  say("LISA 1");
  say(source.slice(32, 36).join(" "));
  say(source[46]);
  for (const part of PARTS) {
    const implementer = plan.implementers.find((candidate) => candidate.name === part.implementer);
    if (!implementer) throw new Error(`no ${part.implementer} in the sample`);
    say(part.heading, heading);
    for (const item of part.prose) say(proseText(source, item));
    for (const table of implementer.tables) {
      const rows = implementer.rows.filter((row) => row.table === table).map(cellOf);
      say(`Tabel ${table}. Tegevuste ajakava`, caption);
      children.push(scheduleTable(rows));
      lines.push(HEADER.join(" | "), ...rows.map((row) => row.join(" | ")));
    }
  }
  return { children, lines };
}

export async function sampleWithTextDocx(): Promise<Buffer> {
  return docxBytes(sampleWithText().children);
}
