import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as http from "http";
import { tmpdir } from "os";
import * as path from "path";

interface Served {
  url: string;
  port: number;
  close(): Promise<void>;
}

// The script is plain CommonJS for Node, without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require("../../scripts/serve-preview.js") as {
  servePreview(options: { port?: number; root?: string }): Promise<Served>;
  parseArgs(argv: string[], env?: Record<string, string | undefined>): { port: number; build: boolean; mode: string };
  CSP: string;
};

/** A request with the path exactly as given: fetch() would resolve "..". */
function get(port: number, rawPath: string, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: rawPath, method }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("serve-preview", () => {
  let base: string;
  let served: Served;

  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), "serve-preview-"));
    const root = path.join(base, "preview");
    mkdirSync(path.join(root, "nested"), { recursive: true });
    writeFileSync(path.join(root, "index.html"), "<!doctype html><title>eelvaade</title>");
    writeFileSync(path.join(root, "preview.0123abcd.js"), "console.log(1);");
    writeFileSync(path.join(root, "nested", "data.json"), "{}");
    writeFileSync(path.join(base, "secret.txt"), "not for the browser");
    served = await script.servePreview({ port: 0, root });
  });

  afterAll(async () => {
    await served.close();
    rmSync(base, { recursive: true, force: true });
  });

  it("listens on the loopback interface, on a free port when asked for port 0", () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(served.port).toBeGreaterThan(0);
  });

  it("serves index.html for /, with the content security policy as a header", async () => {
    const response = await get(served.port, "/");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["content-security-policy"]).toBe(script.CSP);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.body).toContain("eelvaade");
  });

  it("serves files with their content types", async () => {
    const js = await get(served.port, "/preview.0123abcd.js");
    expect(js.status).toBe(200);
    expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    const json = await get(served.port, "/nested/data.json?v=1");
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    const head = await get(served.port, "/preview.0123abcd.js", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it("answers 404 for unknown paths and directories, and never leaves its root", async () => {
    for (const rawPath of [
      "/missing.js",
      "/nested",
      "/nested/",
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/nested/..%2f..%2fsecret.txt",
      "/..%5csecret.txt",
      "/%00",
      "/%E0%A4%A",
    ]) {
      const response = await get(served.port, rawPath);
      expect({ rawPath, status: response.status }).toEqual({ rawPath, status: 404 });
      expect(response.body).not.toContain("not for the browser");
    }
  });

  it("refuses other methods, and request targets that are no URL", async () => {
    expect((await get(served.port, "/", "POST")).status).toBe(405);
    expect((await get(served.port, "//[::1")).status).toBe(400);
  });

  it("sends the policy that the page's meta tag declares", () => {
    const html = readFileSync(path.resolve(__dirname, "../../src/preview/preview.html"), "utf8");
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(script.CSP);
  });

  it("reads the port from --port, --port=, PORT, in that order of precedence", () => {
    expect(script.parseArgs([], {}).port).toBe(3001);
    expect(script.parseArgs([], { PORT: "4000" }).port).toBe(4000);
    expect(script.parseArgs(["--port", "0"], { PORT: "4000" }).port).toBe(0);
    expect(script.parseArgs(["--port=5000", "--no-build"], {})).toEqual({
      port: 5000,
      build: false,
      mode: "production",
    });
    expect(() => script.parseArgs(["--port", "x"], {})).toThrow("Not a port");
    expect(() => script.parseArgs(["--verbose"], {})).toThrow("Unknown argument");
  });
});
