import { CalendarDate, MONTHS_GENITIVE, Period } from "../../model/calendar-date";
import { DirectiveMetadata } from "../../model/plan";
import { acronym, municipalityNominative, stemListIncludes } from "./names";
import { DASHES } from "./patterns";

/** What the text before the first table says about the plan as a whole. */
export interface Preamble {
  planPeriod: Period | null;
  directive: DirectiveMetadata;
  /** Short name of the implementer ("ELVL"), from "Eesti Linnade ja Valdade Liidus (edaspidi elluviija)". */
  implementerName: string | null;
  /** Partner agreement periods by nominative name, from section 1.1. */
  partnerships: Map<string, Period>;
}

const DATE = "(\\d{1,2}\\.\\d{1,2}\\.\\d{4})";
/** "01.01.2025", or "01.01" / "01.01." with the year left to the end date. */
const DAY_MONTH_MAYBE_YEAR = "(\\d{1,2}\\.\\d{1,2}(?:\\.\\d{4})?)\\.?";
const DASH = `\\s*[${DASHES}]\\s*`;
/**
 * A municipality's stem: one or two capitalised words, hyphen-joined ("Kohtla-Järve") or not. It starts a word:
 * tried inside a run of letters, every start would scan the run again, and a long one (a pasted base64 image, 100 000
 * letters) took minutes.
 */
const STEM = "(?<!\\p{L})(\\p{Lu}[\\p{L}]*(?:-\\p{Lu}[\\p{L}]*)?)";

/**
 * "tegevuskava perioodil 01.01.2025 – 31.12.2025", or with the start's year left out as the ministry writes it in
 * other supported activities' plans ("tegevuskava perioodil 01.01 – 31.12.2026", also "01.01. – 31.12.2026"): the
 * start then takes the end's year, or the year before when that would put it after the end ("01.09 – 31.08.2026").
 */
export function readPlanPeriod(joined: string): Period | null {
  const match = new RegExp(`tegevuskava\\s+perioodil\\s+${DAY_MONTH_MAYBE_YEAR}${DASH}${DATE}`, "iu").exec(joined);
  if (!match) return null;
  const end = CalendarDate.parseEstonian(match[2]);
  if (!end) return null;
  if (/\.\d{4}$/.test(match[1])) return period(match[1], match[2]);
  const [day, month] = match[1].split(".").map(Number);
  const sameYear = CalendarDate.of(end.year, month, day);
  if (!sameYear) return null;
  const start = sameYear.compare(end) <= 0 ? sameYear : CalendarDate.of(end.year - 1, month, day);
  return start ? { start, end } : null;
}

export function readDirective(joined: string): DirectiveMetadata {
  const approval =
    /kultuuriministri\s+(\d{1,2}\.\d{1,2}\.\d{4})\s+käskkirjaga\s+nr\s+(\d+)/iu.exec(joined) ??
    /(\d{1,2}\.\d{1,2}\.\d{4})\s+nr\s+(\d+)/u.exec(joined);
  const tat = new RegExp(
    `(\\d{1,2})\\.\\s+(${MONTHS_GENITIVE.join("|")})\\s+(\\d{4})\\.\\s*a\\.?\\s+käskkirja\\s+nr\\s+(\\d+)\\s+„([^“”]+)[“”]\\s*\\(edaspidi\\s+TAT\\)`,
    "iu",
  ).exec(joined);
  const activity = /Toetatava\s+tegevuse\s+„([^“”]+)[“”]/iu.exec(joined);
  return {
    number: approval ? approval[2] : null,
    date: approval ? CalendarDate.parseEstonian(approval[1]) : null,
    activityName: activity ? activity[1].replace(/\s+/g, " ").trim() : tat ? tat[5].replace(/\s+/g, " ").trim() : null,
    tat: tat
      ? {
          number: tat[4],
          date: CalendarDate.of(Number(tat[3]), MONTHS_GENITIVE.indexOf(tat[2].toLowerCase()) + 1, Number(tat[1])),
        }
      : null,
  };
}

export function readImplementerName(joined: string): string | null {
  // The name is read back from each "(edaspidi elluviija)": matched forwards from every capital of the text, the
  // chain of capitalised words was tried again at each of them, quadratic on a long line of such words.
  for (const marker of joined.matchAll(/\s+\(edaspidi\s+elluviija\)/gu)) {
    const before = joined.slice(Math.max(0, (marker.index ?? 0) - NAME_REACH), marker.index);
    const match = /(?<!\p{L})((?:\p{Lu}[\p{L}]*\s+)(?:(?:ja|ning)\s+|\p{Lu}[\p{L}]*\s+)*\p{Lu}[\p{L}]*)$/u.exec(before);
    if (match) return acronym(match[1]);
  }
  return null;
}

/** How far before "(edaspidi elluviija)" its name may start: "Eesti Linnade ja Valdade Liidus" is 31 characters. */
const NAME_REACH = 300;

/**
 * Section 1.1 states each partner's agreement period, in the case the sentence needs: "Tartu linnas
 * ajavahemikus 01.01.2023-31.12.2025", "… alustasid tegevustega 01.01.2025 ning partnerlusleping kehtib
 * Jõhvi vallal kuni 31.12.2026 ja Kohtla-Järve linnal 31.12.2027".
 */
export function readPartnerships(joined: string): Map<string, Period> {
  const partnerships = new Map<string, Period>();
  const ranges = new RegExp(`${STEM}\\s+(linnas|vallas)\\s+(?:ajavahemikus\\s+)?${DATE}${DASH}${DATE}`, "gu");
  for (const match of joined.matchAll(ranges)) {
    const name = municipalityNominative(match[1], match[2]);
    const range = period(match[3], match[4]);
    if (name && range && !partnerships.has(name)) partnerships.set(name, range);
  }
  // Partners that started together: "Uued partnerid (Jõhvi ja Kohtla-Järve) alustasid tegevustega 01.01.2025".
  const starts = [...joined.matchAll(new RegExp(`\\(([^()]+)\\)\\s+alustasid\\s+tegevustega\\s+${DATE}`, "gu"))];
  const ends = new RegExp(`${STEM}\\s+(linnal|vallal)\\s+(?:kuni\\s+)?${DATE}`, "gu");
  for (const match of joined.matchAll(ends)) {
    const name = municipalityNominative(match[1], match[2]);
    if (!name || partnerships.has(name)) continue;
    const start = starts.find((candidate) => stemListIncludes(candidate[1], name));
    const range = start ? period(start[2], match[3]) : null;
    if (range) partnerships.set(name, range);
  }
  return partnerships;
}

function period(startText: string, endText: string): Period | null {
  const start = CalendarDate.parseEstonian(startText);
  const end = CalendarDate.parseEstonian(endText);
  return start && end ? { start, end } : null;
}
