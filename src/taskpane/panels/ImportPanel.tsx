import { Body1 } from "@fluentui/react-components";
import { useMessages } from "../i18n";
import { useOperation } from "../operation";
import type { WorkbookServices } from "../../app";
import { ContainerInfo } from "./import/ContainerInfo";
import { useDirectiveImport } from "./import/directive-import";
import { DirectiveInput } from "./import/DirectiveInput";
import { PastedRange } from "./import/PastedRange";
import { ConflictDialog, PlanWrite } from "./import/PlanWrite";
import { PreviewTable } from "./import/PreviewTable";
import { useSelectionImport } from "./import/selection-import";
import { usePanelStyles } from "./styles";

export interface ImportPanelProps {
  services: WorkbookServices | null;
  sample?: () => Promise<string>;
  /** After a write; the pane's panels follow the workbook through the services themselves (App). */
  onImported?(): void;
}

const nothing = () => {};

/**
 * The import tab, two flows: a directive (pasted, or a .txt, Word or PDF file, or a DigiDoc container holding one:
 * what it held, the document to read and its signatures, unverified, shown above the preview) previewed and then
 * written, asking
 * first about sheets that already exist; and a table pasted into Excel, written as one implementer's schedule.
 */
export function ImportPanel({ services, sample, onImported = nothing }: ImportPanelProps) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { busy } = useOperation();
  const directive = useDirectiveImport(services, onImported);
  const pasted = useSelectionImport(services, onImported);
  const disabled = !services || busy !== null;
  return (
    <div className={styles.panel}>
      <Body1>{t.importLead}</Body1>
      <DirectiveInput directive={directive} sample={sample} disabled={disabled} />
      {directive.preview?.result.container && (
        <ContainerInfo
          reading={directive.preview.result.container}
          onChoose={(document) => void directive.chooseDocument(document)}
          disabled={disabled}
        />
      )}
      {directive.preview && <PreviewTable preview={directive.preview} />}
      <PlanWrite directive={directive} disabled={disabled} />
      <PastedRange pasted={pasted} disabled={disabled} />
      <ConflictDialog directive={directive} />
    </div>
  );
}
