// Baseline for the vendor metrics: compromise's organization tagger alone,
// with each organisation mapped to a vendor by exact, then case-insensitive,
// alias lookup. Shows what the detector adds over off-the-shelf NER.
import nlp from "compromise"
import type { MentionSpan } from "./eval-metrics"

export interface AliasVendor {
  name: string
  aliases: string[]
}

export type AliasLookup = (surface: string) => string | undefined

/** Canonical names win over aliases shared with other vendors (e.g. "Microsoft" is also a GitHub alias). */
export function aliasLookup(vendors: readonly AliasVendor[]): AliasLookup {
  const exact = new Map<string, string>()
  const folded = new Map<string, string>()
  const add = (surface: string, name: string) => {
    if (!exact.has(surface)) exact.set(surface, name)
    const key = surface.toLowerCase()
    if (!folded.has(key)) folded.set(key, name)
  }
  for (const v of vendors) add(v.name, v.name)
  for (const v of vendors) for (const a of v.aliases) add(a, v.name)
  return (surface) => exact.get(surface) ?? folded.get(surface.toLowerCase())
}

// compromise keeps punctuation and possessives inside a match ("CrowdStrike.", "Okta's").
const TRAILING = /(?:['’]s)?[\s.,;:!?)"'’”]*$/u
const LEADING = /^[\s("'‘“]*/u

export function baselineMentions(text: string, lookup: AliasLookup): MentionSpan[] {
  const found: MentionSpan[] = []
  const orgs = nlp(text).organizations().json({ offset: true }) as { offset: { start: number; length: number } }[]
  for (const org of orgs) {
    const raw = text.slice(org.offset.start, org.offset.start + org.offset.length)
    const lead = LEADING.exec(raw)![0].length
    const surface = raw.slice(lead).replace(TRAILING, "")
    if (surface === "") continue
    const vendor = lookup(surface)
    if (vendor === undefined) continue
    const start = org.offset.start + lead
    found.push({ vendor, text: surface, start, end: start + surface.length })
  }
  return found
}
