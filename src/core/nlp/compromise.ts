// compromise as the in-process tagger. Importing this module loads and
// registers it; it only ever sees single candidate sentences or short windows,
// never a whole page: tagging costs far more than our token scan.
import nlp from "compromise/two"

import { trackRecordPlugin } from "./plugin"
import { setTagger, type RawTerm } from "./setup"

let registered = false
const vendorWordSets = new WeakSet<object>()

export function getNlp(): typeof nlp {
  if (!registered) {
    nlp.plugin(trackRecordPlugin)
    registered = true
  }
  return nlp
}

/** Teaches compromise the unambiguous vendor names of a lexicon (once per lexicon object). */
export function addVendorWords(key: object, names: string[]): void {
  if (vendorWordSets.has(key)) return
  vendorWordSets.add(key)
  const words: Record<string, string> = {}
  for (const n of names) {
    const k = n.toLowerCase()
    // compromise keys are plain lowercase words; names starting with a digit
    // do not work as multi-word entries, so leave them out.
    if (/^[a-z][a-z0-9 .&-]*$/.test(k)) words[k] = "Vendor"
  }
  try {
    getNlp().addWords(words)
  } catch {
    // A malformed entry must never break analysis; tags only refine it.
  }
}

/** compromise's terms for a short text, with offsets relative to it. Never throws. */
export function compromiseTags(text: string): RawTerm[] {
  try {
    const json = getNlp()(text).json({ offset: true }) as {
      terms: { text: string; tags: string[]; offset?: { start: number; length: number } }[]
    }[]
    const out: RawTerm[] = []
    for (const s of json) {
      for (const t of s.terms) {
        if (!t.offset || t.text === "") continue
        out.push({ start: t.offset.start, end: t.offset.start + t.offset.length, tags: t.tags })
      }
    }
    return out
  } catch {
    return []
  }
}

setTagger(compromiseTags)
