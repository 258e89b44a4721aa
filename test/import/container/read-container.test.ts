import JSZip from "jszip";
import { lisa1DocxBytes } from "../../../src/annex/lisa1/docx";
import { readDocument } from "../../../src/app/read";
import { readContainer } from "../../../src/import/container";
import { openContainer } from "../../../src/import/container/open-container";
import { importDocx } from "../../../src/import/docx/import-docx";
import { MAX_CONTAINER_BYTES } from "../../../src/import/limits";
import { parseDirectiveText } from "../../../src/import/text";
import { ActionPlan, ImportError, NoScheduleTableError } from "../../../src/model/plan";
import { fixtureText } from "../../helpers";
import { docxBytes, paragraph } from "../pdf/sample-docx";
import { declareSize, makeContainer } from "./containers";

/**
 * Containers made for the purpose (./containers.ts) read through the app's readDocument, as the command line and
 * the pane read them: the plan must be the one the document inside gives alone, and each bad container must be
 * refused with its own message in both languages.
 */

jest.setTimeout(120_000);

const FIXTURE_PLAN = parseDirectiveText(fixtureText()).plan;
let LISA1: Uint8Array;

beforeAll(async () => {
  LISA1 = await lisa1DocxBytes(FIXTURE_PLAN);
});

const rowsOf = (plan: ActionPlan) =>
  plan.implementers.flatMap((implementer) =>
    implementer.rows.map((row) => [
      implementer.name,
      row.table,
      row.code,
      row.label,
      row.amount?.toFixed(2) ?? null,
      row.frameText,
      row.planText,
      row.responsible,
      row.line,
    ]),
  );

const read = (bytes: Uint8Array, name = "leping.asice", choose?: string) =>
  readDocument({ kind: "container", bytes, name, choose });

async function refusal(bytes: Uint8Array, name = "leping.asice"): Promise<ImportError> {
  try {
    await read(bytes, name);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.message.trim()).not.toBe("");
    expect(error.messageEn.trim()).not.toBe("");
    return error;
  }
  throw new Error("the container was read");
}

describe("a container holding lisa 1 as Word", () => {
  it("reads back the fixture's 134 rows, the same as the Word file alone", async () => {
    const alone = await importDocx(LISA1);
    const container = await makeContainer({ files: [{ name: "lisa1.docx", bytes: LISA1 }] });
    const result = await read(container);
    expect(rowsOf(result.plan)).toHaveLength(134);
    expect(rowsOf(result.plan)).toEqual(rowsOf(alone.plan));
    expect(result.plan.planPeriod).toEqual(alone.plan.planPeriod);
    expect(result.plan.directive).toEqual(alone.plan.directive);
    expect(result.plan.indicators).toEqual(alone.plan.indicators);
    expect(result.diagnostics).toEqual([]);
    expect(result.container).toMatchObject({
      container: "leping.asice",
      document: "lisa1.docx",
      source: "leping.asice › lisa1.docx",
      candidates: [{ name: "lisa1.docx", kind: "docx", rows: 134, refusal: null }],
      verified: false,
    });
    expect(result.container!.dataFiles).toEqual([
      {
        name: "lisa1.docx",
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        size: LISA1.length,
      },
    ]);
  });

  it("reads a .bdoc the same, stored or deflated", async () => {
    const stored = await makeContainer({ files: [{ name: "lisa1.docx", bytes: LISA1 }], compression: "STORE" });
    const result = await read(stored, "kaskkiri.bdoc");
    expect(rowsOf(result.plan)).toHaveLength(134);
    expect(result.container!.source).toBe("kaskkiri.bdoc › lisa1.docx");
  });

  it("names the file inside the container in the diagnostics of the document", async () => {
    const zip = await JSZip.loadAsync(LISA1);
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml.split(">5 660,54<").length - 1).toBe(2);
    zip.file("word/document.xml", xml.replace(">5 660,54<", ">5 66O,54<"));
    const garbled = await zip.generateAsync({ type: "uint8array" });
    const alone = await importDocx(garbled);
    expect(alone.diagnostics).toHaveLength(1);
    expect(alone.diagnostics[0].message).toContain("„5 66O,54“");

    const result = await read(await makeContainer({ files: [{ name: "lisa1.docx", bytes: garbled }] }));
    expect(result.diagnostics).toEqual([{ ...alone.diagnostics[0], file: "leping.asice › lisa1.docx" }]);
  });
});

describe("several documents", () => {
  /** Lisa 1 of the first `count` implementers only. */
  const partial = (count: number) =>
    lisa1DocxBytes({ ...FIXTURE_PLAN, implementers: FIXTURE_PLAN.implementers.slice(0, count) });

  it("reads the one with the most schedule rows, and lists each with its rows", async () => {
    const two = await partial(2);
    const twoRows = FIXTURE_PLAN.implementers[0].rows.length + FIXTURE_PLAN.implementers[1].rows.length;
    const container = await makeContainer({
      files: [
        { name: "kaaskiri.docx", bytes: await docxBytes([paragraph("Lugupeetud partner, saadame käskkirja.")]) },
        { name: "osa.docx", bytes: two },
        { name: "lisa1.docx", bytes: LISA1 },
        { name: "pilt.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
      ],
    });
    const result = await read(container);
    expect(result.container!.document).toBe("lisa1.docx");
    expect(rowsOf(result.plan)).toHaveLength(134);
    expect(result.container!.candidates.map((candidate) => [candidate.name, candidate.rows])).toEqual([
      ["kaaskiri.docx", null],
      ["osa.docx", twoRows],
      ["lisa1.docx", 134],
    ]);
    expect(result.container!.candidates[0].refusal).toMatchObject({ noScheduleTable: true });
    expect(result.container!.candidates[0].refusal!.message).toContain("ei leitud ühtegi tegevuste ajakava tabelit");
    // Listed with the rest, never unzipped: no importer reads a picture.
    expect(result.container!.dataFiles.map((file) => [file.name, file.mimeType])).toContainEqual([
      "pilt.png",
      "application/octet-stream",
    ]);

    const chosen = await read(container, "leping.asice", "osa.docx");
    expect(chosen.container!.document).toBe("osa.docx");
    expect(rowsOf(chosen.plan)).toEqual(rowsOf((await importDocx(two)).plan));
  });

  it("takes the manifest's first of documents with as many rows, the text and the Word file alike", async () => {
    const container = await makeContainer({
      files: [
        { name: "kaskkiri.txt", bytes: fixtureText() },
        { name: "lisa1.docx", bytes: LISA1 },
      ],
    });
    const result = await read(container);
    expect(result.container!.candidates.map((candidate) => [candidate.name, candidate.kind, candidate.rows])).toEqual([
      ["kaskkiri.txt", "text", 134],
      ["lisa1.docx", "docx", 134],
    ]);
    expect(result.container!.document).toBe("kaskkiri.txt");
    expect(rowsOf(result.plan)).toEqual(rowsOf(FIXTURE_PLAN));
  });

  it("refuses a document the container does not hold, naming those it does", async () => {
    const container = await makeContainer({ files: [{ name: "lisa1.docx", bytes: LISA1 }] });
    await expect(read(container, "leping.asice", "lisa2.docx")).rejects.toThrow(
      "Konteineris „leping.asice“ ei ole dokumenti „lisa2.docx“; loetavad dokumendid on: lisa1.docx.",
    );
  });

  it("without a manifest, reads the files outside META-INF", async () => {
    const container = await makeContainer({ files: [{ name: "lisa1.docx", bytes: LISA1 }], manifest: false });
    const result = await read(container);
    expect(rowsOf(result.plan)).toHaveLength(134);
    expect(result.container!.dataFiles).toEqual([{ name: "lisa1.docx", mimeType: null, size: LISA1.length }]);
  });
});

describe("bad containers, each with its message", () => {
  it("not a ZIP: another file renamed, or one cut short", async () => {
    const text = await refusal(new TextEncoder().encode("%PDF-1.7 see ei ole konteiner"));
    expect(text.message).toBe(
      "Fail „leping.asice“ ei ole DigiDoc-konteiner: see ei ole ZIP-arhiiv (fail võib olla vigane või poolikult alla " +
        "laaditud). Avage see DigiDoc4 kliendis või laadige uuesti alla.",
    );
    expect(text.messageEn).toContain('The file "leping.asice" is not a DigiDoc container: it is not a ZIP archive');
    const whole = await makeContainer({ files: [{ name: "lisa1.docx", bytes: LISA1 }] });
    const cut = await refusal(whole.slice(0, 2000));
    expect(cut.message).toBe(text.message);
  });

  it("a ZIP without mimetype: a Word file renamed .asice", async () => {
    const error = await refusal(LISA1);
    expect(error.message).toBe(
      "Fail „leping.asice“ on ZIP-arhiiv, kuid mitte DigiDoc-konteiner (.asice, .bdoc): selles puudub kirje " +
        "„mimetype“, mis ütleb application/vnd.etsi.asic-e+zip.",
    );
    expect(error.messageEn).toContain('it has no "mimetype" entry');
  });

  it("a wrong mimetype, naming what it says", async () => {
    const container = await makeContainer({
      files: [{ name: "lisa1.docx", bytes: LISA1 }],
      mimetype: "application/vnd.etsi.asic-s+zip",
    });
    const error = await refusal(container);
    expect(error.message).toBe(
      "Fail „leping.asice“ ei ole DigiDoc-konteiner (.asice, .bdoc): selle kirje „mimetype“ on " +
        "„application/vnd.etsi.asic-s+zip“, oodati application/vnd.etsi.asic-e+zip.",
    );
    expect(error.messageEn).toContain('its "mimetype" entry is "application/vnd.etsi.asic-s+zip"');
  });

  it("no document inside: only a spreadsheet and a picture", async () => {
    const container = await makeContainer({
      files: [
        { name: "eelarve.xlsx", bytes: new Uint8Array([1, 2, 3]) },
        { name: "pilt.png", bytes: new Uint8Array([4, 5, 6]) },
      ],
    });
    const error = await refusal(container);
    expect(error.message).toBe(
      "Konteineris „leping.asice“ ei ole loetavat dokumenti (PDF, Word .docx või tekst .txt); selles on: " +
        "eelarve.xlsx, pilt.png.",
    );
    const empty = await refusal(await makeContainer({ files: [] }));
    expect(empty.messageEn).toBe(
      'The container "leping.asice" holds no document that can be read (PDF, Word .docx or text .txt); it holds: ' +
        "no file at all.",
    );
  });

  it("only documents without schedule tables", async () => {
    const container = await makeContainer({
      files: [
        { name: "kaaskiri.docx", bytes: await docxBytes([paragraph("Saadame teile allkirjastatud käskkirja.")]) },
        { name: "markus.txt", bytes: "Tabeleid siin ei ole." },
      ],
    });
    const error = await refusal(container);
    expect(error).toBeInstanceOf(NoScheduleTableError);
    expect(error.message).toBe(
      "Konteineri „leping.asice“ dokumentides (kaaskiri.docx, markus.txt) ei ole ühtegi tegevuste ajakava tabelit. " +
        "Oodatakse käskkirja lisa 1, kus on tabelid pealkirjaga „Tabel N. Tegevuste ajakava“.",
    );
  });

  it("an older .ddoc: not supported, open it in DigiDoc4", async () => {
    const ddoc = new TextEncoder().encode(
      `<?xml version="1.0" encoding="UTF-8"?>\n<SignedDoc format="DIGIDOC-XML" version="1.3" ` +
        `xmlns="http://www.sk.ee/DigiDoc/v1.3.0#"><DataFile ContentType="EMBEDDED_BASE64" Filename="lisa1.pdf" ` +
        `Id="D0">JVBERi0=</DataFile></SignedDoc>`,
    );
    const error = await refusal(ddoc, "kaskkiri.ddoc");
    expect(error.message).toBe(
      "Fail „kaskkiri.ddoc“ on vanas DigiDoc-vormingus (.ddoc), mida see tööriist ei loe. Avage see DigiDoc4 " +
        "kliendis, salvestage sealt käskkirja dokument (PDF või Word) ja importige see.",
    );
    // Known by what it holds as well as by its name.
    expect((await refusal(ddoc, "kaskkiri.asice")).message).toContain("vanas DigiDoc-vormingus (.ddoc)");
    expect((await refusal(new Uint8Array([1, 2, 3]), "vana.ddoc")).messageEn).toContain("older DigiDoc format");
  });

  it("a document inside that is damaged is refused by its importer, named inside the container", async () => {
    const container = await makeContainer({ files: [{ name: "lisa1.docx", bytes: "see ei ole Wordi fail" }] });
    const error = await refusal(container);
    expect(error.message).toMatch(/^leping\.asice › lisa1\.docx: Fail ei ole loetav Wordi dokument \(\.docx\)/);
  });

  it("a text inside that is not UTF-8", async () => {
    const container = await makeContainer({ files: [{ name: "kaskkiri.txt", bytes: new Uint8Array([0xff, 0xfe]) }] });
    expect((await refusal(container)).message).toBe(
      "leping.asice › kaskkiri.txt: Konteineri „leping.asice“ fail „kaskkiri.txt“ ei ole UTF-8 tekst.",
    );
  });
});

describe("size limits and zip bombs", () => {
  it("a container over 50 MB is refused before it is opened", async () => {
    const error = await refusal(new Uint8Array(MAX_CONTAINER_BYTES + 1));
    expect(error.message).toBe(
      "Fail „leping.asice“ on liiga suur: 50,1 MB; suurim lubatud on 50 MB. Käskkirja lisa 1 on palju väiksem: " +
        "kontrollige, kas valisite õige faili.",
    );
  });

  it("a document inside that declares more than its kind's limit is refused before unzipping", async () => {
    // 6 MB of text deflates to a few KB; the text limit is 5 MB.
    const container = await makeContainer({ files: [{ name: "kaskkiri.txt", bytes: " ".repeat(6 * 1024 * 1024) }] });
    expect(container.length).toBeLessThan(100 * 1024);
    const error = await refusal(container);
    expect(error.message).toBe(
      "Konteineri „leping.asice“ fail „kaskkiri.txt“ on lahtipakituna 6 MB; suurim lubatud on 5 MB. Konteiner on " +
        "vigane või pahatahtlik (ZIP-pomm) või ei ole see käskkirja dokument.",
    );
  });

  it("a zip bomb that declares a small size is refused while unzipping, at the limit", async () => {
    const container = await makeContainer({
      files: [{ name: "lisa1.pdf", bytes: new Uint8Array(200 * 1024 * 1024) }],
    });
    expect(container.length).toBeLessThan(1024 * 1024);
    expect(declareSize(container, "lisa1.pdf", 1000)).toBe(2);
    const started = Date.now();
    const before = process.memoryUsage().heapUsed;
    const error = await refusal(container);
    expect(error.message).toBe(
      "Konteineri „leping.asice“ fail „lisa1.pdf“ on lahtipakituna üle 30 MB; suurim lubatud on 30 MB. Konteiner on " +
        "vigane või pahatahtlik (ZIP-pomm) või ei ole see käskkirja dokument.",
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    // Unzipping stopped at the limit: nothing like 200 MB was held.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(120 * 1024 * 1024);
  });

  it("documents each within their limit but together over the container's are refused while unzipping", async () => {
    const pdf = new Uint8Array(20 * 1024 * 1024);
    const container = await makeContainer({
      files: ["a.pdf", "b.pdf", "c.pdf"].map((name) => ({ name, bytes: pdf })),
    });
    const error = await refusal(container);
    expect(error.message).toBe(
      "Konteineri „leping.asice“ sisu on lahtipakituna üle 50 MB; suurim lubatud on 50 MB. Konteiner on vigane või " +
        "pahatahtlik (ZIP-pomm).",
    );
  });

  it("a nested bomb: the Word file inside is itself a zip bomb, refused by the Word importer's guard", async () => {
    const zip = await JSZip.loadAsync(LISA1);
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file("word/document.xml", xml.replace("<w:sectPr", `${" ".repeat(50 * 1024 * 1024)}<w:sectPr`));
    const bomb = await zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const container = await makeContainer({ files: [{ name: "lisa1.docx", bytes: bomb }] });
    const started = Date.now();
    const error = await refusal(container);
    expect(error.message).toBe(
      "leping.asice › lisa1.docx: Wordi dokumendi sisu (word/document.xml) lahtipakituna on üle 10 MB; suurim " +
        "lubatud on 10 MB. Dokument on vigane või pahatahtlik (ZIP-pomm), käskkirja lisa 1 sisu on palju väiksem.",
    );
    expect(error.messageEn).toMatch(/^leping\.asice › lisa1\.docx: The Word document's content/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("a signature file inflating past 1 MB is refused too", async () => {
    const zip = await JSZip.loadAsync(await makeContainer({ files: [{ name: "lisa1.docx", bytes: LISA1 }] }));
    zip.file("META-INF/signatures0.xml", `<a>${" ".repeat(5 * 1024 * 1024)}</a>`);
    const container = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    await expect(openContainer(container, "leping.asice")).rejects.toThrow(
      "Konteineri „leping.asice“ fail „META-INF/signatures0.xml“ on lahtipakituna 5,1 MB; suurim lubatud on 1 MB.",
    );
  });
});

describe("readContainer with any importer", () => {
  it("hands each document to the importer given, one kind at a time", async () => {
    const container = await makeContainer({
      files: [
        { name: "kaskkiri.txt", bytes: fixtureText() },
        { name: "lisa1.pdf", bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) },
      ],
    });
    const seen: string[] = [];
    const { container: reading } = await readContainer(container, "leping.asice", async (document) => {
      seen.push(document.kind);
      if (document.kind === "text") return parseDirectiveText(document.text);
      expect(Array.from(document.bytes)).toEqual([0x25, 0x50, 0x44, 0x46]);
      throw new ImportError("PDF ei sobi", "The PDF does not do");
    });
    expect(seen).toEqual(["text", "pdf"]);
    expect(reading.candidates.map((candidate) => [candidate.name, candidate.rows, candidate.refusal])).toEqual([
      ["kaskkiri.txt", 134, null],
      ["lisa1.pdf", null, { message: "PDF ei sobi", messageEn: "The PDF does not do", noScheduleTable: false }],
    ]);
  });
});
