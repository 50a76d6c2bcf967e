// The CLI needs src/generated/*.json (built by `npm run data`). A fresh clone
// after `npm ci` has none, so the first scan builds it.

import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

import type { Writer } from "./io"

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..")
export const GENERATED_FILES = ["src/generated/lexicon.json", "src/generated/dataset.json"]

export function generatedDataPresent(root = repoRoot): boolean {
  return GENERATED_FILES.every((file) => existsSync(join(root, file)))
}

/** Runs the data build if its output is missing. Its output goes to `log` (stderr), never to stdout. */
export function ensureGeneratedData(log: Writer, root = repoRoot): boolean {
  if (generatedDataPresent(root)) return true
  log.write("scan: generated data is missing; running the data build (npm run data) first\n")
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-data.ts"], {
    cwd: root,
    encoding: "utf8"
  })
  if (run.stdout) log.write(run.stdout)
  if (run.stderr) log.write(run.stderr)
  if (run.error || run.status !== 0 || !generatedDataPresent(root)) {
    log.write(`scan: the data build failed${run.error ? `: ${run.error.message}` : ""}; run "npm run data" to see why\n`)
    return false
  }
  return true
}
