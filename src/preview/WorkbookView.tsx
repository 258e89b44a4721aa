import { useId, useRef } from "react";
import { DEFAULT_LIMITS, GridLimits } from "./sheet-view";
import type { PreviewWorkbook } from "./store";
import { FormulaBar } from "./workbook-view/FormulaBar";
import { gridKeyDownHandler } from "./workbook-view/grid-keyboard";
import { GridMessage } from "./workbook-view/GridMessage";
import { SheetGrid } from "./workbook-view/SheetGrid";
import { sheetStatus } from "./workbook-view/sheet-status";
import { SheetTabs } from "./workbook-view/SheetTabs";
import { useStyles } from "./workbook-view/styles";
import { useActiveSheet } from "./workbook-view/use-active-sheet";
import { useCellEditing } from "./workbook-view/use-cell-editing";
import { useRevealActiveCell } from "./workbook-view/use-reveal-active-cell";
import { useSheetCommands } from "./workbook-view/use-sheet-commands";
import { useWorkbookChange } from "./workbook-view/use-workbook-change";

/**
 * The fake workbook as a small Excel: sheet tabs, a grid of the active sheet with the selection, a name box and a
 * formula bar. Clicks, keys and typed values go through `store.run` like the add-in's own calls, so the fake
 * decides (a protected sheet refuses) and every view of the workbook redraws.
 *
 * For end-to-end tests: tabs are `[role=tab][data-sheet="Koond"]`, cells `[role=gridcell][data-cell="G12"]`
 * (with `aria-selected` and, for formulas, `data-formula`), the editor `[data-testid=cell-editor]`, refusals
 * `[role=alert]`.
 */

export interface WorkbookViewProps {
  store: PreviewWorkbook;
  /** How much of a sheet to draw; the rest is counted in the status line. Default 300 rows × 30 columns. */
  limits?: GridLimits;
}

/** Wires the grid's parts together; each part is in workbook-view/. */
export function WorkbookView({ store, limits = DEFAULT_LIMITS }: WorkbookViewProps) {
  const styles = useStyles();
  const baseId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  /** Set when the grid itself moves the selection, so that the new cell takes the focus (a goTo from the pane must not). */
  const focusGrid = useRef(false);
  const sheet = useActiveSheet(store, limits);
  const { message, dismissMessage, change } = useWorkbookChange(store);
  const editor = useCellEditing({ sheet, change, focusGrid, tableRef });
  const commands = useSheetCommands({ sheet, change, focusGrid, editor });
  useRevealActiveCell({ sheet, tableRef, scrollerRef, focusGrid });

  const { visibleSheets, active, selection, view, activeCell } = sheet;
  const tabId = (index: number) => `${baseId}-tab-${index}`;
  const activeIndex = visibleSheets.findIndex((candidate) => candidate.id === active?.id);

  return (
    <div className={styles.root}>
      <FormulaBar selection={selection} activeCell={activeCell} />
      {message && <GridMessage message={message} onDismiss={dismissMessage} />}
      <div
        ref={scrollerRef}
        className={styles.scroller}
        role="tabpanel"
        aria-labelledby={activeIndex >= 0 ? tabId(activeIndex) : undefined}
      >
        {view ? (
          <SheetGrid
            view={view}
            selection={selection}
            activeCell={activeCell}
            editor={editor}
            onCellClick={commands.clickCell}
            onKeyDown={gridKeyDownHandler(sheet, editor, commands)}
            tableRef={tableRef}
          />
        ) : (
          <p className={styles.empty}>Töövihikus pole ühtki nähtavat lehte.</p>
        )}
      </div>
      <div className={styles.bottom}>
        <SheetTabs sheets={visibleSheets} active={active} tabId={tabId} onActivate={commands.activate} />
        <div className={styles.status} data-testid="grid-status">
          {sheetStatus(view, Boolean(active?.protection))}
        </div>
      </div>
    </div>
  );
}
