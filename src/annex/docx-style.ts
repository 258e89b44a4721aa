import { BorderStyle } from "docx";

/** The page and table style lisa 1 and lisa 2 share in Word, so the two annexes look like one document set. */

// Twips (1/20 pt). A4 is 210 × 297 mm; 2 cm margins leave 170 mm for text (257 mm in landscape).
export const A4_WIDTH = 11906;
export const A4_HEIGHT = 16838;
export const MARGIN = 1134;
export const PORTRAIT_TEXT_WIDTH = A4_WIDTH - 2 * MARGIN;
export const LANDSCAPE_TEXT_WIDTH = A4_HEIGHT - 2 * MARGIN;

// Half-points, as docx's `size` takes them.
export const BODY_SIZE = 22;
export const TABLE_SIZE = 20;

export const FONT = "Times New Roman";
export const HEADER_FILL = "E7E6E6";
export const DASH = "\u2013";

export const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
export const ALL_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};
