// ESLint 9 flat config.
//
// - eslint-plugin-office-addins' flat "react" config: eslint:recommended, eslint-config-prettier, the React rules and
//   the Office.js rules. Its own block only covers js/ts files, so the Office.js rules are repeated for tsx below.
// - typescript-eslint's recommended rules for TypeScript files.
// - Formatting is checked by `prettier --check .` (see `npm run lint`), not through ESLint.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const TS_FILES = ["**/*.{ts,tsx,mts,cts}"];

/** Node's globals for the CommonJS scripts (webpack/jest configs, bin/, scripts/); kept here to avoid a dependency. */
const nodeGlobals = Object.fromEntries(
  [
    "Buffer",
    "URL",
    "URLSearchParams",
    "TextDecoder",
    "TextEncoder",
    "__dirname",
    "__filename",
    "clearImmediate",
    "clearInterval",
    "clearTimeout",
    "console",
    "exports",
    "globalThis",
    "module",
    "process",
    "queueMicrotask",
    "require",
    "setImmediate",
    "setInterval",
    "setTimeout",
    "structuredClone",
  ].map((name) => [name, "readonly"]),
);

/**
 * The folders of src/ depend one way: document → model → analysis → sheets and annexes → use cases → entries.
 *
 *   model                        imports nothing of ours
 *   import, checks, annex        build on model (annex may use the checks' types)
 *   workbook                     on model and annex's sheet models
 *   app                          on all of those
 *   taskpane, commands, cli,     on app, their own UI modules, and the workbook adapter each binds (office, fake,
 *   preview, selftest            xlsx); the preview embeds the pane, the ribbon command shares its language setting,
 *                                the self-test runs the office adapter's probes
 *   save                         save.html, opened in the system browser: its own modules and model only; the pane
 *                                uses its fragment codec to write the address the page reads
 *
 * Imports inside src/ are relative, so a folder is named by the "../" that leaves the importing file's folder.
 */
const LAYERS = [
  "model",
  "import",
  "checks",
  "annex",
  "workbook",
  "app",
  "taskpane",
  "commands",
  "cli",
  "preview",
  "save",
  "selftest",
];
const leavingTo = (folders) => `^(\\.\\./)+(${folders.join("|")})(/|$)`;
const layerRule = (folder, forbidden, extra = []) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...(forbidden.length
            ? [
                {
                  regex: leavingTo(forbidden),
                  message: `src/${folder} must not depend on these folders (see eslint.config.mjs).`,
                },
              ]
            : []),
          ...extra,
        ],
      },
    ],
  },
});
const except = (...allowed) => LAYERS.filter((folder) => !allowed.includes(folder));
/** The workbook's internals, for an entry: only the adapter it binds. */
const workbookExcept = (...adapters) => ({
  regex: `^(\\.\\./)+workbook(/(?!(${adapters.join("|")})(/|$))|$)`,
  message: "An entry reaches the workbook only through src/app and the adapter it binds.",
});
const entryBase = ["model", "import", "checks", "annex", "cli", "commands", "taskpane", "preview", "save", "selftest"];
const layerRules = [
  {
    files: ["src/model/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^\\.\\./", message: "src/model imports nothing of ours outside itself." }] },
      ],
    },
  },
  layerRule("import", except("model", "import")),
  layerRule("checks", except("model", "checks")),
  layerRule("annex", except("model", "annex", "checks")),
  {
    // The checks' types only: lisa 2 lists the analysis' errors; it never runs the checks itself.
    files: ["src/annex/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/checks", "**/checks/**"],
              allowTypeImports: true,
              message: "annex uses the checks' types only.",
            },
          ],
        },
      ],
    },
  },
  layerRule("workbook", except("model", "annex", "workbook")),
  layerRule("app", except("model", "import", "checks", "annex", "workbook", "app")),
  layerRule(
    "taskpane",
    entryBase.filter((folder) => folder !== "taskpane" && folder !== "save"),
    [workbookExcept("office")],
  ),
  layerRule(
    "commands",
    entryBase.filter((folder) => folder !== "commands" && folder !== "taskpane"),
    [workbookExcept("office")],
  ),
  layerRule(
    "preview",
    entryBase.filter((folder) => folder !== "preview" && folder !== "taskpane"),
    [workbookExcept("office", "fake")],
  ),
  // The self-test page: the Office adapter's probes and the app's types, nothing else of ours.
  layerRule(
    "selftest",
    entryBase.filter((folder) => folder !== "selftest"),
    [workbookExcept("office")],
  ),
  layerRule(
    "cli",
    entryBase.filter((folder) => folder !== "cli"),
    [workbookExcept("xlsx")],
  ),
  layerRule("save", except("model", "save")),
];

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/"] },

  ...officeAddins.configs.react,

  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? TS_FILES })),
  {
    // typescript-eslint 8.8 (pinned by eslint-plugin-office-addins) crashes on ESLint >= 9.15 unless this rule gets
    // its options spelled out (typescript-eslint issue #10342); these are the rule's defaults.
    files: TS_FILES,
    rules: {
      "@typescript-eslint/no-unused-expressions": [
        "error",
        { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false, enforceForJSX: false },
      ],
    },
  },

  {
    // The plugin pins ecmaVersion 6, which hides newer built-in globals; prettier runs on its own.
    languageOptions: { ecmaVersion: "latest" },
    rules: { "prettier/prettier": "off" },
  },

  {
    files: TS_FILES,
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tseslint.parser, sourceType: "module" },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },

  {
    // React 17+ JSX transform (tsconfig "jsx": "react-jsx"); props are typed by TypeScript.
    files: ["**/*.{jsx,tsx}"],
    rules: {
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      "react/prop-types": "off",
    },
  },

  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: nodeGlobals },
  },

  ...layerRules,
);
