import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useState } from "react";
import { useMessages } from "../i18n";
import { useOperation } from "../operation";
import type { RecalcOutcome, WorkbookServices } from "../../app";
import { usePanelStyles } from "./styles";

export function RecalcPanel({ services }: { services: WorkbookServices | null }) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { busy, run } = useOperation();
  const [outcome, setOutcome] = useState<RecalcOutcome | null>(null);

  const recalc = async () => {
    if (!services) return;
    const result = await run(t.recalculating, () => services.recalc());
    if (result) setOutcome(result);
  };

  return (
    <div className={styles.panel}>
      <Body1>{t.recalcLead}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void recalc()} disabled={!services || busy !== null}>
          {t.runRecalc}
        </Button>
      </div>
      {outcome && (
        <MessageBar intent={outcome.changed.length > 0 ? "success" : "info"} layout="multiline">
          <MessageBarBody>
            {outcome.changed.length > 0 ? t.recalcDone(outcome.formulas, outcome.changed.length) : t.recalcNothing}
            {outcome.backup && <> {t.recalcBackup(outcome.backup)}</>}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.changed.length > 0 && (
        <Table size="small" aria-label={t.recalcDone(outcome.formulas, outcome.changed.length)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.cellColumn}</TableHeaderCell>
              <TableHeaderCell>{t.beforeColumn}</TableHeaderCell>
              <TableHeaderCell>{t.afterColumn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {outcome.changed.map((change) => (
              <TableRow key={`${change.sheet}!${change.cell}`}>
                <TableCell>
                  {change.sheet}!{change.cell}
                </TableCell>
                <TableCell>{change.before === null ? t.numberTypedOver : `=${change.before}`}</TableCell>
                <TableCell>={change.after}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
