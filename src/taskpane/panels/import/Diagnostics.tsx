import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ImportDiagnostic } from "../../../app";
import { useMessages } from "../../i18n";
import { usePanelStyles } from "../styles";

/** What the reader could not take as it stood, line by line, as a warning. */
export function Diagnostics({ diagnostics }: { diagnostics: ImportDiagnostic[] }) {
  const styles = usePanelStyles();
  const t = useMessages();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <strong>{t.diagnosticsTitle(diagnostics.length)}</strong>
        <ul className={styles.list}>
          {diagnostics.map((diagnostic, index) => (
            <li key={index}>
              {[diagnostic.file, t.lineLabel(diagnostic.line)].filter(Boolean).join(", ")}{" "}
              {t.language === "et" ? diagnostic.message : diagnostic.messageEn}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
