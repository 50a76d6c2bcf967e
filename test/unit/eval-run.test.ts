import { describe, expect, it } from "vitest"
import type { AnalysisResult } from "~core/types"
import type { CorpusDoc } from "../../scripts/lib/eval-corpus"
import { runEval } from "../../scripts/lib/eval-run"

const docs: CorpusDoc[] = [
  {
    id: "dev/a",
    split: "dev",
    text: "Okta said the service was not affected.",
    gold: { mentions: [{ vendor: "Okta", text: "Okta", start: 0, end: 4 }], claims: [{ text: "the service was not affected", start: 10, end: 38, kind: "security", vendor: "Okta" }] }
  },
  { id: "heldout/b", split: "heldout", text: "Apple pie.", gold: { mentions: [], claims: [] } }
]

// A stand-in analyzer: finds "Okta" and "Apple" wherever they are, and one fixed claim.
function analyze(text: string): AnalysisResult {
  const mentions = ["Okta", "Apple"].flatMap((name) => {
    const at = text.indexOf(name)
    return at === -1 ? [] : [{ vendorId: name.toLowerCase(), vendor: name, text: name, start: at, end: at + name.length, alias: name, product: null, reason: "test" }]
  })
  const at = text.indexOf("not affected")
  const claims = at === -1 ? [] : [{ text: "not affected", start: at, end: at + 12, kind: "recovery" as const, rule: "t", vendorId: null, vendor: null, attribution: null }]
  return { mentions, claims }
}

describe("runEval", () => {
  const result = runEval(docs, analyze, new Map([["dev/a", []], ["heldout/b", []]]))

  it("scores each split on its own texts and pools them in all", () => {
    expect(result.dev.detector.docs).toBe(1)
    expect(result.heldout.detector.docs).toBe(1)
    expect(result.all.detector.docs).toBe(2)
    expect(result.dev.detector.vendor.f1).toBe(1)
    expect(result.heldout.detector.vendorsOnVendorFree).toBe(1)
    expect(result.all.detector.vendor).toMatchObject({ truePredicted: 1, predicted: 2, trueGold: 1, gold: 1 })
  })

  it("carries kind and vendor of the detector's claims into the comparison", () => {
    expect(result.dev.detector.claimAnyKind.f1).toBe(1)
    expect(result.dev.detector.claimSameKind.f1).toBe(0)
    expect(result.dev.detector.attributionAccuracy.value).toBe(0)
  })

  it("scores the baseline from the precomputed mentions and requires one per text", () => {
    expect(result.all.baseline.vendor).toMatchObject({ predicted: 0, recall: 0 })
    expect(() => runEval(docs, analyze, new Map())).toThrow(/no baseline prediction/)
  })
})
