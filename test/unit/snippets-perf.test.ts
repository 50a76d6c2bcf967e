import { describe, expect, it } from "vitest"

import { mergeSnippets, parseImport, toCsv, toJson, toJsonl, toW3cJson } from "~core/snippets"

import { many } from "../fixtures/snippets/make"

// Budgets are loose (CI machines vary); the printed times are what to watch.
const BUDGET_MS = 3000

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now()
  const out = fn()
  return [out, performance.now() - t0]
}

describe("5,000 snippets", () => {
  const snippets = many(5000)
  const existing = many(7500).slice(2500) // 2,500 of the incoming are already saved

  it("exports in every format", () => {
    const [json, tJson] = time(() => toJson(snippets, { exportedAt: "2025-01-01T00:00:00.000Z" }))
    const [jsonl, tJsonl] = time(() => toJsonl(snippets))
    const [csv, tCsv] = time(() => toCsv(snippets))
    const [w3c, tW3c] = time(() => toW3cJson(snippets, { exportedAt: "2025-01-01T00:00:00.000Z" }))
    console.log(
      `export 5,000: json ${tJson.toFixed(0)} ms (${(json.length / 1e6).toFixed(1)} MB), jsonl ${tJsonl.toFixed(0)} ms, ` +
        `csv ${tCsv.toFixed(0)} ms (${(csv.length / 1e6).toFixed(1)} MB), w3c ${tW3c.toFixed(0)} ms (${(w3c.length / 1e6).toFixed(1)} MB)`
    )
    expect(jsonl.split("\n")).toHaveLength(5001)
    for (const t of [tJson, tJsonl, tCsv, tW3c]) expect(t).toBeLessThan(BUDGET_MS)
  })

  it("imports and merges", () => {
    const text = toJson(snippets, { exportedAt: "2025-01-01T00:00:00.000Z" })
    const [parsed, tParse] = time(() => parseImport(text))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const [merged, tMerge] = time(() => mergeSnippets(existing, parsed.snippets))
    const w3c = toW3cJson(snippets, { exportedAt: "2025-01-01T00:00:00.000Z" })
    const [parsedW3c, tW3c] = time(() => parseImport(w3c, { now: "2025-01-01T00:00:00.000Z" }))
    console.log(`import 5,000: json parse+validate ${tParse.toFixed(0)} ms, merge into 5,000 ${tMerge.toFixed(0)} ms, w3c parse+validate ${tW3c.toFixed(0)} ms`)
    expect(merged.added).toBe(2500)
    expect(merged.duplicates).toBe(2500)
    expect(merged.snippets).toHaveLength(7500)
    expect(parsedW3c.ok && parsedW3c.snippets.length).toBe(5000)
    for (const t of [tParse, tMerge, tW3c]) expect(t).toBeLessThan(BUDGET_MS)
  })
})
