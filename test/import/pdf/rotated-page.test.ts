import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { importPdf } from "../../../src/import/pdf";
import { ScheduleRow } from "../../../src/model/plan";

/**
 * A landscape page need not have a landscape media box: some producers print a portrait page turned by /Rotate 90
 * and draw its content turned back (text matrices of 90°). The importer must read it as it is seen. The PDF is
 * written here by hand (Helvetica, one of the 14 standard fonts, so nothing depends on the machine's fonts): the same
 * landscape page once as a plain landscape media box and once as a turned portrait one.
 */

const W = 842;
const H = 595;

/** A landscape page: text at (x, y) as seen, y up, and ruling lines. */
interface Drawing {
  texts: Array<[text: string, x: number, y: number, size: number]>;
  lines: Array<[x1: number, y1: number, x2: number, y2: number]>;
}

const COLUMNS = [40, 330, 440, 550, 650, 800];

function drawing(): Drawing {
  const texts: Drawing["texts"] = [
    ["Toetatava tegevuse tegevuskava perioodil 01.01.2025 \u2013 31.12.2025", 40, 550, 11],
    ["1. Elluviija tegevused: ELVL", 40, 520, 11],
    ["Tabel 1. Tegevuste ajakava", 40, 495, 11],
  ];
  // The header, its cells wrapped over several lines.
  const header = [
    ["Tegevus"],
    ["Tegevuse", "\u00fcldajaraam"],
    ["Tegevuse algus- ja", "l\u00f5ppkuup\u00e4ev", "tegevuskava", "perioodil"],
    ["Planeeritav", "maksumus", "2025. aastal"],
    ["Tegevuse eest", "vastutaja"],
  ];
  header.forEach((cell, column) => cell.forEach((text, i) => texts.push([text, COLUMNS[column] + 4, 470 - 11 * i, 9])));
  const rows = [
    [
      "Elluviija otsesed personalikulud",
      "01.01.2023 \u2013 31.10.2029",
      "01.01.2025 \u2013 31.12.2025",
      "119 582",
      "ELVL",
    ],
    [
      "3.5.1.1 KOV-ide tegevusplaanide koostamine",
      "01.01.2023 \u2013 31.10.2029",
      "01.01.2025 \u2013 31.12.2025",
      "0",
      "ELVL, partner",
    ],
  ];
  rows.forEach((row, r) =>
    row.forEach((text, column) => {
      // The amount right-aligned: Helvetica's digits and space are 0.556 and 0.278 em wide.
      const width = [...text].reduce((sum, char) => sum + (char === " " ? 0.278 : 0.556), 0) * 9;
      const x = column === 3 ? COLUMNS[4] - 4 - width : COLUMNS[column] + 4;
      texts.push([text, x, 410 - 25 * r, 9]);
    }),
  );
  const rules = [485, 425, 400, 375];
  const lines: Drawing["lines"] = [
    ...rules.map((y): [number, number, number, number] => [COLUMNS[0], y, COLUMNS[5], y]),
    ...COLUMNS.map((x): [number, number, number, number] => [x, rules[0], x, rules[rules.length - 1]]),
  ];
  return { texts, lines };
}

/** WinAnsi, which covers Estonian letters; the en dash is 0x96 there. */
const winAnsi = (text: string) =>
  Buffer.from([...text].map((char) => (char === "\u2013" ? 0x96 : char.charCodeAt(0)))).toString("latin1");
const pdfString = (text: string) => `(${winAnsi(text).replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A one-page PDF of `d`: landscape media box, or portrait turned by /Rotate 90 with the content turned back. */
function pdfBytes(d: Drawing, turned: boolean): Buffer {
  const body = [
    ...(turned ? [`q 0 1 -1 0 ${H} 0 cm`] : ["q"]),
    "0.5 w",
    ...d.lines.map(([x1, y1, x2, y2]) => `${x1} ${y1} m ${x2} ${y2} l S`),
    ...d.texts.map(([text, x, y, size]) => `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm ${pdfString(text)} Tj ET`),
    "Q",
  ].join("\n");
  const box = turned ? `[0 0 ${H} ${W}] /Rotate 90` : `[0 0 ${W} ${H}]`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox ${box} /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(body, "latin1")} >>\nstream\n${body}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const facts = (row: ScheduleRow) => [
  row.code,
  row.label,
  row.amount?.toFixed(2) ?? null,
  row.frameText,
  row.planText,
  row.responsible,
];

const EXPECTED = [
  [null, "Elluviija otsesed personalikulud", "119582.00", "01.01.2023 – 31.10.2029", "01.01.2025 – 31.12.2025", "ELVL"],
  [
    "3.5.1.1",
    "KOV-ide tegevusplaanide koostamine",
    "0.00",
    "01.01.2023 – 31.10.2029",
    "01.01.2025 – 31.12.2025",
    "ELVL, partner",
  ],
];

describe("a landscape page", () => {
  const flat = pdfBytes(drawing(), false);
  const turned = pdfBytes(drawing(), true);

  it("is seen the same by poppler whether its media box is landscape or portrait turned by /Rotate 90", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rotated-"));
    try {
      const text = (bytes: Buffer, name: string) => {
        const file = path.join(dir, name);
        writeFileSync(file, bytes);
        return spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout;
      };
      const seen = text(turned, "turned.pdf");
      expect(seen).toMatch(/Elluviija otsesed personalikulud\s+01\.01\.2023/);
      expect(seen.replace(/\s+/g, " ")).toEqual(text(flat, "flat.pdf").replace(/\s+/g, " "));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the same rows either way", async () => {
    for (const bytes of [flat, turned]) {
      const { plan } = await importPdf(new Uint8Array(bytes));
      expect(plan.planPeriod?.start.toIso()).toBe("2025-01-01");
      expect(plan.implementers.map((implementer) => implementer.name)).toEqual(["ELVL"]);
      expect(plan.implementers[0].rows.map(facts)).toEqual(EXPECTED);
    }
  });
});
