// Search and facets for the snippets workspace. Built for thousands of
// snippets on every keystroke: the searchable text of each snippet is lower-
// cased once and cached per snippet object (snippets are immutable values, a
// change produces a new object, so the cache never goes stale).

import { type ClaimKind, type IsoDate } from "../types"
import { siteOf, type Snippet } from "./model"

export interface SnippetFilter {
  /** Words to find (case-insensitive, all must occur) in the quote, note, page title, URL, tags and vendor names. */
  text?: string
  /** Vendor id or display name (case-insensitive). */
  vendor?: string
  kind?: ClaimKind
  /** A tag; normalised like stored tags. */
  tag?: string
  /** Host name; also matches its subdomains, and a leading `www.` is ignored. */
  site?: string
  /** Inclusive `YYYY-MM-DD` bounds on `dateField`. */
  from?: IsoDate
  to?: IsoDate
  /** Which date `from`/`to` apply to: when the snippet was saved (default) or when the page was published. */
  dateField?: "savedAt" | "pageDate"
}

interface Indexed {
  haystack: string
  site: string
}

const cache = new WeakMap<Snippet, Indexed>()

function indexed(s: Snippet): Indexed {
  let entry = cache.get(s)
  if (!entry) {
    entry = {
      haystack: [s.quote.exact, s.note, s.pageTitle ?? "", s.url, s.tags.join(" "), s.vendors.join(" "), s.vendorIds.join(" ")].join("\n").toLowerCase(),
      site: siteOf(s.url)
    }
    cache.set(s, entry)
  }
  return entry
}

/** Snippets matching every given criterion, in their original order. Empty criteria are ignored. */
export function filterSnippets(snippets: readonly Snippet[], filter: SnippetFilter = {}): Snippet[] {
  const words = (filter.text ?? "").toLowerCase().split(/\s+/).filter(Boolean)
  const vendor = filter.vendor?.trim().toLowerCase() || null
  const tag = filter.tag?.replace(/\s+/g, " ").trim().toLowerCase() || null
  const site = filter.site?.trim().toLowerCase().replace(/^www\./, "").replace(/\.$/, "") || null
  const field = filter.dateField ?? "savedAt"
  const from = filter.from || null
  const to = filter.to || null
  const kind = filter.kind ?? null

  return snippets.filter((s) => {
    if (kind && s.claimKind !== kind) return false
    if (tag && !s.tags.includes(tag)) return false
    if (vendor && !s.vendorIds.some((id) => id.toLowerCase() === vendor) && !s.vendors.some((v) => v.toLowerCase() === vendor)) return false
    if (from || to) {
      const date = field === "pageDate" ? s.pageDate : s.savedAt.slice(0, 10)
      if (!date) return false
      if (from && date < from) return false
      if (to && date > to) return false
    }
    if (site || words.length > 0) {
      const ix = indexed(s)
      if (site && ix.site !== site && !ix.site.endsWith("." + site)) return false
      for (const w of words) if (!ix.haystack.includes(w)) return false
    }
    return true
  })
}

export interface Facet {
  /** What to pass back in `SnippetFilter` (vendor id, claim kind, tag, site). */
  value: string
  /** What to show. */
  label: string
  count: number
}

export interface SnippetFacets {
  vendors: Facet[]
  kinds: Facet[]
  tags: Facet[]
  sites: Facet[]
}

/** Counts per vendor, claim kind, tag and site, most frequent first (ties by label). A snippet counts once per value. */
export function facetCounts(snippets: readonly Snippet[]): SnippetFacets {
  const vendors = new Map<string, Facet>()
  const kinds = new Map<string, Facet>()
  const tags = new Map<string, Facet>()
  const sites = new Map<string, Facet>()
  const bump = (map: Map<string, Facet>, value: string, label: string) => {
    const f = map.get(value)
    if (f) f.count++
    else map.set(value, { value, label, count: 1 })
  }
  for (const s of snippets) {
    new Set(s.vendorIds).forEach((id) => bump(vendors, id, s.vendors[s.vendorIds.indexOf(id)]))
    if (s.claimKind) bump(kinds, s.claimKind, s.claimKind)
    for (const t of s.tags) bump(tags, t, t)
    const site = indexed(s).site
    if (site) bump(sites, site, site)
  }
  const sorted = (map: Map<string, Facet>) => [...map.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
  return { vendors: sorted(vendors), kinds: sorted(kinds), tags: sorted(tags), sites: sorted(sites) }
}
