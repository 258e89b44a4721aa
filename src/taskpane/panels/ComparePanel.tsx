import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type {
  ChangesWritten,
  DocumentSource,
  Money,
  Period,
  PlanChange,
  PlanComparison,
  WorkbookComparison,
  WorkbookServices,
} from "../../app";
import { formatMoneyEstonian } from "../../app";
import { Messages, useMessages } from "../i18n";
import { useOperation } from "../operation";
import { browserDelivery } from "../host/delivery";
import type { DeliveryOutcome, FileDelivery } from "../host/delivery";
import { chosenFile, isWorkbookFile, looksBinary } from "./import/chosen-file";
import { DeliveryNotice } from "./DeliveryNotice";
import { FileChooser } from "./import/DirectiveInput";
import { usePanelStyles } from "./styles";

const DOCX_NAME = "muudatused.docx";

const KIND_COLOR: Record<PlanChange["change"], "success" | "danger" | "informative" | "warning"> = {
  added: "success",
  removed: "danger",
  renumbered: "informative",
  changed: "warning",
};

export interface ComparePanelProps {
  services: WorkbookServices | null;
  /** Bumped after each change the pane makes to the workbook: the comparison shown may no longer be the workbook's. */
  workbookVersion: number;
  delivery?: FileDelivery;
}

/**
 * The open workbook against its approved version, a document the officer chooses: the changes as the explanatory
 * note lists them, written to the Muudatused sheet, the changed cells marked in a colour of their own.
 */
export function ComparePanel({ services, workbookVersion, delivery = browserDelivery }: ComparePanelProps) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { busy, run } = useOperation();
  const [inputError, setInputError] = useState<string | null>(null);
  const [found, setFound] = useState<{ name: string; result: WorkbookComparison; version: number } | null>(null);
  const [mark, setMark] = useState(true);
  const [written, setWritten] = useState<ChangesWritten | null>(null);
  const [delivered, setDelivered] = useState<DeliveryOutcome | null>(null);
  // What is written is compared again from the workbook, so the list follows the sheet that was written.
  const comparison: PlanComparison | null = written?.comparison ?? found?.result.comparison ?? null;

  useEffect(() => setWritten(null), [workbookVersion]);

  const readFile = async (file: File) => {
    setInputError(null);
    setFound(null);
    setWritten(null);
    setDelivered(null);
    if (!services) return;
    if (isWorkbookFile(file.name)) return setInputError(t.compareWorkbookFile(file.name));
    const chosen = chosenFile(file, true, t);
    if (chosen.kind === "refused") return setInputError(chosen.message);
    let source: DocumentSource;
    if (chosen.kind === "text") {
      const text = await file.text();
      if (looksBinary(text)) return setInputError(t.notText(file.name));
      source = { kind: "text", text };
    } else {
      const bytes = new Uint8Array(await file.arrayBuffer());
      source =
        chosen.format === "container" ? { kind: "container", bytes, name: file.name } : { kind: chosen.format, bytes };
    }
    const result = await run(t.comparing, () => services.compareWith(source));
    if (result) setFound({ name: result.approved.container?.source ?? file.name, result, version: workbookVersion });
  };

  const write = async () => {
    if (!services || !found) return;
    const result = await run(t.compareWriting, () => services.writeChanges(found.result.approved.plan, { mark }));
    if (result) setWritten(result);
  };

  const downloadDocx = async () => {
    if (!services || !comparison) return;
    setDelivered(null);
    if (delivery.route === "none") return setDelivered({ kind: "unavailable" });
    const bytes = await run(t.makingDocx, () => services.changesDocx(comparison));
    if (bytes) setDelivered(delivery.deliver({ name: DOCX_NAME, bytes }, t.language));
  };

  const goTo = (change: PlanChange) => {
    const sheet = change.at?.sheet;
    if (!services || !sheet) return;
    void run(t.working, () => services.goTo({ sheet: sheet.name, cell: sheet.amountCell }));
  };

  const disabled = !services || busy !== null;
  const nothing =
    comparison !== null &&
    comparison.changes.length === 0 &&
    comparison.implementers.length === 0 &&
    comparison.partnerships.length === 0 &&
    comparison.indicators.length === 0;
  return (
    <div className={styles.panel}>
      <Body1>{t.compareLead}</Body1>
      <div className={styles.actions}>
        <FileChooser
          label={t.compareChoose}
          testId="compare-file"
          onFile={(file) => void readFile(file)}
          disabled={disabled}
          primary
        />
      </div>
      <Caption1 className={styles.hint}>{t.compareFormats}</Caption1>
      {inputError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{inputError}</MessageBarBody>
        </MessageBar>
      )}
      {found && comparison && (
        <>
          <MessageBar intent={nothing ? "success" : "info"} layout="multiline" data-testid="compare-summary">
            <MessageBarBody>
              {t.compareApproved(found.name)}{" "}
              {nothing ? t.compareNone : `${t.compareCount(comparison.changes.length)}.`}{" "}
              {t.compareGrand(
                formatMoneyEstonian(comparison.grandTotal.before),
                formatMoneyEstonian(comparison.grandTotal.after),
                signed(comparison.grandTotal.difference),
              )}
              {found.result.diagnostics.length > 0 && (
                <> {t.compareWorkbookDiagnostics(found.result.diagnostics.length)}</>
              )}
            </MessageBarBody>
          </MessageBar>
          {found.version !== workbookVersion && !written && (
            <MessageBar intent="warning" layout="multiline" data-testid="compare-stale">
              <MessageBarBody>{t.compareStale}</MessageBarBody>
            </MessageBar>
          )}
          <Checkbox checked={mark} onChange={(_, data) => setMark(data.checked === true)} label={t.compareMark} />
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void write()} disabled={disabled}>
              {t.compareWrite}
            </Button>
            <Button onClick={() => void downloadDocx()} disabled={disabled}>
              {t.compareDocx}
            </Button>
          </div>
          <DeliveryNotice delivered={delivered} otherWays={t.compareDocxOtherWays} />
          {written && (
            <MessageBar intent="success" layout="multiline" data-testid="compare-written">
              <MessageBarBody>
                {t.compareWritten(written.sheet, written.replaced)}
                {mark && <> {t.compareMarked(written.changedCells, written.marked)}</>}
                {written.reasonsKept > 0 && <> {t.compareReasonsKept(written.reasonsKept)}</>}
              </MessageBarBody>
            </MessageBar>
          )}
          <ComparisonList comparison={comparison} onGoTo={goTo} disabled={disabled} />
        </>
      )}
    </div>
  );
}

const signed = (amount: Money): string =>
  `${amount.isPositive() && !amount.isZero() ? "+" : ""}${formatMoneyEstonian(amount)}`;

const periodText = (period: Period | null): string =>
  period ? `${period.start.toEstonian()}–${period.end.toEstonian()}` : "—";

function fieldText(field: PlanChange["fields"][number], t: Messages): string {
  const value = (side: typeof field.before): string => {
    if (side === null) return "—";
    if (typeof side === "string") return side;
    return "start" in side ? periodText(side as Period) : formatMoneyEstonian(side as Money);
  };
  return `${t.compareFields[field.field]}: ${value(field.before)} → ${value(field.after)}`;
}

function ComparisonList({
  comparison,
  onGoTo,
  disabled,
}: {
  comparison: PlanComparison;
  onGoTo(change: PlanChange): void;
  disabled: boolean;
}) {
  const styles = usePanelStyles();
  const t = useMessages();
  const byImplementer = new Map<string, PlanChange[]>();
  for (const change of comparison.changes) {
    byImplementer.set(change.implementer, [...(byImplementer.get(change.implementer) ?? []), change]);
  }
  return (
    <>
      {comparison.implementers.length > 0 && (
        <ul className={styles.list}>
          {comparison.implementers.map((change) => (
            <li key={change.implementer}>
              {change.change === "added"
                ? t.compareImplementerAdded(change.implementer)
                : t.compareImplementerRemoved(change.implementer)}
            </li>
          ))}
        </ul>
      )}
      {[...byImplementer].map(([implementer, changes]) => (
        <section key={implementer} className={styles.group} aria-label={implementer}>
          <Subtitle2 as="h3">
            {implementer} ({changes.length})
          </Subtitle2>
          {changes.map((change, index) => (
            <ChangeItem key={index} change={change} onGoTo={onGoTo} disabled={disabled} />
          ))}
        </section>
      ))}
      <section className={styles.group} aria-label={t.compareTotals}>
        <Subtitle2 as="h3">{t.compareTotals}</Subtitle2>
        {comparison.totals
          .filter((total) => !total.difference.isZero() || total.before === null || total.after === null)
          .map((total) => (
            <Caption1 key={total.implementer} className={styles.sums}>
              {total.implementer}: {total.before ? formatMoneyEstonian(total.before) : "—"} →{" "}
              {total.after ? formatMoneyEstonian(total.after) : "—"} ({signed(total.difference)})
            </Caption1>
          ))}
      </section>
      {comparison.partnerships.length > 0 && (
        <section className={styles.group} aria-label={t.comparePartnerships}>
          <Subtitle2 as="h3">{t.comparePartnerships}</Subtitle2>
          {comparison.partnerships.map((change) => (
            <Caption1 key={change.implementer}>
              {change.implementer}: {periodText(change.before)} → {periodText(change.after)}
            </Caption1>
          ))}
        </section>
      )}
      {comparison.indicators.length > 0 && (
        <section className={styles.group} aria-label={t.compareIndicators}>
          <Subtitle2 as="h3">{t.compareIndicators}</Subtitle2>
          {comparison.indicators.map((change, index) => (
            <Caption1 key={index} className={styles.wrapping}>
              {change.name} ({change.unit}):{" "}
              {change.before ? `${change.before.target} / ${change.before.target2029}` : "—"} →{" "}
              {change.after ? `${change.after.target} / ${change.after.target2029}` : "—"}
            </Caption1>
          ))}
        </section>
      )}
    </>
  );
}

function ChangeItem({
  change,
  onGoTo,
  disabled,
}: {
  change: PlanChange;
  onGoTo(change: PlanChange): void;
  disabled: boolean;
}) {
  const styles = usePanelStyles();
  const t = useMessages();
  const name = change.change === "renumbered" ? `${change.codeBefore} → ${change.code}` : change.code;
  const parent = !change.difference.equals(change.countedDifference);
  const amounts =
    change.amountBefore === null && change.amountAfter === null
      ? null
      : `${change.amountBefore ? formatMoneyEstonian(change.amountBefore) : "—"} → ${
          change.amountAfter ? formatMoneyEstonian(change.amountAfter) : "—"
        } (${signed(change.difference)})`;
  return (
    <div className={styles.finding} data-change={change.change}>
      <div className={styles.actions}>
        <Badge appearance="tint" color={KIND_COLOR[change.change]}>
          {t.compareKinds[change.change]}
        </Badge>
        {change.at?.sheet ? (
          <Link as="button" onClick={() => onGoTo(change)} disabled={disabled} aria-label={t.goTo(name)}>
            {name}
          </Link>
        ) : (
          <strong>{name}</strong>
        )}
      </div>
      <Body1 className={styles.wrapping}>{change.label}</Body1>
      {change.fields
        .filter((field) => field.field !== "code" && field.field !== "amount")
        .map((field) => (
          <Caption1 key={field.field} className={styles.wrapping}>
            {fieldText(field, t)}
          </Caption1>
        ))}
      {amounts && <Caption1 className={styles.sums}>{amounts}</Caption1>}
      {parent && <Caption1 className={styles.hint}>{t.compareParent}</Caption1>}
    </div>
  );
}
