// Floors for the detector on the labelled corpus, held per split: dev texts may
// be read while writing rules, held-out texts may not, so a rule that only fits
// dev shows up here as a held-out failure. Raise floors as the detector
// improves; lower one only with a note saying why.
import { describe, expect, it } from "vitest"
import lexicon from "~generated/lexicon.json"
import { aliasLookup } from "../../scripts/lib/eval-baseline"
import { loadCorpus } from "../../scripts/lib/eval-corpus"
import { baselinePredictions, runEval, SCOPES } from "../../scripts/lib/eval-run"

const docs = loadCorpus()
// Baseline before the detector loads: the detector extends compromise globally.
const baseline = baselinePredictions(docs, aliasLookup(lexicon.vendors))
const { analyzeText } = await import("~core/analyze")
const result = runEval(docs, analyzeText, baseline)

// The target for claims is F1 >= 0.75 on every split. The 31 held-out texts are
// at 0.77 (74 of 107 claims found, 11 false hits); the 12 newest of them, written
// blind and never read, scored 0.785 on their own. Dev is at 0.92 over 95 texts,
// 54 of them written blind and then used to write rules. Floors sit just under
// the measured values so a regression fails.
const CLAIM_F1_FLOOR: Record<(typeof SCOPES)[number], number> = { dev: 0.9, heldout: 0.76, all: 0.88 }

describe.each(SCOPES)("detector on the %s texts", (scope) => {
  const m = result[scope].detector

  it("finds vendors with F1 >= 0.9", () => {
    expect(m.vendor.f1).toBeGreaterThanOrEqual(0.9)
  })

  it("finds no vendor on vendor-free texts", () => {
    expect(m.vendorsOnVendorFree).toBe(0)
  })

  it(`finds claims with F1 >= ${CLAIM_F1_FLOOR[scope]} (overlap, any kind)`, () => {
    expect(m.claimAnyKind.f1).toBeGreaterThanOrEqual(CLAIM_F1_FLOOR[scope])
  })

  it("labels the kind of matched claims with accuracy >= 0.85", () => {
    expect(m.kindAccuracy.value).toBeGreaterThanOrEqual(0.85)
  })

  it("attributes matched claims to the right vendor (or none) with accuracy >= 0.85", () => {
    expect(m.attributionAccuracy.value).toBeGreaterThanOrEqual(0.85)
  })

  it("beats the compromise organizations() baseline on vendor F1", () => {
    expect(m.vendor.f1).toBeGreaterThan(result[scope].baseline.vendor.f1)
  })
})
