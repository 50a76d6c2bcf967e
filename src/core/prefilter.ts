// A cheap page test for the content-script loader: could the analyser find
// anything here? buildPrefilter runs at build time over the lexicon and the
// claim rules; createPrefilter only compiles the result, so the loader pulls
// in neither compromise nor the lexicon.
//
// `source` holds five newline-separated regex sources:
//   1. names that never need context, spelled exactly (tickers, acronyms)   case-sensitive
//   2. other names that never need context                                   any case
//   3. claim phrases                                                         any case
//   4. ambiguous names ("Apple", "Windows", "Palo Alto"), spelled exactly    case-sensitive
//   5. the context words the analyser needs to accept an ambiguous name      any case
// The page may contain something when 1, 2 or 3 matches, or 4 and 5 both do.
// Every part is a superset of what the analyser accepts: if analyze() can
// return a mention or a claim, some part matches.
import type { Lexicon } from "./types"
import { tokenize } from "./nlp/tokens"
import { casePolicy } from "./vendors/matcher"
import { parsePattern, type PatternNode } from "./claims/pattern"
import { WORD_CLASSES } from "./claims/vocabulary"
import { CORPORATE_SUFFIX, ORG_NEXT, ORG_PREV, TECH_CUES } from "./vendors/context"

export interface PrefilterData {
  source: string
  flags: string
}

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

const MAX_CLASS_WORDS = 90

/** A regex (without case) that matches at least every text the pattern matches. */
function nodeRegex(node: PatternNode): string {
  switch (node.type) {
    case "word":
      return escape(node.word)
    case "class": {
      const c = WORD_CLASSES[node.name]
      // Large classes become "any word": the literal words around them keep the part selective.
      if (c.words) return c.words.size <= MAX_CLASS_WORDS ? trieRegex(c.words) : "[\\p{L}\\p{N}'-]+"
      return "\\p{N}[\\p{L}\\p{N}.,]*"
    }
    case "tag":
      return "[\\p{L}\\p{N}'-]+"
    case "rest":
      return ""
    case "alt":
      return `(?:${node.options.map(nodeRegex).join("|")})`
    case "repeat": {
      const inner = nodeRegex(node.node)
      if (node.min === 0) return `(?:${inner})${node.max === 1 ? "?" : "*"}`
      return `(?:${inner})+`
    }
    case "seq": {
      // Optional items at either end can be dropped: the text then still contains the rest.
      let a = 0
      let b = node.items.length
      const optional = (n: PatternNode): boolean => (n.type === "repeat" && n.min === 0) || n.type === "rest"
      while (a < b && optional(node.items[a])) a++
      while (b > a && optional(node.items[b - 1])) b--
      return node.items
        .slice(a, b)
        .map(nodeRegex)
        .filter((s) => s !== "")
        .join("\\s*")
    }
  }
}

function claimSource(lexicon: Lexicon): string {
  const parts: string[] = []
  for (const r of lexicon.rules ?? []) {
    try {
      parts.push(nodeRegex(parsePattern(r.pattern)))
    } catch {
      // A rule that does not compile never fires, so it needs no cue.
    }
  }
  return parts.length > 0 ? `(?<![\\p{L}\\p{N}])(?:${parts.join("|")})` : "(?!)"
}

export function buildPrefilter(lexicon: Lexicon): PrefilterData {
  const vendors = vendorSources(lexicon)
  return { source: [vendors.exact, vendors.anyCase, claimSource(lexicon), vendors.ambiguous, contextSource()].join("\n"), flags: "u" }
}

const CASE_SENSITIVE_PARTS = new Set([0, 3])

export function createPrefilter(data: PrefilterData): (text: string) => boolean {
  const flags = data.flags.replace(/[gyi]/g, "")
  const [exact, anyCase, claims, ambiguous, context] = data.source
    .split("\n")
    .map((src, i) => new RegExp(src, CASE_SENSITIVE_PARTS.has(i) ? flags : `${flags}i`))
  return (text: string): boolean => {
    if (typeof text !== "string" || text.length === 0) return false
    if (exact?.test(text) || anyCase?.test(text) || claims?.test(text)) return true
    return !!ambiguous && !!context && ambiguous.test(text) && context.test(text)
  }
}
