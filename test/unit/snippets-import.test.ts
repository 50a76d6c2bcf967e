import { readFileSync } from "node:fs"

import { describe, expect, it } from "vitest"

import { mergeSnippets, parseImport, toJson, toJsonl, toW3cJson, type ImportResult, type Snippet } from "~core/snippets"

import { make, many } from "../fixtures/snippets/make"

const fixture = (name: string) => readFileSync(new URL(`../fixtures/snippets/${name}`, import.meta.url), "utf8")
const NOW = "2025-05-01T00:00:00.000Z"

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(`import failed: ${result.reason}`)
  return result
}

describe("parseImport: round trips", () => {
  const snippets = [make(), ...many(20), make({ url: "http://plain.example.org/", quote: { exact: "Ünïcödé “quotes” — and emoji 🚀" }, tags: [], note: "", position: null })]

  it("toJson → parseImport gives the same snippets", () => {
    const r = ok(parseImport(toJson(snippets, { exportedAt: NOW })))
    expect(r.format).toBe("json")
    expect(r.skipped).toEqual([])
    expect(r.snippets).toEqual(snippets)
  })

  it("toJsonl → parseImport gives the same snippets (CRLF and blank lines tolerated)", () => {
    const r = ok(parseImport(toJsonl(snippets).replace(/\n/g, "\r\n") + "\r\n\r\n"))
    expect(r.format).toBe("jsonl")
    expect(r.snippets).toEqual(snippets)
  })

  it("toW3c → parseImport keeps ids, quotes, positions, urls, tags, notes, vendors and kinds", () => {
    const r = ok(parseImport(toW3cJson(snippets, { exportedAt: NOW }), { now: NOW }))
    expect(r.format).toBe("w3c")
    expect(r.snippets).toHaveLength(snippets.length)
    r.snippets.forEach((got, i) => {
      const want = snippets[i]
      expect(got.id).toBe(want.id)
      expect(got.quote).toEqual(want.quote)
      expect(got.position).toEqual(want.position)
      expect(got.url).toBe(want.url)
      expect(got.tags).toEqual(want.tags)
      expect(got.note).toBe(want.note)
      expect(got.savedAt).toBe(want.savedAt)
      expect(got.pageDate).toBe(want.pageDate)
      expect(got.vendorIds).toEqual(want.vendorIds)
      expect(got.vendors).toEqual(want.vendors)
      expect(got.claimKind).toBe(want.claimKind)
      expect(got.rule).toBe(want.rule)
      // Documented losses of the W3C format.
      expect(got.pageTitle).toBeNull()
      expect(got.incidents).toEqual([])
    })
  })

  it("reads a single annotation and a bare annotation page", () => {
    const collection = JSON.parse(toW3cJson([make()], { exportedAt: NOW }))
    expect(ok(parseImport(JSON.stringify(collection.first.items[0]))).snippets).toHaveLength(1)
    expect(ok(parseImport(JSON.stringify(collection.first))).snippets).toHaveLength(1)
  })
})

describe("parseImport: other tools and older files", () => {
  it("reads W3C annotations from another tool, skipping ones without a text quote", () => {
    const r = ok(parseImport(fixture("other-tool-annotations.jsonld"), { now: NOW }))
    expect(r.format).toBe("w3c")
    expect(r.skipped).toEqual([{ index: 2, reason: "annotation has no http(s) target with a TextQuoteSelector" }])
    const [a, b] = r.snippets
    expect(a).toMatchObject({
      url: "https://news.example.com/2025/01/cloud-outage",
      quote: { type: "TextQuoteSelector", exact: "systems have been fully restored", prefix: "the company said that all ", suffix: " and no customer data was lost" },
      position: { type: "TextPositionSelector", start: 812, end: 845 },
      savedAt: "2025-02-01T11:30:00.000Z",
      note: "Vendor claim to check against the status page.",
      tags: []
    })
    expect(a.id).toMatch(/^s-[0-9a-f]{16}$/)
    expect(b).toMatchObject({ url: "https://vendor.example.com/blog/security", tags: ["security", "breach"], note: "Looks like spin.", savedAt: NOW, position: null })
    expect(b.quote).toEqual({ type: "TextQuoteSelector", exact: "industry-leading security", prefix: "", suffix: "" })
  })

  it("migrates a raw version-1 store backup", () => {
    const r = ok(parseImport(fixture("store-v1.json")))
    expect(r.format).toBe("json")
    expect(r.snippets.map((s) => s.quote.exact)).toEqual(["Our platform is more reliable than any other cloud provider.", "All systems have been restored."])
    expect(r.skipped).toEqual([{ index: 2, reason: "url must be an http(s) address" }])
  })

  it("refuses an export from a newer version", () => {
    const r = parseImport(JSON.stringify({ format: "track-record-snippets", version: 99, exportedAt: NOW, snippets: [] }))
    expect(r).toEqual({ ok: false, reason: "This file was made by a newer version of Track Record (format 99); update the extension to import it." })
    expect(parseImport(fixture("store-v3-future.json")).ok).toBe(false)
  })
})

describe("parseImport: rejects bad files with a clear reason", () => {
  const valid = toJson([make()], { exportedAt: NOW })
  const good = JSON.parse(valid)
  const withSnippet = (patch: Record<string, unknown>) => JSON.stringify({ ...good, snippets: [{ ...good.snippets[0], ...patch }] })

  const cases: [string, string, RegExp][] = [
    ["empty", "   \n", /^The file is empty\.$/],
    ["not JSON", "id,url\n1,https://x", /not a JSON, JSON Lines or Web Annotation file/],
    ["truncated JSON", valid.slice(0, valid.length / 2), /not valid JSON; it may be truncated or damaged/],
    ["truncated JSONL", toJsonl([make(), make({ quote: { exact: "b" } })]).slice(0, -30), /Line 2 is not valid JSON; the file may be truncated/],
    ["unrelated JSON", JSON.stringify({ hello: "world" }), /not a Track Record export or a W3C Web Annotation file/],
    ["export without version", JSON.stringify({ format: "track-record-snippets", snippets: [] }), /has no format version/],
    ["export without list", JSON.stringify({ format: "track-record-snippets", version: 2 }), /has no snippet list/],
    ["__proto__ key", `{"format":"track-record-snippets","version":2,"snippets":[{"__proto__":{"polluted":true}}]}`, /reserved key "__proto__"/],
    ["escaped __proto__ key", `{"format":"track-record-snippets","version":2,"snippets":[{"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":true}}]}`, /reserved key "__proto__"/],
    ["__proto__ in JSON Lines", toJsonl([make()]) + `{"__proto__":{"polluted":true}}\n`, /reserved key "__proto__"/],
    ["constructor key", withSnippet({ constructor: { prototype: { polluted: true } } }), /reserved key "(constructor|prototype)"/],
    ["deep nesting", "[".repeat(10_000) + "]".repeat(10_000), /nested more than 32 levels deep/],
    ["10 MB string", withSnippet({ note: "x".repeat(10 * 1024 * 1024) }), /text value of 10,485,760 characters/],
    ["javascript: url", withSnippet({ url: "javascript:alert(document.cookie)" }), /None of the 1 item could be imported: item 1: url must be an http\(s\) address\.$/],
    ["bad date", withSnippet({ pageDate: "14/03/2025" }), /item 1: page date must be a YYYY-MM-DD date/],
    ["bad savedAt", withSnippet({ savedAt: "yesterday" }), /item 1: saved-at must be an ISO date and time/],
    ["too many tags", withSnippet({ tags: Array.from({ length: 40 }, (_, i) => `t${i}`) }), /item 1: tags has more than 32 entries/],
    ["long tag", withSnippet({ tags: ["t".repeat(500)] }), /item 1: tags\[0\] is longer than 64 characters/],
    ["W3C with data: target", JSON.stringify({ type: "Annotation", target: { source: "data:text/html,hi", selector: { type: "TextQuoteSelector", exact: "hi" } } }), /target source "data:text\/html,hi" is not an http\(s\) address/],
    ["collection linking to pages", JSON.stringify({ type: "AnnotationCollection", first: "https://example.com/page1" }), /only links to its pages/]
  ]

  it.each(cases)("%s", (_name, text, reason) => {
    const existing = [make({ quote: { exact: "kept" } })]
    const before = JSON.stringify(existing)
    const r = parseImport(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(reason)
    // Nothing to merge, and existing snippets are untouched.
    expect(JSON.stringify(existing)).toBe(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("refuses files over maxBytes, counting UTF-8 bytes", () => {
    expect(parseImport(valid, { maxBytes: 100 })).toMatchObject({ ok: false, reason: expect.stringMatching(/too large \(\d+ KB\); the limit is 1 KB/) })
    const multibyte = toJson([make({ note: "é".repeat(600) })], { exportedAt: NOW })
    expect(parseImport(multibyte, { maxBytes: multibyte.length + 10 }).ok).toBe(false)
    expect(parseImport(multibyte, { maxBytes: multibyte.length * 2 }).ok).toBe(true)
  })

  it("refuses more items than maxItems", () => {
    const r = parseImport(toJsonl(many(5)), { maxItems: 4 })
    expect(r).toEqual({ ok: false, reason: "The file holds 5 items; at most 4 can be imported at once." })
  })

  it("imports the good items of a mixed file and lists the rest", () => {
    const a = make()
    const doc = { ...good, snippets: [a, { ...a, id: "x", url: "ftp://example.com/" }, "junk", null] }
    const r = ok(parseImport(JSON.stringify(doc)))
    expect(r.snippets).toEqual([a])
    expect(r.skipped).toEqual([
      { index: 1, reason: "url must be an http(s) address" },
      { index: 2, reason: "not an object" },
      { index: 3, reason: "not an object" }
    ])
  })

  it("names the line of a JSON Lines file when nothing could be imported", () => {
    const line = JSON.stringify({ ...make(), url: "ftp://example.com/" })
    expect(parseImport(`\n${line}\n${line}\n`)).toEqual({
      ok: false,
      reason: "None of the 2 items could be imported: line 2: url must be an http(s) address (and 1 more problem)."
    })
  })

  it("never throws on arbitrary input", () => {
    for (const text of ["{", "[]", "{}", "null", "[null]", '{"type":"Annotation"}', '[{"target":[1,2,{"source":5}]}]', "\ufeff[]", '"str"', "[1e999]"]) {
      expect(() => parseImport(text)).not.toThrow()
    }
    expect(parseImport("[]")).toEqual({ ok: true, snippets: [], format: "json", skipped: [] })
    // @ts-expect-error untyped callers
    expect(parseImport(undefined)).toMatchObject({ ok: false })
  })
})

describe("mergeSnippets", () => {
  const a = make()
  const b = make({ url: "https://other.example.com/", quote: { exact: "five nines of availability" }, tags: ["sla"], note: "" })

  it("adds new snippets after the existing ones", () => {
    const r = mergeSnippets([a], [b])
    expect(r).toEqual({ snippets: [a, b], added: 1, duplicates: 0, updated: 0 })
  })

  it("treats same url (ignoring the fragment) and same quote as a duplicate, unioning tags and keeping the existing note", () => {
    const copy = make({ url: a.url + "#section-2", id: "other-id", tags: ["Evidence", "outage"], note: "imported note" })
    const r = mergeSnippets([a], [copy])
    expect(r.added).toBe(0)
    expect(r.duplicates).toBe(1)
    expect(r.updated).toBe(1)
    expect(r.snippets).toHaveLength(1)
    expect(r.snippets[0].id).toBe(a.id)
    expect(r.snippets[0].tags).toEqual(["outage", "recovery claim", "evidence"])
    expect(r.snippets[0].note).toBe(a.note)
  })

  it("fills an empty note and missing details from the duplicate", () => {
    const bare: Snippet = { ...a, note: "", pageTitle: null, position: null }
    const r = mergeSnippets([bare], [a])
    expect(r.snippets[0]).toEqual(a)
    expect(r.updated).toBe(1)
  })

  it("treats the same id as a duplicate and counts unchanged duplicates without updating", () => {
    const r = mergeSnippets([a, b], [a, { ...b }])
    expect(r).toEqual({ snippets: [a, b], added: 0, duplicates: 2, updated: 0 })
    expect(r.snippets[0]).toBe(a)
  })

  it("de-duplicates within the incoming list and never mutates its inputs", () => {
    const existing = [a]
    const incoming = [b, { ...b, id: "s-dup", tags: ["extra"] }]
    const frozen = JSON.stringify([existing, incoming])
    const r = mergeSnippets(existing, incoming)
    expect(r.added).toBe(1)
    expect(r.duplicates).toBe(1)
    expect(r.updated).toBe(0)
    expect(r.snippets[1].tags).toEqual(["sla", "extra"])
    expect(JSON.stringify([existing, incoming])).toBe(frozen)
  })

  it("keeps different context as different snippets", () => {
    const sameWordsElsewhere = make({ quote: { ...a.quote, prefix: "Last year Acme also claimed " } })
    expect(mergeSnippets([a], [sameWordsElsewhere]).added).toBe(1)
  })
})
