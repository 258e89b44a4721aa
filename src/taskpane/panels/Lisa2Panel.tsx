import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useMessages } from "../i18n";
import { useOperation } from "../operation";
import { formatMoneyEstonian, parseRatePercent } from "../../app";
import type { Lisa2Outcome, Money, WorkbookServices } from "../../app";
import { DeliveryNotice } from "./DeliveryNotice";
import { usePanelStyles } from "./styles";
import { browserDelivery } from "../host/delivery";
import type { DeliveryOutcome, FileDelivery } from "../host/delivery";

const DOCX_NAME = "lisa2.docx";

/** "7", "7,5", "7 %"; empty is no rate. Undefined when the text is not a rate from 0 to 100. */
export function readRate(text: string): Money | null | undefined {
  if (text.trim() === "") return null;
  return parseRatePercent(text) ?? undefined;
}

export interface Lisa2PanelProps {
  services: WorkbookServices | null;
  /** Changes when the workbook's plan or settings changed (an import, saved settings): the rate is read again. */
  workbookVersion: number;
  visible: boolean;
  /** How the Word file reaches the officer in this host (host/delivery.ts); the browser's download when not given. */
  delivery?: FileDelivery;
}

export function Lisa2Panel({ services, workbookVersion, visible, delivery = browserDelivery }: Lisa2PanelProps) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { busy, run } = useOperation();
  const [rateText, setRateText] = useState("");
  const [outcome, setOutcome] = useState<Lisa2Outcome | null>(null);
  const [delivered, setDelivered] = useState<DeliveryOutcome | null>(null);
  // Whether Seaded's rate must be read again: the tab was shown, or the workbook's settings changed.
  const [stale, setStale] = useState(true);
  // What the officer typed here wins over what the workbook says, until the workbook's settings change.
  const typed = useRef(false);
  const rate = readRate(rateText);

  useEffect(() => {
    typed.current = false;
  }, [workbookVersion]);
  useEffect(() => {
    if (visible) setStale(true);
  }, [visible, workbookVersion]);
  // The rate lives on Seaded: read each time the tab is shown and after every change of settings (not while another
  // operation runs: it would be refused).
  useEffect(() => {
    if (!stale || !visible || !services || busy !== null) return;
    setStale(false);
    if (typed.current) return;
    void run(t.loadingSettings, () => services.readSettings(), { keepError: true }).then((settings) => {
      if (settings && !typed.current)
        setRateText(settings.indirectRatePercent ? settings.indirectRatePercent.toString().replace(".", ",") : "");
    });
  }, [stale, visible, services, busy, run, t]);

  const generate = async () => {
    if (!services || rate === undefined) return;
    const result = await run(t.generating, () => services.generateLisa2(rate));
    if (result) setOutcome(result);
  };

  const downloadDocx = async () => {
    if (!services || rate === undefined) return;
    setDelivered(null);
    // Nothing can carry the file out of this host: say so at once rather than build it for nobody.
    if (delivery.route === "none") return setDelivered({ kind: "unavailable" });
    const bytes = await run(t.makingDocx, () => services.lisa2Docx(rate));
    if (bytes) setDelivered(delivery.deliver({ name: DOCX_NAME, bytes }, t.language));
  };

  const disabled = !services || busy !== null || rate === undefined;
  const lisa2 = outcome?.lisa2;
  const lineOf = (kind: string) => lisa2?.lines.find((line) => line.kind === kind);
  return (
    <div className={styles.panel}>
      <Body1>{t.lisa2Lead}</Body1>
      <Field
        label={t.rateLabel}
        hint={`${t.lisa2RateHint} ${t.rateHint}`}
        validationState={rate === undefined ? "error" : "none"}
        validationMessage={rate === undefined ? t.rateInvalid : undefined}
      >
        <Input
          value={rateText}
          onChange={(_, data) => {
            typed.current = true;
            setRateText(data.value);
          }}
          inputMode="decimal"
          placeholder={t.rateEmpty}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void generate()} disabled={disabled}>
          {t.generate}
        </Button>
        <Button onClick={() => void downloadDocx()} disabled={disabled}>
          {t.downloadDocx}
        </Button>
      </div>
      <DeliveryNotice delivered={delivered} otherWays={t.docxOtherWays} />
      {outcome && lisa2 && (
        <>
          <MessageBar intent={lisa2.draft ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              {t.lisa2Done(outcome.sheets.join(", "))} {lisa2.draft && t.lisa2Draft(lisa2.errors.length)}
            </MessageBarBody>
          </MessageBar>
          <Table size="small" aria-label={t.lisa2Done(outcome.sheets.join(", "))}>
            <TableBody>
              <TableRow>
                <TableCell>{t.directCosts}</TableCell>
                <TableCell className={styles.number}>{formatMoneyEstonian(lineOf("direct")!.amount)}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>{t.indirectCosts}</TableCell>
                <TableCell className={styles.number}>
                  {lineOf("indirect") ? formatMoneyEstonian(lineOf("indirect")!.amount) : t.noIndirect}
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell>
                  <strong>{t.budgetTotal}</strong>
                </TableCell>
                <TableCell className={styles.number}>
                  <strong>{formatMoneyEstonian(lisa2.lines[0].amount)}</strong>
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <MessageBar intent={lisa2.reconciliation.difference.isZero() ? "success" : "error"} layout="multiline">
            <MessageBarBody>
              {lisa2.reconciliation.difference.isZero()
                ? t.reconciles(formatMoneyEstonian(lisa2.reconciliation.schedulesTotal))
                : t.disagrees(formatMoneyEstonian(lisa2.reconciliation.difference))}
            </MessageBarBody>
          </MessageBar>
        </>
      )}
    </div>
  );
}
