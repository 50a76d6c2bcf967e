// The first scan after `npm ci` builds the generated data itself. Run against a
// copy of the repository's inputs so the real src/generated is left alone.

import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

import { afterAll, describe, expect, it } from "vitest"

import { ensureGeneratedData, GENERATED_FILES, generatedDataPresent } from "~cli/data"

const repo = fileURLToPath(new URL("../..", import.meta.url))
const tmp = mkdtempSync(join(tmpdir(), "scan-data-"))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function copyOfRepo(name: string, withScripts: boolean): string {
  const root = join(tmp, name)
  mkdirSync(join(root, "src"), { recursive: true })
  for (const dir of withScripts ? ["scripts", "data"] : ["data"]) cpSync(join(repo, dir), join(root, dir), { recursive: true })
  cpSync(join(repo, "src/core"), join(root, "src/core"), { recursive: true })
  symlinkSync(join(repo, "node_modules"), join(root, "node_modules"), "dir")
  return root
}

describe("ensureGeneratedData", () => {
  it("does nothing when the generated files are there", () => {
    let log = ""
    expect(ensureGeneratedData({ write: (s: string) => (log += s) }, repo)).toBe(true)
    expect(log).toBe("")
  })

  it("runs the data build when they are missing, logging only to the given writer", () => {
    const root = copyOfRepo("fresh", true)
    expect(generatedDataPresent(root)).toBe(false)
    let log = ""
    expect(ensureGeneratedData({ write: (s: string) => (log += s) }, root)).toBe(true)
    for (const file of GENERATED_FILES) expect(existsSync(join(root, file))).toBe(true)
    expect(log).toMatch(/^scan: generated data is missing; running the data build \(npm run data\) first\n/)
  }, 120_000)

  it("says so when the build fails", () => {
    const root = copyOfRepo("broken", false)
    let log = ""
    expect(ensureGeneratedData({ write: (s: string) => (log += s) }, root)).toBe(false)
    expect(log).toContain('scan: the data build failed; run "npm run data" to see why\n')
  }, 120_000)
})
