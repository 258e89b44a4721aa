import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { Language, MESSAGES, MessagesContext, useMessages } from "./i18n";
import { OperationProvider, useOperation } from "./operation";
import { CheckPanel } from "./panels/CheckPanel";
import { ComparePanel } from "./panels/ComparePanel";
import { ImportPanel } from "./panels/ImportPanel";
import { Lisa2Panel } from "./panels/Lisa2Panel";
import { EditPanel } from "./panels/EditPanel";
import { RecalcPanel } from "./panels/RecalcPanel";
import { SettingsPanel } from "./panels/SettingsPanel";
import type { WorkbookServices } from "../app";
import type { FileDelivery } from "./host/delivery";

export interface AppProps {
  /** The workbook operations; null when the pane runs outside Excel (a page opened in a plain browser). */
  services: WorkbookServices | null;
  language: Language;
  onLanguageChange(language: Language): void;
  /** The bundled sample directive, offered in the import panel (the preview without Excel). */
  sample?: () => Promise<string>;
  /**
   * The Excel the pane runs in lacks the API set the add-in needs (`REQUIRED_EXCEL_API`): `services` is then null,
   * and the pane says which Excel is needed instead of failing at the first write.
   */
  excelTooOld?: boolean;
  /** How files reach the officer in this host (host/delivery.ts); the browser's download when not given. */
  delivery?: FileDelivery;
  /** The self-test page ("selftest.html"), offered in Seaded when the pane runs in Excel; none in the preview. */
  selfTestHref?: string;
}

/**
 * The services with every change to what the panels show (an import, a pasted table, saved settings) counted, so
 * that each panel reads its state again through the use case instead of keeping a copy: the rate saved on Seaded is
 * the rate Lisa 2 shows and uses.
 */
export function trackWorkbookChanges(services: WorkbookServices, changed: () => void): WorkbookServices {
  const after =
    <A extends unknown[], R>(operation: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await operation(...args);
      changed();
      return result;
    };
  return {
    ...services,
    importPlan: after(services.importPlan),
    importSelection: after(services.importSelection),
    writeSettings: after(services.writeSettings),
    applyEdit: after(services.applyEdit),
  };
}

export type PanelId = "import" | "check" | "recalc" | "edit" | "compare" | "lisa2" | "settings";
const PANELS: readonly PanelId[] = ["import", "check", "recalc", "edit", "compare", "lisa2", "settings"];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  heading: { margin: 0 },
  // Seven tabs are wider than Excel's narrowest pane (320 px): they wrap onto a second line rather than hide in a
  // menu, so that every tab stays one click (or one arrow key) away.
  tabs: { flexWrap: "wrap" },
  busy: { alignSelf: "flex-start" },
});

export function App(props: AppProps) {
  return (
    <MessagesContext.Provider value={MESSAGES[props.language]}>
      <OperationProvider language={props.language}>
        <Pane {...props} />
      </OperationProvider>
    </MessagesContext.Provider>
  );
}

function Pane({ services: given, language, onLanguageChange, sample, excelTooOld, delivery, selfTestHref }: AppProps) {
  const styles = useStyles();
  const t = useMessages();
  const { busy, error, dismissError } = useOperation();
  const [panel, setPanel] = useState<PanelId>("import");
  // Bumped after every change to the workbook's plan or settings, so that the panels read them again.
  const [workbookVersion, setWorkbookVersion] = useState(0);
  const services = useMemo(
    () => (given ? trackWorkbookChanges(given, () => setWorkbookVersion((version) => version + 1)) : null),
    [given],
  );

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.heading}>
          {t.appTitle}
        </Title2>
        <Body1>{t.appLead}</Body1>
      </header>

      {!services && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{excelTooOld ? t.excelTooOld : t.notInExcel}</MessageBarBody>
        </MessageBar>
      )}

      <TabList
        selectedValue={panel}
        onTabSelect={(_, data) => setPanel(data.value as PanelId)}
        aria-label={t.tabsLabel}
        size="small"
        className={styles.tabs}
      >
        {PANELS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
            {t.tabs[id]}
          </Tab>
        ))}
      </TabList>

      {busy && <Spinner className={styles.busy} size="tiny" label={busy} aria-live="polite" />}
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {error}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t.dismiss}
                icon={<DismissRegular />}
                onClick={dismissError}
              />
            }
          />
        </MessageBar>
      )}

      {/* Every panel stays mounted, hidden when not chosen, so that its results survive switching tabs. */}
      {PANELS.map((id) => (
        <section key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={panel !== id}>
          {id === "import" && <ImportPanel services={services} sample={sample} />}
          {id === "check" && <CheckPanel services={services} />}
          {id === "recalc" && <RecalcPanel services={services} />}
          {id === "edit" && (
            <EditPanel services={services} workbookVersion={workbookVersion} visible={panel === "edit"} />
          )}
          {id === "compare" && (
            <ComparePanel services={services} workbookVersion={workbookVersion} delivery={delivery} />
          )}
          {id === "lisa2" && (
            <Lisa2Panel
              services={services}
              workbookVersion={workbookVersion}
              visible={panel === "lisa2"}
              delivery={delivery}
            />
          )}
          {id === "settings" && (
            <SettingsPanel
              services={services}
              language={language}
              onLanguageChange={onLanguageChange}
              workbookVersion={workbookVersion}
              visible={panel === "settings"}
              selfTestHref={selfTestHref}
            />
          )}
        </section>
      ))}
    </main>
  );
}
