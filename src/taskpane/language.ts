import { Language } from "./i18n";

/**
 * The pane's language is the user's, not the workbook's: kept in the pane's own storage (Office partitions it per
 * add-in), Estonian until the user picks English.
 */
const KEY = "tat-budget.language";

export function loadLanguage(): Language {
  try {
    return window.localStorage.getItem(KEY) === "en" ? "en" : "et";
  } catch {
    // Storage can be blocked (private mode, policies): the default is fine.
    return "et";
  }
}

export function saveLanguage(language: Language): void {
  try {
    window.localStorage.setItem(KEY, language);
  } catch {
    // Not remembered this time; the choice still holds for the session.
  }
}
