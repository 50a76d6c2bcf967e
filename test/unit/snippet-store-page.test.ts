// Pure helpers behind the snippet collection page: text-fragment links,
// faceted counts, ordering and export file names.
import { describe, expect, it } from "vitest"

import { createSnippet, type Snippet } from "~core/snippets/model"
import { exportFilename, exportText } from "~tabs/snippets-page/exporting"
import { encodeFragmentTerm, textDirective, textFragmentUrl } from "~core/anchoring/text-fragment"
import { NO_FILTER, facetsFor, firstWords, sortSnippets, splitTagInput } from "~tabs/snippets-page/view"

function make(n: number, extra: Partial<Parameters<typeof createSnippet>[0]> = {}): Snippet {
  const made = createSnippet({
    url: `https://www.example.com/post-${n}`,
    quote: { exact: `Quote number ${n}` },
    savedAt: `2026-0${(n % 9) + 1}-15T08:00:00.000Z`,
    ...extra
  })
  if (!made.ok) throw new Error(made.reason)
  return made.snippet
}

describe("textFragmentUrl", () => {
  it("encodes a short quote exactly, escaping the directive's own syntax", () => {
    expect(encodeFragmentTerm("99.999% up-time, always & forever")).toBe("99.999%25%20up%2Dtime%2C%20always%20%26%20forever")
    const url = textFragmentUrl("https://example.com/a?b=1", {
      exact: "our cloud offers 99.999% up-time, always",
      prefix: "x",
      suffix: "y"
    })
    expect(url).toBe("https://example.com/a?b=1#:~:text=our%20cloud%20offers%2099.999%25%20up%2Dtime%2C%20always")
  })

  it("adds neighbouring words to a very short quote, but only within its block", () => {
    expect(textDirective({ exact: "more reliable", prefix: "Acme is far ", suffix: " than anyone else" })).toBe("far-,more%20reliable,-than")
    expect(textDirective({ exact: "more reliable", prefix: "Heading\n", suffix: "\nNext paragraph" })).toBe("more%20reliable")
    // Selection starting mid-word: the prefix is part of the same word, so it is not a safe context term.
    expect(textDirective({ exact: "liable", prefix: "more re", suffix: "" })).toBe("liable")
  })

  it("links a long or multi-block quote by its first and last words", () => {
    const long = "Systems have been restored for all customers and we apologise for the disruption this caused to your business"
    expect(textDirective({ exact: long, prefix: "", suffix: "" })).toBe("Systems%20have%20been%20restored,caused%20to%20your%20business")
    const blocks = "Acme Cloud: back online\nAll regions are healthy again"
    expect(textDirective({ exact: blocks, prefix: "", suffix: "" })).toBe("Acme%20Cloud%3A%20back%20online,regions%20are%20healthy%20again")
  })

  it("keeps an ordinary anchor, replaces an old text directive, and skips an empty quote", () => {
    const quote = { exact: "fully restored", prefix: "", suffix: "" }
    expect(textFragmentUrl("https://example.com/p#update-3", quote)).toBe("https://example.com/p#update-3:~:text=fully%20restored")
    expect(textFragmentUrl("https://example.com/p#:~:text=old", quote)).toBe("https://example.com/p#:~:text=fully%20restored")
    expect(textFragmentUrl("https://example.com/p#top", { exact: "  \n ", prefix: "", suffix: "" })).toBe("https://example.com/p#top")
  })
})

describe("facetsFor", () => {
  const snippets = [
    make(1, { vendors: [{ id: "acme-cloud", name: "Acme Cloud" }], claimKind: "reliability", tags: ["uptime"] }),
    make(2, { vendors: [{ id: "acme-cloud", name: "Acme Cloud" }], claimKind: "security", tags: ["uptime", "pr"] }),
    make(3, { url: "https://blog.vendor.example/x", vendors: [{ id: "initech", name: "Initech" }], claimKind: "reliability" })
  ]

  it("counts each menu against the other filters only", () => {
    const facets = facetsFor(snippets, { ...NO_FILTER, vendor: "acme-cloud" })
    // The vendor menu ignores the vendor filter itself...
    expect(facets.vendors.map((f) => [f.value, f.count])).toEqual([["acme-cloud", 2], ["initech", 1]])
    // ...the others count only Acme Cloud's snippets, kinds in their fixed order.
    expect(facets.kinds.map((f) => [f.value, f.count])).toEqual([["reliability", 1], ["security", 1]])
    expect(facets.tags.map((f) => [f.value, f.count])).toEqual([["uptime", 2], ["pr", 1]])
    expect(facets.sites.map((f) => [f.value, f.count])).toEqual([["example.com", 2]])
  })

  it("keeps a chosen value listed when nothing matches it any more", () => {
    const facets = facetsFor(snippets, { ...NO_FILTER, tag: "gone" })
    expect(facets.tags.find((f) => f.value === "gone")).toEqual({ value: "gone", label: "gone", count: 0 })
  })
})

describe("view helpers", () => {
  it("sorts by saved time either way, and by page date with undated pages last", () => {
    const a = make(1, { pageDate: "2025-01-01" })
    const b = make(2)
    const c = make(3, { pageDate: "2026-06-01" })
    expect(sortSnippets([a, b, c], "saved-desc").map((s) => s.id)).toEqual([c.id, b.id, a.id])
    expect(sortSnippets([c, a, b], "saved-asc").map((s) => s.id)).toEqual([a.id, b.id, c.id])
    expect(sortSnippets([a, b, c], "page-desc").map((s) => s.id)).toEqual([c.id, a.id, b.id])
  })

  it("names a snippet by its first words and splits typed tags on commas", () => {
    expect(firstWords("Acme  Cloud has been\nmore reliable than ever before, said the CEO")).toBe("Acme Cloud has been more reliable than ever…")
    expect(firstWords("Short quote")).toBe("Short quote")
    expect(splitTagInput(" outage ,  Q1   review,, ")).toEqual(["outage", "Q1 review"])
  })

  it("names export files by date and format, W3C as .jsonld", () => {
    const day = new Date(2026, 10, 28, 23, 30)
    expect(exportFilename("csv", day)).toBe("track-record-snippets-2026-11-28.csv")
    expect(exportFilename("w3c", day)).toBe("track-record-snippets-2026-11-28.jsonld")
    expect(exportFilename("jsonl", day)).toBe("track-record-snippets-2026-11-28.jsonl")
    const w3c = JSON.parse(exportText("w3c", [make(1)], day))
    expect(w3c).toMatchObject({ type: "AnnotationCollection", total: 1 })
    expect(exportText("csv", [make(1)], day).split("\r\n")[0]).toMatch(/^id,saved_at,url,/)
  })
})
