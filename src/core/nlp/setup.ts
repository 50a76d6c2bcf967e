// Part-of-speech tags refine a few borderline decisions (is "Zoom" a company
// here?). Where they come from is pluggable: in Node, the CLI and the service
// worker, compromise tags in-process (see ./compromise.ts, which registers
// itself); on a web page the detector asks the service worker instead, so
// compromise never loads on the page's main thread. With no tagger, analysis
// still runs on its other evidence.

export interface TaggedTerm {
  start: number
  end: number
  tags: Set<string>
}

/** One term of a tagged text; offsets are relative to that text. */
export interface RawTerm {
  start: number
  end: number
  tags: string[]
}

/** Tags a short text (a sentence or a window of words around a name). */
export type Tagger = (text: string) => RawTerm[]

let tagger: Tagger | null = null

export function setTagger(next: Tagger | null): void {
  tagger = next
}

/**
 * Tags one sentence and returns its terms with offsets relative to `base`
 * (the sentence's offset in the page). Never throws: returns [] on failure.
 */
export function tagSentence(sentence: string, base: number): TaggedTerm[] {
  if (!tagger) return []
  try {
    return tagger(sentence).map((t) => ({ start: base + t.start, end: base + t.end, tags: new Set(t.tags) }))
  } catch {
    return []
  }
}
