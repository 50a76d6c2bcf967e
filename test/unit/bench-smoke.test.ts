// A quick run of `npm run bench --quick --no-browser`: checks the JSON and the
// printed table have the expected shape. Never asserts timings.
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"

import { aliasRegex } from "../../scripts/lib/bench-core"
import { generateInputs, QUICK_SIZES } from "../../scripts/lib/bench-inputs"
import { formatTable } from "../../scripts/lib/bench-report"

const dir = mkdtempSync(join(tmpdir(), "bench-smoke-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("bench inputs", () => {
  it("are deterministic, and only the no-vendor input lacks vendor names", () => {
    const a = generateInputs(".", QUICK_SIZES)
    const b = generateInputs(".", QUICK_SIZES)
    expect(a.map((i) => i.text)).toEqual(b.map((i) => i.text))
    expect(a.map((i) => i.id)).toEqual(["article", "long-read", "page-1mb", "no-vendor", "dom"])
    const lexicon = JSON.parse(readFileSync("src/generated/lexicon.json", "utf8")) as { vendors: { aliases?: string[] }[] }
    const re = aliasRegex(lexicon)
    for (const input of a) expect(re.test(input.text), input.id).toBe(input.hasVendors)
    expect(a.find((i) => i.id === "dom")!.nodes).toBeGreaterThanOrEqual(QUICK_SIZES.domNodes)
  })
})

describe("formatTable", () => {
  it("pads columns to the widest cell", () => {
    expect(formatTable(["a", "bb"], [["xyz", "1"]]).split("\n")).toEqual(["a    bb", "---  --", "xyz   1"])
  })
})

describe("npm run bench -- --quick --no-browser", () => {
  it("prints the table and writes results of the expected shape", () => {
    const out = join(dir, "bench.json")
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench.ts", "--quick", "--no-browser", `--out=${out}`], {
      encoding: "utf8",
      timeout: 170_000
    })
    expect(run.status, run.stderr).toBe(0)
    for (const heading of ["1. Core throughput", "2. Content script in Chromium: skipped", "3. Size", "Targets", "ours/compromise", "regex/ours"])
      expect(run.stdout).toContain(heading)
    const result = JSON.parse(readFileSync(out, "utf8"))
    expect(result.quick).toBe(true)
    expect(result.browser).toBeNull()
    expect(Object.keys(result.machine).sort()).toEqual(["chromium", "cores", "cpu", "node", "platform"])
    expect(typeof result.date).toBe("string")
    expect(result.core.map((r: { id: string }) => r.id)).toEqual(["article", "long-read", "page-1mb", "no-vendor"])
    for (const row of result.core) {
      for (const k of ["ours", "compromise", "regex"]) expect(row[k].kbPerS).toBeGreaterThan(0)
      expect(row.oursOverCompromise).toBeGreaterThan(0)
      expect(row.regexOverOurs).toBeGreaterThan(0)
    }
    expect(result.core.find((r: { id: string }) => r.id === "no-vendor").ours.mentions).toBe(0)
    expect(result.core.find((r: { id: string }) => r.id === "article").ours.mentions).toBeGreaterThan(0)
    expect(result.size.files.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(["dataset.json", "lexicon.json"]))
    expect(result.targets.map((t: { name: string }) => t.name)).toContain("core vs compromise")
  }, 180_000)
})
