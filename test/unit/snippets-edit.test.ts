import { describe, expect, it } from "vitest"

import { newestFirst, removeSnippets, undoRemove, updateSnippet } from "~core/snippets"

import { make } from "../fixtures/snippets/make"

const a = make({ quote: { exact: "first" }, savedAt: "2025-01-01T00:00:00Z" })
const b = make({ quote: { exact: "second" }, savedAt: "2025-03-01T00:00:00Z" })
const c = make({ quote: { exact: "third" }, savedAt: "2025-02-01T00:00:00Z" })

describe("updateSnippet", () => {
  it("replaces tags and note, normalising them, without touching the original", () => {
    const r = updateSnippet(a, { tags: "Follow-up,  SLA ,sla", note: "  ask the vendor  " })
    expect(r).toEqual({ ok: true, snippet: { ...a, tags: ["follow-up", "sla"], note: "ask the vendor" } })
    expect(a.tags).toEqual(["outage", "recovery claim"])
    expect(updateSnippet(a, {})).toEqual({ ok: true, snippet: a })
  })

  it("refuses an over-long note", () => {
    expect(updateSnippet(a, { note: "x".repeat(20_001) })).toEqual({ ok: false, reason: "note is longer than 20000 characters" })
  })
})

describe("removeSnippets / undoRemove", () => {
  it("removes by id and puts snippets back where they were", () => {
    const all = [a, b, c]
    const { snippets, removal } = removeSnippets(all, [a.id, c.id])
    expect(snippets).toEqual([b])
    expect(undoRemove(snippets, removal)).toEqual(all)
  })

  it("does not duplicate a snippet saved again before the undo", () => {
    const { snippets, removal } = removeSnippets([a, b], [a.id])
    expect(undoRemove([...snippets, a], removal)).toEqual([b, a])
  })
})

describe("newestFirst", () => {
  it("sorts by savedAt descending", () => {
    expect(newestFirst([a, b, c])).toEqual([b, c, a])
  })
})
