// A cheap page test for the content-script loader: could this page name a
// vendor? buildPrefilter runs at build time over the lexicon; createPrefilter
// (in prefilter-match.ts, re-exported here) only compiles the result, so the
// loader pulls in neither compromise nor the lexicon nor this file's
// build-time helpers.
//
// Only vendors open the door. A page that names no known vendor has no track
// record to show, so it gets the loader alone and no NLP, whatever claims it
// makes. The regex sources and how they combine are described in
// prefilter-match.ts; every part is a superset of the names the analyser
// accepts: if analyze() can return a mention, some part matches.
import type { Lexicon } from "./types"
import { tokenize } from "./nlp/tokens"
import { casePolicy } from "./vendors/matcher"
import { CORPORATE_SUFFIX, ORG_NEXT, ORG_PREV, TECH_CUES } from "./vendors/context"
import { DEF_NAMES, type PrefilterData } from "./prefilter-match"

export { createPrefilter, expandPrefilter, type PrefilterData } from "./prefilter-match"

// Only syntax characters may be escaped in a unicode-mode regex.
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/\n/g, "\\n")

/** One regex alternation of literal strings, factored as a trie (fast to scan, compact). Spaces match any whitespace. */
function trieRegex(words: Iterable<string>): string {
  interface Node { end: boolean; next: Map<string, Node> }
  const root: Node = { end: false, next: new Map() }
  for (const w of words) {
    if (w.length === 0) continue
    let n = root
    for (const ch of w) {
      let c = n.next.get(ch)
      if (!c) {
        c = { end: false, next: new Map() }
        n.next.set(ch, c)
      }
      n = c
    }
    n.end = true
  }
  const emit = (n: Node): string => {
    const parts = [...n.next.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ch, c]) => (ch === " " ? "\\s+" : escape(ch)) + emit(c))
    if (parts.length === 0) return ""
    // Merge single-character branches that end immediately into a class.
    const body = parts.length === 1 ? parts[0] : `(?:${parts.join("|")})`
    if (!n.end) return body
    return parts.length === 1 && parts[0].length <= 2 ? `${body}?` : `(?:${parts.join("|")})?`
  }
  return emit(root)
}

const EXCHANGE_CUE = "\\b(?:NYSE|NASDAQ|Nasdaq|TSX|ASX|LSE|HKEX|SEHK|TYO|TSE|SSE|SZSE|KRX|KOSDAQ|Euronext|XETRA|OTC|TWSE|BSE|NSE|LON|ticker|symbol)\\b|\\$[A-Z]"

/** Vendor names as two sources: spellings that must match exactly, and names that match in any case. */
function vendorSources(lexicon: Lexicon): { exact: string; anyCase: string; ambiguous: string } {
  const exact = new Set<string>()
  const anyCase = new Set<string>()
  const needContext = new Set<string>()
  for (const v of lexicon.vendors ?? []) {
    const tickers = new Set(v.tickers ?? [])
    const ambiguous = new Set(v.ambiguous ?? [])
    for (const alias of new Set([v.name, ...(v.aliases ?? []), ...(v.tickers ?? []), ...(v.products ?? [])])) {
      if (typeof alias !== "string") continue
      const toks = tokenize(alias)
      if (toks.length === 0) continue
      const ticker = tickers.has(alias)
      // Context-only tickers are covered by EXCHANGE_CUE or by the vendor's name.
      if (ticker && (alias.length <= 2 || /^\d+$/.test(alias) || ambiguous.has(alias))) continue
      const spellings = casePolicy(toks.map((t) => t.text), ticker || ambiguous.has(alias))
      const join = (s: string): string => s.split("\u0001").map((p, i) => (i > 0 && toks[i].space ? " " : "") + p).join("")
      if (ambiguous.has(alias) || alias.replace(/[^\p{L}\p{N}]/gu, "").length <= 1) needContext.add(join([...spellings][0]))
      else if (spellings.size === 1) exact.add(join([...spellings][0]))
      else anyCase.add(join([...spellings][0]).toLowerCase())
    }
  }
  const bounded = (body: string): string => `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`
  const orNever = (set: Set<string>): string => (set.size > 0 ? bounded(trieRegex(set)) : "(?!)")
  return { exact: `${orNever(exact)}|${EXCHANGE_CUE}`, anyCase: orNever(anyCase), ambiguous: orNever(needContext) }
}

/** Every word that can raise an ambiguous name's score (see vendors/index.ts). */
function contextSource(): string {
  const words = new Set([...TECH_CUES, ...ORG_NEXT, ...ORG_PREV, ...CORPORATE_SUFFIX])
  return `(?<![\\p{L}\\p{N}])${trieRegex(words)}(?![\\p{L}\\p{N}])`
}

/**
 * Lower-cases the literal characters of a regex source, leaving escapes
 * (\s, \p{N}, \b, \$) as they are: any-case parts run on lower-cased text.
 */
export function lowerLiterals(source: string): string {
  let out = ""
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === "\\") {
      const m = /^\\[pPu]\{[^}]*\}/.exec(source.slice(i, i + 40))
      const esc = m ? m[0] : source.slice(i, i + 2)
      out += esc
      i += esc.length - 1
      continue
    }
    const lower = c.toLowerCase()
    out += lower.length === 1 ? lower : c
  }
  return out
}

/** Every balanced "(?:...)" group of a regex source (escapes and classes skipped). */
function groups(source: string): string[] {
  const found: string[] = []
  const stack: number[] = []
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === "\\") {
      i++
      continue
    }
    if (inClass) {
      if (c === "]") inClass = false
      continue
    }
    if (c === "[") inClass = true
    else if (c === "(") stack.push(i)
    else if (c === ")") {
      const start = stack.pop()
      if (start !== undefined && source.startsWith("(?:", start)) found.push(source.slice(start, i + 1))
    }
  }
  return found
}

/**
 * Stores each group that repeats (word classes expanded in many claim rules)
 * once, as a def referenced by two characters. Greedy by bytes saved; a def
 * only refers to defs made before it, so expansion is one pass in order.
 */
function shareGroups(source: string): { source: string; defs: string[] } {
  const defs: string[] = []
  let text = source
  // A source that already holds the reference character is stored as it is.
  if (source.includes("~")) return { source, defs }
  for (;;) {
    const counts = new Map<string, number>()
    // Escapes ("\\s*", "\\p{N}") repeat hundreds of times, and each backslash is doubled once bundled as a JS string.
    for (const g of [...groups(text), ...(text.match(/\\(?:[pP]\{[^}]*\}|.)[*+?]?(?:\\s\*)?/g) ?? [])]) counts.set(g, (counts.get(g) ?? 0) + 1)
    let best: string | null = null
    let bestSaving = 8
    for (const [g, n] of counts) {
      if (n < 2) continue
      const saving = (g.length - 2) * n - g.length
      if (saving > bestSaving) {
        best = g
        bestSaving = saving
      }
    }
    if (best === null || defs.length >= DEF_NAMES.length) break
    const ref = "~" + DEF_NAMES[defs.length]
    // Defs made earlier may hold the group too; they keep it (a def only refers backwards).
    text = text.split(best).join(ref)
    defs.push(best)
  }
  return { source: text, defs }
}

export function buildPrefilter(lexicon: Lexicon): PrefilterData {
  const vendors = vendorSources(lexicon)
  const parts = [vendors.exact, lowerLiterals(vendors.anyCase), vendors.ambiguous, lowerLiterals(contextSource())]
  const shared = shareGroups(parts.join("\n"))
  return shared.defs.length > 0 ? { source: shared.source, flags: "u", defs: shared.defs } : { source: shared.source, flags: "u" }
}
