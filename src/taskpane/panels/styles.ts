import { makeStyles, tokens } from "@fluentui/react-components";

/** The layout every panel shares: a column of blocks, a row of buttons, right-aligned amounts. */
export const usePanelStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "center",
  },
  hint: { color: tokens.colorNeutralForeground3 },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  finding: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  // A table whose columns share the pane's width instead of growing to their inputs' default size (Seaded's
  // agreement periods at 320 px).
  fixedTable: { tableLayout: "fixed", width: "100%" },
  nameColumn: { width: "36%" },
  dateColumn: { width: "32%" },
  dateCell: { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS },
  fill: { width: "100%", minWidth: 0 },
  wrapping: { overflowWrap: "anywhere" },
  sums: { color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
});
