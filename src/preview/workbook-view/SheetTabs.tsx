import { mergeClasses } from "@fluentui/react-components";
import { LockClosed12Regular } from "@fluentui/react-icons";
import { KeyboardEvent, useRef } from "react";
import { useStyles } from "./styles";
import type { Sheet } from "./use-active-sheet";

interface SheetTabsProps {
  /** The visible sheets, in the workbook's order. */
  sheets: Sheet[];
  active: Sheet | undefined;
  /** The id of the tab at an index, which the grid's tabpanel is labelled by. */
  tabId(index: number): string;
  onActivate(sheet: string): void;
}

/** The sheet tabs below the grid: a click or the left and right arrows (round the ends) open a sheet. */
export function SheetTabs({ sheets, active, tabId, onActivate }: SheetTabsProps) {
  const styles = useStyles();
  const tabsRef = useRef<HTMLDivElement>(null);

  const onTabKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + sheets.length) % sheets.length;
    onActivate(sheets[next].name);
    tabsRef.current?.querySelectorAll<HTMLElement>("[role=tab]")[next]?.focus();
  };

  return (
    <div className={styles.tabs} role="tablist" aria-label="Lehed" ref={tabsRef}>
      {sheets.map((sheet, index) => {
        const selected = sheet.id === active?.id;
        return (
          <button
            key={sheet.id}
            id={tabId(index)}
            type="button"
            role="tab"
            data-sheet={sheet.name}
            data-protected={sheet.protection ? "true" : undefined}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            className={mergeClasses(styles.tab, selected && styles.tabActive)}
            title={sheet.protection ? `${sheet.name} (kaitstud)` : undefined}
            onClick={() => onActivate(sheet.name)}
            onKeyDown={(event) => onTabKeyDown(event, index)}
          >
            {sheet.protection && <LockClosed12Regular aria-label="kaitstud" />}
            {sheet.name}
          </button>
        );
      })}
    </div>
  );
}
