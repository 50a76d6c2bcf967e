import { describe, expect, it } from "vitest"

import { createSnippet, isIsoDate, normaliseDateTime, normaliseTags, parseHttpUrl, siteOf, snippetIdFor, urlKey, validateSnippet } from "~core/snippets"

import { make } from "../fixtures/snippets/make"

describe("createSnippet", () => {
  it("builds a snippet with a stable id derived from url and quote", () => {
    const a = make()
    const b = make({ url: "https://news.example.com/2025/03/acme-outage#:~:text=restored", tags: [] })
    expect(a.id).toMatch(/^s-[0-9a-f]{16}$/)
    // The fragment does not make it a different passage.
    expect(b.id).toBe(a.id)
    expect(make({ quote: { exact: "another passage" } }).id).not.toBe(a.id)
    expect(a.quote).toEqual({ type: "TextQuoteSelector", exact: "all systems have been restored", prefix: "On Tuesday evening Acme said that ", suffix: " and that no data was lost." })
    expect(a.position).toEqual({ type: "TextPositionSelector", start: 410, end: 440 })
  })

  it("normalises tags, trims the note and title, stores savedAt in UTC", () => {
    const s = make({ tags: "  Outage ,outage, Cloud   Storage,,", note: "  checked \n", pageTitle: "   ", savedAt: "2025-03-15T10:30:00+01:00" })
    expect(s.tags).toEqual(["outage", "cloud storage"])
    expect(s.note).toBe("checked")
    expect(s.pageTitle).toBeNull()
    expect(s.savedAt).toBe("2025-03-15T09:30:00.000Z")
  })

  it("trims what the extension collected to the caps instead of refusing the save", () => {
    const incident = make().incidents[0]
    const s = make({
      pageTitle: "A  very\n long title " + "x".repeat(2000),
      vendors: [...Array.from({ length: 60 }, (_, i) => ({ id: `v${i}`, name: `Vendor ${i}` })), { id: "v0", name: "Vendor 0 again" }],
      incidents: [{ ...incident, sources: ["javascript:alert(1)", ...incident.sources] }]
    })
    expect(s.pageTitle).toHaveLength(1000)
    expect(s.pageTitle!.startsWith("A very long title x")).toBe(true)
    expect(s.vendorIds).toHaveLength(50)
    expect(s.incidents[0].sources).toEqual(incident.sources)
  })

  it("defaults savedAt to now", () => {
    const before = Date.now()
    const r = createSnippet({ url: "https://example.com/", quote: { exact: "fastest network" } })
    expect(r.ok).toBe(true)
    if (r.ok) expect(Date.parse(r.snippet.savedAt)).toBeGreaterThanOrEqual(before - 1)
  })

  it.each([
    ["javascript:alert(1)", "url must be an http(s) address"],
    ["data:text/html,<b>x</b>", "url must be an http(s) address"],
    ["file:///etc/passwd", "url must be an http(s) address"],
    ["https://", "url must be an http(s) address"],
    ["https://exa mple.com/", "url must be an http(s) address"]
  ])("rejects the url %s", (url, reason) => {
    expect(createSnippet({ url, quote: { exact: "x" } })).toEqual({ ok: false, reason })
  })

  it("rejects an empty quote, a bad page date and an unknown claim kind", () => {
    expect(createSnippet({ url: "https://example.com/", quote: { exact: "  " } })).toEqual({ ok: false, reason: "quote is empty" })
    expect(createSnippet({ url: "https://example.com/", quote: { exact: "x" }, pageDate: "2025-02-30" })).toMatchObject({ ok: false, reason: "page date must be a YYYY-MM-DD date" })
    // @ts-expect-error an invalid kind from untyped callers
    expect(createSnippet({ url: "https://example.com/", quote: { exact: "x" }, claimKind: "vibes" })).toMatchObject({ ok: false, reason: "unknown claim kind" })
  })
})

describe("validateSnippet", () => {
  it("drops unknown fields and returns a fresh object", () => {
    const s = make()
    const raw = { ...JSON.parse(JSON.stringify(s)), extra: "ignored", quote: { ...s.quote, extra: 1 } }
    const r = validateSnippet(raw)
    expect(r).toEqual({ ok: true, snippet: s })
    if (r.ok) expect(r.snippet).not.toBe(raw)
  })

  it("enforces caps on tags, note and quote", () => {
    const s = JSON.parse(JSON.stringify(make()))
    expect(validateSnippet({ ...s, tags: Array.from({ length: 33 }, (_, i) => `t${i}`) })).toEqual({ ok: false, reason: "tags has more than 32 entries" })
    expect(validateSnippet({ ...s, tags: ["x".repeat(65)] })).toEqual({ ok: false, reason: "tags[0] is longer than 64 characters" })
    expect(validateSnippet({ ...s, note: "x".repeat(20_001) })).toEqual({ ok: false, reason: "note is longer than 20000 characters" })
    expect(validateSnippet({ ...s, quote: { exact: 5 } })).toEqual({ ok: false, reason: "quote must be text" })
    expect(validateSnippet({ ...s, vendors: [] })).toEqual({ ok: false, reason: "vendor ids and vendor names do not pair up" })
    expect(validateSnippet({ ...s, incidents: [{ ...s.incidents[0], sources: ["javascript:void(0)"] }] })).toEqual({ ok: false, reason: "incident 1 sources must be http(s) addresses" })
    expect(validateSnippet({ ...s, position: { start: 5, end: 2 } })).toEqual({ ok: false, reason: "position must have whole-number start ≤ end" })
  })
})

describe("helpers", () => {
  it("parses http(s) URLs without the URL class", () => {
    expect(parseHttpUrl("HTTPS://User:pw@WWW.Example.COM:8443/a?b#c")).toEqual({ scheme: "https", hostname: "www.example.com" })
    expect(parseHttpUrl("http://[2001:db8::1]:8080/x")).toEqual({ scheme: "http", hostname: "[2001:db8::1]" })
    expect(parseHttpUrl("https://example.com:99999999/")).toBeNull()
    expect(parseHttpUrl("https://example.com/\u0000")).toBeNull()
    expect(parseHttpUrl(" https://example.com/")).toBeNull()
    expect(siteOf("https://www.example.com/x")).toBe("example.com")
    expect(urlKey("HTTPS://Example.com/Path?q=1#frag")).toBe("https://example.com/Path?q=1")
  })

  it("checks calendar dates and datetimes", () => {
    expect(isIsoDate("2024-02-29")).toBe(true)
    expect(isIsoDate("2025-02-29")).toBe(false)
    expect(isIsoDate("2025-2-1")).toBe(false)
    expect(normaliseDateTime("2025-01-01T00:00:00+02:00")).toBe("2024-12-31T22:00:00.000Z")
    expect(normaliseDateTime("2025-01-01T00:00:00")).toBeNull()
    expect(normaliseDateTime("2025-02-30T00:00:00Z")).toBeNull()
  })

  it("caps tags at 32 of 64 characters", () => {
    const tags = normaliseTags(Array.from({ length: 40 }, (_, i) => `Tag ${i} ${"x".repeat(70)}`))
    expect(tags).toHaveLength(32)
    expect(tags.every((t) => t.length <= 64 && t === t.toLowerCase())).toBe(true)
  })

  it("derives different ids for the same quote with different context", () => {
    const url = "https://example.com/"
    expect(snippetIdFor(url, { exact: "a", prefix: "x", suffix: "" })).not.toBe(snippetIdFor(url, { exact: "a", prefix: "", suffix: "x" }))
  })
})
