import { FluentProvider, makeStyles, webLightTheme } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import type { Language } from "../taskpane/i18n";
import type { WorkbookServices } from "../app";
import type { PreviewWorkbook } from "./store";
import { WorkbookView } from "./WorkbookView";

/** Excel's task pane is about this wide. */
export const PANE_WIDTH_PX = 360;

export const BANNER = "Eelvaade ilma Excelita: töövihik on brauseris (Exceli võltsing), midagi ei salvestata.";

export interface PreviewPageProps {
  store: PreviewWorkbook;
  services: WorkbookServices;
  language: Language;
  onLanguageChange(language: Language): void;
  sample?: () => Promise<string>;
}

const useStyles = makeStyles({
  page: {
    display: "flex",
    height: "100vh",
    overflow: "hidden",
  },
  workbook: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
  },
  banner: {
    margin: 0,
    padding: "6px 12px",
    backgroundColor: "#217346",
    color: "#ffffff",
    fontSize: "13px",
  },
  grid: {
    flexGrow: 1,
    minHeight: 0,
  },
  pane: {
    width: `${PANE_WIDTH_PX}px`,
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: "1px solid #c8c8c8",
    boxSizing: "border-box",
  },
});

/** The workbook on the left, the task pane on the right in Excel's place for it. */
export function PreviewPage({ store, services, language, onLanguageChange, sample }: PreviewPageProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <section className={styles.workbook} aria-label="Töövihik">
          <p className={styles.banner}>{BANNER}</p>
          <div className={styles.grid}>
            <WorkbookView store={store} />
          </div>
        </section>
        <section className={styles.pane} aria-label="TAT eelarve paan" lang={language}>
          <App services={services} language={language} onLanguageChange={onLanguageChange} sample={sample} />
        </section>
      </div>
    </FluentProvider>
  );
}
