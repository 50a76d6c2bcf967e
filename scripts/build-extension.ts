// Builds the extension for Chrome and Firefox (MV3) and zips both.
// Plasmo builds the popup, options, collection page, service worker and the
// tiny page loader; esbuild builds the full in-page detector (`app.js`), which
// the service worker injects only into pages where the loader found a vendor
// name or claim cue. Usage: tsx scripts/build-extension.ts [--target=chrome-mv3|firefox-mv3] [--no-zip]
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync, statSync } from "node:fs"
import { resolve } from "node:path"

import { build } from "esbuild"

const root = resolve(import.meta.dirname, "..")
const args = process.argv.slice(2)
const only = args.find((a) => a.startsWith("--target="))?.slice("--target=".length)
const targets = only ? [only] : ["chrome-mv3", "firefox-mv3"]
const zip = !args.includes("--no-zip")

function run(command: string, commandArgs: string[]) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } })
  // A failed Plasmo build can leave a partial build folder: trust the exit code only.
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(" ")} failed (exit ${result.status})`)
}

const plasmo = resolve(root, "node_modules/.bin/plasmo")

export async function buildDetector(outfile: string, browserTarget: string) {
  await build({
    entryPoints: [resolve(root, "src/app/index.tsx")],
    outfile,
    bundle: true,
    format: "iife",
    minify: true,
    legalComments: "none",
    target: browserTarget === "firefox-mv3" ? ["firefox128"] : ["chrome120"],
    jsx: "automatic",
    jsxImportSource: "preact",
    loader: { ".css": "text" },
    define: { "process.env.NODE_ENV": '"production"' },
    alias: { react: "preact/compat", "react-dom": "preact/compat" },
    plugins: [
      {
        name: "plasmo-tilde",
        setup(b) {
          // "~core/x" means src/core/x, as in Plasmo and vitest.
          b.onResolve({ filter: /^~[^/]/ }, async (a) =>
            b.resolve("./" + a.path.slice(1), { resolveDir: resolve(root, "src"), kind: a.kind })
          )
        }
      }
    ],
    logLevel: "warning"
  })
}

async function main() {
  for (const target of targets) await buildTarget(target)
}

async function buildTarget(target: string) {
  const started = Date.now()
  run(plasmo, ["build", `--target=${target}`])
  const dir = resolve(root, `build/${target}-prod`)
  await buildDetector(resolve(dir, "app.js"), target)
  const manifest = JSON.parse(readFileSync(resolve(dir, "manifest.json"), "utf8"))
  if (!manifest.background || !manifest.content_scripts?.length || !manifest.action?.default_popup)
    throw new Error(`${target}: manifest lacks the service worker, content script or popup`)
  if (zip) run(plasmo, ["package", `--target=${target}`])
  const size = (f: string) => (existsSync(f) ? `${(statSync(f).size / 1024).toFixed(0)} KB` : "-")
  console.error(
    `built ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s · app.js ${size(resolve(dir, "app.js"))}` +
      (zip ? ` · zip ${size(resolve(root, `build/${target}-prod.zip`))}` : "")
  )
}

// Importable (the benchmark rebuilds app.js with marks) without running the build.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main()
