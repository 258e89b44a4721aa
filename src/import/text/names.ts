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
