// Corpus metrics for vendor mentions and claims. Pure: gold and predicted spans
// in, numbers out, so the floors test and `npm run eval` share one definition.
//
// Matching is by span overlap and is not one-to-one: a prediction counts as
// correct when it overlaps any gold span of the same vendor, and a gold span
// counts as found when any such prediction overlaps it. Precision is therefore
// computed over predictions and recall over gold spans.
import type { ClaimKind } from "../../src/core/types"

export interface Span {
  start: number
  end: number
  text?: string
}
export interface MentionSpan extends Span {
  vendor: string
}
export interface ClaimSpan extends Span {
  kind: ClaimKind
  vendor: string | null
}

export interface DocInput {
  id: string
  gold: { mentions: MentionSpan[]; claims: ClaimSpan[] }
  pred: { mentions: MentionSpan[]; claims: ClaimSpan[] }
}

export interface Prf {
  /** Predictions that match some gold span. */
  truePredicted: number
  predicted: number
  /** Gold spans found by some prediction. */
  trueGold: number
  gold: number
  precision: number
  recall: number
  f1: number
}

export interface Accuracy {
  correct: number
  total: number
  value: number
}

export interface DocErrors {
  id: string
  missedMentions: MentionSpan[]
  falseMentions: MentionSpan[]
  missedClaims: ClaimSpan[]
  falseClaims: ClaimSpan[]
  wrongKind: { gold: ClaimSpan; pred: ClaimSpan }[]
  wrongVendor: { gold: ClaimSpan; pred: ClaimSpan }[]
}

export interface Metrics {
  docs: number
  vendor: Prf
  /** Texts whose gold has no vendor mention. */
  vendorFreeDocs: number
  /** Predicted mentions on those texts (should be 0). */
  vendorsOnVendorFree: number
  /** Claim matching on overlap alone. */
  claimAnyKind: Prf
  /** Claim matching on overlap and equal kind. */
  claimSameKind: Prf
  /** Over gold claims found on overlap: the best-overlapping prediction has the gold kind. */
  kindAccuracy: Accuracy
  /** Over gold claims found on overlap: the best-overlapping prediction names the gold vendor (null included). */
  attributionAccuracy: Accuracy
  errors: DocErrors[]
}

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}

/** 0/0 counts as 1: with nothing to predict or nothing predicted there is nothing to get wrong. */
function ratio(num: number, den: number): number {
  return den === 0 ? 1 : num / den
}

export function prf(truePredicted: number, predicted: number, trueGold: number, gold: number): Prf {
  const precision = ratio(truePredicted, predicted)
  const recall = ratio(trueGold, gold)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { truePredicted, predicted, trueGold, gold, precision, recall, f1 }
}

function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, value: ratio(correct, total) }
}

const sameVendor = (a: string | null, b: string | null) => (a === null || b === null ? a === b : a.toLowerCase() === b.toLowerCase())

/** The prediction overlapping `gold` the most (earliest on ties), or undefined. */
function bestMatch<T extends Span>(gold: Span, preds: T[]): T | undefined {
  let best: T | undefined
  let bestOverlap = 0
  for (const p of preds) {
    const o = overlap(gold, p)
    if (o > bestOverlap) {
      best = p
      bestOverlap = o
    }
  }
  return best
}

export function evaluate(docs: DocInput[]): Metrics {
  const n = { mTP: 0, mP: 0, mTG: 0, mG: 0, aTP: 0, cP: 0, aTG: 0, cG: 0, kTP: 0, kTG: 0 }
  let vendorFreeDocs = 0
  let vendorsOnVendorFree = 0
  let kindOk = 0
  let vendorOk = 0
  let matchedClaims = 0
  const errors: DocErrors[] = []

  for (const doc of docs) {
    const { gold, pred } = doc
    const err: DocErrors = { id: doc.id, missedMentions: [], falseMentions: [], missedClaims: [], falseClaims: [], wrongKind: [], wrongVendor: [] }

    const mentionMatch = (a: MentionSpan, b: MentionSpan) => overlap(a, b) > 0 && sameVendor(a.vendor, b.vendor)
    for (const p of pred.mentions) {
      if (gold.mentions.some((g) => mentionMatch(g, p))) n.mTP++
      else err.falseMentions.push(p)
    }
    for (const g of gold.mentions) {
      if (pred.mentions.some((p) => mentionMatch(g, p))) n.mTG++
      else err.missedMentions.push(g)
    }
    n.mP += pred.mentions.length
    n.mG += gold.mentions.length
    if (gold.mentions.length === 0) {
      vendorFreeDocs++
      vendorsOnVendorFree += pred.mentions.length
    }

    for (const p of pred.claims) {
      if (gold.claims.some((g) => overlap(g, p) > 0)) n.aTP++
      else err.falseClaims.push(p)
      if (gold.claims.some((g) => overlap(g, p) > 0 && g.kind === p.kind)) n.kTP++
    }
    for (const g of gold.claims) {
      const overlapping = pred.claims.filter((p) => overlap(g, p) > 0)
      if (overlapping.some((p) => p.kind === g.kind)) n.kTG++
      const best = bestMatch(g, overlapping)
      if (!best) {
        err.missedClaims.push(g)
        continue
      }
      n.aTG++
      matchedClaims++
      if (best.kind === g.kind) kindOk++
      else err.wrongKind.push({ gold: g, pred: best })
      if (sameVendor(best.vendor, g.vendor)) vendorOk++
      else err.wrongVendor.push({ gold: g, pred: best })
    }
    n.cP += pred.claims.length
    n.cG += gold.claims.length

    const hasErrors = Object.values(err).some((v) => Array.isArray(v) && v.length > 0)
    if (hasErrors) errors.push(err)
  }

  return {
    docs: docs.length,
    vendor: prf(n.mTP, n.mP, n.mTG, n.mG),
    vendorFreeDocs,
    vendorsOnVendorFree,
    claimAnyKind: prf(n.aTP, n.cP, n.aTG, n.cG),
    claimSameKind: prf(n.kTP, n.cP, n.kTG, n.cG),
    kindAccuracy: accuracy(kindOk, matchedClaims),
    attributionAccuracy: accuracy(vendorOk, matchedClaims),
    errors
  }
}
