// Lexicon-backed multi-pattern matching over the token stream. Aliases are
// tokenised exactly like page text and indexed by their first token, so each
// page token costs one map lookup (a trie over tokens rather than characters).
import type { Lexicon, LexiconVendor } from "../types"
import { tokenize, type Doc } from "../nlp/tokens"

export interface AliasOwner {
  vendor: LexiconVendor
  /** The alias as the lexicon spells it. */
  alias: string
  spellings: Set<string>
  /** Needs supporting context before it is accepted (ordinary word, place, short ticker). */
  ambiguous: boolean
  ticker: boolean
  product: boolean
}

export interface AliasEntry {
  alias: string
  /** Normalised tokens. */
  norms: string[]
  /** Whitespace before each token (index 0 unused): "PAN-OS" has none, "Palo Alto" has one. */
  spaces: boolean[]
  /** Accepted spellings, tokens joined by \u0001 (see casePolicy). */
  spellings: Set<string>
  owners: AliasOwner[]
}

export interface CompiledLexicon {
  lexicon: Lexicon
  byFirst: Map<string, AliasEntry[]>
  byId: Map<string, LexiconVendor>
}

const SEP = "\u0001"

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()
}

/**
 * Spellings accepted for an alias. Tickers, acronyms and ambiguous words are
 * case-sensitive ("Apple" yes, "apple" no; "NET" yes, "net" no). Other names
 * also match in capitals ("CROWDSTRIKE") and title case ("Crowdstrike"), and
 * in lower case only when the brand spelling is distinctive (an inner capital
 * or digit, as in "CrowdStrike" or "3CX"), because "okta" is safe but a plain
 * word-like name in lower case may just be a word.
 */
export function casePolicy(tokens: string[], exactOnly: boolean): Set<string> {
  const out = new Set([tokens.join(SEP)])
  if (exactOnly) return out
  const joined = tokens.join("")
  const letters = joined.replace(/[^\p{L}]/gu, "")
  if (letters.length === 0 || letters === letters.toUpperCase() || letters === letters.toLowerCase()) return out
  if (letters.length >= 4) out.add(tokens.map((t) => t.toUpperCase()).join(SEP))
  out.add(tokens.map(titleCase).join(SEP))
  const distinctive = tokens.some((t) => /^.+\p{Lu}/u.test(t) || /\p{N}/u.test(t))
  if (distinctive) out.add(tokens.map((t) => t.toLowerCase()).join(SEP))
  return out
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const entries = new Map<string, AliasEntry>()
  const byId = new Map<string, LexiconVendor>()
  for (const vendor of lexicon.vendors ?? []) {
    if (!vendor || typeof vendor.id !== "string") continue
    byId.set(vendor.id, vendor)
    const ambiguous = new Set(vendor.ambiguous ?? [])
    const tickers = new Set(vendor.tickers ?? [])
    const products = new Set(vendor.products ?? [])
    const aliases = new Set([vendor.name, ...(vendor.aliases ?? []), ...(vendor.tickers ?? []), ...(vendor.products ?? [])])
    for (const alias of aliases) {
      if (typeof alias !== "string" || alias.trim() === "") continue
      const toks = tokenize(alias)
      if (toks.length === 0) continue
      const ticker = tickers.has(alias)
      // Short or numeric tickers and one-letter names always need context.
      const isAmbiguous = ambiguous.has(alias) || (ticker && (alias.length <= 2 || /^\d+$/.test(alias))) || alias.replace(/[^\p{L}\p{N}]/gu, "").length <= 1
      const texts = toks.map((t) => t.text)
      const key = toks.map((t, i) => (i > 0 && t.space ? " " : "") + t.norm).join(SEP)
      let entry = entries.get(key)
      if (!entry) {
        entry = {
          alias,
          norms: toks.map((t) => t.norm),
          spaces: toks.map((t) => t.space),
          spellings: new Set(),
          owners: []
        }
        entries.set(key, entry)
      }
      const spellings = casePolicy(texts, ticker || isAmbiguous)
      spellings.forEach((s) => entry.spellings.add(s))
      entry.owners.push({ vendor, alias, spellings, ambiguous: isAmbiguous, ticker, product: products.has(alias) })
    }
  }
  const byFirst = new Map<string, AliasEntry[]>()
  for (const entry of entries.values()) {
    const k = entry.norms[0]
    const list = byFirst.get(k)
    if (list) list.push(entry)
    else byFirst.set(k, [entry])
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length)
  return { lexicon, byFirst, byId }
}

export interface Candidate {
  entry: AliasEntry
  /** Owners whose accepted spellings include this occurrence. */
  owners: AliasOwner[]
  /** Token range [first, last). */
  first: number
  last: number
  start: number
  end: number
}

const GLUE_BEFORE = new Set(["@", "_", "/", "\\"])
const GLUE_AFTER = new Set(["@", "_"])

/** Glued to a neighbouring word by a character that makes it part of something else (an e-mail, a path, a domain). */
function isGlued(doc: Doc, first: number, last: number, strict: boolean): boolean {
  const { tokens } = doc
  const prev = tokens[first - 1]
  const cur = tokens[first]
  if (prev && !cur.space) {
    if (GLUE_BEFORE.has(prev.text)) return true
    if (prev.text === "." && (strict || (first >= 2 && !prev.space && tokens[first - 2].kind !== "punct"))) return true
    if (strict && prev.text === "-") return true
    if (strict && prev.kind !== "punct") return true
  }
  const next = tokens[last]
  if (next && !next.space) {
    if (GLUE_AFTER.has(next.text)) return true
    const after = tokens[last + 1]
    if (strict && (next.text === "-" || next.text === "." || next.text === "/") && after && !after.space && after.kind !== "punct") return true
  }
  return false
}

/** Every alias occurrence, left to right, longest first, not overlapping. */
export function findCandidates(doc: Doc, compiled: CompiledLexicon): Candidate[] {
  const { tokens } = doc
  const out: Candidate[] = []
  for (let i = 0; i < tokens.length; i++) {
    const list = compiled.byFirst.get(tokens[i].norm)
    if (!list) continue
    let found: Candidate | null = null
    for (const entry of list) {
      const n = entry.norms.length
      if (i + n > tokens.length) continue
      let ok = true
      for (let j = 1; j < n && ok; j++) {
        const t = tokens[i + j]
        ok = t.norm === entry.norms[j] && t.space === entry.spaces[j] && !t.newline
      }
      if (!ok) continue
      let spelled = tokens[i].text
      for (let j = 1; j < n; j++) spelled += SEP + tokens[i + j].text
      if (!entry.spellings.has(spelled)) continue
      const owners = entry.owners.filter((o) => o.spellings.has(spelled))
      const strict = owners.every((o) => o.ticker || o.ambiguous)
      if (isGlued(doc, i, i + n, strict)) continue
      found = { entry, owners, first: i, last: i + n, start: tokens[i].start, end: tokens[i + n - 1].end }
      break
    }
    if (found) {
      out.push(found)
      i = found.last - 1
    }
  }
  return out
}

