import { CalendarDate, MONTHS_GENITIVE, Period } from "../../model/calendar-date";
import { DirectiveMetadata } from "../../model/plan";
import { acronym, municipalityNominative, partnerNominative, stemListIncludes } from "./names";
import { DASHES } from "./patterns";

/** What the text before the first table says about the plan as a whole. */
export interface Preamble {
  planPeriod: Period | null;
  directive: DirectiveMetadata;
  /** Short name of the implementer ("ELVL"), from "Eesti Linnade ja Valdade Liidus (edaspidi elluviija)". */
  implementerName: string | null;
  /** Partner agreement periods by nominative name, from section 1.1. */
  partnerships: Map<string, Period>;
  /** The short names section 1.1 gives partners ("(edaspidi partner INSA)"), by nominative name. */
  partnerAliases?: Map<string, string[]>;
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
 * other supported activities' plans ("tegevuskava perioodil 01.01 – 31.12.2026", also "01.01.-31.12.2025"), with
 * any dash and any spacing.
 */
export function readPlanPeriod(joined: string): Period | null {
  const match = new RegExp(`tegevuskava\\s+perioodil\\s+${DAY_MONTH_MAYBE_YEAR}${DASH}${DATE}`, "iu").exec(joined);
  return match ? rangeOf(match[1], match[2]) : null;
}

/**
 * A range whose start may leave its year to the end ("01.01 – 31.12.2026", "01.01.-31.12.2025"): the start then
 * takes the end's year, or the year before when that would put it after the end ("01.09 – 31.08.2026").
 */
function rangeOf(startText: string, endText: string): Period | null {
  const end = CalendarDate.parseEstonian(endText);
  if (!end) return null;
  if (/\.\d{4}$/.test(startText)) return period(startText, endText);
  const [day, month] = startText.split(".").map(Number);
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

/** A partner as section 1.1 names it, with its agreement period. */
export interface PartnerMention {
  /** In the nominative: "Tartu linn", "Integratsiooni Sihtasutus", "MTÜ Eesti Pagulasabi". */
  name: string;
  /** Short names the sentence gives it: "(edaspidi partner INSA)" gives "partner INSA". */
  aliases: string[];
  period: Period;
}

/**
 * Section 1.1 states each partner's agreement period, in the case the sentence needs, one partner after another,
 * separated by commas with or without a space: "Tartu linnas ajavahemikus 01.01.2023-31.12.2025, Rakvere linnas
 * 01.02.2023-31.12.2025", "Integratsiooni Sihtasutuses (edaspidi partner INSA) ajavahemikus 01.01.2023–31.12.2024,
 * MTÜ-s Eesti Pagulasabi 1.3.2023 – 31.08.2024". Partners that started together end the sentence otherwise:
 * "… alustasid tegevustega 01.01.2025 ning partnerlusleping kehtib Jõhvi vallal kuni 31.12.2026 ja Kohtla-Järve
 * linnal 31.12.2027".
 */
export function readPartners(text: string): PartnerMention[] {
  // A name wrapped at its hyphen ("Kohtla-" / "Järve linnal", as a PDF's lines or a copied text break it) comes
  // joined with a space; a capital after "<capitalised word>- " only continues the compound.
  const joined = text.replace(/(\p{Lu}\p{Ll}+)-\s+(?=\p{Lu})/gu, "$1-");
  const partners: PartnerMention[] = [];
  const add = (name: string | null, aliases: string[], range: Period | null) => {
    if (name && range && !partners.some((partner) => partner.name === name))
      partners.push({ name, aliases, period: range });
  };
  let from = 0;
  for (const match of joined.matchAll(RANGE)) {
    const at = match.index ?? 0;
    const named = partnerBefore(joined.slice(Math.max(from, at - NAME_REACH), at));
    from = at + match[0].length;
    if (named) add(named.name, named.aliases, rangeOf(match[1], match[2]));
  }
  // Partners that started together: "Uued partnerid (Jõhvi ja Kohtla-Järve) alustasid tegevustega 01.01.2025".
  const starts = [...joined.matchAll(new RegExp(`\\(([^()]+)\\)\\s+alustasid\\s+tegevustega\\s+${DATE}`, "gu"))];
  const ends = new RegExp(`${STEM}\\s+(linnal|vallal)\\s+(?:kuni\\s+)?${DATE}`, "gu");
  for (const match of joined.matchAll(ends)) {
    const name = municipalityNominative(match[1], match[2]);
    if (!name) continue;
    const start = starts.find((candidate) => stemListIncludes(candidate[1], name));
    add(name, [], start ? period(start[2], match[3]) : null);
  }
  return partners;
}

/** Partner agreement periods by nominative name: {@link readPartners} without the short names. */
export function readPartnerships(joined: string): Map<string, Period> {
  return new Map(readPartners(joined).map((partner) => [partner.name, partner.period]));
}

/** A date range whose start may leave its year to the end; not inside a longer number or code. */
const RANGE = new RegExp(`(?<![\\d.])${DAY_MONTH_MAYBE_YEAR}${DASH}${DATE}(?![\\d])`, "gu");

/**
 * The partner named right before a range, and the short name in "(edaspidi partner INSA)" between them: a
 * municipality ("Tartu linnas ajavahemikus"), or an organisation whose capitalised name has a legal form, a
 * short name, or two words at least, so that a capitalised sentence start ("Elluviija 01.01.2023-…") is none.
 */
function partnerBefore(text: string): { name: string; aliases: string[] } | null {
  let rest = text.replace(/\s+(?:ajavahemiku[sl]|perioodi[lk]s?|alates)\s*$/iu, "").trimEnd();
  const aliases: string[] = [];
  const given = /\(\s*edaspidi\s+([^()]+?)\s*\)$/iu.exec(rest);
  if (given) {
    if (/elluviija/iu.test(given[1])) return null;
    aliases.push(...given[1].split(/\s+(?:või|ehk)\s+|\s*,\s*/u).filter((alias) => alias !== ""));
    rest = rest.slice(0, given.index).trimEnd();
  }
  rest = rest.replace(/\s+(?:ajavahemiku[sl]|perioodi[lk]s?)\s*$/iu, "").trimEnd();
  const municipality = new RegExp(`${STEM}\\s+(linn\\p{Ll}*|vall\\p{Ll}*)$`, "u").exec(rest);
  if (municipality) {
    const name = municipalityNominative(municipality[1], municipality[2]);
    return name ? { name, aliases } : null;
  }
  const organisation = /(?<![\p{L}\d])((?:\p{Lu}[\p{L}-]*\s+){0,5}\p{Lu}[\p{L}-]*)$/u.exec(rest);
  if (!organisation) return null;
  const phrase = organisation[1];
  const legalForm = /^(?:MTÜ|SA|OÜ|AS)(?:-\p{Ll}+)?\s/u.test(phrase);
  if (!legalForm && aliases.length === 0 && !/\s/.test(phrase)) return null;
  const name = partnerNominative(phrase);
  return name && !/^(?:elluviija|tegevuskava)/iu.test(name) ? { name, aliases } : null;
}

function period(startText: string, endText: string): Period | null {
  const start = CalendarDate.parseEstonian(startText);
  const end = CalendarDate.parseEstonian(endText);
  return start && end ? { start, end } : null;
}
