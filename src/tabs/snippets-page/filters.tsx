// Search box and filter menus. Each menu entry shows how many snippets it
// would leave, given the other filters (see `facetsFor`).
import { useEffect, useRef, useState } from "preact/hooks"

import { formatCount } from "~components/format"
import type { Facet, SnippetFacets } from "~core/snippets/query"
import { CLAIM_KINDS, type ClaimKind } from "~core/types"
import { t } from "~lib/i18n"

import { NO_FILTER, SORT_ORDERS, type FilterState, type SortOrder } from "./view"

/** Typing pauses this long before the list is filtered again. */
const SEARCH_DELAY_MS = 150

export interface FiltersProps {
  filter: FilterState
  onFilter: (filter: FilterState) => void
  order: SortOrder
  onOrder: (order: SortOrder) => void
  facets: SnippetFacets
  filtered: boolean
}

export function Filters({ filter, onFilter, order, onOrder, facets, filtered }: FiltersProps) {
  const [text, setText] = useState(filter.text)
  // Follow outside changes (Clear filters) without fighting the typist: only a
  // change of the applied text resets the box, not the first run of the effect.
  const applied = useRef(filter.text)
  useEffect(() => {
    if (filter.text === applied.current) return
    applied.current = filter.text
    setText(filter.text)
  }, [filter.text])
  useEffect(() => {
    if (text === filter.text) return
    const timer = setTimeout(() => onFilter({ ...filter, text }), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, filter, onFilter])

  const set = <K extends keyof FilterState>(key: K, value: FilterState[K]) => onFilter({ ...filter, [key]: value })
  const kindLabel = (value: string) => ((CLAIM_KINDS as readonly string[]).includes(value) ? t(`kind_${value}`) : value)

  return (
    <form class="sn-filters" role="search" aria-label={t("snippets_filtersLabel")} onSubmit={(e) => e.preventDefault()}>
      <div class="sn-search">
        <label for="sn-search">{t("snippets_search")}</label>
        <input
          id="sn-search"
          type="search"
          value={text}
          placeholder={t("snippets_searchPlaceholder")}
          aria-keyshortcuts="/"
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") onFilter({ ...filter, text })
            else if (e.key === "Escape" && text) {
              e.preventDefault()
              setText("")
              onFilter({ ...filter, text: "" })
            }
          }}
        />
      </div>
      <FacetSelect id="sn-vendor" label={t("snippets_filterVendor")} any={t("snippets_anyVendor")} value={filter.vendor} facets={facets.vendors} onChange={(v) => set("vendor", v)} />
      <FacetSelect
        id="sn-kind"
        label={t("snippets_filterKind")}
        any={t("snippets_anyKind")}
        value={filter.kind}
        facets={facets.kinds}
        labelOf={kindLabel}
        onChange={(v) => set("kind", v as ClaimKind | "")}
      />
      <FacetSelect id="sn-tag" label={t("snippets_filterTag")} any={t("snippets_anyTag")} value={filter.tag} facets={facets.tags} onChange={(v) => set("tag", v)} />
      <FacetSelect id="sn-site" label={t("snippets_filterSite")} any={t("snippets_anySite")} value={filter.site} facets={facets.sites} onChange={(v) => set("site", v)} />
      <fieldset class="sn-dates-filter">
        <legend>{t("snippets_filterDate")}</legend>
        <select
          aria-label={t("snippets_dateField")}
          value={filter.dateField}
          onChange={(e) => set("dateField", (e.currentTarget as HTMLSelectElement).value === "pageDate" ? "pageDate" : "savedAt")}>
          <option value="savedAt">{t("snippets_dateSaved")}</option>
          <option value="pageDate">{t("snippets_datePage")}</option>
        </select>
        <label>
          {t("snippets_dateFrom")}{" "}
          <input type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => set("from", (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t("snippets_dateTo")}{" "}
          <input type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => set("to", (e.currentTarget as HTMLInputElement).value)} />
        </label>
      </fieldset>
      <div class="sn-sort">
        <label for="sn-sort">{t("snippets_sort")}</label>
        <select id="sn-sort" value={order} onChange={(e) => onOrder((e.currentTarget as HTMLSelectElement).value as SortOrder)}>
          {SORT_ORDERS.map((o) => (
            <option key={o} value={o}>
              {t(`snippets_sort_${o.replace("-", "_")}`)}
            </option>
          ))}
        </select>
      </div>
      {filtered ? (
        <button type="button" class="tr-button sn-clear" onClick={() => onFilter({ ...NO_FILTER, dateField: filter.dateField })}>
          {t("snippets_clearFilters")}
        </button>
      ) : null}
    </form>
  )
}

interface FacetSelectProps {
  id: string
  label: string
  any: string
  value: string
  facets: Facet[]
  labelOf?: (value: string) => string
  onChange: (value: string) => void
}

function FacetSelect({ id, label, any, value, facets, labelOf, onChange }: FacetSelectProps) {
  return (
    <div class="sn-facet">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{any}</option>
        {facets.map((f) => (
          <option key={f.value} value={f.value}>
            {t("snippets_facetOption", labelOf ? labelOf(f.value) : f.label, formatCount(f.count))}
          </option>
        ))}
      </select>
    </div>
  )
}
