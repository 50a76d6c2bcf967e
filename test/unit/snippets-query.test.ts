import { describe, expect, it } from "vitest"

import { facetCounts, filterSnippets } from "~core/snippets"

import { make, many } from "../fixtures/snippets/make"

const a = make()
const b = make({
  url: "https://www.vendor.example.org/blog/launch",
  quote: { exact: "the most trusted storage platform" },
  pageTitle: "Introducing Initech Vault",
  vendors: [{ id: "initech", name: "Initech" }],
  claimKind: "superlative",
  rule: "most-trusted",
  tags: ["marketing"],
  note: "",
  savedAt: "2025-06-01T08:00:00Z",
  pageDate: "2025-05-30",
  incidents: []
})
const c = make({
  url: "https://blog.vendor.example.org/security",
  quote: { exact: "bank-grade security" },
  pageTitle: "How we keep your data safe",
  vendors: [{ id: "acme-cloud", name: "Acme Cloud" }, { id: "initech", name: "Initech" }],
  claimKind: "security",
  tags: ["marketing", "security"],
  note: "Breach two months later",
  savedAt: "2025-07-20T08:00:00Z",
  pageDate: null
})
const all = [a, b, c]

describe("filterSnippets", () => {
  it("returns everything for an empty filter", () => {
    expect(filterSnippets(all)).toEqual(all)
    expect(filterSnippets(all, { text: "  ", vendor: "", tag: "" })).toEqual(all)
  })

  it("matches all words case-insensitively across quote, note, title, url, tags and vendors", () => {
    expect(filterSnippets(all, { text: "TRUSTED platform" })).toEqual([b])
    expect(filterSnippets(all, { text: "breach" })).toEqual([c])
    expect(filterSnippets(all, { text: "outage regions" })).toEqual([a])
    expect(filterSnippets(all, { text: "initech" })).toEqual([b, c])
    expect(filterSnippets(all, { text: "trusted breach" })).toEqual([])
  })

  it("filters by vendor id or name, kind and tag", () => {
    expect(filterSnippets(all, { vendor: "initech" })).toEqual([b, c])
    expect(filterSnippets(all, { vendor: "Acme Cloud" })).toEqual([a, c])
    expect(filterSnippets(all, { kind: "security" })).toEqual([c])
    expect(filterSnippets(all, { tag: " Marketing " })).toEqual([b, c])
    expect(filterSnippets(all, { tag: "market" })).toEqual([])
  })

  it("filters by site including subdomains, ignoring www", () => {
    expect(filterSnippets(all, { site: "vendor.example.org" })).toEqual([b, c])
    expect(filterSnippets(all, { site: "www.vendor.example.org" })).toEqual([b, c])
    expect(filterSnippets(all, { site: "blog.vendor.example.org" })).toEqual([c])
    expect(filterSnippets(all, { site: "example.org" })).toEqual([b, c])
    expect(filterSnippets(all, { site: "ample.org" })).toEqual([])
  })

  it("filters by inclusive date range on savedAt or pageDate", () => {
    expect(filterSnippets(all, { from: "2025-06-01" })).toEqual([b, c])
    expect(filterSnippets(all, { to: "2025-06-01" })).toEqual([a, b])
    expect(filterSnippets(all, { from: "2025-06-02", to: "2025-07-19" })).toEqual([])
    expect(filterSnippets(all, { from: "2025-04-01", dateField: "pageDate" })).toEqual([b])
  })

  it("combines criteria", () => {
    expect(filterSnippets(all, { vendor: "initech", tag: "security", text: "bank" })).toEqual([c])
  })
})

describe("facetCounts", () => {
  it("counts vendors, kinds, tags and sites, most frequent first", () => {
    const f = facetCounts(all)
    expect(f.vendors).toEqual([
      { value: "acme-cloud", label: "Acme Cloud", count: 2 },
      { value: "initech", label: "Initech", count: 2 }
    ])
    expect(f.kinds).toEqual([
      { value: "recovery", label: "recovery", count: 1 },
      { value: "security", label: "security", count: 1 },
      { value: "superlative", label: "superlative", count: 1 }
    ])
    expect(f.tags[0]).toEqual({ value: "marketing", label: "marketing", count: 2 })
    expect(f.sites).toEqual([
      { value: "blog.vendor.example.org", label: "blog.vendor.example.org", count: 1 },
      { value: "news.example.com", label: "news.example.com", count: 1 },
      { value: "vendor.example.org", label: "vendor.example.org", count: 1 }
    ])
  })

  it("is fast on 5,000 snippets", () => {
    const big = many(5000)
    const t0 = performance.now()
    const f = facetCounts(big)
    const hits = filterSnippets(big, { text: "reliable cloud", vendor: "globex" })
    const t1 = performance.now()
    const again = filterSnippets(big, { text: "reliable clou", site: "site7.example.com" })
    const t2 = performance.now()
    expect(f.sites).toHaveLength(50)
    expect(f.vendors.map((v) => v.count)).toEqual([1250, 1250, 1250, 1250])
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((s) => s.vendorIds[0] === "globex")).toBe(true)
    expect(again.every((s) => s.url.startsWith("https://site7.example.com/"))).toBe(true)
    console.log(`facets+first filter on 5,000: ${(t1 - t0).toFixed(1)} ms; cached filter: ${(t2 - t1).toFixed(1)} ms`)
    expect(t2 - t1).toBeLessThan(100)
  })
})
