import fc from "fast-check";
import { lisa1DocxBytes } from "../../../src/annex/lisa1/docx";
import { readDocument } from "../../../src/app/read";
import { parseDirectiveText } from "../../../src/import/text";
import { fixtureText } from "../../helpers";
import { makeContainer } from "../container/containers";
import { ByteMutation, applyByteMutation, byteMutation, check, outcomeAsync, settings } from "./hostile";

/**
 * Containers made from the real directive's lisa 1 (Word and text inside, two signatures), then damaged byte by
 * byte: truncated, flipped, overwritten, inserted, deleted, duplicated. Reading one gives a plan, every row of which
 * is a row of the directive, or an ImportError with its message in both languages; never another error.
 */

jest.setTimeout(300_000);

let ORIGINAL: Uint8Array;
let STORED: Uint8Array;
const PLAN = parseDirectiveText(fixtureText()).plan;
const KNOWN = new Set(
  PLAN.implementers.flatMap((implementer) => implementer.rows.map((row) => `${row.code}|${row.amount?.toFixed(2)}`)),
);

beforeAll(async () => {
  const spec = {
    files: [
      { name: "lisa1.docx", bytes: await lisa1DocxBytes(PLAN) },
      { name: "kaaskiri.txt", bytes: "Saadame allkirjastatud käskkirja." },
    ],
    signatures: [
      {
        subject: [
          ["CN", "MAASIKAS,MARI,48001010000"],
          ["SN", "MAASIKAS"],
          ["GN", "MARI"],
        ] as Array<["CN" | "SN" | "GN", string]>,
        signingTime: "2025-03-25T08:15:30Z",
      },
      { subjectName: "CN=Kultuuriministeerium", signingTime: "2025-03-25T09:02:11Z" },
    ],
  };
  ORIGINAL = await makeContainer(spec);
  STORED = await makeContainer({ ...spec, compression: "STORE" });
});

async function checkRead(bytes: Uint8Array): Promise<void> {
  const result = await outcomeAsync(() => readDocument({ kind: "container", bytes, name: "leping.asice" }));
  if (!result) return;
  for (const implementer of result.plan.implementers) {
    for (const row of implementer.rows) {
      check(typeof row.line === "number" && row.line > 0, () => `a row without a place: ${JSON.stringify(row)}`);
    }
  }
  check(result.container !== undefined, () => "a container read without its description");
  check(
    result.diagnostics.every((diagnostic) => diagnostic.file === `leping.asice › ${result.container!.document}`),
    () => "a diagnostic that does not name the file inside the container",
  );
}

describe("damaged containers", () => {
  it("the undamaged ones read the directive's 134 rows", async () => {
    for (const bytes of [ORIGINAL, STORED]) {
      const result = await readDocument({ kind: "container", bytes, name: "leping.asice" });
      const rows = result.plan.implementers.flatMap((implementer) => implementer.rows);
      expect(rows).toHaveLength(134);
      expect(rows.every((row) => KNOWN.has(`${row.code}|${row.amount?.toFixed(2)}`))).toBe(true);
    }
  });

  it("give a plan or an ImportError, deflated or stored", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(byteMutation, { minLength: 1, maxLength: 3 }),
        async (stored, mutations) => {
          const bytes = mutations.reduce(
            (current: Uint8Array, mutation: ByteMutation) => applyByteMutation(current, mutation),
            stored ? STORED : ORIGINAL,
          );
          await checkRead(bytes);
        },
      ),
      settings(150),
    );
  });
});
