// Saved-page baselines run through the real detector and dataset: each
// test/fixtures/pages/<name>.html has a <name>.expected.json with the stable
// parts of its report (vendors, claims that must be found, landmark incidents,
// what article mode must and must not read). Offsets are checked by slicing,
// not pinned, so detector tuning does not break these needlessly.

import { spawnSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

import { beforeAll, describe, expect, it } from "vitest"

import { readHtml } from "~cli/html"
import { main } from "~cli/scan"
import { DEFAULT_MAX_CHARS } from "~dom/extract"
import type { ScanReport } from "~core/types"

interface ExpectedClaim {
  /** One kind, or alternatives separated by `|`. */
  kind: string
  /** Attributed vendor; omitted when attribution is not part of the baseline. */
  vendor?: string | null
  /** Must occur within the claim's text. */
  text: string
}

interface Expected {
  title: string | null
  published: string | null
  vendors: string[]
  absentVendors: string[]
  claims: ExpectedClaim[]
  noAttributedClaims?: boolean
  incidentIds: string[]
  textIncludes: string[]
  textExcludes: string[]
}

const root = fileURLToPath(new URL("../..", import.meta.url))
const pagesDir = join(root, "test/fixtures/pages")
const pages = readdirSync(pagesDir)
  .filter((name) => name.endsWith(".html"))
  .sort()

let reports = new Map<string, ScanReport>()

beforeAll(async () => {
  let stdout = ""
  let stderr = ""
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } }
  const code = await main(["--format", "json", ...pages.map((name) => join(pagesDir, name))], io)
  expect(stderr).toMatch(/^scan: \d+ file\(s\) reported, 0 problem\(s\)\n$/)
  expect(code).toBe(0)
  reports = new Map((JSON.parse(stdout) as ScanReport[]).map((r) => [r.source, r]))
}, 120_000)

describe.each(pages)("%s", (name) => {
  const file = join(pagesDir, name)
  const html = readFileSync(file, "utf8")
  const expected = JSON.parse(readFileSync(file.replace(/\.html$/, ".expected.json"), "utf8")) as Expected

  it("has every baseline file", () => {
    expect(reports.has(file)).toBe(true)
  })

  it("reads the title, date and article text", () => {
    const page = readHtml(html, DEFAULT_MAX_CHARS)
    expect(page.title).toBe(expected.title)
    expect(page.published).toBe(expected.published)
    for (const snippet of expected.textIncludes) expect(page.text).toContain(snippet)
    for (const snippet of expected.textExcludes) expect(page.text).not.toContain(snippet)
  })

  it("finds the expected vendors, claims and incidents", () => {
    const report = reports.get(file) as ScanReport
    const text = readHtml(html, DEFAULT_MAX_CHARS).text
    expect(report).toMatchObject({ source: file, title: expected.title, published: expected.published })
    for (const item of [...report.mentions, ...report.claims]) expect(text.slice(item.start, item.end)).toBe(item.text)

    const vendors = new Set(report.mentions.map((m) => m.vendor))
    for (const vendor of expected.vendors) expect(vendors, `vendor ${vendor}`).toContain(vendor)
    for (const vendor of expected.absentVendors) expect(vendors, `vendor ${vendor}`).not.toContain(vendor)
    if (expected.vendors.length === 0) expect([...vendors]).toEqual([])

    for (const want of expected.claims) {
      const kinds = want.kind.split("|")
      const found = report.claims.some(
        (c) =>
          kinds.includes(c.kind) && c.text.includes(want.text) && (want.vendor === undefined || c.vendor === want.vendor)
      )
      expect(found, `claim ${JSON.stringify(want)} in ${JSON.stringify(report.claims)}`).toBe(true)
    }
    if (expected.noAttributedClaims) expect(report.claims.filter((c) => c.vendor !== null)).toEqual([])

    const ids = report.incidents.map((i) => i.id)
    for (const id of expected.incidentIds) expect(ids).toContain(id)
    if (expected.vendors.length === 0) expect(ids).toEqual([])
    for (const incident of report.incidents) expect(vendors.has(incident.vendor) || report.claims.some((c) => c.vendor === incident.vendor)).toBe(true)
  })
})

describe("scan as a child process", () => {
  it("prints only JSON lines on stdout, names the bad file on stderr and exits 1", () => {
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/scan.ts",
        "--format",
        "jsonl",
        "test/fixtures/pages/demo-article.html",
        "test/fixtures/cli/binary.txt",
        "test/fixtures/cli/bom.txt"
      ],
      { cwd: root, encoding: "utf8" }
    )
    expect(run.status).toBe(1)
    const lines = run.stdout.split("\n")
    expect(lines.pop()).toBe("")
    const sources = lines.map((line) => (JSON.parse(line) as ScanReport).source)
    expect(sources).toEqual(["test/fixtures/pages/demo-article.html", "test/fixtures/cli/bom.txt"])
    expect(run.stderr).toContain("scan: test/fixtures/cli/binary.txt: looks like a binary file (contains NUL bytes)")
    const bom = JSON.parse(lines[1]) as ScanReport
    const text = readFileSync(join(root, "test/fixtures/cli/bom.txt"), "utf8").replace(/^\uFEFF/, "")
    expect(bom.mentions.length).toBeGreaterThan(0)
    for (const item of [...bom.mentions, ...bom.claims]) expect(text.slice(item.start, item.end)).toBe(item.text)
  }, 120_000)
})
