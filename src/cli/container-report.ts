import { formatSigningTime } from "../app";
import type { ContainerReading, Language } from "../app";

/**
 * What a DigiDoc container held, printed before what was read from it: the document read, every other file and
 * why it was not, and the signatures as they claim to be, said to be unverified.
 */
export function formatContainer(reading: ContainerReading, language: Language): string {
  const et = language === "et";
  const rows = (count: number) => (et ? `${count} rida` : `${count} ${count === 1 ? "row" : "rows"}`);
  const lines: string[] = [];
  const chosen = reading.candidates.find((candidate) => candidate.name === reading.document);
  lines.push(
    et
      ? `DigiDoc-konteiner ${reading.container}: loeti ${reading.document}${chosen?.rows != null ? ` (${rows(chosen.rows)})` : ""}`
      : `DigiDoc container ${reading.container}: read ${reading.document}${chosen?.rows != null ? ` (${rows(chosen.rows)})` : ""}`,
  );
  for (const file of reading.dataFiles) {
    if (file.name === reading.document) continue;
    const candidate = reading.candidates.find((item) => item.name === file.name);
    let status: string;
    if (!candidate) status = et ? "ei loeta (ei ole PDF, Word ega tekst)" : "not read (not a PDF, Word file or text)";
    else if (candidate.rows !== null)
      status = et ? `${rows(candidate.rows)}, ei valitud` : `${rows(candidate.rows)}, not chosen`;
    else if (candidate.refusal?.noScheduleTable) status = et ? "ajakava tabelit ei ole" : "no schedule table";
    else status = (et ? candidate.refusal?.message : candidate.refusal?.messageEn) ?? "";
    lines.push(`  ${file.name}: ${status}`);
  }
  if (reading.signatures.length === 0) {
    lines.push(et ? "Allkirju konteineris ei ole." : "The container holds no signature.");
  } else {
    lines.push(
      et
        ? `Allkirjad (${reading.signatures.length}) — allkirju ei ole kontrollitud:`
        : `Signatures (${reading.signatures.length}) — signatures not verified:`,
    );
    for (const signature of reading.signatures) {
      const who = signature.signer ?? (et ? "allkirjastaja nimi puudub" : "no signer's name");
      const role = signature.role ? ` (${signature.role})` : "";
      const when = signature.signingTime
        ? formatSigningTime(signature.signingTime)
        : et
          ? "allkirjastamise aeg puudub"
          : "no signing time";
      lines.push(`  ${who}${role}, ${when}`);
    }
  }
  return `${lines.join("\n")}\n\n`;
}

/** The container as JSON, beside the plan in `parse --json`. */
export function containerToJson(reading: ContainerReading): unknown {
  return {
    container: reading.container,
    document: reading.document,
    dataFiles: reading.dataFiles,
    candidates: reading.candidates.map((candidate) => ({
      name: candidate.name,
      kind: candidate.kind,
      rows: candidate.rows,
      ...(candidate.refusal ? { refusal: candidate.refusal } : {}),
    })),
    signatures: reading.signatures,
    verified: false,
  };
}
