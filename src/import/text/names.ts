/**
 * Estonian case forms of local-government names. Documents name a partner in whatever case the sentence
 * needs ("Tartu linnas", "Jõhvi vallal"); the plan keys implementers by the nominative ("Tartu linn").
 */

const CASE_ENDINGS: ReadonlyArray<[RegExp, string]> = [
  // inessive (-s), adessive (-l), allative (-le), elative (-st), genitive (-)
  [/^linn(?:as|al|ale|ast|a)$/, "linn"],
  [/^vall(?:as|al|ale|ast|a)$/, "vald"],
];

/** "Tartu linnas" → "Tartu linn", "Jõhvi vallal" → "Jõhvi vald"; null when the phrase is not a municipality. */
export function municipalityNominative(stem: string, caseForm: string): string | null {
  for (const [pattern, nominative] of CASE_ENDINGS) {
    if (pattern.test(caseForm)) return `${stem} ${nominative}`;
  }
  return null;
}

/**
 * Official names whose everyday form differs from the stem: the municipality is "Tallinna linn" (genitive
 * stem), while tables write "Tallinn".
 */
const EVERYDAY_NAMES: Readonly<Record<string, string[]>> = {
  "Tallinna linn": ["Tallinn"],
};

/** The names a responsible-party cell may use for a municipality. */
export function municipalityAliases(name: string): string[] {
  const stem = name.replace(/\s+(linn|vald)$/, "");
  const aliases = new Set<string>([name, stem, ...(EVERYDAY_NAMES[name] ?? [])]);
  return [...aliases];
}

/** "Eesti Linnade ja Valdade Liit" → "ELVL": capitalised words only. */
export function acronym(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join("");
}

/** Whether a stem list such as "Jõhvi ja Kohtla-Järve" names the municipality. */
export function stemListIncludes(list: string, name: string): boolean {
  const stem = name.replace(/\s+(linn|vald)$/, "");
  return list
    .split(/\s*(?:,|\sja\s)\s*/)
    .map((part) => part.trim())
    .some((part) => part === stem || part === name);
}

/*
 * Partners that are organisations, not local governments: "Integratsiooni Sihtasutuses", "MTÜ-s Eesti Pagulasabi",
 * "Eesti Pagulasabil". A name's last word takes the sentence's case on its genitive stem, or a legal form written
 * before the name takes it instead ("MTÜ-s", "SA-l"), leaving the name itself in the nominative.
 */

/** Legal forms written before an organisation's name. */
const LEGAL_FORMS = ["MTÜ", "SA", "OÜ", "AS"];

/**
 * Head words of names whose genitive stem differs from the nominative, lower case: a compound ("Rahvaülikool")
 * ends in one of them. Without a known head, a name ending in a vowel is taken as its own genitive stem.
 */
const HEAD_GENITIVES: ReadonlyArray<[string, string]> = [
  ["sihtasutus", "sihtasutuse"],
  ["linn", "linna"],
  ["vald", "valla"],
  ["liit", "liidu"],
  ["keskus", "keskuse"],
  ["ühing", "ühingu"],
  ["selts", "seltsi"],
  ["fond", "fondi"],
  ["koda", "koja"],
  ["instituut", "instituudi"],
  ["ülikool", "ülikooli"],
  ["muuseum", "muuseumi"],
  ["teater", "teatri"],
  ["kogu", "kogu"],
  ["abi", "abi"],
];

/** Case endings on a genitive stem, longest first: comitative, elative, allative, translative, inessive, adessive. */
const ON_STEM = ["ga", "st", "le", "ks", "s", "l"];

/**
 * An organisation's or municipality's name in the nominative from the case form a sentence uses: "Integratsiooni
 * Sihtasutuses" → "Integratsiooni Sihtasutus", "MTÜ-s Eesti Pagulasabi" → "MTÜ Eesti Pagulasabi", "Eesti
 * Pagulasabil" → "Eesti Pagulasabi", "Tartu linnas" → "Tartu linn". Null when the phrase does not start with a
 * capital. The nominative of a stem with no known head is a guess (the stem), good enough as a key.
 */
export function partnerNominative(phrase: string): string | null {
  const words = phrase.trim().split(/\s+/);
  if (words.length === 0 || !/^\p{Lu}/u.test(words[0])) return null;
  const legal = new RegExp(`^(${LEGAL_FORMS.join("|")})(?:-(?:${ON_STEM.join("|")}|i|ile))?$`, "u").exec(words[0]);
  if (legal && words.length > 1) return [legal[1], ...words.slice(1)].join(" ");
  const last = words[words.length - 1];
  return [...words.slice(0, -1), nominativeWord(last)].join(" ");
}

function nominativeWord(word: string): string {
  const lower = word.toLocaleLowerCase("et");
  for (const [nominative] of HEAD_GENITIVES) if (lower.endsWith(nominative)) return word;
  for (const [nominative, genitive] of HEAD_GENITIVES) {
    for (const ending of [...ON_STEM, ""]) {
      if (lower.endsWith(genitive + ending)) {
        const cut = word.length - genitive.length - ending.length;
        return word.slice(0, cut) + matchCase(word.slice(cut, cut + 1), nominative);
      }
    }
  }
  for (const ending of ON_STEM) {
    const stem = word.slice(0, word.length - ending.length);
    if (word.endsWith(ending) && stem.length >= 4 && /[aeiouõäöü]$/u.test(stem)) return stem;
  }
  return word;
}

function matchCase(first: string, word: string): string {
  return first === first.toLocaleUpperCase("et") ? word[0].toLocaleUpperCase("et") + word.slice(1) : word;
}

/** Everyday names of organisations that the documents use beside the official one. */
const ORGANISATION_NAMES: Readonly<Record<string, string[]>> = {
  "Integratsiooni Sihtasutus": ["INSA", "partner INSA"],
};

/**
 * The names a responsible-party cell or a heading may use for a partner of any kind: a municipality's as
 * {@link municipalityAliases}; an organisation's without its legal form ("Eesti Pagulasabi" for "MTÜ Eesti
 * Pagulasabi"), its known short names, and those the directive gives it ("(edaspidi partner INSA)").
 */
export function partnerAliases(name: string, given: readonly string[] = []): string[] {
  const aliases = new Set<string>(municipalityAliases(name));
  const legal = new RegExp(`^(?:${LEGAL_FORMS.join("|")})\\s+(.+)$`, "u").exec(name);
  if (legal) aliases.add(legal[1]);
  for (const alias of [...(ORGANISATION_NAMES[name] ?? []), ...given]) {
    aliases.add(alias);
    const bare = /^partner\s+(.+)$/iu.exec(alias);
    if (bare) aliases.add(bare[1]);
  }
  return [...aliases];
}

/** The case forms of a name as a sentence writes it: every ending on the last word's genitive stem, or on a legal form. */
export function nameForms(name: string): string[] {
  const forms = new Set<string>([name]);
  const words = name.split(/\s+/);
  const legal = new RegExp(`^(?:${LEGAL_FORMS.join("|")})$`, "u").test(words[0]) && words.length > 1;
  if (legal) for (const ending of ON_STEM) forms.add([`${words[0]}-${ending}`, ...words.slice(1)].join(" "));
  const last = words[words.length - 1];
  const genitive = genitiveWord(last);
  if (genitive) {
    const head = words.slice(0, -1);
    for (const ending of [...ON_STEM, ""]) forms.add([...head, genitive + ending].join(" "));
  }
  if (/^\p{Lu}{2,}$/u.test(name)) for (const ending of ON_STEM) forms.add(`${name}-${ending}`);
  return [...forms];
}

function genitiveWord(word: string): string | null {
  const lower = word.toLocaleLowerCase("et");
  for (const [nominative, genitive] of HEAD_GENITIVES) {
    if (lower.endsWith(nominative)) {
      const cut = word.length - nominative.length;
      return word.slice(0, cut) + matchCase(word.slice(cut, cut + 1), genitive);
    }
  }
  return /[aeiouõäöü]$/u.test(word) ? word : null;
}

export interface KnownPartner {
  name: string;
  /**
   * Short names the directive gave it. Not a municipality's bare stem ("Tartu"): narrative under another partner's
   * heading names towns ("Tartu piirkonnas") without being that partner's section.
   */
  aliases: readonly string[];
}

/**
 * The partner a heading names, earliest in the text first: one known from section 1.1 in any of its names and case
 * forms, else a municipality ("… Tartu linnas"), else an organisation by its legal form or a foundation's head word
 * ("MTÜ-s Eesti Pagulasabi", "Integratsiooni Sihtasutuses"). Null when it names none.
 */
export function partnerInHeading(text: string, known: readonly KnownPartner[] = []): string | null {
  const matcher = knownMatcher(known);
  const found = matcher?.pattern.exec(text);
  if (found) return matcher!.names[found.slice(1).findIndex((group) => group !== undefined)];
  const municipality = /(\p{Lu}[\p{L}]*(?:-\p{Lu}[\p{L}]*)?)\s+(linnas|vallas)(?=[\s.,]|$)/u.exec(text);
  if (municipality) return municipalityNominative(municipality[1], municipality[2]);
  // The label's first word is capitalised as a sentence's is ("Nõustamine Eesti Kohanemise Sihtasutuses"): no name.
  const label = text.replace(/^(?:[\d.]+\s+)*\S+/u, "");
  const organisation = ORGANISATION_IN_TEXT.exec(label);
  if (!organisation) return null;
  return organisation[3] ?? partnerNominative(organisation[1] ?? organisation[2]);
}

/**
 * "MTÜ-s Eesti Pagulasabi" (legal form in a case, then capitalised words), "Integratsiooni Sihtasutuses", "partner
 * INSA" (a short name only: the name is then that).
 */
const ORGANISATION_IN_TEXT = new RegExp(
  `(?<!\\p{L})((?:${LEGAL_FORMS.join("|")})-(?:${ON_STEM.join("|")})(?:\\s+\\p{Lu}[\\p{L}-]*){1,4})|` +
    `(?<!\\p{L})((?:\\p{Lu}[\\p{L}-]*\\s+){1,3}Sihtasutuse(?:${ON_STEM.join("|")}))(?!\\p{L})|` +
    `(?<!\\p{L})partner\\s+(\\p{Lu}{2,})(?!\\p{L})`,
  "u",
);

/**
 * Every name form of the known partners as one pattern, a group per partner in their order, compiled once per list:
 * a heading is looked for on every coded row, and a plan of a hundred partners has thousands of rows, so a pattern
 * per form and row made reading quadratic (a 24-copy bench text took 2.5 s where it had taken 0.1). The leftmost
 * match is the earliest name in the heading; at the same place the earlier partner wins, as they are listed.
 */
const KNOWN_MATCHERS = new Map<string, { pattern: RegExp; names: string[] }>();

function knownMatcher(known: readonly KnownPartner[]): { pattern: RegExp; names: string[] } | null {
  if (known.length === 0) return null;
  const key = JSON.stringify(known.map((partner) => [partner.name, partner.aliases]));
  const cached = KNOWN_MATCHERS.get(key);
  if (cached) return cached;
  const groups = known.map((partner) => {
    const bare = new RegExp(`^(?:${LEGAL_FORMS.join("|")})\\s+(.+)$`, "u").exec(partner.name);
    const names = [
      partner.name,
      ...(bare ? [bare[1]] : []),
      ...partner.aliases,
      ...(ORGANISATION_NAMES[partner.name] ?? []),
    ];
    const forms = [...new Set(names.flatMap(nameForms))].filter((form) => form.trim() !== "");
    return `(${forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+")).join("|")})`;
  });
  const matcher = {
    pattern: new RegExp(`(?<![\\p{L}\\d-])(?:${groups.join("|")})(?![\\p{L}\\d-])`, "u"),
    names: known.map((partner) => partner.name),
  };
  // A handful of documents per run at most: the cache is not to grow with a long-running pane.
  if (KNOWN_MATCHERS.size >= 16) KNOWN_MATCHERS.clear();
  KNOWN_MATCHERS.set(key, matcher);
  return matcher;
}
