import { MutableRefObject, RefObject, useEffect } from "react";
import type { ActiveSheet } from "./use-active-sheet";

interface RevealOptions {
  sheet: ActiveSheet;
  tableRef: RefObject<HTMLTableElement>;
  scrollerRef: RefObject<HTMLDivElement>;
  /** When set, the active cell also takes the focus (and this is reset). */
  focusGrid: MutableRefObject<boolean>;
}

/**
 * Scrolls the active cell into view whenever the selection moves, however it moved (the grid or the pane), and
 * with no selection back to the sheet's top left corner.
 */
export function useRevealActiveCell({ sheet, tableRef, scrollerRef, focusGrid }: RevealOptions): void {
  const { activeCell, selectionKey } = sheet;
  useEffect(() => {
    if (!activeCell) {
      scrollerRef.current?.scrollTo?.({ top: 0, left: 0 });
      return;
    }
    const element = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${activeCell.address}"]`);
    if (!element) return;
    // jsdom has no scrollIntoView.
    if (typeof element.scrollIntoView === "function") element.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (focusGrid.current) {
      focusGrid.current = false;
      element.focus({ preventScroll: true });
    }
  }, [selectionKey, activeCell?.address]);
}
