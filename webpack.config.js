/**
 * Builds the Excel add-in (task pane + ribbon commands) into dist/web/. dist/node/ belongs to the CLI build.
 *
 *   npx webpack --mode production    production URLs (TAT_BUDGET_URL) in dist/web/manifest.xml
 *   npx webpack --mode development   manifest as in the repo (https://localhost:3000/)
 *   npx webpack serve --mode development   https://localhost:3000/ with office-addin-dev-certs certificates
 *   npx webpack --mode production --env preview   the preview without Excel (task pane + Excel fake) into dist/preview/
 *
 * Office.js is not bundled: the HTML pages load it from Microsoft's CDN.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const URL_DEV = "https://localhost:3000/";
const URL_PROD_DEFAULT = "https://tat-budget.example.ee/";

/**
 * The Content-Security-Policy of the add-in's pages (taskpane.html, commands.html, notice.html, save.html, selftest.html), the
 * one place it is
 * written: each page's template puts it in a <meta> tag at the top of its <head> (`htmlWebpackPlugin.options.csp`).
 * test/security/ checks the built pages carry it, and test/e2e/addin-security.e2e.test.ts runs them under it.
 *
 * - script-src: the bundles, and Office.js from Microsoft's CDN. office.js loads the rest of itself from its own
 *   folder there (the host's excel-web-16.00.js / excel-win32-16.01.js, <locale>/office_strings.js, the telemetry
 *   scripts telemetry/oteljs_agave.js and ariatelemetry/*), so the host, not the path, is allowed. Not
 *   ajax.aspnetcdn.com: office.js fetches MicrosoftAjax.js from there for Outlook only. No 'unsafe-eval': nothing
 *   the pane runs needs it (pdf.js is told isEvalSupported: false).
 * - worker-src: pdf.js' worker, emitted beside the pages; without it workers would fall back to script-src and
 *   could come from the CDN too.
 * - style-src 'unsafe-inline': Fluent UI's Griffel inserts its rules at run time, and Office.js on the web sets
 *   inline styles (OfficeDev/office-js#1687); notice.html has a <style> block.
 * - connect-src 'self': the pane fetches nothing. Office.js' own telemetry beacons (browser.pipe.aria.microsoft.com)
 *   are refused on purpose: the add-in works without them, and the pane sends nothing anywhere.
 * - No frame-ancestors: browsers ignore it in a <meta> (and Office frames the pane from hosts that change); a
 *   server that wants it sends it as a header.
 */
const ADDIN_CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
// Written into an attribute as it is: nothing in it may need escaping.
if (/["<>&]/.test(ADDIN_CSP)) throw new Error('ADDIN_CSP must not contain ", <, > or &');

/** The production base URL from TAT_BUDGET_URL, always https and with a trailing slash. */
function productionUrl() {
  const raw = (process.env.TAT_BUDGET_URL || URL_PROD_DEFAULT).trim();
  const url = new URL(raw); // throws on a malformed value
  if (url.protocol !== "https:") {
    throw new Error(`TAT_BUDGET_URL must be an https URL (Office add-ins are served over https), got ${raw}`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Certificates for the dev server: office-addin-dev-certs creates them and trusts its CA on first use. */
async function getHttpsOptions() {
  // Loaded lazily: only `webpack serve` needs the certificates.
  const devCerts = require("office-addin-dev-certs");
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (err) {
    // E.g. Linux without sudo: the certificates were generated but the CA could not be added to the trust store.
    const files = require("office-addin-dev-certs/lib/defaults");
    const paths = [files.caCertificatePath, files.localhostCertificatePath, files.localhostKeyPath];
    if (!paths.every((file) => fs.existsSync(file))) throw err;
    console.warn(
      `${String(err && err.message).split("\n")[0]}\n` +
        `Serving with the generated certificates anyway; trust ${files.caCertificatePath} by hand if Office refuses the pane.`,
    );
    const [ca, cert, key] = paths.map((file) => fs.readFileSync(file));
    return { ca, key, cert };
  }
}

/**
 * pdf.js parses PDFs in a worker in the browser; the PDF importer looks for it beside the page. Emitted by a plugin
 * of a few lines rather than copy-webpack-plugin, whose dynamic import() cannot run inside jest (the end-to-end
 * test builds the preview in-process).
 */
class PdfWorkerPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    const file = require.resolve("pdfjs-dist/legacy/build/pdf.worker.min.js");
    compiler.hooks.thisCompilation.tap("PdfWorkerPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "PdfWorkerPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => compilation.emitAsset("pdf.worker.min.js", new sources.RawSource(fs.readFileSync(file))),
      );
    });
  }
}

/** Rules shared by the add-in and the preview. */
function moduleRules() {
  return [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: {
        loader: "ts-loader",
        options: {
          configFile: path.resolve(__dirname, "tsconfig.json"),
          // Type-check only what the bundles import (tsconfig.json also covers the CLI and the tests) ...
          onlyCompileBundledFiles: true,
          // ... and emit ES modules so that webpack can tree-shake Fluent UI; tsconfig.json stays CommonJS.
          compilerOptions: { module: "es2020", moduleResolution: "node", noEmit: false },
        },
      },
    },
    // The bundled sample directive, as text, for the preview.
    { test: /\.txt$/, type: "asset/source" },
  ];
}

/**
 * The preview: the task pane beside an in-browser workbook (the Excel fake), served over plain http by
 * `npm run preview` and driven by the end-to-end tests. No Office.js, no certificates.
 */
function previewConfig(dev) {
  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: { preview: "./src/preview/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist/preview"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: moduleRules() },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/preview/preview.html" }),
      new PdfWorkerPlugin(),
    ],
    performance: { hints: false },
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  if (env.preview) return previewConfig(dev);
  const urlProd = dev ? URL_DEV : productionUrl();

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notice: "./src/commands/notice.ts",
      // Opened in the system browser where the pane cannot download (Excel for Mac, iPad); loads no office.js.
      save: "./src/save/save.ts",
      selftest: "./src/selftest/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: { rules: moduleRules() },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        csp: ADDIN_CSP,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        csp: ADDIN_CSP,
      }),
      new PdfWorkerPlugin(),
      new HtmlWebpackPlugin({
        filename: "notice.html",
        template: "./src/commands/notice.html",
        chunks: ["notice"],
        csp: ADDIN_CSP,
      }),
      new HtmlWebpackPlugin({
        filename: "save.html",
        template: "./src/save/save.html",
        chunks: ["save"],
        csp: ADDIN_CSP,
      }),
      // Reached from the pane's Seaded tab (the pane navigates to it), not from the manifest.
      new HtmlWebpackPlugin({
        filename: "selftest.html",
        template: "./src/selftest/selftest.html",
        chunks: ["selftest"],
        csp: ADDIN_CSP,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(URL_DEV).join(urlProd);
            },
          },
        ],
      }),
    ],
    performance: {
      // React + Fluent UI make a ~0.3 MB (minified) task pane bundle, loaded once and cached by Office.
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
    devServer: {
      port: 3000,
      static: false, // everything is served from the build (assets and manifest via CopyWebpackPlugin)
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        // `webpack build` loads this file too: only create/read the certificates when actually serving.
        options: env.WEBPACK_SERVE ? await getHttpsOptions() : {},
      },
    },
  };
};

module.exports.ADDIN_CSP = ADDIN_CSP;
