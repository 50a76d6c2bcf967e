// Who a claim is by or about. In order of preference:
//   speaker  – the claim is quoted and the quote is attributed (“…,” CrowdStrike said),
//              or reported speech ends the sentence (…, a Microsoft spokesperson said)
//   subject  – a vendor named earlier in the same sentence (SentinelOne is more reliable …)
//   product  – as subject, but the name was a product (Falcon is …) resolved to its owner
//   pronoun  – it / its / we / our / "the company" / "the firm", resolved to the vendor that
//              was the subject of a recent sentence
//   nearest  – otherwise the closest vendor in the sentence or the two sentences before
// A text written as "we" by a company the lexicon does not know (its title names that company,
// not a vendor: "Fernbank Hosting Help Centre", "Larkspur Cloud status") keeps its "we" and its
// unattributed claims to itself: they get no vendor.
// Vendors named after "than", "unlike", "versus" … are comparison objects and never chosen.
import type { AttributionMethod, Mention } from "./types"
import type { Doc } from "./nlp/tokens"

export interface Attribution {
  mention: Mention | null
  method: AttributionMethod
}

const COMPARISON = new Set(["than", "unlike", "versus", "vs", "against", "rival", "rivals", "competitor", "competitors", "over", "beat", "beats", "outperforms", "outperform"])
const SPEECH = new Set([
  "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "wrote", "writes", "according", "explained", "explains", "noted", "notes",
  "posted", "posts", "announced", "announces", "confirmed", "confirms", "insisted", "insists", "claimed", "claims", "assured", "assures", "maintained",
  "maintains", "stressed", "stresses", "emphasized", "emphasised", "promised", "promises", "boasted", "boasts", "argued", "argues", "reiterated", "tweeted", "blogged"
])
const PRONOUNS = new Set(["it", "its", "we", "our", "ours", "us", "they", "their"])
const COMPANY_NOUNS = new Set(["company", "firm", "vendor", "provider", "giant", "maker", "business", "group", "startup", "spokesperson", "spokeswoman", "spokesman", "statement", "team"])
const SUBJECT_VERBS = new Set([...SPEECH, "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "delivers", "offers", "provides", "guarantees", "promises", "calls", "describes", "markets", "touts"])
const MAX_SENTENCES_BACK = 3
// "A messaging provider said …", "one backup vendor": a company the text does not name.
const INDEFINITE = new Set(["a", "an", "one", "another"])
const VENDOR_NOUNS = new Set(["company", "firm", "vendor", "provider", "maker", "developer", "supplier", "startup"])
const FIRST_PERSON = new Set(["we", "our", "ours", "us"])
const OPEN_QUOTES = new Set(["“", "«", "„"])
const CLOSE_QUOTES = new Set(["”", "»"])

interface Located {
  mention: Mention
  first: number
  last: number
  sentence: number
}

/** Quote regions as token ranges [open, close], found per paragraph. */
function quoteRegions(doc: Doc): [number, number][] {
  const { tokens, sentences, sentenceOf } = doc
  const out: [number, number][] = []
  let open = -1
  let paragraph = -1
  for (let i = 0; i < tokens.length; i++) {
    const p = sentences[sentenceOf[i]]?.paragraph ?? 0
    if (p !== paragraph) {
      open = -1
      paragraph = p
    }
    const t = tokens[i].text
    if (OPEN_QUOTES.has(t)) open = i
    else if (CLOSE_QUOTES.has(t)) {
      if (open >= 0) out.push([open, i])
      open = -1
    } else if (t === "\"") {
      if (open >= 0 && tokens[open].text === "\"") {
        out.push([open, i])
        open = -1
      } else if (open < 0) open = i
    }
  }
  return out
}

export interface Attributor {
  attribute(first: number, last: number): Attribution
}

export function createAttributor(doc: Doc, mentions: Mention[]): Attributor {
  const { tokens } = doc
  // Locate each mention in token space (mentions are sorted by start).
  const located: Located[] = []
  let ti = 0
  for (const m of mentions) {
    while (ti < tokens.length && tokens[ti].start < m.start) ti++
    if (ti >= tokens.length || tokens[ti].start !== m.start) continue
    let last = ti
    while (last < tokens.length && tokens[last].end <= m.end) last++
    located.push({ mention: m, first: ti, last, sentence: doc.sentenceOf[ti] })
  }
  const quotes = located.length > 0 ? quoteRegions(doc) : []
  // The voice of a "we" text: the vendor its title names ("Datadog Engineering Blog"), or no
  // vendor when the title names a company the lexicon does not know.
  const firstPerson = firstPersonOutsideQuotes(doc, quotes)
  const title = titleLength(doc)
  const inTitle = located.filter((l) => l.first < title)
  const unknownVoice = located.length > 0 && firstPerson >= 3 && inTitle.length === 0 && titleNamesUnknownCompany(doc, located, title)
  const voice = firstPerson >= 3 && inTitle.length > 0 && inTitle.every((l) => l.mention.vendorId === inTitle[0].mention.vendorId) ? inTitle[0] : null

  const isComparison = (l: Located): boolean => {
    for (let i = l.first - 1, n = 0; i >= 0 && n < 3; i--, n++) {
      const t = tokens[i]
      if (COMPARISON.has(t.norm)) return true
      if (t.norm === "to" || t.norm === "with") {
        const before = tokens[i - 1]?.norm
        if (before === "compared" || before === "comparison" || before === "relative") return true
      }
      if (t.kind === "punct" || (t.norm !== "the" && t.norm !== "a" && t.norm !== "an" && !/^\p{Lu}/u.test(t.text))) break
    }
    return false
  }
  /** True when an unnamed company ("a messaging provider") is named in [a, b). */
  const unnamedVendor = (a: number, b: number): boolean => {
    for (let i = a; i < b; i++) {
      if (!VENDOR_NOUNS.has(tokens[i].norm)) continue
      for (let j = i - 1; j >= a && j >= i - 3; j--) {
        if (INDEFINITE.has(tokens[j].norm)) return true
        if (tokens[j].kind === "punct") break
      }
    }
    return false
  }
  const methodFor = (l: Located, fallback: AttributionMethod): AttributionMethod => (l.mention.product && fallback === "subject" ? "product" : fallback)
  const inRange = (a: number, b: number): Located[] => located.filter((l) => l.first >= a && l.last <= b)

  /** The vendor the text is mostly about so far: most mentions before the token, latest on ties. */
  const salient = (beforeToken: number, minMentions: number): Located | null => {
    const counts = new Map<string, { n: number; last: Located }>()
    for (const l of located) {
      if (l.first >= beforeToken) break
      if (isComparison(l)) continue
      const c = counts.get(l.mention.vendorId)
      counts.set(l.mention.vendorId, { n: (c?.n ?? 0) + 1, last: l })
    }
    let best: { n: number; last: Located } | null = null
    for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.last.first > best.last.first)) best = c
    return best && best.n >= minMentions ? best.last : null
  }

  /**
   * The vendor a pronoun or "the company" points to. "The company" / "the firm" means the vendor
   * the text is about; "it" / "its" / "we" the subject of a recent sentence.
   */
  const antecedent = (beforeToken: number, companyNoun = false): Located | null => {
    if (companyNoun) {
      const main = salient(beforeToken, 1)
      if (main) return main
    }
    const s0 = doc.sentenceOf[Math.min(beforeToken, tokens.length - 1)]
    const earlier = located.filter((l) => l.first < beforeToken && l.sentence >= s0 - MAX_SENTENCES_BACK && !isComparison(l))
    if (earlier.length === 0) return salient(beforeToken, 2)
    const lastSentence = earlier[earlier.length - 1].sentence
    const inSentence = earlier.filter((l) => l.sentence === lastSentence)
    const subject = inSentence.find((l) => {
      let j = l.last
      if (tokens[j]?.norm === "'" && tokens[j + 1]?.norm === "s") return false
      while (j < tokens.length && j < l.last + 2 && tokens[j].kind === "punct") j++
      return SUBJECT_VERBS.has(tokens[j]?.norm ?? "")
    })
    return subject ?? inSentence[0]
  }

  /** Resolve a vendor named in an attribution segment, or "the company"/"it" in it. */
  const speakerIn = (a: number, b: number, anchor: number): Attribution | null => {
    let speech = false
    let pronoun = false
    let company = false
    for (let i = a; i < b; i++) {
      if (SPEECH.has(tokens[i].norm)) speech = true
      if (PRONOUNS.has(tokens[i].norm)) pronoun = true
      if (COMPANY_NOUNS.has(tokens[i].norm)) company = true
    }
    // A vendor is the speaker only where something is said ("…, CrowdStrike said"), not in
    // "… while CrowdStrike customers waited".
    const named = inRange(a, b).filter((l) => !isComparison(l))
    if (named.length > 0 && speech) return { mention: named[0].mention, method: "speaker" }
    if (speech && (pronoun || company)) {
      const ante = antecedent(anchor, company)
      if (ante) return { mention: ante.mention, method: "pronoun" }
    }
    return null
  }

  return {
    attribute(first: number, last: number): Attribution {
      if (located.length === 0 || first >= tokens.length) return { mention: null, method: null }
      const sIndex = doc.sentenceOf[first]
      const s = doc.sentences[sIndex]

      // 1. Quoted: find who the quote is attributed to.
      const qi = quotes.findIndex(([o, c]) => o < first && c >= last - 1)
      if (qi >= 0) {
        // An unattributed quote continues the speaker of the quote just before it.
        for (let k = qi; k >= 0 && k >= qi - 2; k--) {
          const [open, close] = quotes[k]
          if (k < qi && doc.sentences[doc.sentenceOf[quotes[k + 1][0]]].paragraph - doc.sentences[doc.sentenceOf[close]].paragraph > 1) break
          const closeSentence = doc.sentences[doc.sentenceOf[close]]
          const after = speakerIn(close + 1, Math.min(closeSentence.last, close + 16), open)
          if (after) return after
          const openSentence = doc.sentences[doc.sentenceOf[open]]
          const before = speakerIn(openSentence.first, open, open)
          if (before) return before
        }
      }

      // 2. Subject: the closest vendor before the claim in the same sentence.
      const before = inRange(s.first, first).filter((l) => !isComparison(l))
      const insideQuote = (l: Located): boolean => quotes.some(([o, c]) => o < l.first && c >= l.last && !(o < first && c >= last - 1))
      const subjects = before.filter((l) => !insideQuote(l))
      if (subjects.length > 0) {
        const pick = subjects[subjects.length - 1]
        return { mention: pick.mention, method: methodFor(pick, "subject") }
      }

      // An unnamed company speaks or is the subject ("a messaging provider said …"): the claim is
      // about a vendor the text does not name, not the one mentioned nearby.
      if (unnamedVendor(s.first, first) || unnamedVendor(last, s.last)) return { mention: null, method: null }

      // A vendor named inside the claim ("the Okta production service was not affected").
      const inside = inRange(first, last).filter((l) => !isComparison(l))
      if (inside.length > 0) return { mention: inside[0].mention, method: methodFor(inside[0], "subject") }

      // 3. Reported speech after the claim: "…, a CrowdStrike spokesperson said."
      const trailing = speakerIn(last, s.last, first)
      if (trailing) return trailing

      // 4. Pronoun or "the company" before (or opening) the claim.
      for (let i = s.first; i < Math.min(last, first + 2); i++) {
        const n = tokens[i].norm
        const companyNoun = COMPANY_NOUNS.has(n) && tokens[i - 1]?.norm === "the"
        if (PRONOUNS.has(n) || companyNoun) {
          if (unknownVoice && (FIRST_PERSON.has(n) || companyNoun)) return { mention: null, method: null }
          if (voice && FIRST_PERSON.has(n)) return { mention: voice.mention, method: "pronoun" }
          const ante = antecedent(s.first, companyNoun)
          if (ante) return { mention: ante.mention, method: "pronoun" }
          break
        }
      }

      // 5. Nearest: a vendor later in the sentence, or in the two sentences before (same paragraph).
      const later = inRange(last, s.last).filter((l) => !isComparison(l))
      if (later.length > 0) return { mention: later[0].mention, method: "nearest" }
      if (unknownVoice) return { mention: null, method: null }
      if (voice) return { mention: voice.mention, method: "nearest" }
      const prior = located.filter(
        (l) => l.last <= s.first && l.sentence >= sIndex - 2 && doc.sentences[l.sentence].paragraph === s.paragraph && !isComparison(l)
      )
      if (prior.length > 0) return { mention: prior[prior.length - 1].mention, method: "nearest" }
      // A text mostly about one vendor: unattributed claims are about it. A status page names its
      // vendor once, in the title: when that is the only vendor, the claims are about it too.
      const onlyVendor = located.every((l) => l.mention.vendorId === located[0].mention.vendorId)
      const main = salient(first, onlyVendor && doc.sentences[located[0].sentence].paragraph === 0 ? 1 : 2)
      if (main) return { mention: main.mention, method: "nearest" }
      return { mention: null, method: null }
    }
  }
}

/** Tokens in the first line, the title. */
function titleLength(doc: Doc): number {
  const end = doc.tokens.findIndex((t, i) => i > 0 && t.newline)
  return end < 0 ? doc.tokens.length : end
}

/**
 * True when a capitalised word of the title (its first `title` tokens) is used again,
 * capitalised, in the middle of a later sentence (a name, not a headline word), never in
 * lower case and never as part of a vendor mention: a company the lexicon does not know.
 */
function titleNamesUnknownCompany(doc: Doc, located: Located[], title: number): boolean {
  const { tokens, sentences, sentenceOf } = doc
  const lower = new Set(tokens.filter((t) => t.kind === "word" && !/^\p{Lu}/u.test(t.text)).map((t) => t.norm))
  const inMention = new Set<number>()
  for (const l of located) for (let i = l.first; i < l.last; i++) inMention.add(i)
  for (let i = 0; i < title; i++) {
    const w = tokens[i]
    if (w.kind !== "word" || !/^\p{Lu}\p{Ll}/u.test(w.text) || w.text.length < 3 || lower.has(w.norm)) continue
    for (let j = title; j < tokens.length; j++) {
      const t = tokens[j]
      if (t.norm !== w.norm || t.text !== w.text || inMention.has(j)) continue
      const midSentence = j > sentences[sentenceOf[j]].first && tokens[j - 1].kind !== "punct"
      if (midSentence) return true
    }
  }
  return false
}

/** How often the text says "we", "our" or "us" in its own voice (outside quotes). */
function firstPersonOutsideQuotes(doc: Doc, quotes: [number, number][]): number {
  let n = 0
  doc.tokens.forEach((t, i) => {
    if (FIRST_PERSON.has(t.norm) && t.text !== "US" && !quotes.some(([o, c]) => o < i && i < c)) n++
  })
  return n
}
