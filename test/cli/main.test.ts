import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { FIXTURE_PATH } from "../helpers";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

describe("tat-budget parse", () => {
  it("prints the JSON shape of the issue", async () => {
    const { status, stdout } = await run("parse", FIXTURE_PATH, "--json");
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["planPeriod", "implementers", "indicators", "diagnostics"]);
    const tartu = json.implementers[1];
    expect(Object.keys(tartu)).toEqual(["name", "role", "tables", "partnership", "rows"]);
    expect(tartu).toMatchObject({
      name: "Tartu linn",
      role: "partner",
      tables: [9],
      partnership: { start: "2023-01-01", end: "2025-12-31" },
    });
    expect(tartu.rows[1]).toEqual({
      code: "3.5.2.1.1",
      label: "KOV-s elava sihtrühma kaasamine punktis 1.4 nimetatud eesmärki toetavasse tegevusse.",
      kind: "activity",
      amount: "5660.54",
      frame: { start: "2023-01-01", end: "2025-12-31" },
      plan: { start: "2025-01-01", end: "2025-12-31" },
      responsible: "Tartu linn",
      line: 250,
    });
    expect(json.implementers[0].rows[0]).toMatchObject({ code: null, kind: "personnel", amount: "119582.00" });
    expect(json.indicators[0]).toEqual({
      table: 2,
      name: "KOV koordinaatorite arv",
      unit: "Arv",
      target: "8",
      target2029: "7",
      explanation: expect.any(String),
    });
    expect(json.diagnostics).toEqual([]);
  });

  it("prints a readable summary with every implementer's declared total", async () => {
    const { status, stdout } = await run("parse", FIXTURE_PATH);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Tegevuskava periood: 01\.01\.2025 – 31\.12\.2025/);
    expect(stdout).toMatch(/Tartu linn\s+partner\s+9\s+15\s+93\u00a0988,53\s+01\.01\.2023 – 31\.12\.2025/);
    expect(stdout).toMatch(/Kohtla-Järve linn\s+partner\s+16\s+15\s+118\u00a0640,00\s+01\.01\.2025 – 31\.12\.2027/);
    expect(stdout).toMatch(/Kokku\s+134\s+1\u00a0266\u00a0860,75/);
    expect(stdout).toContain("Impordi teated: puuduvad");
  });

  it("speaks English when asked", async () => {
    const { stdout } = await run("parse", FIXTURE_PATH, "--lang", "en");
    expect(stdout).toMatch(/Total\s+134\s+1266860\.75/);
  });

  it("lists import diagnostics with their lines", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const file = path.join(dir, "garbled.txt");
    const { readFileSync } = await import("fs");
    writeFileSync(file, readFileSync(FIXTURE_PATH, "utf8").replace("5 660,54 Tartu linn", "5 66O,54 Tartu linn"));
    const { status, stdout } = await run("parse", file);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /Impordi teated \(1\):\n {2}\[error\] rida 250: Rea „3\.5\.2\.1\.1“ planeeritav maksumus „5 66O,54“/,
    );
  });

  it("refuses a text without schedules with exit status 2 and the reason", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const file = path.join(dir, "letter.txt");
    writeFileSync(file, "Tere!\nEelarve tuleb homme.\n");
    const { status, stderr } = await run("parse", file);
    expect(status).toBe(2);
    expect(stderr).toContain("Tegevuste ajakava");
  });

  it("refuses a missing file and a binary file", async () => {
    expect((await run("parse", "/no/such/file.txt")).stderr).toContain("faili ei leitud");
    const dir = mkdtempSync(path.join(tmpdir(), "tat-budget-"));
    const file = path.join(dir, "plan.xlsx");
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe]));
    const binary = await run("parse", file);
    expect([binary.status, binary.stderr]).toEqual([2, expect.stringContaining("ei ole UTF-8 tekstifail")]);
  });

  it("answers bad usage with status 2 and the usage", async () => {
    expect((await run("parse")).status).toBe(2);
    expect((await run("frobnicate")).status).toBe(2);
    expect((await run("parse", FIXTURE_PATH, "--lang", "fi")).status).toBe(2);
    const help = await run("--help");
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining("tat-budget parse")]);
  });
});

describe("tat-budget demo", () => {
  it("runs the main job on the bundled sample", async () => {
    const { status, stdout } = await run("demo");
    expect(status).toBe(0);
    expect(stdout).toContain("kaskkiri-2025-03-25-nr68.txt");
    expect(stdout).toMatch(/Kokku\s+134\s+1\u00a0266\u00a0860,75/);
  });
});
