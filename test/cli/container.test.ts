import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import { lisa1DocxBytes } from "../../src/annex/lisa1/docx";
import { main } from "../../src/cli/main";
import { parseDirectiveText } from "../../src/import/text";
import { fixtureText } from "../helpers";
import { docxBytes, paragraph } from "../import/pdf/sample-docx";
import { makeContainer } from "../import/container/containers";

/**
 * parse, check, import, annex, lisa1 and recalc take a DigiDoc container as they take the document inside it: the
 * same plan, the same findings, and before them what the container held and who signed it, unverified.
 */

jest.setTimeout(120_000);

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

const ID_CARD: Array<["CN" | "SN" | "GN", string]> = [
  ["CN", "MAASIKAS,MARI,48001010000"],
  ["SN", "MAASIKAS"],
  ["GN", "MARI"],
];

let dir: string;
let lisa1: Uint8Array;
let wordFile: string;
let containerFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "tat-budget-container-"));
  lisa1 = await lisa1DocxBytes(parseDirectiveText(fixtureText()).plan);
  wordFile = path.join(dir, "lisa1.docx");
  writeFileSync(wordFile, lisa1);
  containerFile = path.join(dir, "leping.asice");
  writeFileSync(
    containerFile,
    await makeContainer({
      files: [
        { name: "kaaskiri.docx", bytes: await docxBytes([paragraph("Saadame allkirjastatud käskkirja.")]) },
        { name: "lisa1.docx", bytes: lisa1 },
        { name: "eelarve.xlsx", bytes: new Uint8Array([1, 2, 3]) },
      ],
      signatures: [
        { subject: ID_CARD, signingTime: "2025-03-25T08:15:30Z", role: "Minister" },
        { subjectName: "CN=Kultuuriministeerium,C=EE", signingTime: "2025-03-25T09:02:11Z" },
      ],
    }),
  );
});

const CONTAINER_BLOCK_ET = [
  "DigiDoc-konteiner leping.asice: loeti lisa1.docx (134 rida)",
  "  kaaskiri.docx: ajakava tabelit ei ole",
  "  eelarve.xlsx: ei loeta (ei ole PDF, Word ega tekst)",
  "Allkirjad (2) — allkirju ei ole kontrollitud:",
  "  MARI MAASIKAS (Minister), 25.03.2025 08:15:30 UTC",
  "  Kultuuriministeerium, 25.03.2025 09:02:11 UTC",
  "",
  "",
].join("\n");

describe("a container on the command line", () => {
  it("parse --json gives the Word file's plan, and what the container held", async () => {
    const alone = JSON.parse((await run("parse", wordFile, "--json")).stdout);
    const { status, stdout } = await run("parse", containerFile, "--json");
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["planPeriod", "implementers", "indicators", "diagnostics", "container"]);
    expect(json.implementers).toEqual(alone.implementers);
    expect(json.implementers.flatMap((implementer: { rows: unknown[] }) => implementer.rows)).toHaveLength(134);
    expect(json.indicators).toEqual(alone.indicators);
    expect(json.container).toMatchObject({
      container: "leping.asice",
      document: "lisa1.docx",
      candidates: [
        { name: "kaaskiri.docx", kind: "docx", rows: null },
        { name: "lisa1.docx", kind: "docx", rows: 134 },
      ],
      signatures: [
        { signer: "MARI MAASIKAS", role: "Minister", signingTime: "2025-03-25T08:15:30Z" },
        { signer: "Kultuuriministeerium", role: null, signingTime: "2025-03-25T09:02:11Z" },
      ],
      verified: false,
    });
  });

  it("parse prints the container, the signatures marked unverified, then the summary of the Word file", async () => {
    const alone = await run("parse", wordFile);
    const { status, stdout } = await run("parse", containerFile);
    expect(status).toBe(0);
    expect(stdout).toBe(CONTAINER_BLOCK_ET + alone.stdout);
    const english = await run("parse", containerFile, "--lang", "en");
    expect(english.stdout).toContain("Signatures (2) — signatures not verified:\n  MARI MAASIKAS (Minister)");
    expect(english.stdout).toContain("DigiDoc container leping.asice: read lisa1.docx (134 rows)");
  });

  it("check finds what it finds in the Word file, with the same exit status", async () => {
    const alone = await run("check", wordFile);
    const checked = await run("check", containerFile);
    expect(checked.status).toBe(alone.status);
    expect(checked.stdout).toBe(CONTAINER_BLOCK_ET + alone.stdout);
    const json = await run("check", containerFile, "--json");
    expect(json.stdout).toBe((await run("check", wordFile, "--json")).stdout);
  });

  it("import, annex, lisa1 and recalc read it too", async () => {
    const plan = path.join(dir, "kava.xlsx");
    const imported = await run("import", containerFile, "-o", plan);
    expect(imported.status).toBe(0);
    expect(imported.stdout.startsWith(CONTAINER_BLOCK_ET)).toBe(true);
    expect(existsSync(plan)).toBe(true);
    expect((await run("parse", plan, "--json")).stdout).toBe((await run("parse", wordFile, "--json")).stdout);

    const annex = await run("annex", containerFile, "-o", path.join(dir, "lisa2.xlsx"));
    expect(annex.status).toBe(0);
    const lisa1Out = path.join(dir, "tagasi.docx");
    const written = await run("lisa1", containerFile, "-o", lisa1Out);
    expect(written.stdout).toBe(
      `${CONTAINER_BLOCK_ET}Lisa 1 kirjutatud: ${lisa1Out} (9 elluviijat ja partnerit, 12 ajakava tabelit)\n`,
    );
    expect(readFileSync(lisa1Out).length).toBeGreaterThan(5000);
    const recalc = await run("recalc", containerFile);
    expect(recalc.stdout).toBe(CONTAINER_BLOCK_ET + (await run("recalc", wordFile)).stdout);
  });

  it("--document reads the document named, and refuses one that holds no schedule", async () => {
    const chosen = await run("parse", containerFile, "--document", "kaaskiri.docx");
    expect(chosen.status).toBe(2);
    expect(chosen.stderr).toBe(
      "tat-budget: leping.asice › kaaskiri.docx: Dokumendist ei leitud ühtegi tegevuste ajakava tabelit. Oodatakse " +
        "käskkirja lisa 1 dokumenti, kus on tabelid veergudega „Tegevus“, „Tegevuse üldajaraam“, „Tegevuse algus- ja " +
        "lõppkuupäev tegevuskava perioodil“, „Planeeritav maksumus“ ja „Tegevuse eest vastutaja“.\n",
    );
    const missing = await run("parse", containerFile, "--document", "lisa2.docx", "--lang", "en");
    expect(missing.stderr).toBe(
      'tat-budget: The container "leping.asice" has no document "lisa2.docx"; the documents it holds are: ' +
        "kaaskiri.docx, lisa1.docx.\n",
    );
  });

  it("names the file inside the container beside the line of a diagnostic", async () => {
    const zip = await JSZip.loadAsync(lisa1);
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file("word/document.xml", xml.replace(">5 660,54<", ">5 66O,54<"));
    const garbled = path.join(dir, "garbled.bdoc");
    writeFileSync(
      garbled,
      await makeContainer({ files: [{ name: "lisa1.docx", bytes: await zip.generateAsync({ type: "uint8array" }) }] }),
    );
    const { status, stdout } = await run("parse", garbled);
    expect(status).toBe(0);
    expect(stdout).toContain("Allkirju konteineris ei ole.");
    expect(stdout).toMatch(
      /Impordi teated \(1\):\n {2}\[error\] garbled\.bdoc › lisa1\.docx, rida \d+: Rea „3\.5\.2\.1\.1“ planeeritav maksumus „5 66O,54“/,
    );
  });
});

describe("bad containers on the command line: exit status 2 and the reason", () => {
  const refused = async (name: string, bytes: Uint8Array | string, ...flags: string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const result = await run("parse", file, ...flags);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    return result.stderr;
  };

  it("not a ZIP, no mimetype, a wrong mimetype", async () => {
    expect(await refused("katki.asice", "%PDF-1.4")).toMatch(
      /^tat-budget: Fail „katki\.asice“ ei ole DigiDoc-konteiner: see ei ole ZIP-arhiiv/,
    );
    expect(await refused("word.bdoc", lisa1, "--lang", "en")).toMatch(
      /^tat-budget: The file "word\.bdoc" is a ZIP archive but not a DigiDoc container \(\.asice, \.bdoc\): it has no "mimetype" entry/,
    );
    const asics = await makeContainer({
      files: [{ name: "lisa1.docx", bytes: lisa1 }],
      mimetype: "application/vnd.etsi.asic-s+zip",
    });
    expect(await refused("vale.asice", asics)).toContain("selle kirje „mimetype“ on „application/vnd.etsi.asic-s+zip“");
  });

  it("no document inside, and only documents without schedule tables", async () => {
    const pictures = await makeContainer({ files: [{ name: "pilt.png", bytes: new Uint8Array([1]) }] });
    expect(await refused("pildid.asice", pictures)).toBe(
      "tat-budget: Konteineris „pildid.asice“ ei ole loetavat dokumenti (PDF, Word .docx või tekst .txt); selles " +
        "on: pilt.png.\n",
    );
    const letters = await makeContainer({ files: [{ name: "kiri.txt", bytes: "Tere!" }] });
    expect(await refused("kirjad.asice", letters)).toContain(
      "Konteineri „kirjad.asice“ dokumentides (kiri.txt) ei ole ühtegi tegevuste ajakava tabelit.",
    );
  });

  it("an older .ddoc", async () => {
    expect(await refused("vana.ddoc", '<?xml version="1.0"?><SignedDoc format="DIGIDOC-XML"/>', "--lang", "en")).toBe(
      'tat-budget: The file "vana.ddoc" is in the older DigiDoc format (.ddoc), which this tool does not read. ' +
        "Open it in DigiDoc4, save the directive's document (PDF or Word) out of it and import that.\n",
    );
  });

  it("a container over 50 MB, by its size before it is read", async () => {
    const file = path.join(dir, "suur.asice");
    writeFileSync(file, "");
    truncateSync(file, 50 * 1024 * 1024 + 1);
    const { status, stderr } = await run("check", file);
    expect(status).toBe(2);
    expect(stderr).toBe(
      "tat-budget: Fail „suur.asice“ on liiga suur: 50,1 MB; suurim lubatud on 50 MB. Käskkirja lisa 1 on palju " +
        "väiksem: kontrollige, kas valisite õige faili.\n",
    );
  });

  it("the usage names the containers", async () => {
    const { stdout } = await run("help");
    expect(stdout).toContain("allkirjastatud DigiDoc-konteiner .asice või .bdoc");
    expect(stdout).toContain("--document <nimi>");
  });
});
