import { describe, expect, it } from "vitest"

import { mergeSnippets, parseImport, toCsv, toJson, toJsonl, toW3cJson } from "~core/snippets"

import { many } from "../fixtures/snippets/make"

// Correctness at collection scale. Speed is measured by `npm run bench`, never
// asserted here: timings on a shared machine would make this test flaky.
describe("5,000 snippets", () => {
  const snippets = many(5000)
  const existing = many(7500).slice(2500) // 2,500 of the incoming are already saved

  it("exports in every format", () => {
    const json = JSON.parse(toJson(snippets, { exportedAt: "2025-01-01T00:00:00.000Z" }))
    const jsonl = toJsonl(snippets)
    const csv = toCsv(snippets)
    const w3c = JSON.parse(toW3cJson(snippets, { exportedAt: "2025-01-01T00:00:00.000Z" }))
    expect(json.snippets).toHaveLength(5000)
    expect(jsonl.split("\n")).toHaveLength(5001)
    expect(csv.trim().split("\r\n").length).toBeGreaterThanOrEqual(5001)
    expect(JSON.stringify(w3c)).toContain("TextQuoteSelector")
  })

  it("imports and merges", () => {
    const text = toJson(snippets, { exportedAt: "2025-01-01T00:00:00.000Z" })
    const parsed = parseImport(text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const merged = mergeSnippets(existing, parsed.snippets)
    const w3c = toW3cJson(snippets, { exportedAt: "2025-01-01T00:00:00.000Z" })
    const parsedW3c = parseImport(w3c, { now: "2025-01-01T00:00:00.000Z" })
    expect(merged.added).toBe(2500)
    expect(merged.duplicates).toBe(2500)
    expect(merged.snippets).toHaveLength(7500)
    expect(parsedW3c.ok && parsedW3c.snippets.length).toBe(5000)
  })
})
