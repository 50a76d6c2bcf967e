// Core throughput: the full analysis (vendors + claims + attribution) against
// compromise's organizations() (in a child process, see bench-compromise.ts)
// and against a single-pass regex of every lexicon alias (the floor). Runs are
// interleaved, one input and one method at a time, so a noisy neighbour hurts
// all three alike; figures are medians.
import { fork, type ChildProcess } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { pathToFileURL } from "node:url"

import { build } from "esbuild"

import type { AnalysisResult } from "../../src/core/types"
import { median } from "./bench-stats"

export interface CoreInput {
  id: string
  label: string
  text: string
}

export interface CoreRow {
  id: string
  label: string
  kb: number
  reps: number
  ours: { ms: number; kbPerS: number; mentions: number; claims: number }
  compromise: { ms: number; kbPerS: number; organizations: number }
  regex: { ms: number; kbPerS: number; matches: number }
  /** ours / compromise throughput (higher is better for us). */
  oursOverCompromise: number
  /** regex / ours throughput: how far we are from the floor. */
  regexOverOurs: number
}

type Analyze = (text: string) => AnalysisResult

/**
 * Bundles the core as the extension ships it (esbuild, no tsx helpers in hot
 * loops), so the figures describe the production code, not the dev loader.
 */
async function loadProductionAnalyzer(root: string): Promise<{ analyze: Analyze; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "track-record-bench-"))
  const outfile = join(dir, "core.mjs")
  await build({
    entryPoints: [resolve(root, "src/core/analyze.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: ["es2022"],
    logLevel: "warning"
  })
  const mod = (await import(pathToFileURL(outfile).href)) as { analyzeText: Analyze }
  return { analyze: mod.analyzeText, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** One alternation of every vendor name, alias, product and ticker: the cheapest possible vendor finder. */
export function aliasRegex(lexicon: { vendors: { aliases?: string[] }[] }): RegExp {
  const aliases = new Set<string>()
  for (const v of lexicon.vendors) for (const a of v.aliases ?? []) if (a) aliases.add(a)
  const sorted = [...aliases].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
  const body = sorted.map((a) => a.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, "gu")
}

function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0
  let n = 0
  while (re.exec(text)) n++
  return n
}

class CompromiseChild {
  private child: ChildProcess
  private next = 1
  private waiting = new Map<number, (r: { ms: number; found: number }) => void>()
  readonly ready: Promise<void>

  constructor() {
    this.child = fork(resolve(import.meta.dirname, "bench-compromise.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"]
    })
    this.ready = new Promise((ok, fail) => {
      this.child.once("error", fail)
      this.child.on("message", (m: { ready?: boolean; id?: number; ms?: number; found?: number }) => {
        if (m.ready) return ok()
        const done = this.waiting.get(m.id!)
        this.waiting.delete(m.id!)
        done?.({ ms: m.ms!, found: m.found! })
      })
    })
  }

  run(text: string): Promise<{ ms: number; found: number }> {
    const id = this.next++
    return new Promise((ok) => {
      this.waiting.set(id, ok)
      this.child.send({ id, text })
    })
  }

  close() {
    this.child.kill()
  }
}

const kbOf = (text: string): number => Buffer.byteLength(text, "utf8") / 1024

export async function runCoreBench(
  root: string,
  inputs: CoreInput[],
  repsFor: (input: CoreInput) => number,
  log: (line: string) => void = () => {}
): Promise<CoreRow[]> {
  const lexicon = JSON.parse(readFileSync(resolve(root, "src/generated/lexicon.json"), "utf8")) as { vendors: { aliases?: string[] }[] }
  const regex = aliasRegex(lexicon)
  const compromise = new CompromiseChild()
  const { analyze, cleanup } = await loadProductionAnalyzer(root)
  try {
    await compromise.ready
    // Warm-up: JIT, lazy lexicon compilation and compromise's own set-up. One untimed
    // run of every method on every input, so the first input is not measured cold.
    for (const input of inputs) {
      analyze(input.text)
      await compromise.run(input.text)
      countMatches(regex, input.text)
    }

    const rows: CoreRow[] = []
    for (const input of inputs) {
      const reps = repsFor(input)
      const times = { ours: [] as number[], compromise: [] as number[], regex: [] as number[] }
      let result: AnalysisResult = { mentions: [], claims: [] }
      let orgs = 0
      let matches = 0
      for (let r = 0; r < reps; r++) {
        // Rotate the order so no method always runs right after another.
        const order = [0, 1, 2].map((i) => (i + r) % 3)
        for (const m of order) {
          if (m === 0) {
            const t = performance.now()
            result = analyze(input.text)
            times.ours.push(performance.now() - t)
          } else if (m === 1) {
            const c = await compromise.run(input.text)
            times.compromise.push(c.ms)
            orgs = c.found
          } else {
            const t = performance.now()
            matches = countMatches(regex, input.text)
            times.regex.push(performance.now() - t)
          }
        }
      }
      const kb = kbOf(input.text)
      const speed = (ms: number) => kb / (ms / 1000)
      const ours = median(times.ours)
      const comp = median(times.compromise)
      const re = median(times.regex)
      const row: CoreRow = {
        id: input.id,
        label: input.label,
        kb,
        reps,
        ours: { ms: ours, kbPerS: speed(ours), mentions: result.mentions.length, claims: result.claims.length },
        compromise: { ms: comp, kbPerS: speed(comp), organizations: orgs },
        regex: { ms: re, kbPerS: speed(re), matches },
        oursOverCompromise: comp / ours,
        regexOverOurs: ours / re
      }
      log(`core ${input.id}: ours ${ours.toFixed(1)} ms, compromise ${comp.toFixed(1)} ms, regex ${re.toFixed(2)} ms`)
      rows.push(row)
    }
    return rows
  } finally {
    compromise.close()
    cleanup()
  }
}
