// Vendor ids are derived from the canonical name, so the data build and any
// code that only knows a vendor's name agree on the same slug.

/** `Palo Alto Networks` → `palo-alto-networks`, `AT&T` → `at-t`, `Linkos Group (M.E.Doc)` → `linkos-group-m-e-doc`. */
export function vendorSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const t = Date.parse(`${value}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value
}
