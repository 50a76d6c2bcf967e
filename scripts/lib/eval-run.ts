// Runs an analyzer and the compromise baseline over the corpus and scores both per split.
import type { AnalysisResult } from "../../src/core/types"
import { baselineMentions, type AliasLookup } from "./eval-baseline"
import { SPLITS, type CorpusDoc, type Split } from "./eval-corpus"
import { evaluate, type DocInput, type MentionSpan, type Metrics } from "./eval-metrics"

export type Analyze = (text: string) => AnalysisResult

export const SCOPES = [...SPLITS, "all"] as const
export type Scope = (typeof SCOPES)[number]

export interface ScopeResult {
  detector: Metrics
  /** Vendor metrics only: the baseline finds no claims. */
  baseline: Metrics
}

export type EvalResult = Record<Scope, ScopeResult>

export function predictionFor(result: AnalysisResult): DocInput["pred"] {
  return {
    mentions: result.mentions.map((m) => ({ vendor: m.vendor, text: m.text, start: m.start, end: m.end })),
    claims: result.claims.map((c) => ({ text: c.text, start: c.start, end: c.end, kind: c.kind, vendor: c.vendor }))
  }
}

/**
 * Baseline mentions per document id. Call this before the detector module is
 * loaded: the detector teaches compromise its vendor names through global
 * plugins, which would otherwise leak into the baseline's organizations().
 */
export function baselinePredictions(docs: readonly CorpusDoc[], lookup: AliasLookup): Map<string, MentionSpan[]> {
  return new Map(docs.map((d) => [d.id, baselineMentions(d.text, lookup)]))
}

export function runEval(docs: readonly CorpusDoc[], analyze: Analyze, baselineById: ReadonlyMap<string, MentionSpan[]>): EvalResult {
  const detector: (DocInput & { split: Split })[] = []
  const baseline: (DocInput & { split: Split })[] = []
  for (const doc of docs) {
    const mentions = baselineById.get(doc.id)
    if (!mentions) throw new Error(`no baseline prediction for ${doc.id}`)
    detector.push({ id: doc.id, split: doc.split, gold: doc.gold, pred: predictionFor(analyze(doc.text)) })
    baseline.push({ id: doc.id, split: doc.split, gold: doc.gold, pred: { mentions, claims: [] } })
  }
  const inScope = (scope: Scope) => (d: { split: Split }) => scope === "all" || d.split === scope
  const result = {} as EvalResult
  for (const scope of SCOPES) {
    result[scope] = { detector: evaluate(detector.filter(inScope(scope))), baseline: evaluate(baseline.filter(inScope(scope))) }
  }
  return result
}
