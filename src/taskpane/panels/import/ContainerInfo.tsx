import { Body1, Caption1, Field, Select, Subtitle2 } from "@fluentui/react-components";
import { formatSigningTime } from "../../../app";
import type { ContainerReading } from "../../../app";
import { useMessages } from "../../i18n";
import { usePanelStyles } from "../styles";

export interface ContainerInfoProps {
  reading: ContainerReading;
  /** Reads another document of the container in place of the one shown. */
  onChoose(document: string): void;
  disabled: boolean;
}

/**
 * What a DigiDoc container held: the document read, a choice when several hold schedule rows, the files not read
 * and why, and the signatures as information, said not to be verified.
 */
export function ContainerInfo({ reading, onChoose, disabled }: ContainerInfoProps) {
  const styles = usePanelStyles();
  const t = useMessages();
  const readable = reading.candidates.filter((candidate) => candidate.rows !== null);
  const others = reading.dataFiles.filter(
    (file) => !readable.some((candidate) => candidate.name === file.name) && file.name !== reading.document,
  );
  const otherText = (name: string) => {
    const candidate = reading.candidates.find((item) => item.name === name);
    if (!candidate) return t.containerNotRead(name);
    if (candidate.refusal?.noScheduleTable) return t.containerNoSchedule(name);
    const reason = t.language === "et" ? candidate.refusal?.message : candidate.refusal?.messageEn;
    return t.containerRefused(name, reason ?? "");
  };
  return (
    <section aria-label={t.containerTitle} className={styles.group}>
      <Subtitle2 as="h2">{t.containerTitle}</Subtitle2>
      <Body1 className={styles.wrapping}>{t.containerRead(reading.container, reading.document)}</Body1>
      {readable.length > 1 && (
        <Field label={t.containerChoose}>
          <Select value={reading.document} disabled={disabled} onChange={(_, data) => onChoose(data.value)}>
            {readable.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {t.containerOption(candidate.name, candidate.rows!)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {others.length > 0 && (
        <ul className={`${styles.list} ${styles.wrapping}`}>
          {others.map((file) => (
            <li key={file.name}>
              <Caption1>{otherText(file.name)}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {reading.signatures.length === 0 ? (
        <Body1>{t.noSignatures}</Body1>
      ) : (
        <section aria-label={t.signaturesTitle(reading.signatures.length)}>
          <strong>{t.signaturesTitle(reading.signatures.length)}</strong>
          <ul className={`${styles.list} ${styles.wrapping}`}>
            {reading.signatures.map((signature, index) => (
              <li key={`${signature.file}-${index}`}>
                {signature.signer ?? t.unknownSigner}
                {signature.role ? ` (${signature.role})` : ""},{" "}
                {signature.signingTime ? formatSigningTime(signature.signingTime) : t.unknownSigningTime}
              </li>
            ))}
          </ul>
          <Caption1 className={styles.hint}>{t.signaturesNotVerified}</Caption1>
        </section>
      )}
    </section>
  );
}
