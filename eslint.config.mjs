// Flat ESLint config. The layer rules mirror the folder table in README.md:
// src/core is pure (no DOM, no browser or Node APIs), src/dom never touches
// extension APIs, and no code builds HTML from strings.
import js from "@eslint/js"
import globals from "globals"
import tseslint from "typescript-eslint"

const htmlStringBans = [
  { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML|srcdoc)$/]", message: "Build nodes with Preact or createElement + textContent; never HTML strings." },
  { selector: "MemberExpression[computed=true][property.value=/^(innerHTML|outerHTML|srcdoc)$/]", message: "Build nodes with Preact or createElement + textContent; never HTML strings." },
  { selector: "CallExpression[callee.property.name=/^(createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe|writeln)$/]", message: "Never parse or write HTML strings." },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "Never insert HTML strings." },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Never render HTML strings." },
  { selector: "CallExpression[callee.name='eval']", message: "No eval." },
  { selector: "NewExpression[callee.name='Function']", message: "No new Function." },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: "No document.write." }
]

const browserOnlyGlobals = ["window", "document", "navigator", "location", "chrome", "browser", "localStorage", "sessionStorage", "fetch", "XMLHttpRequest", "process", "require", "Buffer"]

export default tseslint.config(
  { ignores: ["node_modules/", "build/", ".plasmo/", "src/generated/", "test/e2e/out/", "**/*.min.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      "no-restricted-syntax": ["error", ...htmlStringBans],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }]
    }
  },
  {
    files: ["src/core/**/*.ts"],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      "no-restricted-globals": ["error", ...browserOnlyGlobals],
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["node:*", "fs", "path", "os", "url"], message: "src/core runs in the browser too: no Node APIs." },
          { group: ["preact", "preact/*", "react", "react-dom", "@plasmohq/*", "webextension-polyfill"], message: "src/core is UI- and browser-free." },
          { group: ["~dom/*", "~lib/*", "~components/*", "~background/*", "~contents/*", "~popup/*", "~options/*", "~tabs/*", "~app/*", "~cli/*", "../dom/*", "../lib/*", "../cli/*"], message: "src/core may import only core, generated data and compromise." }
        ]
      }]
    }
  },
  {
    files: ["src/dom/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "chrome", "browser"],
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["@plasmohq/*", "webextension-polyfill", "~lib/*", "../lib/*"], message: "src/dom and src/cli never use extension APIs." }]
      }]
    }
  }
)
