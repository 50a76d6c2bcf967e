// The run-time half of the prefilter, kept apart from the build-time half
// (prefilter.ts) so the content-script loader bundles only this file: no
// tokenizer, no pattern parser, no word lists.
//
// `source` holds newline-separated regex sources:
//   1. names that never need context, spelled exactly (tickers, acronyms)   case-sensitive
//   2. other names that never need context                                   any case
//   3. ambiguous names ("Apple", "Windows", "Palo Alto"), spelled exactly    case-sensitive
//   4. the context words the analyser needs to accept an ambiguous name      any case
// The page may name a vendor when 1 or 2 matches, or 3 and 4 both do.
// Any-case sources are written in lower case and run on the lower-cased text:
// that compiles and runs several times faster than the `i` flag on sources
// this large. Repeated groups are stored once in `defs` and referenced as "~"
// plus one character of DEF_NAMES (plain ASCII: no escaping in JSON or in the
// bundled JS string); see expandPrefilter.

export interface PrefilterData {
  source: string
  flags: string
  /** Shared sub-patterns; `source` and later defs refer to defs[i] as "~" + DEF_NAMES[i]. */
  defs?: string[]
}

export const DEF_NAMES = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

/** The plain regex sources, with every reference to a def replaced by its text. */
export function expandPrefilter(data: PrefilterData): string {
  const defs = data.defs ?? []
  if (defs.length === 0) return data.source
  const expanded: string[] = []
  const ref = /~([0-9a-zA-Z])/g
  const lookup = (_: string, name: string) => expanded[DEF_NAMES.indexOf(name)] ?? ""
  // A def only refers to earlier defs, so one pass in order expands everything.
  for (const d of defs) expanded.push(d.replace(ref, lookup))
  return data.source.replace(ref, lookup)
}

export function createPrefilter(data: PrefilterData): (text: string) => boolean {
  const flags = data.flags.replace(/[gyi]/g, "")
  const [exact, anyCase, ambiguous, context] = expandPrefilter(data)
    .split("\n")
    .map((src) => new RegExp(src, flags))
  return (text: string): boolean => {
    if (typeof text !== "string" || text.length === 0) return false
    if (exact?.test(text)) return true
    const lower = text.toLowerCase()
    if (anyCase?.test(lower)) return true
    return !!ambiguous && !!context && ambiguous.test(text) && context.test(lower)
  }
}
