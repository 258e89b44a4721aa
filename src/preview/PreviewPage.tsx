import { FluentProvider, PortalMountNodeProvider, makeStyles, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { App } from "../taskpane/App";
import type { Language } from "../taskpane/i18n";
import type { WorkbookServices } from "../app";
import type { PreviewWorkbook } from "./store";
import { WorkbookView } from "./WorkbookView";

/** Excel's task pane is about this wide. */
export const PANE_WIDTH_PX = 360;
/** The pane widths `?pane=` accepts: Excel's narrowest task pane and well past its widest. */
export const PANE_WIDTH_RANGE = { min: 240, max: 1200 } as const;

/**
 * The pane's width from the page's query (`?pane=320`), so that tests and a reviewer can see the pane at Excel's
 * other widths; the default width otherwise, and for anything that is not a whole number of pixels in range.
 */
export function paneWidthFrom(search: string): number {
  const given = new URLSearchParams(search).get("pane");
  if (given === null || !/^\d+$/.test(given)) return PANE_WIDTH_PX;
  const width = Number(given);
  return width >= PANE_WIDTH_RANGE.min && width <= PANE_WIDTH_RANGE.max ? width : PANE_WIDTH_PX;
}

export const BANNER = "Eelvaade ilma Excelita: töövihik on brauseris (Exceli võltsing), midagi ei salvestata.";

export interface PreviewPageProps {
  store: PreviewWorkbook;
  services: WorkbookServices;
  language: Language;
  onLanguageChange(language: Language): void;
  sample?: () => Promise<string>;
  /** The task pane's width in CSS pixels; PANE_WIDTH_PX when not given. */
  paneWidth?: number;
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
    flexShrink: 0,
    position: "relative",
    borderLeft: "1px solid #c8c8c8",
    boxSizing: "border-box",
    // In Excel the pane is a window of its own: its dialogs and popups are laid out in it, not over the workbook.
    // A transform makes the pane the containing block of their fixed positions (CSS Transforms 1, § 2).
    transform: "translateZ(0)",
  },
  paneScroller: {
    height: "100%",
    overflowY: "auto",
  },
});

/** The workbook on the left, the task pane on the right in Excel's place for it. */
export function PreviewPage({
  store,
  services,
  language,
  onLanguageChange,
  sample,
  paneWidth = PANE_WIDTH_PX,
}: PreviewPageProps) {
  const styles = useStyles();
  // The pane's region, where its dialogs and popups are mounted: laid out in the pane (see `pane` above).
  const [paneElement, setPaneElement] = useState<HTMLElement | null>(null);
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <section className={styles.workbook} aria-label="Töövihik">
          <p className={styles.banner}>{BANNER}</p>
          <div className={styles.grid}>
            <WorkbookView store={store} />
          </div>
        </section>
        <div className={styles.pane} style={{ width: `${paneWidth}px` }}>
          <PortalMountNodeProvider value={paneElement ?? undefined}>
            <section className={styles.paneScroller} aria-label="TAT eelarve paan" lang={language} ref={setPaneElement}>
              <App services={services} language={language} onLanguageChange={onLanguageChange} sample={sample} />
            </section>
          </PortalMountNodeProvider>
        </div>
      </div>
    </FluentProvider>
  );
}
