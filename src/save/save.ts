import { DecodedFragment, FragmentProblem, SaveLanguage, decodeSaveFragment } from "./fragment";

/**
 * save.html: opened by the task pane in the system browser (Office.context.ui.openBrowserWindow) where the pane's
 * own web view cannot download, with the file in the address' fragment. The page reads the fragment once, removes
 * it from the address bar and the history entry, and offers the file as an ordinary download. Everything from the
 * address reaches the page as text or as a Blob, never as markup. No office.js: this runs outside Office.
 */

const MESSAGES: Record<
  SaveLanguage,
  {
    title: string;
    lead: (name: string) => string;
    save: (name: string) => string;
    note: string;
    failedLead: string;
    problems: Record<FragmentProblem, string>;
  }
> = {
  et: {
    title: "TAT eelarve: faili salvestamine",
    lead: (name) =>
      `Excel ei saanud faili „${name}“ ise salvestada (Excel for Mac ja iPad ei luba lisandmoodulil faile alla laadida), seepärast avanes see leht brauseris. Vajutage nuppu ja brauser salvestab faili nagu iga teise allalaadimise.`,
    save: (name) => `Salvesta ${name}`,
    note: "Fail oli ainult selle lehe aadressis (#-järgses osas, mida brauser serverisse ei saada) ja see eemaldati aadressiribalt. Pärast salvestamist võib akna sulgeda.",
    failedLead: "Faili ei saa salvestada.",
    problems: {
      missing:
        "Selle lehe aadressis ei ole faili. Leht avaneb lisandmoodulist: vajutage Excelis lisa 2 paanil uuesti „Laadi alla Wordi fail (.docx)“.",
      malformed:
        "Aadress on vigane või katkenud, faili ei saa sellest lugeda. Vajutage Excelis uuesti „Laadi alla Wordi fail (.docx)“.",
      type: "See leht salvestab ainult Wordi (.docx), Exceli (.xlsx) ja PDF-faile; aadressis on muu fail.",
      damaged:
        "Fail aadressis on puudulik (aadress lõigati teel lühemaks või muudeti). Vajutage Excelis uuesti „Laadi alla Wordi fail (.docx)“.",
    },
  },
  en: {
    title: "TAT budget: saving a file",
    lead: (name) =>
      `Excel could not save “${name}” itself (Excel for Mac and iPad do not let add-ins download files), so this page opened in your browser. Press the button and the browser saves the file like any other download.`,
    save: (name) => `Save ${name}`,
    note: "The file was only in this page's address (after the #, which the browser never sends to a server) and has been removed from the address bar. You may close this window once it is saved.",
    failedLead: "The file cannot be saved.",
    problems: {
      missing:
        "There is no file in this page's address. The page is opened by the add-in: press “Download the Word file (.docx)” on the Lisa 2 tab in Excel again.",
      malformed:
        "The address is malformed or cut short; no file can be read from it. Press “Download the Word file (.docx)” in Excel again.",
      type: "This page saves only Word (.docx), Excel (.xlsx) and PDF files; the address holds another kind.",
      damaged:
        "The file in the address is incomplete (the address was shortened or altered on the way). Press “Download the Word file (.docx)” in Excel again.",
    },
  },
};

/** Reads and clears the fragment: the file is not kept in the address bar, the history, or a bookmark. */
function takeFragment(): DecodedFragment {
  const hash = window.location.hash;
  if (hash) window.history.replaceState(null, "", window.location.pathname + window.location.search);
  return decodeSaveFragment(hash);
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`save.html has no #${id}`);
  return found;
}

function show(decoded: DecodedFragment): void {
  const text = MESSAGES[decoded.language];
  document.documentElement.lang = decoded.language;
  document.title = text.title;
  element("title").textContent = text.title;
  const lead = element("lead");
  if (!decoded.ok) {
    lead.textContent = text.failedLead;
    const problem = element("problem");
    problem.textContent = text.problems[decoded.problem];
    problem.hidden = false;
    return;
  }
  const { name, mime, bytes } = decoded.file;
  lead.textContent = text.lead(name);
  const link = element("save") as HTMLAnchorElement;
  // Kept for the page's life: the officer may save twice, and the page holds nothing else.
  link.href = URL.createObjectURL(new Blob([bytes], { type: mime }));
  link.download = name;
  link.textContent = text.save(name);
  link.hidden = false;
  const note = element("note");
  note.textContent = text.note;
  note.hidden = false;
  link.focus();
}

show(takeFragment());
