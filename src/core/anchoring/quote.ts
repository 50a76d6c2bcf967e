// Text-quote anchoring on plain strings: describe a span of page text so it can
// be found again after the page changed, and find it again.
//
// Strategy, cheapest first (after Hypothesis' anchoring):
//   1. the position hint, if the text there is still exactly the quote;
//   2. every exact occurrence of the quote, scored by how well the text around
//      it matches the saved prefix/suffix and how near it is to the hint;
//   3. the same over whitespace-normalised text, so reflowed or re-indented
//      pages still anchor. Context is compared by edit distance, so a few
//      edited characters around the quote do not matter.
// The quote itself must match exactly once whitespace is normalised: a passage
// whose wording changed is reported as not found rather than anchored to
// something the researcher never saved.

import { QUOTE_CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from "../snippets/model"

export interface TextSpan {
  start: number
  end: number
}

/** Selector for `text.slice(start, end)` with `contextLen` characters of context on each side. */
export function quoteSelectorFor(text: string, start: number, end: number, contextLen = QUOTE_CONTEXT_LENGTH): TextQuoteSelector {
  const s = clamp(Math.min(start, end), 0, text.length)
  const e = clamp(Math.max(start, end), 0, text.length)
  // Context edges must not split a surrogate pair (an emoji cut in half is not valid text).
  let from = Math.max(0, s - contextLen)
  if (isLowSurrogate(text.charCodeAt(from)) && from < s) from++
  let to = Math.min(text.length, e + contextLen)
  if (isLowSurrogate(text.charCodeAt(to)) && to > e) to--
  return {
    type: "TextQuoteSelector",
    exact: text.slice(s, e),
    prefix: text.slice(from, s),
    suffix: text.slice(e, to)
  }
}

export function positionSelectorFor(start: number, end: number): TextPositionSelector {
  return { type: "TextPositionSelector", start, end }
}

/** Occurrences of the quote considered before giving up; a quote this common is not worth scoring further. */
const MAX_CANDIDATES = 2_000
/** A quote shorter than this must also have matching context, or one stray word would anchor anywhere. */
const SHORT_QUOTE = 16
const MIN_CONTEXT_SCORE_FOR_SHORT_QUOTE = 0.5
const GOOD_CONTEXT = 0.75

/**
 * Finds the quote in `text`. Returns offsets into `text`, or null when the quote is not there
 * (allowing for whitespace changes) or is too short to place with any confidence.
 */
export function findQuote(text: string, selector: Pick<TextQuoteSelector, "exact" | "prefix" | "suffix">, hint?: Pick<TextPositionSelector, "start" | "end"> | null): TextSpan | null {
  const { exact } = selector
  if (typeof text !== "string" || typeof exact !== "string" || exact.trim() === "") return null
  const prefix = selector.prefix ?? ""
  const suffix = selector.suffix ?? ""

  // 1. Position hint still points at the quote.
  if (hint && !isSpan(hint, text.length)) hint = null
  if (hint && text.slice(hint.start, hint.end) === exact) return { start: hint.start, end: hint.end }

  // 2. Exact occurrences.
  const exactStarts = occurrences(text, exact)
  if (exactStarts.length > 0) {
    const best = pickBest(text, exactStarts, exact.length, prefix, suffix, hint ?? null, text.length)
    // Good context settles it; otherwise a reflowed copy with the right context may still win below.
    if (best && best.context >= GOOD_CONTEXT) return { start: best.start, end: best.start + exact.length }
  }

  // 3. Whitespace-normalised occurrences.
  const norm = normalise(text)
  const normExact = normalise(exact).text.trim()
  if (normExact === "") return null
  const normStarts = occurrences(norm.text, normExact)
  if (normStarts.length === 0) return null
  const normHint = hint ? { start: toNormOffset(norm.map, hint.start), end: toNormOffset(norm.map, hint.end) } : null
  const best = pickBest(norm.text, normStarts, normExact.length, normalise(prefix).text, normalise(suffix).text, normHint, norm.text.length)
  if (!best || !acceptable(normExact, best.context)) return null
  const start = norm.map[best.start]
  const lastChar = norm.map[best.start + normExact.length - 1]
  return { start, end: lastChar + 1 }
}

function acceptable(exact: string, contextScore: number): boolean {
  return exact.trim().length >= SHORT_QUOTE || contextScore >= MIN_CONTEXT_SCORE_FOR_SHORT_QUOTE
}

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = []
  let from = 0
  while (out.length < MAX_CANDIDATES) {
    const at = haystack.indexOf(needle, from)
    if (at < 0) break
    out.push(at)
    from = at + 1
  }
  return out
}

interface Scored {
  start: number
  /** 0..1, how well prefix and suffix match around this occurrence. */
  context: number
  score: number
}

function pickBest(text: string, starts: number[], length: number, prefix: string, suffix: string, hint: TextSpan | null, textLength: number): Scored | null {
  let best: Scored | null = null
  for (const start of starts) {
    const before = text.slice(Math.max(0, start - prefix.length), start)
    const after = text.slice(start + length, start + length + suffix.length)
    const prefixScore = prefix === "" ? 1 : similarity(prefix, before, "end")
    const suffixScore = suffix === "" ? 1 : similarity(suffix, after, "start")
    const context = (prefixScore + suffixScore) / 2
    // Position only breaks near-ties: pages gain and lose whole paragraphs.
    const nearness = hint ? 1 - Math.min(1, Math.abs(start - hint.start) / Math.max(1, textLength)) : 0
    const score = context * 0.9 + nearness * 0.1
    if (!best || score > best.score) best = { start, context, score }
  }
  return best
}

/**
 * 1 − (edit distance / length), comparing `saved` with `found`. The side away from the quote
 * matters less, so `anchor` names the side that touches the quote and the far side may drift.
 */
function similarity(saved: string, found: string, anchor: "start" | "end"): number {
  if (saved === found) return 1
  if (found === "") return 0
  const a = anchor === "end" ? reverse(saved) : saved
  const b = anchor === "end" ? reverse(found) : found
  // Distance of `a` against the best-matching prefix of `b`: insertions near the far end are free.
  const d = prefixEditDistance(a, b)
  return Math.max(0, 1 - d / a.length)
}

function reverse(s: string): string {
  return s.split("").reverse().join("")
}

/** Minimum over k of Levenshtein(a, b.slice(0, k)). O(|a|·|b|), both ≤ a few hundred characters. */
function prefixEditDistance(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1)
  let cur = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    }
    ;[prev, cur] = [cur, prev]
  }
  let min = Infinity
  for (let j = 0; j <= b.length; j++) min = Math.min(min, prev[j])
  return min
}

// Zero-width and soft-hyphen characters are invisible on the page, so they never count.
function isIgnorable(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff
}

/** The characters JavaScript's `\s` matches (minus U+FEFF, ignorable above), without a regex per character. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  if (c < 0xa0) return false
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
}

interface Normalised {
  text: string
  /** map[i] = offset in the original text of normalised character i. */
  map: number[]
}

/** Collapses every whitespace run to one space and drops invisible characters, remembering where each character came from. */
export function normalise(text: string): Normalised {
  const out: string[] = []
  const map: number[] = []
  let inSpace = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isIgnorable(c)) continue
    if (isSpace(c)) {
      if (!inSpace) {
        out.push(" ")
        map.push(i)
        inSpace = true
      }
      continue
    }
    inSpace = false
    out.push(text[i])
    map.push(i)
  }
  return { text: out.join(""), map }
}

function toNormOffset(map: number[], offset: number): number {
  // First normalised character at or after `offset` (binary search; map is increasing).
  let lo = 0
  let hi = map.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (map[mid] < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

function isSpan(span: Pick<TextPositionSelector, "start" | "end">, length: number): boolean {
  return Number.isSafeInteger(span.start) && Number.isSafeInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo
}
