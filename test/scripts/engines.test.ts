import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";
import * as semver from "semver";

/**
 * package.json's `engines` promises Node >=20 (the README's set-up says so too). Every package the add-in and the
 * CLI ship (`npm ls --omit=dev`) must accept the oldest Node that promise allows, or `npm ci` warns (EBADENGINE) and
 * the package may not run there: docx 9.15's nanoid 6 wanted Node 22, hence the override to 5.x in package.json.
 */
const ROOT = path.resolve(__dirname, "..", "..");

function productionPackageDirs(): string[] {
  const options = {
    cwd: ROOT,
    encoding: "utf8" as const,
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"] as const,
  };
  let listing: string;
  try {
    listing = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], {
      ...options,
      stdio: [...options.stdio],
    });
  } catch (error) {
    // npm ls exits 1 on peer-dependency warnings while still printing the tree.
    listing = String((error as { stdout?: unknown }).stdout ?? "");
  }
  return listing.split("\n").filter((line) => line.includes("node_modules"));
}

describe("Node engines of the production dependencies", () => {
  it("every one accepts the oldest Node that package.json's engines allows", () => {
    const ours = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).engines.node as string;
    const oldest = semver.minVersion(ours);
    expect(oldest?.version).toBe("20.0.0");
    const dirs = productionPackageDirs();
    expect(dirs.length).toBeGreaterThan(100);
    const refusing = dirs.flatMap((dir) => {
      const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name: string;
        version: string;
        engines?: { node?: string };
      };
      const wanted = manifest.engines?.node;
      if (!wanted || !semver.validRange(wanted)) return [];
      // Any Node 20 release will do: some packages ask for a later 20.x than 20.0.0.
      return semver.intersects(wanted, "^20") ? [] : [`${manifest.name}@${manifest.version} wants node ${wanted}`];
    });
    expect(refusing).toEqual([]);
  });
});
