// Links that open a page scrolled to a saved quote, using URL text fragments
// (`#:~:text=`), which Chromium-based browsers, Safari and Firefox 131+
// follow. A fragment only matches text inside one block of the page, so a
// quote that spans blocks (saved text separates blocks with "\n") or is long
// is linked by its first and last words (`text=start,end`).
import type { TextQuoteSelector } from "../snippets/model"

/** Quotes with more words than this are linked by their first and last words. */
const MAX_EXACT_WORDS = 12
/** Words used for each end of a start,end fragment. */
const EDGE_WORDS = 4
/** Quotes this short are ambiguous: add a word of context on each side when it is safe. */
const CONTEXT_BELOW_WORDS = 4

/**
 * Percent-encodes a fragment term. On top of `encodeURIComponent`, `-` must be escaped
 * because it marks prefix/suffix in the directive (`,` and `&` are already escaped).
 */
export function encodeFragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, "%2D")
}

const words = (text: string) => text.split(/\s+/).filter(Boolean)

/** The part of the text directive after `text=`, or null when the quote has no words. */
export function textDirective(quote: Pick<TextQuoteSelector, "exact" | "prefix" | "suffix">): string | null {
  const lines = quote.exact.split("\n").map(words).filter((l) => l.length > 0)
  if (lines.length === 0) return null
  const all = lines.flat()

  if (lines.length === 1 && all.length <= MAX_EXACT_WORDS) {
    let directive = encodeFragmentTerm(all.join(" "))
    if (all.length < CONTEXT_BELOW_WORDS) {
      // Context only when it is a whole word in the same block, right next to the quote.
      const before = /(\S+)([ \t\u00a0]+)$/.exec(quote.prefix)
      const after = /^([ \t\u00a0]+)(\S+)/.exec(quote.suffix)
      if (before && /^\S/.test(quote.exact)) directive = `${encodeFragmentTerm(before[1])}-,${directive}`
      if (after && /\S$/.test(quote.exact)) directive = `${directive},-${encodeFragmentTerm(after[2])}`
    }
    return directive
  }

  const first = lines[0]
  const last = lines[lines.length - 1]
  const start = lines.length === 1 ? first.slice(0, Math.min(EDGE_WORDS, Math.floor(first.length / 2))) : first.slice(0, EDGE_WORDS)
  const end = lines.length === 1 ? last.slice(-Math.min(EDGE_WORDS, Math.floor(last.length / 2))) : last.slice(-EDGE_WORDS)
  return `${encodeFragmentTerm(start.join(" "))},${encodeFragmentTerm(end.join(" "))}`
}

/** `url` with a text fragment pointing at the quote. Any earlier text directive is replaced; an ordinary `#anchor` is kept. */
export function textFragmentUrl(url: string, quote: Pick<TextQuoteSelector, "exact" | "prefix" | "suffix">): string {
  const directive = textDirective(quote)
  const hash = url.indexOf("#")
  const base = hash >= 0 ? url.slice(0, hash) : url
  let fragment = hash >= 0 ? url.slice(hash + 1) : ""
  const directives = fragment.indexOf(":~:")
  if (directives >= 0) fragment = fragment.slice(0, directives)
  if (!directive) return fragment ? `${base}#${fragment}` : base
  return `${base}#${fragment}:~:text=${directive}`
}
