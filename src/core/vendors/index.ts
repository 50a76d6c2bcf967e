// Vendor mentions: lexicon candidates, then context checks for aliases that
// are ordinary words, places or short tickers. compromise is consulted only
// for ambiguous candidates whose context is not already decisive.
import type { LexiconVendor, Mention } from "../types"
import { isCapitalized, sentenceHead, type Doc } from "../nlp/tokens"
import { tagSentence, type TaggedTerm } from "../nlp/setup"
import { findCandidates, type AliasOwner, type Candidate, type CompiledLexicon } from "./matcher"
import {
  COMMON_DETERMINERS,
  CORPORATE_SUFFIX,
  EXCHANGES,
  OFF_TOPIC_CUES,
  ORG_NEXT,
  ORG_PREV,
  PLACE_PREPS,
  PLAIN_NEXT,
  TECH_CUES,
  TICKER_WORDS
} from "./context"

/** How far (in characters) an unambiguous mention supports an ambiguous alias of the same vendor. */
const SUPPORT_WINDOW = 2500
const ACCEPT = 3
/** Sentences compromise may tag per page for disambiguation: tagging costs about as much as scanning the whole page. */
const TAG_BUDGET = 4
const TAG_WINDOW = 8

interface Resolved {
  candidate: Candidate
  owner: AliasOwner
}

function describeAlias(owner: AliasOwner): string {
  if (owner.ticker) return `matched ticker '${owner.alias}'`
  if (owner.product) return `matched product '${owner.alias}' (${owner.vendor.name})`
  if (owner.alias === owner.vendor.name) return `matched name '${owner.alias}'`
  return `matched alias '${owner.alias}'`
}

/** "NYSE: T", "(NASDAQ:CRWD)", "$CRWD", "ticker symbol NET". */
export function hasTickerContext(doc: Doc, first: number): string | null {
  const { tokens } = doc
  const prev = tokens[first - 1]
  if (prev && prev.text === "$" && !tokens[first].space) return "cashtag"
  for (let i = first - 1; i >= Math.max(0, first - 4); i--) {
    const t = tokens[i]
    if (EXCHANGES.has(t.norm) && (tokens[i + 1]?.text === ":" || tokens[i + 1]?.text === "-" || i === first - 1)) return `${t.text}:`
    if (TICKER_WORDS.has(t.norm)) return "ticker"
    if (t.text === "." || t.text === ";") break
  }
  return null
}

function titleCaseSentence(doc: Doc, first: number, last: number): boolean {
  let words = 0
  let caps = 0
  for (let i = first; i < last; i++) {
    const t = doc.tokens[i]
    if (t.kind !== "word" || t.text.length < 4) continue
    words++
    if (isCapitalized(t.text)) caps++
  }
  return words >= 3 && caps / words > 0.6
}

export interface MentionOptions {
  ignoredVendors?: ReadonlySet<string>
}

export function findMentions(doc: Doc, compiled: CompiledLexicon, options: MentionOptions = {}): Mention[] {
  const ignored = options.ignoredVendors ?? new Set<string>()
  const candidates = findCandidates(doc, compiled)
  if (candidates.length === 0) return []

  // Pass 1: unambiguous aliases are accepted as they are.
  const firm: Resolved[] = []
  const firmByVendor = new Map<string, FirmSpot[]>()
  const pending: Candidate[] = []
  for (const c of candidates) {
    const clear = c.owners.filter((o) => !o.ambiguous)
    if (clear.length === 0) {
      pending.push(c)
      continue
    }
    const owner = pickOwner(c, clear, firmByVendor)
    firm.push({ candidate: c, owner })
    const list = firmByVendor.get(owner.vendor.id) ?? []
    list.push({ start: c.start, last: c.last })
    firmByVendor.set(owner.vendor.id, list)
  }
  // A second look at shared aliases now that all firm mentions are known.
  for (const r of firm) {
    const clear = r.candidate.owners.filter((o) => !o.ambiguous)
    if (clear.length > 1) r.owner = pickOwner(r.candidate, clear, firmByVendor)
  }

  const mentions: Mention[] = firm.map(({ candidate: c, owner }) => toMention(doc, c, owner, describeAlias(owner)))

  // Pass 2: ambiguous aliases need support.
  if (pending.length > 0) {
    let docTech = -1
    const tech = (): number => {
      if (docTech < 0) docTech = countTechCues(doc)
      return docTech
    }
    const sentenceTags = new Map<number, TaggedTerm[]>() as SentenceTags
    sentenceTags.budget = TAG_BUDGET
    const weak: { c: Candidate; owner: AliasOwner }[] = []
    const acceptedAliases = new Set<string>()
    for (const c of pending) {
      let best: { owner: AliasOwner; score: number; why: string[] } | null = null
      for (const owner of c.owners) {
        const verdict = scoreAmbiguous(doc, c, owner, firmByVendor, tech, sentenceTags)
        if (!best || verdict.score > best.score) best = { owner, ...verdict }
      }
      if (!best) continue
      if (best.score >= ACCEPT) {
        mentions.push(toMention(doc, c, best.owner, `'${best.owner.alias}' accepted: ${best.why.join("; ")}`))
        acceptedAliases.add(`${best.owner.vendor.id}\u0001${best.owner.alias}`)
      } else if (best.score >= 1 && !best.owner.ticker) weak.push({ c, owner: best.owner })
    }
    // One sense per page: a weakly supported occurrence follows a confident one of the same alias.
    for (const { c, owner } of weak) {
      if (acceptedAliases.has(`${owner.vendor.id}\u0001${owner.alias}`)) {
        mentions.push(toMention(doc, c, owner, `'${owner.alias}' accepted: same name accepted elsewhere on the page`))
      }
    }
  }

  return mentions.filter((m) => !ignored.has(m.vendorId)).sort((a, b) => a.start - b.start)
}

/** Tagged windows by the candidate's first token, plus how many more may be tagged. */
type SentenceTags = Map<number, TaggedTerm[]> & { budget: number }

interface FirmSpot {
  start: number
  /** Token index after the mention. */
  last: number
}

function pickOwner(c: Candidate, owners: AliasOwner[], firmByVendor: Map<string, FirmSpot[]>): AliasOwner {
  if (owners.length === 1) return owners[0]
  const canonical = owners.find((o) => o.vendor.name.toLowerCase() === o.alias.toLowerCase())
  if (canonical) return canonical
  const near = owners.find((o) => (firmByVendor.get(o.vendor.id) ?? []).some((p) => p.start !== c.start && Math.abs(p.start - c.start) <= SUPPORT_WINDOW))
  return near ?? owners[0]
}

function toMention(doc: Doc, c: Candidate, owner: AliasOwner, reason: string): Mention {
  const v: LexiconVendor = owner.vendor
  return {
    vendorId: v.id,
    vendor: v.name,
    text: doc.text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
    alias: owner.alias,
    product: owner.product ? owner.alias : null,
    reason
  }
}

function countTechCues(doc: Doc): number {
  const seen = new Set<string>()
  for (const t of doc.tokens) if (t.kind === "word" && TECH_CUES.has(t.norm)) seen.add(t.norm)
  return seen.size
}

function scoreAmbiguous(
  doc: Doc,
  c: Candidate,
  owner: AliasOwner,
  firmByVendor: Map<string, FirmSpot[]>,
  docTech: () => number,
  sentenceTags: SentenceTags
): { score: number; why: string[] } {
  const { tokens } = doc
  const why: string[] = []
  const sIndex = doc.sentenceOf[c.first]
  const s = doc.sentences[sIndex]
  const vendorName = owner.vendor.name

  // Strong support: ticker context, or the vendor named unambiguously nearby.
  const ticker = hasTickerContext(doc, c.first)
  const prev = tokens[c.first - 1]
  const firm = firmByVendor.get(owner.vendor.id) ?? []
  const nearby = firm.some((p) => Math.abs(p.start - c.start) <= SUPPORT_WINDOW)
  if (owner.ticker || c.owners.every((o) => o.ticker)) {
    // Short or word-like tickers: only in ticker context, or in brackets right after the vendor's name.
    if (ticker) return { score: 10, why: [`ticker context (${ticker})`] }
    if (prev?.text === "(" && firm.some((p) => p.last === c.first - 1)) {
      return { score: 10, why: [`ticker in brackets after ${vendorName}`] }
    }
    return { score: 0, why: [] }
  }

  let score = 0
  if (ticker) {
    score += 6
    why.push(`ticker context (${ticker})`)
  }
  if (nearby) {
    score += 5
    why.push(`${vendorName} named nearby`)
  }

  // Immediate neighbours.
  let after = c.last
  if (tokens[after]?.norm === "'" && (tokens[after + 1]?.norm === "s" || tokens[after + 1]?.norm === "")) after += 2
  const next = tokens[after]
  const nextWord = next && next.kind !== "punct" ? next : null
  if (tokens[c.last] && CORPORATE_SUFFIX.has(tokens[c.last].norm) && tokens[c.last].space) {
    score += 5
    why.push(`followed by '${tokens[c.last].text}'`)
  } else if (nextWord && ORG_NEXT.has(nextWord.norm)) {
    score += 2
    why.push(`followed by '${nextWord.text}'`)
  } else if (nextWord && /^(?:goes|go|went|is|was|were|are)$/.test(nextWord.norm) && /^(?:down|offline|unavailable|unreachable)$/.test(tokens[after + 1]?.norm ?? "")) {
    score += 2
    why.push(`followed by '${nextWord.text} ${tokens[after + 1].text}'`)
  } else if (next && next.kind === "num" && next.space && tokens[c.last] === next && /^\p{Lu}/u.test(tokens[c.first].text)) {
    // "Windows 11", "Teams 2.0": a product version.
    score += 1
    why.push(`followed by a version number`)
  }
  const prevWord = prev && prev.kind !== "punct" ? prev : null
  if (prevWord && ORG_PREV.has(prevWord.norm)) {
    score += 2
    why.push(`after '${prevWord.text}'`)
  }
  if (prevWord && COMMON_DETERMINERS.has(prevWord.norm)) {
    score -= 4
  }
  if (nextWord && PLAIN_NEXT.has(nextWord.norm) && tokens[c.last] === nextWord) score -= 4
  // "Palo Alto, California": a place followed by its state or country.
  if (tokens[c.last]?.text === "," && tokens[c.last + 1] && isCapitalized(tokens[c.last + 1].text) && tokens[c.last + 1].kind === "word") {
    const t2 = tokens[c.last + 2]
    if (!t2 || t2.kind === "punct") score -= 3
  }

  // Sentence vocabulary (the alias's own tokens excluded).
  let tech = 0
  let offTopic = 0
  const cues: string[] = []
  for (let i = s.first; i < s.last; i++) {
    if (i >= c.first && i < c.last) continue
    const n = tokens[i].norm
    if (TECH_CUES.has(n)) {
      tech++
      if (cues.length < 3 && !cues.includes(n)) cues.push(n)
    } else if (OFF_TOPIC_CUES.has(n)) offTopic++
  }
  if (tech > 0) {
    score += Math.min(tech, 2)
    why.push(`tech words in the sentence (${cues.join(", ")})`)
  }
  score -= Math.min(offTopic * 2, 4)
  if (prevWord && PLACE_PREPS.has(prevWord.norm) && tech === 0) score -= 1

  // Capitalisation that sentence position does not explain.
  const head = sentenceHead(doc, s)
  if (c.first !== head && isCapitalized(tokens[c.first].text) && !titleCaseSentence(doc, s.first, s.last)) {
    score += 1
    why.push("capitalised mid-sentence")
  }
  if (docTech() >= 3) {
    score += 1
    if (why.length === 0) why.push("page is about technology")
  } else if (docTech() === 0 && !nearby && !ticker) {
    score -= 2
  }

  // Borderline: ask compromise how it reads the word in this sentence. Tagging
  // is costly, so only where one tag can flip the decision.
  if (score >= ACCEPT - 1 && score <= ACCEPT + 1) {
    // A window of a few words around the name is enough context and far cheaper than the sentence.
    let tagged = sentenceTags.get(c.first)
    if (!tagged && sentenceTags.budget > 0) {
      sentenceTags.budget--
      const from = tokens[Math.max(s.first, c.first - TAG_WINDOW)].start
      const to = tokens[Math.min(s.last - 1, c.last + TAG_WINDOW)].end
      tagged = tagSentence(doc.text.slice(from, to), from)
      sentenceTags.set(c.first, tagged)
    }
    const term = tagged?.find((t) => t.start <= c.start && t.end > c.start)
    if (term) {
      if (term.tags.has("Organization") || term.tags.has("Company")) {
        score += 1
        why.push("tagged as an organisation")
      } else if (term.tags.has("Place") || term.tags.has("City") || term.tags.has("Country") || term.tags.has("Region")) {
        score -= 3
      } else if (term.tags.has("Imperative") || (term.tags.has("Verb") && !term.tags.has("Noun"))) {
        score -= 2
      }
    }
  }
  return { score, why }
}
