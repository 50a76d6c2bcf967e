// The scan CLI's behaviour with a small stand-in analyser, so these tests pin
// down inputs, formats and errors independently of detector tuning.

import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

import Papa from "papaparse"
import { afterAll, describe, expect, it } from "vitest"

import { main, type Analyzer } from "~cli/scan"
import { CSV_FIELDS } from "~cli/formats"
import { readInput } from "~cli/inputs"
import type { AnalysisResult, ClaimKind, Mention, ScanReport } from "~core/types"

const fixtures = fileURLToPath(new URL("../fixtures/cli/", import.meta.url))
const at = (name: string): string => join(fixtures, name)

const NAMES: [string, string, string][] = [
  ["CrowdStrike", "crowdstrike", "CrowdStrike"],
  ["Microsoft", "microsoft", "Microsoft"],
  ["Azure", "microsoft", "Microsoft"]
]
const PHRASES: [RegExp, ClaimKind][] = [
  [/more reliable/g, "reliability"],
  [/have been restored/g, "recovery"]
]

/** Literal-match stand-in for the detector: enough to exercise the CLI. */
function standInAnalyze(text: string): AnalysisResult {
  const mentions: Mention[] = []
  for (const [name, vendorId, vendor] of NAMES) {
    for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
      mentions.push({ vendorId, vendor, text: name, start: i, end: i + name.length, alias: name, product: null, reason: "stand-in" })
    }
  }
  mentions.sort((a, b) => a.start - b.start)
  const claims = PHRASES.flatMap(([pattern, kind]) =>
    [...text.matchAll(pattern)].map((m) => {
      const start = m.index ?? 0
      const before = mentions.filter((x) => x.start < start).pop() ?? null
      return {
        text: m[0],
        start,
        end: start + m[0].length,
        kind,
        rule: `stand-in-${kind}`,
        vendorId: before?.vendorId ?? null,
        vendor: before?.vendor ?? null,
        attribution: before ? ("nearest" as const) : null
      }
    })
  )
  return { mentions, claims }
}

const standIn: Analyzer = {
  analyze: standInAnalyze,
  incidents: (mentions) =>
    [...new Set(mentions.map((m) => m.vendor))].map((vendor) => ({
      id: `${vendor.toLowerCase()}-stand-in-incident`,
      vendor,
      date: "2024-07-19",
      type: "outage" as const,
      title: `${vendor} stand-in incident`,
      severity: 4,
      sources: ["https://example.org/incident"]
    }))
}

interface Run {
  code: number
  stdout: string
  stderr: string
}

async function scan(argv: string[], options: { analyzer?: Analyzer; maxChars?: number } = {}): Promise<Run> {
  let stdout = ""
  let stderr = ""
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } }
  const analyzer = options.analyzer ?? standIn
  const code = await main(argv, io, { loadAnalyzer: async () => analyzer, maxChars: options.maxChars })
  return { code, stdout, stderr }
}

const tmp = mkdtempSync(join(tmpdir(), "scan-cli-"))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe("arguments", () => {
  it("prints usage on --help", async () => {
    const run = await scan(["--help"])
    expect(run).toMatchObject({ code: 0, stderr: "" })
    expect(run.stdout).toMatch(/^Usage: npm run scan -- \[--format json\|jsonl\|csv\|text\]/)
  })

  it.each([[[]], [["--verbose", at("bom.txt")]], [["--format", "xml", at("bom.txt")]], [["--format"]], [["--out"]]])(
    "exits 2 with usage on stderr for %j",
    async (argv) => {
      const run = await scan(argv)
      expect(run.code).toBe(2)
      expect(run.stdout).toBe("")
      expect(run.stderr).toMatch(/^scan: .+\n\nUsage:/)
    }
  )

  it("accepts --format=VALUE, -f and -- before file names", async () => {
    const a = await scan(["--format=jsonl", at("bom.txt")])
    const b = await scan(["-f", "jsonl", "--", at("bom.txt")])
    expect(a.code).toBe(0)
    expect(a.stdout).toBe(b.stdout)
    expect(JSON.parse(a.stdout).source).toBe(at("bom.txt"))
  })
})

describe("json", () => {
  it("prints one report object for a single file, offsets slicing the text exactly", async () => {
    const run = await scan([at("crlf-emoji.txt")])
    expect(run).toMatchObject({ code: 0, stderr: "" })
    const report = JSON.parse(run.stdout) as ScanReport
    const content = readFileSync(at("crlf-emoji.txt"), "utf8")
    expect(report).toMatchObject({ source: at("crlf-emoji.txt"), title: null, published: null })
    expect(report.mentions.length).toBeGreaterThan(0)
    for (const item of [...report.mentions, ...report.claims]) expect(content.slice(item.start, item.end)).toBe(item.text)
    expect(report.claims).toEqual([
      expect.objectContaining({ text: "more reliable", vendor: null, kind: "reliability", rule: "stand-in-reliability" })
    ])
    expect(Object.keys(report)).toEqual(["source", "title", "published", "mentions", "claims", "incidents"])
    expect(Object.keys(report.incidents[0])).toEqual(["id", "vendor", "date", "type", "title", "severity", "sources"])
  })

  it("strips a byte-order mark and nothing else", async () => {
    const report = JSON.parse((await scan([at("bom.txt")])).stdout) as ScanReport
    const text = readFileSync(at("bom.txt"), "utf8").replace(/^\uFEFF/, "")
    expect(report.mentions[0]).toEqual({ vendor: "CrowdStrike", text: "CrowdStrike", start: 0, end: 11 })
    for (const c of report.claims) expect(text.slice(c.start, c.end)).toBe(c.text)
  })

  it("prints an array for a directory, walking it recursively in sorted order", async () => {
    const run = await scan([at("folder")])
    expect(run.code).toBe(0)
    const reports = JSON.parse(run.stdout) as ScanReport[]
    expect(reports.map((r) => r.source)).toEqual([
      join(at("folder"), "a-statement.txt"),
      join(at("folder"), "b-page.html"),
      join(at("folder"), "nested", "c-page.htm")
    ])
    expect(reports[1]).toMatchObject({ title: "Folder page", published: null })
    expect(reports[2]).toMatchObject({ title: null, published: "2024-07-19" })
    expect(run.stderr).toContain("skipped 1 file(s) that are not .txt, .html or .htm")
    expect(run.stderr).toContain("notes.md")
  })

  it("gives an empty report for an empty file", async () => {
    const run = await scan([at("empty.txt")])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      source: at("empty.txt"),
      title: null,
      published: null,
      mentions: [],
      claims: [],
      incidents: []
    })
  })

  it("reads an HTML fragment without html or body tags", async () => {
    const report = JSON.parse((await scan([at("fragment.html")])).stdout) as ScanReport
    expect(report.mentions.map((m) => m.text)).toEqual(["CrowdStrike"])
  })
})

describe("jsonl", () => {
  it("prints one JSON object per line and nothing else", async () => {
    const run = await scan(["--format", "jsonl", at("bom.txt"), at("folder"), at("empty.txt")])
    expect(run.code).toBe(0)
    const lines = run.stdout.split("\n")
    expect(lines.pop()).toBe("")
    expect(lines).toHaveLength(5)
    const reports = lines.map((line) => JSON.parse(line) as ScanReport)
    expect(reports.map((r) => r.source)).toContain(at("empty.txt"))
    expect(run.stderr).toContain("5 file(s) reported, 0 problem(s)")
  })
})

describe("csv", () => {
  it("writes one row per claim that papaparse reads back", async () => {
    const run = await scan(["--format", "csv", at("crlf-emoji.txt"), at("folder")])
    expect(run.code).toBe(0)
    const parsed = Papa.parse<Record<string, string>>(run.stdout, { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual([...CSV_FIELDS])
    const first = readFileSync(at("crlf-emoji.txt"), "utf8").indexOf("more reliable")
    const second = readFileSync(join(at("folder"), "a-statement.txt"), "utf8").indexOf("have been restored")
    expect(parsed.data).toEqual([
      {
        source: at("crlf-emoji.txt"),
        vendor: "",
        kind: "reliability",
        rule: "stand-in-reliability",
        text: "more reliable",
        start: String(first),
        end: String(first + 13)
      },
      {
        source: join(at("folder"), "a-statement.txt"),
        vendor: "Microsoft",
        kind: "recovery",
        rule: "stand-in-recovery",
        text: "have been restored",
        start: String(second),
        end: String(second + 18)
      }
    ])
  })

  it("writes only the header when no claims were found, and defuses spreadsheet formulas", async () => {
    const run = await scan(["--format", "csv", at("empty.txt")])
    expect(run.stdout).toBe("source,vendor,kind,rule,text,start,end\r\n")
    const file = join(tmp, "formula.txt")
    writeFileSync(file, "=HYPERLINK(\"x\") CrowdStrike systems have been restored")
    const formula = await scan(["--format", "csv", file], {
      analyzer: { ...standIn, analyze: (text) => ({ mentions: [], claims: standInAnalyze(text).claims.map((c) => ({ ...c, text: `=${c.text}` })) }) }
    })
    const rows = Papa.parse<Record<string, string>>(formula.stdout, { header: true, skipEmptyLines: true }).data
    expect(rows[0].text).toBe("'=have been restored")
  })
})

describe("text", () => {
  it("summarises title, date, vendors with incident counts, claims and incidents", async () => {
    const run = await scan(["--format", "text", at("folder")])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`== ${join(at("folder"), "a-statement.txt")}\nTitle:     (none)\nPublished: (unknown)\n`)
    expect(run.stdout).toContain("Vendors:   Microsoft (1 incident)")
    expect(run.stdout).toContain('  - [recovery] "have been restored" vendor: Microsoft, rule: stand-in-recovery')
    expect(run.stdout).toContain("  - 2024-07-19  Microsoft  outage, severity 4: Microsoft stand-in incident")
    expect(run.stdout).toContain("Title:     Folder page")
    expect(run.stdout).toContain("Published: 2024-07-19")
  })
})

describe("bad input", () => {
  it("reports each bad file on stderr, still reports the others, and exits 1", async () => {
    const missing = at("does-not-exist.html")
    const run = await scan([
      "--format",
      "jsonl",
      at("binary.txt"),
      at("bom.txt"),
      missing,
      at("latin1.txt"),
      at("no-pages"),
      at("no-pages/readme.md"),
      at("empty.txt")
    ])
    expect(run.code).toBe(1)
    const sources = run.stdout.trim().split("\n").map((line) => (JSON.parse(line) as ScanReport).source)
    expect(sources).toEqual([at("bom.txt"), at("empty.txt")])
    const errors = run.stderr.trim().split("\n")
    expect(errors).toEqual(
      expect.arrayContaining([
        `scan: ${missing}: no such file or directory`,
        `scan: ${at("binary.txt")}: looks like a binary file (contains NUL bytes)`,
        `scan: ${at("latin1.txt")}: not valid UTF-8 text (binary file or another encoding)`,
        `scan: ${at("no-pages")}: no .txt, .html or .htm files in this directory`,
        `scan: ${at("no-pages/readme.md")}: unsupported file type (expected .txt, .html or .htm)`,
        "scan: 2 file(s) reported, 5 problem(s)"
      ])
    )
  })

  it("prints nothing on stdout when the only file fails", async () => {
    const run = await scan([at("binary.txt")])
    expect(run).toMatchObject({ code: 1, stdout: "" })
  })

  it("rejects files over the size limit with a clear message", async () => {
    const huge = join(tmp, "huge.txt")
    writeFileSync(huge, "")
    truncateSync(huge, 17 * 1024 * 1024) // Sparse: no 17 MiB written to disk.
    const run = await scan([huge, at("bom.txt"), "--format", "jsonl"])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`scan: ${huge}: too large (17.0 MiB; the limit is 16 MiB)`)
    expect(run.stdout.trim().split("\n")).toHaveLength(1)
  })

  it("turns read errors into a message instead of throwing", () => {
    expect(readInput(at("folder"))).toEqual({ ok: false, message: "cannot read: is a directory" })
    expect(readInput(at("missing.txt"))).toEqual({ ok: false, message: "cannot read: no such file or directory" })
  })

  it("keeps going when the analyser throws on one file", async () => {
    const flaky: Analyzer = {
      ...standIn,
      analyze: (text) => {
        if (text.includes("Azure")) throw new Error("tagger exploded")
        return standInAnalyze(text)
      }
    }
    const run = await scan(["--format", "jsonl", at("folder")], { analyzer: flaky })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`scan: ${join(at("folder"), "a-statement.txt")}: analysis failed: tagger exploded`)
    expect(run.stdout.trim().split("\n")).toHaveLength(2)
  })

  it("analyses only a prefix of very long text and says so", async () => {
    const run = await scan([at("crlf-emoji.txt")], { maxChars: 30 })
    expect(run.code).toBe(0)
    expect(run.stderr).toContain("note: only the first 30 characters were analysed")
    const report = JSON.parse(run.stdout) as ScanReport
    expect(report.claims).toEqual([])
    const page = await scan([join(at("folder"), "b-page.html")], { maxChars: 20 })
    expect(page.stderr).toContain("note: only the first 20 characters of text were analysed")
  })

  it("reports a failure to load the analyser", async () => {
    let stderr = ""
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) } }
    const code = await main([at("bom.txt")], io, {
      loadAnalyzer: async () => {
        throw new Error("generated data is missing")
      }
    })
    expect(code).toBe(1)
    expect(stderr).toBe("scan: cannot load the analyser: generated data is missing\n")
  })
})

describe("--out", () => {
  it("writes the output to the file instead of stdout", async () => {
    const out = join(tmp, "reports.jsonl")
    const run = await scan(["--format", "jsonl", "--out", out, at("bom.txt"), at("empty.txt")])
    expect(run).toMatchObject({ code: 0, stdout: "" })
    const lines = readFileSync(out, "utf8").trim().split("\n")
    expect(lines.map((l) => (JSON.parse(l) as ScanReport).source)).toEqual([at("bom.txt"), at("empty.txt")])
  })

  it("fails with exit 1 when the output file cannot be written", async () => {
    const run = await scan(["--out", join(tmp, "no-such-dir", "x.json"), at("bom.txt")])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^scan: cannot write .*x\.json: /)
  })
})
