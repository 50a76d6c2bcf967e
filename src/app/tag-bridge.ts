// Part-of-speech tags for the in-page detector come from the service worker,
// which runs compromise: loading compromise on the page would block the page's
// main thread for hundreds of milliseconds. The analyser asks for tags
// synchronously, so a chunk is analysed once to learn which short windows it
// wants tagged, the worker tags them in one message, and the chunk is analysed
// again with the answers cached.
import { setTagger, type RawTerm } from "~core/nlp/setup"

/** At most this many windows per request, each at most this long (they are a few words around a name). */
const MAX_TEXTS = 32
const MAX_TEXT_CHARS = 600

export interface TagBridge {
  readonly pendingCount: number
  flush(): Promise<void>
}

export function createTagBridge(fetchTags: (texts: string[]) => Promise<RawTerm[][]>): TagBridge {
  const cache = new Map<string, RawTerm[]>()
  const pending = new Set<string>()
  setTagger((text) => {
    const hit = cache.get(text)
    if (hit) return hit
    if (pending.size < MAX_TEXTS && text.length <= MAX_TEXT_CHARS) pending.add(text)
    return []
  })
  return {
    get pendingCount() {
      return pending.size
    },
    async flush() {
      const texts = [...pending]
      pending.clear()
      let terms: RawTerm[][] = []
      try {
        terms = await fetchTags(texts)
      } catch {
        // No tags (worker unavailable): the analysis stands on its other evidence.
      }
      texts.forEach((text, i) => cache.set(text, Array.isArray(terms[i]) ? terms[i] : []))
    }
  }
}
