// The analyser: vendor mentions, claims and who made them. This module does not
// load compromise (see ./analyze.ts for the entry that does), so the in-page
// detector can use it without paying for compromise on the page's main thread.
import type { AnalysisResult, Claim, ClaimKind, Lexicon } from "./types"
import { createAttributor } from "./attribution"
import { compileRules, findClaimSpans, spanKind, type RuleSet } from "./claims/finder"
import { aboutIT } from "./claims/topic"
import { buildDoc } from "./nlp/tokens"
import { compileLexicon, type CompiledLexicon } from "./vendors/matcher"
import { findMentions } from "./vendors/index"

export interface AnalyzeOptions {
  kinds?: ClaimKind[]
  /** Vendor ids the user dismissed: no mentions, and claims are not attributed to them. */
  ignoredVendors?: string[]
  /** Normalised claim texts (see normalizeClaimText) or rule ids the user dismissed. */
  ignoredClaims?: string[]
}

export interface Analyzer {
  analyze(text: string, options?: AnalyzeOptions): AnalysisResult
  /** Rules of the lexicon that failed to compile (empty for a valid rule pack). */
  readonly ruleErrors: { id: string; error: string }[]
}

/** Longest text analysed; anything after it is ignored (pages are capped well below this by the scanner). */
export const MAX_TEXT_LENGTH = 2_000_000

/** The form of a claim's text used to remember dismissals: lower case, straight quotes, single spaces. */
export function normalizeClaimText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”«»„]/g, "\"")
    .replace(/\s+/g, " ")
    .replace(/^[\s"'.,;:!?]+|[\s"'.,;:!?]+$/g, "")
}

const empty = (): AnalysisResult => ({ mentions: [], claims: [] })

export interface AnalyzerHooks {
  /** Called once with the lexicon's unambiguous vendor names, to teach a tagger. */
  teachVendorNames?(key: object, names: string[]): void
  /** The lexicon's rules, already compiled (the page compiles them over idle slices). */
  ruleSet?: RuleSet
}

export function createAnalyzer(lexicon: Lexicon, hooks: AnalyzerHooks = {}): Analyzer {
  const compiled: CompiledLexicon = compileLexicon(lexicon)
  const rules: RuleSet = hooks.ruleSet ?? compileRules(Array.isArray(lexicon.rules) ? lexicon.rules : [])
  let taught = false

  const analyze = (input: string, options: AnalyzeOptions = {}): AnalysisResult => {
    if (typeof input !== "string" || input.length === 0) return empty()
    const text = input.length > MAX_TEXT_LENGTH ? input.slice(0, MAX_TEXT_LENGTH) : input
    if (!taught) {
      taught = true
      hooks.teachVendorNames?.(lexicon, lexicon.vendors.filter((v) => !(v.ambiguous ?? []).includes(v.name)).map((v) => v.name))
    }
    const doc = buildDoc(text)
    const ignoredVendors = new Set(options.ignoredVendors ?? [])
    const mentions = findMentions(doc, compiled, { ignoredVendors })
    // Without a vendor, a text must read as being about IT for its claims to count.
    const spans = mentions.length > 0 || aboutIT(doc.tokens) ? findClaimSpans(doc, rules) : []
    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : null
    const ignoredClaims = new Set((options.ignoredClaims ?? []).map((c) => c))
    const attributor = createAttributor(doc, mentions)
    const claims: Claim[] = []
    let mi = 0
    for (const span of spans) {
      // A claim-like phrase inside a product name ("360 Total Security", "Deep Security") is a name, not a claim.
      while (mi < mentions.length && mentions[mi].end <= span.start) mi++
      if (mentions.slice(mi, mi + 3).some((m) => m.start <= span.start && m.end >= span.end)) continue
      const kind = spanKind(doc, span)
      if (kinds && !kinds.has(kind)) continue
      const claimText = text.slice(span.start, span.end)
      if (ignoredClaims.has(span.rule.id) || ignoredClaims.has(normalizeClaimText(claimText))) continue
      const { mention, method } = attributor.attribute(span.first, span.last)
      claims.push({
        text: claimText,
        start: span.start,
        end: span.end,
        kind,
        rule: span.rule.id,
        vendorId: mention?.vendorId ?? null,
        vendor: mention?.vendor ?? null,
        attribution: mention ? method : null
      })
    }
    return { mentions, claims }
  }

  return {
    ruleErrors: rules.errors,
    analyze(text: string, options?: AnalyzeOptions): AnalysisResult {
      try {
        return analyze(text, options)
      } catch {
        // The core must never break a page; a bug here yields no findings rather than an exception.
        return empty()
      }
    }
  }
}
