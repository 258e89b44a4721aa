import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Switch,
} from "@fluentui/react-components";
import { useState } from "react";
import { Messages, useMessages } from "../i18n";
import { useOperation } from "../operation";
import { CheckOutcome, Finding, Severity, WorkbookServices, formatMoneyEstonian, groupFindings } from "../../app";
import { usePanelStyles } from "./styles";

/** A rule repeated this often for one implementer and severity is folded into one expandable group. */
export const FOLD_AT = 3;

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export function CheckPanel({ services }: { services: WorkbookServices | null }) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { busy, run } = useOperation();
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [mark, setMark] = useState(true);
  const [cleared, setCleared] = useState<number | null>(null);

  const check = async (withMarks: boolean) => {
    if (!services) return;
    const result = await run(t.checking, () => services.check({ mark: withMarks }));
    if (result) {
      setOutcome(result);
      setCleared(null);
    }
  };

  const toggleMarks = async (on: boolean) => {
    setMark(on);
    if (!services || !outcome) return;
    if (on) {
      await check(true);
    } else {
      const count = await run(t.clearingMarks, () => services.clearMarks());
      if (count !== undefined) setCleared(count);
    }
  };

  const goTo = (finding: Finding) => {
    if (!services) return;
    void run(t.working, () => services.goTo({ sheet: finding.position.sheet, cell: finding.position.cell }));
  };

  const disabled = !services || busy !== null;
  const counts = outcome?.result.counts;
  return (
    <div className={styles.panel}>
      <Body1>{t.checkLead}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void check(mark)} disabled={disabled}>
          {t.runCheck}
        </Button>
        <Switch
          checked={mark}
          onChange={(_, data) => void toggleMarks(data.checked)}
          disabled={disabled}
          label={t.marks}
        />
      </div>

      {outcome && counts && (
        <MessageBar intent={counts.error > 0 ? "error" : counts.warning > 0 ? "warning" : "success"} layout="multiline">
          <MessageBarBody>
            <strong data-testid="check-counts">
              {outcome.result.findings.length === 0
                ? t.noFindings
                : t.checkCounts(counts.error, counts.warning, counts.info)}
            </strong>
            {outcome.marked > 0 && cleared === null && <> {t.marked(outcome.marked)}</>}
            {cleared !== null && <> {t.marksCleared(cleared)}</>}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.diagnostics.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <strong>{t.readDiagnostics(outcome.diagnostics.length)}</strong>
            <ul className={styles.list}>
              {outcome.diagnostics.map((diagnostic, index) => (
                <li key={index}>{t.language === "et" ? diagnostic.message : diagnostic.messageEn}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && <FindingList findings={outcome.result.findings} onGoTo={goTo} disabled={disabled} />}
    </div>
  );
}

interface FindingListProps {
  findings: Finding[];
  onGoTo(finding: Finding): void;
  disabled: boolean;
}

/** Findings by implementer, then severity, with counts; a rule repeated for one implementer folds into a group. */
export function FindingList({ findings, onGoTo, disabled }: FindingListProps) {
  const styles = usePanelStyles();
  const t = useMessages();
  const groups = groupFindings(findings);
  const implementers = [...new Set(groups.map((group) => group.implementer))];
  return (
    <div className={styles.panel}>
      {implementers.map((implementer) => {
        const own = groups.filter((group) => group.implementer === implementer);
        const name = implementer ?? t.wholePlan;
        return (
          <section key={name} className={styles.group} aria-label={name}>
            <Subtitle2 as="h2">
              {name}{" "}
              {own.map((group) => (
                <Badge
                  key={group.severity}
                  appearance="tint"
                  color={SEVERITY_COLOR[group.severity]}
                  aria-label={`${t.severity[group.severity]}: ${group.findings.length}`}
                >
                  {group.findings.length}
                </Badge>
              ))}
            </Subtitle2>
            {own.map((group) => (
              <div key={group.severity}>
                {/* A heading under the implementer's h2, so that screen readers can move between the severities. */}
                <Caption1 as="h3" className={styles[group.severity]}>
                  {t.severity[group.severity]} ({group.findings.length})
                </Caption1>
                <FoldedFindings findings={group.findings} onGoTo={onGoTo} disabled={disabled} />
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}

function FoldedFindings({ findings, onGoTo, disabled }: FindingListProps) {
  const t = useMessages();
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
  return (
    <>
      {[...byRule].map(([rule, members]) =>
        members.length >= FOLD_AT ? (
          <Accordion key={rule} collapsible>
            <AccordionItem value={rule}>
              <AccordionHeader size="small">{t.folded(members.length, rule)}</AccordionHeader>
              <AccordionPanel>
                {members.map((finding, index) => (
                  <FindingItem key={index} finding={finding} onGoTo={onGoTo} disabled={disabled} />
                ))}
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        ) : (
          members.map((finding, index) => (
            <FindingItem key={`${rule}-${index}`} finding={finding} onGoTo={onGoTo} disabled={disabled} />
          ))
        ),
      )}
    </>
  );
}

function where(finding: Finding, t: Messages): string | null {
  if (finding.position.sheet && finding.position.cell) return `${finding.position.sheet}!${finding.position.cell}`;
  if (finding.position.sheet) return finding.position.sheet;
  return finding.position.line !== null ? t.lineLabel(finding.position.line) : null;
}

function FindingItem({
  finding,
  onGoTo,
  disabled,
}: {
  finding: Finding;
  onGoTo(finding: Finding): void;
  disabled: boolean;
}) {
  const styles = usePanelStyles();
  const t = useMessages();
  const place = where(finding, t);
  const hasSums = finding.declared !== undefined && finding.computed !== undefined;
  return (
    <div className={styles.finding} data-rule={finding.rule}>
      {/* The message names its row ("3.5.1.2 › 6."): the bare code before it said the same twice ("8 Real 8. …"). */}
      <Body1>{t.language === "et" ? finding.message : finding.messageEn}</Body1>
      {hasSums && (
        <Caption1 className={styles.sums}>
          {t.declared} {formatMoneyEstonian(finding.declared!)} · {t.computed} {formatMoneyEstonian(finding.computed!)}{" "}
          · {t.difference} {finding.difference ? formatMoneyEstonian(finding.difference) : "—"}
        </Caption1>
      )}
      {!hasSums && finding.expected !== undefined && (
        <Caption1 className={styles.sums}>
          {t.expected}: {finding.expected} · {t.actual}: {finding.actual ?? "—"}
        </Caption1>
      )}
      {place && finding.position.sheet ? (
        <Link as="button" onClick={() => onGoTo(finding)} disabled={disabled} aria-label={t.goTo(place)}>
          {place}
        </Link>
      ) : (
        place && <Caption1 className={styles.hint}>{place}</Caption1>
      )}
    </div>
  );
}
