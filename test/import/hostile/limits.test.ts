import fc from "fast-check";
import {
  MAX_DOCX_BYTES,
  MAX_PDF_BYTES,
  MAX_TEXT_BYTES,
  MEGABYTE,
  fileSizeRefusal,
  formatSize,
  utf8Length,
} from "../../../src/import/limits";
import { settings } from "./hostile";

/**
 * The size limits' arithmetic: what a message says about a size, which limit a file falls under, and the UTF-8
 * length the text limit is counted in.
 */

/** The number a formatted size shows, in bytes (at the precision shown). */
function shownBytes(shown: string): number {
  const match = /^([\d ]+)(?:,(\d))? (MB|KB|baiti)$/.exec(shown);
  if (!match) throw new Error(`not a size: "${shown}"`);
  const value = Number(match[1].replace(/ /g, "")) + Number(match[2] ?? 0) / 10;
  return value * (match[3] === "MB" ? MEGABYTE : match[3] === "KB" ? 1024 : 1);
}

describe("sizes in messages", () => {
  it("are written as Estonian and English write them", () => {
    expect(formatSize(5 * MEGABYTE)).toEqual({ et: "5 MB", en: "5 MB" });
    expect(formatSize(5 * MEGABYTE + 1)).toEqual({ et: "5,1 MB", en: "5.1 MB" });
    expect(formatSize(20.25 * MEGABYTE)).toEqual({ et: "20,3 MB", en: "20.3 MB" });
    expect(formatSize(1500 * MEGABYTE)).toEqual({ et: "1 500 MB", en: "1,500 MB" });
    expect(formatSize(740 * 1024)).toEqual({ et: "740 KB", en: "740 KB" });
    expect(formatSize(12)).toEqual({ et: "12 baiti", en: "12 bytes" });
  });

  it("a size over a limit never reads as the limit or less, and is at most a tenth too high", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(MAX_TEXT_BYTES, MAX_DOCX_BYTES, MAX_PDF_BYTES),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (limit, over) => {
          const size = limit + over;
          const shown = shownBytes(formatSize(size).et);
          expect(shown).toBeGreaterThan(limit);
          expect(shown).toBeGreaterThanOrEqual(size);
          expect(shown - size).toBeLessThanOrEqual((size < MEGABYTE ? 1024 : MEGABYTE) / 10);
        },
      ),
      settings(3000),
    );
  });
});

describe("which limit a file falls under", () => {
  it.each([
    ["kaskkiri.txt", MAX_TEXT_BYTES, "5 MB"],
    ["KASKKIRI.TXT", MAX_TEXT_BYTES, "5 MB"],
    ["lisa1.docx", MAX_DOCX_BYTES, "20 MB"],
    ["Lisa1.DOCX", MAX_DOCX_BYTES, "20 MB"],
    ["lisa1.pdf", MAX_PDF_BYTES, "30 MB"],
    ["kiri", MAX_TEXT_BYTES, "5 MB"],
  ])("%s: refused over %d bytes, naming %s and the file", (name, limit, shown) => {
    expect(fileSizeRefusal(name, limit)).toBeNull();
    const refusal = fileSizeRefusal(name, limit + 1);
    expect(refusal?.message).toContain(`Fail „${name}“ on liiga suur:`);
    expect(refusal?.message).toContain(`suurim lubatud on ${shown}.`);
    expect(refusal?.messageEn).toContain(`The file "${name}" is too large:`);
  });
});

describe("the UTF-8 length the text limit is counted in", () => {
  it("is what Node encodes, lone surrogates as U+FFFD's three bytes", () => {
    const unit = fc.oneof(
      fc.string({ unit: "binary", maxLength: 50 }),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }), (parts) => {
        const text = parts.join("");
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
      settings(3000),
    );
  });
});
