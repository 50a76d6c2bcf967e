import { readFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { CLAIM_KINDS } from "~core/types"
import { aliasLookup, baselineMentions } from "../../scripts/lib/eval-baseline"
import { CORPUS_DIR, formatLabels, loadCorpus, readVendors } from "../../scripts/lib/eval-corpus"
import { checkLabels, fillLabels, occurrences } from "../../scripts/lib/eval-label"

const vendors = readVendors()
const vendorNames = new Set(vendors.map((v) => v.name))
const docs = loadCorpus(CORPUS_DIR, vendorNames)

describe("evaluation corpus", () => {
  it("has at least 40 texts, about 25 dev and 15 held out", () => {
    expect(docs.length).toBeGreaterThanOrEqual(40)
    expect(docs.filter((d) => d.split === "dev").length).toBeGreaterThanOrEqual(22)
    expect(docs.filter((d) => d.split === "heldout").length).toBeGreaterThanOrEqual(13)
  })

  it.each(docs.map((d) => [d.id, d] as const))("%s: every label slices to its text", (_id, doc) => {
    for (const s of [...doc.gold.mentions, ...doc.gold.claims]) expect(doc.text.slice(s.start, s.end)).toBe(s.text)
    expect(checkLabels(doc.text, doc.gold, vendorNames)).toEqual([])
  })

  it("keeps texts between 80 and 400 words", () => {
    for (const d of docs) {
      const words = d.text.split(/\s+/).filter(Boolean).length
      expect(words, d.id).toBeGreaterThanOrEqual(80)
      expect(words, d.id).toBeLessThanOrEqual(400)
    }
  })

  it("labels vendors by canonical name and uses every claim kind", () => {
    const kinds = new Set(docs.flatMap((d) => d.gold.claims.map((c) => c.kind)))
    expect([...kinds].sort()).toEqual([...CLAIM_KINDS].sort())
    expect(docs.flatMap((d) => d.gold.claims).some((c) => c.vendor === null)).toBe(true)
  })

  it("has vendor-free negatives and claim-free vendor texts in both splits", () => {
    for (const split of ["dev", "heldout"]) {
      const inSplit = docs.filter((d) => d.split === split)
      expect(inSplit.filter((d) => d.gold.mentions.length === 0).length, split).toBeGreaterThanOrEqual(4)
      expect(inSplit.filter((d) => d.gold.mentions.length > 0 && d.gold.claims.length === 0).length, split).toBeGreaterThanOrEqual(2)
    }
  })

  it("stores labels already resolved and in canonical form", () => {
    for (const d of docs) {
      const file = path.join(CORPUS_DIR, `${d.id}.labels.json`)
      expect(formatLabels(fillLabels(d.text, d.gold)), d.id).toBe(readFileSync(file, "utf8"))
    }
  })
})

describe("fillLabels", () => {
  const text = "CrowdStrike Holdings said CrowdStrike's Falcon sensor was fixed. Falcon is back; all systems have been restored."

  it("labels every whole-word occurrence, longer surfaces first", () => {
    const labels = fillLabels(text, {
      mentions: [
        { vendor: "CrowdStrike", text: "CrowdStrike" },
        { vendor: "CrowdStrike", text: "CrowdStrike Holdings" },
        { vendor: "CrowdStrike", text: "Falcon", nth: 2 },
        { vendor: "CrowdStrike", text: "Falcon sensor" }
      ],
      claims: [{ text: "all systems have been restored", kind: "recovery", vendor: "CrowdStrike" }]
    })
    expect(labels.mentions.map((m) => [m.text, m.start])).toEqual([
      ["CrowdStrike Holdings", 0],
      ["CrowdStrike", 26],
      ["Falcon sensor", 40],
      ["Falcon", 65]
    ])
    expect(labels.claims[0]).toMatchObject({ start: 81, end: 111 })
  })

  it("rejects ambiguous or missing claims and offsets that do not slice", () => {
    expect(() => fillLabels("fixed and fixed", { claims: [{ text: "fixed", kind: "recovery", vendor: null }] })).toThrow(/occurs 2 times/)
    expect(() => fillLabels(text, { mentions: [{ vendor: "Okta", text: "Okta" }] })).toThrow(/not found/)
    expect(() => fillLabels(text, { mentions: [{ vendor: "CrowdStrike", text: "CrowdStrike", start: 1, end: 12 }] })).toThrow(/slice to/)
  })

  it("matches whole words only", () => {
    expect(occurrences("Falcons and a Falcon, not Falconry", "Falcon")).toEqual([14])
    expect(occurrences("PAN-OS and PAN-OS.", "PAN-OS")).toEqual([0, 11])
  })
})

describe("compromise baseline", () => {
  const lookup = aliasLookup(vendors)

  it("maps organisations to vendors by alias, canonical names first", () => {
    expect(lookup("Microsoft")).toBe("Microsoft")
    expect(lookup("amazon web services")).toBe("Amazon Web Services")
    expect(lookup("Initech")).toBeUndefined()
  })

  it("returns trimmed spans that slice to the text", () => {
    const text = "Shares of Microsoft rose. Amazon Web Services said nothing."
    const found = baselineMentions(text, lookup)
    expect(found.map((m) => m.vendor)).toEqual(["Microsoft", "Amazon Web Services"])
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text)
  })
})
