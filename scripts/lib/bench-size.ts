// What the extension ships and injects: file sizes (raw and gzipped) and the
// time to parse the bundled dataset.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join, resolve } from "node:path"
import { gzipSync } from "node:zlib"

import { median } from "./bench-stats"

export interface SizedFile {
  name: string
  path: string
  bytes: number
  gzipBytes: number
}

export interface SizeResult {
  files: SizedFile[]
  /** Bytes of script a page without any vendor gets (the loader only). */
  noVendorInjectedBytes: number
  /** Bytes of script a page with vendors gets (loader + app.js). */
  vendorInjectedBytes: number
  datasetParseMs: number
  /** Regex source of the prefilter as shipped, in characters. */
  prefilterChars: number
}

function sized(name: string, path: string): SizedFile | null {
  if (!existsSync(path)) return null
  const body = readFileSync(path)
  return { name, path, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length }
}

const findOne = (dir: string, re: RegExp): string | null => {
  if (!existsSync(dir)) return null
  const hit = readdirSync(dir).find((f) => re.test(f))
  return hit ? join(dir, hit) : null
}

export function measureSizes(root: string, buildDir: string, parseReps: number): SizeResult {
  const gen = resolve(root, "src/generated")
  const entries: [string, string | null][] = [
    ["loader (every page)", findOne(buildDir, /^loader\..*\.js$/)],
    ["app.js (pages with a hit)", join(buildDir, "app.js")],
    ["popup script", findOne(buildDir, /^popup\..*\.js$/)],
    ["background worker", join(buildDir, "static/background/index.js")],
    ["dataset.json", join(gen, "dataset.json")],
    ["lexicon.json", join(gen, "lexicon.json")],
    ["prefilter.json", join(gen, "prefilter.json")]
  ]
  const files = entries.flatMap(([name, path]) => {
    const f = path ? sized(name, path) : null
    return f ? [f] : []
  })
  const bytesOf = (prefix: string) => files.find((f) => f.name.startsWith(prefix))?.bytes ?? 0
  const datasetPath = join(gen, "dataset.json")
  const raw = existsSync(datasetPath) ? readFileSync(datasetPath, "utf8") : "{}"
  const times: number[] = []
  for (let i = 0; i < parseReps; i++) {
    const t = performance.now()
    JSON.parse(raw)
    times.push(performance.now() - t)
  }
  const prefilterPath = join(gen, "prefilter.json")
  const prefilter = existsSync(prefilterPath) ? (JSON.parse(readFileSync(prefilterPath, "utf8")) as { source?: string }) : {}
  return {
    files,
    noVendorInjectedBytes: bytesOf("loader"),
    vendorInjectedBytes: bytesOf("loader") + bytesOf("app.js"),
    datasetParseMs: median(times),
    prefilterChars: prefilter.source?.length ?? 0
  }
}

export const buildExists = (buildDir: string): boolean =>
  existsSync(join(buildDir, "manifest.json")) && existsSync(join(buildDir, "app.js")) && statSync(join(buildDir, "app.js")).size > 0
