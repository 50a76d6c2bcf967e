// Pure view logic of the collection page: filter state, facet counts, sort
// order and labels. No browser APIs, so it is unit-tested in node.
import type { Snippet } from "~core/snippets/model"
import { facetCounts, filterSnippets, type Facet, type SnippetFacets, type SnippetFilter } from "~core/snippets/query"
import { CLAIM_KINDS, type ClaimKind } from "~core/types"

/** Snippets rendered at first and added by each "Show more". */
export const PAGE_SIZE = 100

export const SORT_ORDERS = ["saved-desc", "saved-asc", "page-desc"] as const
export type SortOrder = (typeof SORT_ORDERS)[number]

export interface FilterState {
  text: string
  vendor: string
  kind: ClaimKind | ""
  tag: string
  site: string
  from: string
  to: string
  dateField: "savedAt" | "pageDate"
}

export const NO_FILTER: FilterState = { text: "", vendor: "", kind: "", tag: "", site: "", from: "", to: "", dateField: "savedAt" }

type FacetName = "vendor" | "kind" | "tag" | "site"

export function toSnippetFilter(state: FilterState, without?: FacetName): SnippetFilter {
  return {
    text: state.text,
    vendor: without === "vendor" ? undefined : state.vendor || undefined,
    kind: without === "kind" ? undefined : state.kind || undefined,
    tag: without === "tag" ? undefined : state.tag || undefined,
    site: without === "site" ? undefined : state.site || undefined,
    from: state.from || undefined,
    to: state.to || undefined,
    dateField: state.dateField
  }
}

export function isFiltered(state: FilterState): boolean {
  return (
    state.text.trim() !== "" || state.vendor !== "" || state.kind !== "" || state.tag !== "" || state.site !== "" || state.from !== "" || state.to !== ""
  )
}

/**
 * Counts for each filter menu, the usual faceted-search way: a menu counts the snippets that
 * match every *other* active filter, so its numbers say what choosing an entry would show.
 * A chosen value stays listed (with 0) even when nothing else matches it.
 */
export function facetsFor(snippets: readonly Snippet[], state: FilterState, matching?: readonly Snippet[]): SnippetFacets {
  // Menus with nothing chosen all count the snippets matching the full filter: one pass serves them all.
  let shared: SnippetFacets | null = null
  const base = () => (shared ??= facetCounts(matching ?? filterSnippets(snippets, toSnippetFilter(state))))
  const pick = (name: FacetName, key: keyof SnippetFacets, chosen: string): Facet[] => {
    if (!chosen) return base()[key]
    const facets = facetCounts(filterSnippets(snippets, toSnippetFilter(state, name)))[key]
    return facets.some((f) => f.value === chosen) ? facets : [...facets, { value: chosen, label: chosen, count: 0 }]
  }
  const kinds = pick("kind", "kinds", state.kind)
  return {
    vendors: pick("vendor", "vendors", state.vendor),
    // Claim kinds in their fixed order, so the menu does not reshuffle as counts change.
    kinds: [...kinds].sort((a, b) => CLAIM_KINDS.indexOf(a.value as ClaimKind) - CLAIM_KINDS.indexOf(b.value as ClaimKind)),
    tags: pick("tag", "tags", state.tag),
    sites: pick("site", "sites", state.site)
  }
}

export function sortSnippets(snippets: readonly Snippet[], order: SortOrder): Snippet[] {
  const byId = (a: Snippet, b: Snippet) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  const list = [...snippets]
  switch (order) {
    case "saved-asc":
      return list.sort((a, b) => cmp(a.savedAt, b.savedAt) || byId(a, b))
    case "page-desc":
      // Undated pages last; ties newest saved first.
      return list.sort((a, b) => cmp(b.pageDate ?? "", a.pageDate ?? "") || cmp(b.savedAt, a.savedAt) || byId(a, b))
    default:
      return list.sort((a, b) => cmp(b.savedAt, a.savedAt) || byId(a, b))
  }
}

/** The first words of a quote, for an accessible name: "Acme Cloud has been more reliable…". */
export function firstWords(text: string, max = 8): string {
  const all = text.split(/\s+/).filter(Boolean)
  return all.length <= max ? all.join(" ") : all.slice(0, max).join(" ") + "…"
}

/** Tags typed into the add-tag box: commas separate several at once. */
export function splitTagInput(input: string): string[] {
  return input
    .split(",")
    .map((t) => t.replace(/\s+/g, " ").trim())
    .filter(Boolean)
}
