// Finds claim spans: compiles the rule pack once, then scans the tokens of
// each sentence, trying only the rules indexed under the current word.
import type { ClaimKind, ClaimRule } from "../types"
import type { Doc } from "../nlp/tokens"
import { tagSentence, type TaggedTerm } from "../nlp/setup"
import { isHedged, isNegated } from "./modifiers"
import { aboutNonItThing } from "./topic"
import { compileMatcher, cueWords, firstKeys, longestMatch, parsePattern, PatternError, type Matcher, type PatternNode } from "./pattern"

export interface CompiledRule {
  id: string
  kind: ClaimKind
  rationale: string
  node: PatternNode
  match: Matcher
  /** Position of the rule in the pack: the earlier rule wins a tie. */
  order: number
  /** Index of this matcher in RuleSet.rules (a rule's top-level alternatives are matched separately). */
  slot: number
}

export interface RuleSet {
  rules: CompiledRule[]
  /** Cue word → slots of the matchers that need it; matchers in `alwaysOn` have no cue. */
  cues: Map<string, number[]>
  alwaysOn: Set<number>
  /** Index key (normalised word, or "<num>") → rules that may start there. */
  index: Map<string, CompiledRule[]>
  /** Rules that failed to compile, with the reason (reported by the data build). */
  errors: { id: string; error: string }[]
}

export function compileRules(rules: ClaimRule[]): RuleSet {
  const compiler = createRuleCompiler(rules)
  compiler.step(rules.length)
  return compiler.result()
}

/**
 * Compiles a rule pack a few rules at a time, so a page can spread the work over
 * idle slices instead of one long task: call step(n) until it returns true.
 */
export function createRuleCompiler(rules: ClaimRule[]): { step(count: number): boolean; result(): RuleSet } {
  const compiled: CompiledRule[] = []
  const index = new Map<string, CompiledRule[]>()
  const errors: RuleSet["errors"] = []
  const cues = new Map<string, number[]>()
  const alwaysOn = new Set<number>()
  let next = 0
  const add = (r: ClaimRule, order: number): void => {
    try {
      const node = parsePattern(r.pattern)
      const first = firstKeys(node)
      if (!first || first.nullable) throw new PatternError(`rule must start with a word or word class: "${r.pattern}"`)
      // Each top-level alternative is indexed by its own first words and cue words, so
      // "(the)? impact is minimal | a handful of customers …" is not tried at every "the".
      for (const part of node.type === "alt" ? node.options : [node]) {
        const slot = compiled.length
        const rule: CompiledRule = { id: r.id, kind: r.kind, rationale: r.rationale, node: part, match: compileMatcher(part), order, slot }
        compiled.push(rule)
        const words = cueWords(part)
        if (!words) alwaysOn.add(slot)
        else
          for (const w of words) {
            const list = cues.get(w)
            if (list) list.push(slot)
            else cues.set(w, [slot])
          }
        for (const k of firstKeys(part)?.keys ?? []) {
          const list = index.get(k)
          if (list) list.push(rule)
          else index.set(k, [rule])
        }
      }
    } catch (e) {
      errors.push({ id: r.id, error: e instanceof Error ? e.message : String(e) })
    }
  }
  return {
    step(count: number): boolean {
      for (const end = Math.min(rules.length, next + Math.max(1, count)); next < end; next++) add(rules[next], next)
      return next >= rules.length
    },
    result: () => ({ rules: compiled, index, errors, cues, alwaysOn })
  }
}

export interface ClaimSpan {
  /** Token range [first, last). */
  first: number
  last: number
  start: number
  end: number
  sentence: number
  rule: CompiledRule
}

// "X was not affected" denies a compromise in a breach story and reports
// recovery in an outage story; the rule pack marks such rules recovery.
const CONTEXT_KIND_RULES = new Set(["no-impact", "not-aware", "not-affected"])
const BREACH_WORDS = new Set([
  "breach", "breached", "breaches", "hack", "hacked", "hackers", "hacker", "attackers", "attack", "attacks", "cyberattack", "vulnerability", "vulnerabilities",
  "exploit", "exploited", "exploitation", "zero-day", "cve", "ransomware", "malware", "stolen", "exfiltrated", "compromised", "intrusion", "threat", "actor"
])
const OUTAGE_WORDS = new Set(["outage", "outages", "downtime", "down", "disruption", "disrupted", "unavailable", "offline", "latency", "errors", "degraded", "crashed", "restored", "failover"])

/** The kind of a span, resolving rules whose kind depends on what the text is about. */
const aboutBreach = new WeakMap<Doc, boolean>()

export function spanKind(doc: Doc, span: ClaimSpan): ClaimKind {
  if (!CONTEXT_KIND_RULES.has(span.rule.id)) return span.rule.kind
  let breachy = aboutBreach.get(doc)
  if (breachy === undefined) {
    let breach = 0
    let outage = 0
    for (const t of doc.tokens) {
      if (BREACH_WORDS.has(t.norm)) breach++
      else if (OUTAGE_WORDS.has(t.norm)) outage++
    }
    breachy = breach > outage
    aboutBreach.set(doc, breachy)
  }
  return breachy ? "security" : "recovery"
}

/** All claim spans in the document, sorted, non-overlapping (longest wins, then earliest rule). */
export function findClaimSpans(doc: Doc, ruleSet: RuleSet): ClaimSpan[] {
  const { tokens } = doc
  const raw: ClaimSpan[] = []
  // Which matchers can fire in a sentence: each needs one of its cue words there.
  // activeIn[slot] holds the last sentence that had one, so nothing is reset per sentence.
  const activeIn = new Int32Array(ruleSet.rules.length).fill(-1)
  const always = ruleSet.alwaysOn
  for (const s of doc.sentences) {
    let hasCue = false
    for (let i = s.first; i < s.last; i++) {
      const list = ruleSet.cues.get(tokens[i].norm)
      if (!list) continue
      hasCue = true
      for (const slot of list) activeIn[slot] = s.index
    }
    if (!hasCue && always.size === 0) continue
    let tagged: TaggedTerm[] | null = null
    const tagCache = new Map<number, ReadonlySet<string>>()
    const ctx = {
      tokens,
      limit: s.last,
      tagsAt(i: number): ReadonlySet<string> {
        const hit = tagCache.get(i)
        if (hit) return hit
        tagged ??= tagSentence(doc.text.slice(s.start, s.end), s.start)
        const t = tokens[i]
        const term = tagged.find((x) => x.start <= t.start && x.end >= t.end)
        const tags = term?.tags ?? new Set<string>()
        tagCache.set(i, tags)
        return tags
      }
    }
    const tryRules = (list: CompiledRule[], i: number): void => {
      for (const rule of list) {
        if (activeIn[rule.slot] !== s.index && !always.has(rule.slot)) continue
        let end = longestMatch(rule.match, i, ctx)
        if (end < 0) continue
        // Never end a span on punctuation or a dangling connector.
        while (end > i + 1 && tokens[end - 1].kind === "punct" && !/[%#]/.test(tokens[end - 1].text)) end--
        if (end <= i) continue
        raw.push({ first: i, last: end, start: tokens[i].start, end: tokens[end - 1].end, sentence: s.index, rule })
      }
    }
    for (let i = s.first; i < s.last; i++) {
      const t = tokens[i]
      // A number starts both the rules that begin with {num} and those that begin with that very number.
      const list = ruleSet.index.get(t.kind === "num" ? "<num>" : t.norm)
      if (list) tryRules(list, i)
      if (t.kind === "num") {
        const exact = ruleSet.index.get(t.norm)
        if (exact) tryRules(exact, i)
      }
    }
  }
  // Longest span first, then earliest rule; keep spans that do not overlap a kept one.
  raw.sort((a, b) => b.last - b.first - (a.last - a.first) || a.rule.order - b.rule.order || a.first - b.first)
  const kept: ClaimSpan[] = []
  const taken = new Uint8Array(tokens.length)
  for (const span of raw) {
    let free = true
    for (let i = span.first; i < span.last && free; i++) if (taken[i]) free = false
    if (!free) continue
    // Mark negated spans as taken too, so a shorter overlapping match cannot slip through.
    for (let i = span.first; i < span.last; i++) taken[i] = 1
    const s = doc.sentences[span.sentence]
    if (isNegated(tokens, span.first, s.first) || isHedged(tokens, span.first, span.last, s.first, s.last)) continue
    if (aboutNonItThing(tokens, span.first, span.last, s.first)) continue
    kept.push(span)
  }
  return kept.sort((a, b) => a.start - b.start)
}
