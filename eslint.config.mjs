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
);
