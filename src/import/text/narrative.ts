import { DescribedCode, Implementer } from "../../model/plan";

/**
 * The codes an implementer's prose describes. The directive describes its activities code by code ("3.5.2.1.2
 * Vajaduspõhise tugiteenuse pakkumine sihtrühmale. Jätkatakse …"): in Word the code and title are a paragraph of
 * their own, in the PDF's text they run on with the description. A code opens a description where it starts the
 * prose or follows a sentence's end, and a title in capitals follows it; a code inside a sentence ("Punktis 3.5.1.4
 * tegevustes …") only refers to one. Whether a piece of text is prose, not a schedule row, is the importer's call.
 */

/** A dotted code of three levels or more, with the dots a document may print after it. */
const CODE = /(\d{1,2}(?:\.\d{1,3}){2,})\.*(?=\s)/gu;
/** What may end the sentence before a code: a full stop, with a closing quote or bracket. */
const SENTENCE_END = /[.!?]["”“»)]?$/u;
/** A title starts with a capital (or an opening quote). */
const TITLE_START = /^\s+["„“«]?\p{Lu}/u;
const CODE_WORD = /^\d{1,2}(?:\.\d{1,3}){2,}\.*$/u;
/** A title longer than this has run into its description: it is cut at a word boundary. */
const MAX_TITLE_WORDS = 24;

export interface ProseOptions {
  /** Skip a code at the very start: a partner's heading ("3.5.2.1 … Tartu linnas") names the part, not an activity. */
  skipLeadingCode?: boolean;
  /**
   * The 1-based source line of an offset in `text`, for prose joined from several lines (a PDF paragraph); by
   * default every code is on `line`.
   */
  lineAt?: (offset: number) => number;
  /**
   * Where the joined lines start in `text`. A code starting a line opens a description as one starting the text
   * does: a PDF joins Word's paragraphs that no spacing parts, so a paragraph's start may be only a line's.
   */
  lineStarts?: readonly number[];
}

/** An activity's sub-heading number before its code ("1.3 3.5.1.3 …"), where Word's numbering is typed out. */
const SUB_HEADING_NUMBER = /^\d+\.\d+\.?\s+$/u;

/** The described codes in one piece of prose, in order. `names`: words that may stand capitalised inside a title. */
export function describedCodesIn(
  text: string,
  line: number,
  names: ReadonlySet<string>,
  options: ProseOptions = {},
): DescribedCode[] {
  const found: DescribedCode[] = [];
  for (const match of text.matchAll(CODE)) {
    const at = match.index ?? 0;
    // A partner's heading's own code, after its sub-heading number too ("2.1 3.4.4.2 … Integratsiooni Sihtasutuses").
    if (options.skipLeadingCode && (at === 0 || SUB_HEADING_NUMBER.test(text.slice(0, at)))) continue;
    if (at > 0 && !/\s/u.test(text[at - 1])) continue;
    const before = text.slice(0, at).trimEnd();
    if (before !== "" && !SENTENCE_END.test(before) && !startsLine(text, at, [0, ...(options.lineStarts ?? [])]))
      continue;
    const after = text.slice(at + match[0].length);
    if (!TITLE_START.test(after)) continue;
    const title = titleOf(after, names);
    if (title === "") continue;
    found.push({ code: match[1], title, line: options.lineAt ? options.lineAt(at) : line });
  }
  return found;
}

/** Whether `at` starts the text or one of its joined lines, or follows a sub-heading's number that does. */
function startsLine(text: string, at: number, lineStarts: readonly number[]): boolean {
  return lineStarts.some((start) => start === at || (start < at && SUB_HEADING_NUMBER.test(text.slice(start, at))));
}

/**
 * The title after a code: up to the end of its sentence, or to where the description starts without one (a word
 * in capitals that is no name the plan knows, or a year's ordinal: "KOV-ide nõustamine 2025. aastal …").
 */
function titleOf(after: string, names: ReadonlySet<string>): string {
  const words = after.trim().split(/\s+/u);
  const title: string[] = [];
  for (const [index, word] of words.entries()) {
    if (index >= MAX_TITLE_WORDS) break;
    if (index > 0) {
      // A year's ordinal starts the description; another code, or a sub-heading's number before one, the next.
      if (/^\d+\.$/u.test(word) || CODE_WORD.test(word)) break;
      if (/^\d+\.\d+\.?$/u.test(word) && CODE_WORD.test(words[index + 1] ?? "")) break;
      const bare = word.replace(/^["„“«(]+/u, "").replace(/[.,;:!?"”“»)]+$/u, "");
      // A name stands in a title as "Tartu linnas"; before another capital it starts a sentence ("Tallinna Rändekeskus …").
      const capital = /^\p{Lu}\p{Ll}/u;
      if (capital.test(bare) && (!names.has(bare) || capital.test(words[index + 1] ?? ""))) break;
    }
    if (/[.!?]["”“»)]?$/u.test(word) && !/^\d+(?:\.\d+)*\.$/u.test(word)) {
      title.push(word.replace(/[.!?]+(["”“»)]?)$/u, "$1"));
      break;
    }
    title.push(word);
  }
  return title
    .join(" ")
    .replace(/[,;:\s]+$/u, "")
    .trim();
}

/** The capitalised words the implementers' names hold ("Tartu", "Tallinna", "Eesti"), which a title may contain. */
export function nameWords(names: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const name of names) for (const word of name.split(/[\s-]+/u)) if (/^\p{Lu}/u.test(word)) words.add(word);
  return words;
}

/**
 * Notes a piece of an implementer's prose: its text is known from now on (an empty list says "described nothing"),
 * and the codes it describes are added, each once (the first description of a code gives its title and line).
 */
export function noteProse(
  implementer: Implementer,
  text: string,
  line: number,
  names: ReadonlySet<string>,
  options: ProseOptions = {},
): DescribedCode[] {
  const codes = describedCodesIn(text, line, names, options);
  const narrative = (implementer.narrative ??= []);
  for (const described of codes) {
    if (!narrative.some((known) => known.code === described.code)) narrative.push(described);
  }
  return codes;
}
