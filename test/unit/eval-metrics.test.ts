import { describe, expect, it } from "vitest"
import { evaluate, prf, type ClaimSpan, type DocInput, type MentionSpan } from "../../scripts/lib/eval-metrics"

const m = (vendor: string, start: number, end: number): MentionSpan => ({ vendor, start, end })
const c = (start: number, end: number, kind: ClaimSpan["kind"], vendor: string | null): ClaimSpan => ({ start, end, kind, vendor })
const doc = (id: string, gold: Partial<DocInput["gold"]>, pred: Partial<DocInput["pred"]>): DocInput => ({
  id,
  gold: { mentions: [], claims: [], ...gold },
  pred: { mentions: [], claims: [], ...pred }
})

describe("evaluate", () => {
  it("scores a perfect prediction as 1 everywhere with no errors", () => {
    const gold = { mentions: [m("CrowdStrike", 0, 11), m("Microsoft", 30, 39)], claims: [c(50, 70, "recovery", "CrowdStrike")] }
    const r = evaluate([doc("a", gold, gold)])
    expect(r.vendor).toMatchObject({ precision: 1, recall: 1, f1: 1 })
    expect(r.claimAnyKind.f1).toBe(1)
    expect(r.claimSameKind.f1).toBe(1)
    expect(r.kindAccuracy).toEqual({ correct: 1, total: 1, value: 1 })
    expect(r.attributionAccuracy).toEqual({ correct: 1, total: 1, value: 1 })
    expect(r.errors).toEqual([])
  })

  it("treats an empty gold and empty prediction as nothing to get wrong", () => {
    const r = evaluate([doc("neg", {}, {})])
    expect(r.vendor).toMatchObject({ precision: 1, recall: 1, f1: 1, predicted: 0, gold: 0 })
    expect(r.vendorFreeDocs).toBe(1)
    expect(r.vendorsOnVendorFree).toBe(0)
    expect(r.kindAccuracy.total).toBe(0)
  })

  it("counts predictions on vendor-free texts as false hits", () => {
    const r = evaluate([doc("apple-pie", {}, { mentions: [m("Apple", 0, 5)] })])
    expect(r.vendorsOnVendorFree).toBe(1)
    expect(r.vendor).toMatchObject({ precision: 0, recall: 1, f1: 0 })
    expect(r.errors[0]!.falseMentions).toHaveLength(1)
  })

  it("scores zero recall when nothing is predicted for gold spans", () => {
    const r = evaluate([doc("a", { mentions: [m("Okta", 0, 4)], claims: [c(10, 20, "security", "Okta")] }, {})])
    expect(r.vendor).toMatchObject({ precision: 1, recall: 0, f1: 0 })
    expect(r.claimAnyKind.recall).toBe(0)
    expect(r.errors[0]!.missedMentions).toEqual([m("Okta", 0, 4)])
  })

  it("matches partially overlapping spans, but only for the same vendor", () => {
    // gold "Palo Alto Networks" 0-18; predicted "Palo Alto" 0-9 overlaps; a Fortinet span over the same text does not match
    const r = evaluate([
      doc("a", { mentions: [m("Palo Alto Networks", 0, 18), m("Fortinet", 40, 48)] }, { mentions: [m("Palo Alto Networks", 0, 9), m("Fortinet", 10, 18)] })
    ])
    expect(r.vendor).toMatchObject({ truePredicted: 1, predicted: 2, trueGold: 1, gold: 2, precision: 0.5, recall: 0.5 })
    // touching is not overlapping
    const t = evaluate([doc("b", { mentions: [m("Okta", 0, 4)] }, { mentions: [m("Okta", 4, 8)] })])
    expect(t.vendor.truePredicted).toBe(0)
  })

  it("compares vendor names case-insensitively", () => {
    const r = evaluate([doc("a", { mentions: [m("CrowdStrike", 0, 11)] }, { mentions: [m("crowdstrike", 0, 11)] })])
    expect(r.vendor.f1).toBe(1)
  })

  it("reports kind and attribution over claims matched on overlap, using the best-overlapping prediction", () => {
    const gold = { claims: [c(0, 40, "reliability", "Qihoo 360"), c(50, 60, "recovery", null), c(80, 90, "security", "Okta")] }
    const pred = {
      claims: [
        c(0, 5, "superlative", "CrowdStrike"), // small overlap, wrong kind and vendor
        c(10, 38, "reliability", "Qihoo 360"), // best overlap: right
        c(52, 58, "performance", null), // overlaps, wrong kind, right (null) vendor
        c(100, 110, "security", null) // no gold: false claim
      ]
    }
    const r = evaluate([doc("a", gold, pred)])
    expect(r.claimAnyKind).toMatchObject({ truePredicted: 3, predicted: 4, trueGold: 2, gold: 3 })
    expect(r.claimSameKind).toMatchObject({ truePredicted: 1, trueGold: 1 })
    expect(r.kindAccuracy).toEqual({ correct: 1, total: 2, value: 0.5 })
    expect(r.attributionAccuracy).toEqual({ correct: 2, total: 2, value: 1 })
    const e = r.errors[0]!
    expect(e.missedClaims.map((x) => x.start)).toEqual([80])
    expect(e.falseClaims.map((x) => x.start)).toEqual([100])
    expect(e.wrongKind).toHaveLength(1)
  })

  it("pools counts over documents (micro average)", () => {
    const r = evaluate([
      doc("a", { mentions: [m("AWS", 0, 3)] }, { mentions: [m("AWS", 0, 3)] }),
      doc("b", { mentions: [m("AWS", 0, 3), m("AWS", 10, 13), m("AWS", 20, 23)] }, {})
    ])
    expect(r.vendor.recall).toBe(0.25)
    expect(r.docs).toBe(2)
  })
})

describe("prf", () => {
  it("computes the harmonic mean and guards against zero", () => {
    expect(prf(1, 2, 1, 4).f1).toBeCloseTo(2 / 6)
    expect(prf(0, 3, 0, 3).f1).toBe(0)
  })
})
