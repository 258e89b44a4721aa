import { ImportError } from "../../model/plan";

/**
 * Why a file given as a workbook could not be opened, worded for the officer: ExcelJS and the JSZip under it say
 * "Can't find end of central directory : is this a zip file ?", which names the library's insides, not what to do.
 * What the file is comes from its first bytes, which the libraries' messages do not say reliably.
 */
export function unreadableWorkbook(head: Uint8Array): ImportError {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
  const fix = {
    et: "Avage fail Excelis ja salvestage see vormingus „Exceli töövihik (*.xlsx)“.",
    en: 'Open the file in Excel and save it as "Excel Workbook (*.xlsx)".',
  };
  // An OLE compound file: Excel 97–2003's .xls, or an .xlsx Excel encrypted with a password (it is stored so).
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    return new ImportError(
      `Fail ei ole loetav Exceli töövihik (.xlsx): see on vana Excel 97–2003 töövihik (.xls) või parooliga kaitstud fail. ${fix.et} Parooliga faili puhul eemaldage enne parool.`,
      `The file is not a readable Excel workbook (.xlsx): it is an old Excel 97–2003 workbook (.xls) or a password-protected file. ${fix.en} For a password-protected file, remove the password first.`,
    );
  if (starts(0x50, 0x4b))
    return new ImportError(
      `Fail ei ole loetav Exceli töövihik (.xlsx): see on katki või poolik (näiteks katkenud allalaadimine või kopeerimine). Võtke fail uuesti algallikast. ${fix.et}`,
      `The file is not a readable Excel workbook (.xlsx): it is damaged or incomplete (a download or copy cut short, say). Take the file again from where it came from. ${fix.en}`,
    );
  return new ImportError(
    `Fail ei ole Exceli töövihik (.xlsx): selle sisu on muud liiki (ehk on teine fail nimetatud ümber .xlsx-iks). ${fix.et}`,
    `The file is not an Excel workbook (.xlsx): its content is of another kind (another file renamed to .xlsx, perhaps). ${fix.en}`,
  );
}

/** A package ExcelJS opened without finding a workbook in it: a Word document or another zip renamed to .xlsx. */
export function noWorkbookInPackage(): ImportError {
  return new ImportError(
    "Fail ei ole Exceli töövihik (.xlsx): see on küll pakitud Office'i fail, kuid selles pole ühtegi töölehte (ehk Wordi dokument või muu fail, mis on nimetatud ümber .xlsx-iks).",
    "The file is not an Excel workbook (.xlsx): it is a packed Office file, but it holds no worksheet (a Word document or another file renamed to .xlsx, perhaps).",
  );
}
