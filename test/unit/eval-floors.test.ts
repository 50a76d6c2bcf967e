// Floors for the detector on the labelled corpus (both splits pooled).
// Raise them as the detector improves; lower them only with a note saying why.
import { describe, expect, it } from "vitest"
import lexicon from "~generated/lexicon.json"
import { aliasLookup } from "../../scripts/lib/eval-baseline"
import { loadCorpus } from "../../scripts/lib/eval-corpus"
import { baselinePredictions, runEval } from "../../scripts/lib/eval-run"

const docs = loadCorpus()
// Baseline before the detector loads: the detector extends compromise globally.
const baseline = baselinePredictions(docs, aliasLookup(lexicon.vendors))
const { analyzeText } = await import("~core/analyze")
const result = runEval(docs, analyzeText, baseline)
const all = result.all.detector

describe("detector on the evaluation corpus", () => {
  it("finds vendors with F1 >= 0.9", () => {
    expect(all.vendor.f1).toBeGreaterThanOrEqual(0.9)
  })

  it("finds no vendor on vendor-free texts", () => {
    expect(all.vendorsOnVendorFree).toBe(0)
  })

  it("finds claims with F1 >= 0.75 (overlap, any kind)", () => {
    expect(all.claimAnyKind.f1).toBeGreaterThanOrEqual(0.75)
  })

  it("labels the kind of matched claims with accuracy >= 0.85", () => {
    expect(all.kindAccuracy.value).toBeGreaterThanOrEqual(0.85)
  })

  it("attributes matched claims to the right vendor (or none) with accuracy >= 0.85", () => {
    expect(all.attributionAccuracy.value).toBeGreaterThanOrEqual(0.85)
  })

  it("beats the compromise organizations() baseline on vendor F1", () => {
    expect(all.vendor.f1).toBeGreaterThan(result.all.baseline.vendor.f1)
  })
})
