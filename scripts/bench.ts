// `npm run bench`: performance figures for the core, the content script in
// real Chromium and the shipped sizes, measured side by side in one run.
// Prints a table and writes bench-results.json.
// Usage: tsx scripts/bench.ts [--quick] [--no-browser] [--out=FILE]
//   --quick       tiny inputs and one repetition (a smoke run; < 60 s)
//   --no-browser  core throughput and sizes only
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { cpus, platform, release, tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { EXTENSION_DIR, findChromium } from "./lib/browser"
import { runBrowserBench, type BrowserResult } from "./lib/bench-browser"
import { runCoreBench } from "./lib/bench-core"
import { FULL_SIZES, generateInputs, QUICK_SIZES } from "./lib/bench-inputs"
import { checkTargets, renderReport, type BenchResult, type Machine } from "./lib/bench-report"
import { buildExists, measureSizes } from "./lib/bench-size"
import { serveDirectory } from "./lib/serve"

const root = resolve(import.meta.dirname, "..")
const args = process.argv.slice(2)
const quick = args.includes("--quick")
const noBrowser = args.includes("--no-browser")
const out = resolve(root, args.find((a) => a.startsWith("--out="))?.slice("--out=".length) ?? "bench-results.json")
const log = (line: string) => console.error(line)

function chromiumVersion(): string | null {
  try {
    const r = spawnSync(findChromium(), ["--version"], { encoding: "utf8", timeout: 20_000 })
    return r.stdout.trim().replace(/^\D+/, "") || null
  } catch {
    return null
  }
}

function ensureBuild() {
  if (buildExists(EXTENSION_DIR)) return
  log("No extension build found: running `npm run build` first.")
  const r = spawnSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] })
  if (r.status !== 0) throw new Error("npm run build failed")
}

// The core reads the generated lexicon. It is compiled only when missing: rewriting it
// here could hand a half-written file to tests running alongside (the smoke test).
const generated = ["lexicon.json", "dataset.json", "prefilter.json"].map((f) => join(root, "src/generated", f))
if (!generated.every((f) => existsSync(f))) {
  log("No compiled data found: running `npm run data` first.")
  const gen = spawnSync("npm", ["run", "--silent", "data"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] })
  if (gen.status !== 0) throw new Error("npm run data failed")
}
if (!noBrowser) ensureBuild()

const sizes = quick ? QUICK_SIZES : FULL_SIZES
const inputs = generateInputs(root, sizes)
log(`Generated ${inputs.length} inputs${quick ? " (quick)" : ""}.`)

// 1. Core throughput; the DOM page is a browser-only input.
const coreInputs = inputs.filter((i) => i.id !== "dom")
const coreReps = (i: { text: string }) => (quick ? 1 : i.text.length > 500_000 ? 3 : i.text.length > 50_000 ? 5 : 9)
const core = await runCoreBench(root, coreInputs, coreReps, log)

// 2. Content script in Chromium.
let browser: BrowserResult | null = null
if (!noBrowser) {
  const dir = mkdtempSync(join(tmpdir(), "track-record-bench-pages-"))
  try {
    mkdirSync(dir, { recursive: true })
    for (const i of inputs) writeFileSync(join(dir, `${i.id}.html`), i.html)
    const server = await serveDirectory(dir)
    try {
      browser = await runBrowserBench(
        server.origin,
        inputs.map((i) => ({ id: i.id, label: i.label, path: `${i.id}.html`, hasVendors: i.hasVendors })),
        quick ? 1 : 5,
        log,
        quick
      )
    } finally {
      await server.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// 3. Size.
const size = measureSizes(root, EXTENSION_DIR, quick ? 3 : 21)

const machine: Machine = {
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  cores: cpus().length,
  node: process.version,
  chromium: browser?.chromium ?? (noBrowser ? null : chromiumVersion()),
  platform: `${platform()} ${release()}`
}
const result: BenchResult = {
  date: new Date().toISOString(),
  quick,
  machine,
  inputs: inputs.map((i) => ({
    id: i.id,
    label: i.label,
    textKb: Buffer.byteLength(i.text) / 1024,
    htmlKb: Buffer.byteLength(i.html) / 1024,
    nodes: i.nodes,
    hasVendors: i.hasVendors
  })),
  core,
  browser,
  size,
  targets: checkTargets(core, browser, size)
}
writeFileSync(out, JSON.stringify(result, null, 2) + "\n")
console.log(renderReport(result))
console.log(`\nWrote ${out}`)
