#!/usr/bin/env node
/**
 * `npm run preview`: builds the preview (the task pane beside the Excel fake, see src/preview/) and serves it on
 * http://127.0.0.1:3001/ until Ctrl-C. Plain http on the loopback interface only: the page holds nothing but the
 * bundle, and the workbook lives in the browser.
 *
 *   node scripts/serve-preview.js [--port N] [--no-build] [--dev]
 *
 * --port N (or PORT; 0 picks a free port), --no-build serves dist/preview/ as it is, --dev builds unminified.
 * The end-to-end tests start it in-process: `const { url, close } = await servePreview({ port: 0 })`.
 */
const fs = require("fs");
const http = require("http");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "dist", "preview");
const DEFAULT_PORT = 3001;

/** The same policy as the meta tag in src/preview/preview.html (the tests compare them). */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** Builds dist/preview/ with the project's webpack config; resolves with webpack's stats, rejects on errors. */
async function buildPreview({ mode = "production" } = {}) {
  // Loaded here, not at the top: `--no-build` and the tests that only serve need no webpack.
  const webpack = require("webpack");
  const config = await require("../webpack.config.js")({ preview: true }, { mode });
  const compiler = webpack(config);
  const stats = await new Promise((resolve, reject) => {
    compiler.run((error, result) => {
      compiler.close((closeError) => {
        if (error || closeError) reject(error || closeError);
        else resolve(result);
      });
    });
  });
  if (stats.hasErrors()) {
    throw new Error(`The preview did not build:\n${stats.toString({ all: false, errors: true, colors: false })}`);
  }
  return stats;
}

/** The file under `root` for a request path, or null when it does not name one inside it. */
function resolvePath(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const relative = decoded === "/" ? "index.html" : `.${decoded}`;
  const file = path.resolve(root, relative);
  // Resolving takes "..", encoded or not, out of the path: what is left must still be inside the root.
  return file.startsWith(root + path.sep) ? file : null;
}

function send(response, status, text, headers = {}) {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  response.end(text);
}

function handler(root) {
  return (request, response) => {
    const common = {
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      // Hashed file names make stale bundles impossible; no-cache only makes the browser ask for index.html again.
      "Cache-Control": "no-cache",
    };
    if (request.method !== "GET" && request.method !== "HEAD") {
      send(response, 405, "Method not allowed\n", { ...common, Allow: "GET, HEAD" });
      return;
    }
    let pathname;
    try {
      // A request line like "//[::1" is no URL at all: refused rather than thrown, which would stop the server.
      ({ pathname } = new URL(request.url || "/", "http://localhost"));
    } catch {
      send(response, 400, "Bad request\n", common);
      return;
    }
    const file = resolvePath(root, pathname);
    const notFound = () => send(response, 404, "Not found\n", common);
    if (!file) {
      notFound();
      return;
    }
    fs.stat(file, (error, stats) => {
      if (error || !stats.isFile()) {
        notFound();
        return;
      }
      response.writeHead(200, {
        ...common,
        "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": stats.size,
      });
      if (request.method === "HEAD") {
        response.end();
        return;
      }
      fs.createReadStream(file)
        .on("error", () => response.destroy())
        .pipe(response);
    });
  };
}

/**
 * Serves the built preview on 127.0.0.1. Resolves once listening with the URL (the real port when `port` is 0)
 * and `close()`, which also ends open keep-alive connections so that tests can exit.
 */
function servePreview({ port = DEFAULT_PORT, root = ROOT } = {}) {
  const resolvedRoot = path.resolve(root);
  const server = http.createServer(handler(resolvedRoot));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const { port: actual } = server.address();
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        server,
        close: () =>
          new Promise((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** --port N, --port=N, PORT; 0 is allowed. */
function parseArgs(argv, env = process.env) {
  const options = { port: DEFAULT_PORT, build: true, mode: "production" };
  if (env.PORT !== undefined && env.PORT !== "") options.port = env.PORT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--no-build") options.build = false;
    else if (arg === "--dev") options.mode = "development";
    else if (arg === "--port") options.port = argv[++i];
    else if (arg.startsWith("--port=")) options.port = arg.slice("--port=".length);
    else
      throw new Error(`Unknown argument ${arg}. Usage: node scripts/serve-preview.js [--port N] [--no-build] [--dev]`);
  }
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${options.port}`);
  return { ...options, port };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) {
    console.log(`Building the preview (${options.mode}) …`);
    const stats = await buildPreview({ mode: options.mode });
    const { time } = stats.toJson({ all: false, timings: true });
    if (stats.hasWarnings()) console.warn(stats.toString({ all: false, warnings: true, colors: false }));
    console.log(`Built dist/preview/ in ${(time / 1000).toFixed(1)} s.`);
  } else if (!fs.existsSync(path.join(ROOT, "index.html"))) {
    throw new Error("dist/preview/index.html is missing: run without --no-build first.");
  }
  const { url, close } = await servePreview({ port: options.port });
  console.log(`Preview: ${url}  (Ctrl-C stops)`);
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

module.exports = { buildPreview, servePreview, parseArgs, resolvePath, CSP, ROOT };
