import {
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { formatMoneyEstonian, sumMoney } from "../../../app";
import type { ImportPreview } from "../../../app";
import { useMessages } from "../../i18n";
import { usePanelStyles } from "../styles";
import { Diagnostics } from "./Diagnostics";

/** What a directive's preview found: each implementer's rows and declared total, then what could not be read. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { plan, diagnostics } = preview.result;
  // The totals the document declares, from the trees the preview built once.
  const totals = preview.analysis.implementers.map((entry) => entry.totals.declared);
  const known = totals.filter((amount): amount is NonNullable<typeof amount> => amount !== null);
  return (
    <section aria-label={t.previewTitle} className={styles.panel}>
      <Subtitle2 as="h2">{t.previewTitle}</Subtitle2>
      <Table size="small" aria-label={t.previewTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.implementerColumn}</TableHeaderCell>
            <TableHeaderCell>{t.rowsColumn}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t.totalColumn}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.implementers.map((implementer, index) => (
            <TableRow key={implementer.name}>
              <TableCell>
                {implementer.name}
                <Caption1 className={styles.hint}> · {implementer.role}</Caption1>
              </TableCell>
              <TableCell>{implementer.rows.length}</TableCell>
              <TableCell className={styles.number}>
                {totals[index] ? formatMoneyEstonian(totals[index]!) : "—"}
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>
              <strong>{t.grandTotal}</strong>
            </TableCell>
            <TableCell>{plan.implementers.reduce((sum, implementer) => sum + implementer.rows.length, 0)}</TableCell>
            <TableCell className={styles.number}>
              <strong>{formatMoneyEstonian(sumMoney(known))}</strong>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {diagnostics.length === 0 ? <Caption1>{t.noDiagnostics}</Caption1> : <Diagnostics diagnostics={diagnostics} />}
    </section>
  );
}
