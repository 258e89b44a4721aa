/**
 * The columns of the directive's two kinds of table and every header wording the importers accept for them, in one
 * place: the ministry words its headers a little differently each year ("Planeeritav maksumus 2025. aastal",
 * "Summa (EUR)", "Eelarve €"), and a paste or another producer's PDF words them differently again.
 */

/** The schedule's columns. `frameEnd` / `planEnd` exist only when a range's dates stand in two cells. */
export type ScheduleColumn = "code" | "activity" | "frame" | "frameEnd" | "plan" | "planEnd" | "amount" | "responsible";
export type IndicatorColumn = "name" | "unit" | "target" | "target2029" | "explanation";

/** The five columns every schedule table has; the code may have its own column or open the activity's text. */
export const REQUIRED_SCHEDULE_COLUMNS = ["activity", "frame", "plan", "amount", "responsible"] as const;
export type RequiredScheduleColumn = (typeof REQUIRED_SCHEDULE_COLUMNS)[number];

/** Each column's name as the directive prints it (et) and as English messages call it (en). */
export const SCHEDULE_COLUMN_NAMES: Record<ScheduleColumn, { et: string; en: string }> = {
  code: { et: "Kood", en: "code" },
  activity: { et: "Tegevus", en: "activity" },
  frame: { et: "Tegevuse üldajaraam", en: "overall time frame" },
  frameEnd: { et: "Tegevuse üldajaraam (lõpp)", en: "overall time frame (end)" },
  plan: { et: "Tegevuse algus- ja lõppkuupäev tegevuskava perioodil", en: "start and end within the plan period" },
  planEnd: { et: "Tegevuse lõppkuupäev tegevuskava perioodil", en: "end within the plan period" },
  amount: { et: "Planeeritav maksumus tegevuskava aastal", en: "planned cost" },
  responsible: { et: "Tegevuse eest vastutaja", en: "responsible" },
};

export const INDICATOR_COLUMN_NAMES: Record<IndicatorColumn, { et: string; en: string }> = {
  name: { et: "Indikaator", en: "indicator" },
  unit: { et: "Indikaatori mõõtühik", en: "unit" },
  target: { et: "Sihttase (tegevuskava aasta)", en: "target for the plan year" },
  target2029: { et: "Sihttase (2029)", en: "target for 2029" },
  explanation: { et: "Selgitus", en: "explanation" },
};

/**
 * Header texts, tried on a cell's whole text lower-cased with whitespace collapsed. The order matters: "Tegevuse eest
 * vastutaja" and "Tegevuse üldajaraam" also begin with "tegevus", and "Planeeritav maksumus tegevuskava aastal" names
 * the plan, so the responsible party, the frame and the amount are tried before the plan and the activity.
 */
const SCHEDULE_SYNONYMS: ReadonlyArray<[ScheduleColumn, RegExp]> = [
  ["responsible", /vastutaja|vastutav|vastutus/],
  // A range's two ends in two columns, each named whole ("Üldajaraami lõpp", "Tegevuskava perioodi lõpp"), as our
  // own schedule sheets and many officers' tables have them.
  ["frameEnd", /(?:üldajaraam|ajaraam)\S*\s+lõpp/],
  ["frame", /üldajaraam|ajaraam/],
  ["amount", /maksumus|summa|eelarve|\beur\b|\beurodes\b|\beurot\b|€|\bkulu(?:d)?\b/],
  ["planEnd", /^(?:tegevuskava|ajakava) perioodi lõpp/],
  ["plan", /algus.*lõpp|alguskuupäev|lõppkuupäev|kuupäev|(?:tegevuskava|ajakava) perioodi(?:l|\b)|^periood$/],
  ["code", /^(kood|nr\.?|jrk\.?|jrk\.? ?nr\.?|tegevuse (kood|nr\.?))$/],
  ["activity", /^tegevus(?:$|\s|e nimetus|e sisu|ed$)|^nimetus$|^tegevuse nimetus/],
];

const INDICATOR_SYNONYMS: ReadonlyArray<[IndicatorColumn, RegExp]> = [
  ["unit", /mõõtühik|^ühik$/],
  ["target2029", /2029/],
  ["target", /sihttase|sihtväärtus/],
  ["explanation", /selgitus|kommentaar/],
  ["name", /indikaator|näitaja/],
];

/** Lower-cased with whitespace collapsed; a hyphen left by a wrapped "algus-" / "ja" is kept, as Word keeps it. */
export function normaliseHeaderText(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLocaleLowerCase("et");
}

/** The schedule column one header cell's whole text names, or null. The PDF's own header reading calls this too. */
export function classifyHeaderText(text: string): ScheduleColumn | null {
  const normalised = normaliseHeaderText(text);
  if (normalised === "") return null;
  for (const [key, pattern] of SCHEDULE_SYNONYMS) if (pattern.test(normalised)) return key;
  return null;
}

/** The indicator column one header cell's whole text names, or null. */
export function classifyIndicatorHeaderText(text: string): IndicatorColumn | null {
  const normalised = normaliseHeaderText(text);
  if (normalised === "") return null;
  for (const [key, pattern] of INDICATOR_SYNONYMS) if (pattern.test(normalised)) return key;
  return null;
}

/** The sub-header under a merged date header: which end of the range a cell holds. */
export function classifySubHeaderText(text: string): "start" | "end" | null {
  const normalised = normaliseHeaderText(text);
  if (/^(algus|alguskuupäev|algab|alates|start)\b/.test(normalised)) return "start";
  if (/^(lõpp|lõppkuupäev|lõpeb|kuni|end)\b/.test(normalised)) return "end";
  return null;
}

/**
 * Every word a header cell may consist of. A row of a table whose words are all of these is header, whatever its
 * wrapping: a PDF read line by line gives "Tegevuse" / "eest" / "vastutaja" as three rows, a title row above ("Tartu
 * linna tegevused") has other words and is not joined to them.
 */
const HEADER_WORD = new RegExp(
  '^[(„“"]?(?:' +
    [
      "tegevus",
      "tegevuse",
      "tegevused",
      "nimetus",
      "sisu",
      "kood",
      "nr",
      "jrk",
      "üldajaraam",
      "ajaraam",
      "algus-?",
      "alguskuupäev",
      "ja",
      "ning",
      "lõpp",
      "lõppkuupäev",
      "kuupäev",
      "kuupäevad",
      "tegevuskava",
      "ajakava",
      "periood",
      "perioodil",
      "planeeritav",
      "planeeritud",
      "maksumus",
      "summa",
      "eelarve",
      "kulu",
      "kulud",
      "eur",
      "eurodes",
      "eurot",
      "€",
      "aastal",
      "aasta",
      "\\d{4}\\.?",
      "eest",
      "vastutaja",
      "vastutav",
      "isik",
      "osapool",
      "indikaator",
      "indikaatori",
      "mõõtühik",
      "ühik",
      "sihttase",
      "selgitus",
      "näitaja",
      "näitajad",
      "algus",
      "alates",
      "kuni",
    ].join("|") +
    ')[)”“"]?[,.:;]?$',
  "iu",
);

/** Whether every word of `text` is a header word (see `HEADER_WORD`); false for empty text. */
export function isHeaderWords(text: string): boolean {
  const words = text.split(/[\s/]+/).filter((word) => word !== "");
  return words.length > 0 && words.every((word) => HEADER_WORD.test(word));
}
