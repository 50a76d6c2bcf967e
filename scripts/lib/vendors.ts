import { z } from "zod"

import { vendorSlug } from "../../src/core/dataset/ids"
import type { LexiconVendor } from "../../src/core/types"
import { parseCsv, splitList } from "./csv"
import { DataError, rowLabel } from "./errors"
import { check } from "./validate"

export const VENDORS_FILE = "data/vendors.csv"

export const VENDOR_CATEGORIES = [
  "cloud",
  "hardware",
  "networking",
  "os",
  "other",
  "payments",
  "saas",
  "security",
  "software",
  "telecom"
] as const

const VENDOR_COLUMNS = [
  "vendor",
  "aliases",
  "domain",
  "category",
  "country",
  "ambiguous_aliases",
  "tickers",
  "products",
  "shared_aliases",
  "kev_vendor_projects",
  "hibp_domains"
] as const

/** One row of data/vendors.csv after validation. */
export interface VendorRecord {
  row: number
  id: string
  name: string
  /** Every alias from the table, canonical name excluded. */
  aliases: string[]
  domain: string
  category: string
  country: string
  ambiguous: string[]
  tickers: string[]
  products: string[]
  /** Names of a parent, owner or sibling company: kept for reference, never matched as this vendor. */
  shared: string[]
  /** KEV `vendorProject` values, or `vendorProject:product prefix` for vendors sharing one (Broadcom:VMware). */
  kevVendorProjects: string[]
  /** Extra HIBP breach domains that are the vendor's own services (besides `domain`). */
  hibpDomains: string[]
}

const domainLike = z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}(\/[A-Za-z0-9._-]+)*$/, {
  message: "must be a lower-case domain such as example.com"
})

const vendorSchema = z.object({
  vendor: z.string().min(1, { message: "must not be empty" }),
  domain: domainLike,
  category: z.enum(VENDOR_CATEGORIES, { message: `must be one of ${VENDOR_CATEGORIES.join(", ")}` }),
  country: z.string().regex(/^([A-Z]{2})?$/, { message: "must be empty or a two-letter country code" }),
  hibp_domains: z.array(domainLike)
})

const fold = (s: string): string => s.toLocaleLowerCase("en-US")

/** Parses and validates data/vendors.csv. Throws a DataError naming the row on bad data. */
export function parseVendors(text: string, file = VENDORS_FILE): VendorRecord[] {
  const rows = parseCsv(text, file, VENDOR_COLUMNS)
  const vendors: VendorRecord[] = []
  const byId = new Map<string, VendorRecord>()
  for (const { row, cells } of rows) {
    const label = rowLabel(file, row, cells.vendor, "vendor")
    const hibpDomains = splitList(cells.hibp_domains ?? "")
    const base = check(vendorSchema, { ...cells, hibp_domains: hibpDomains }, label)
    const id = vendorSlug(base.vendor)
    if (!id) throw new DataError(`${label}: vendor name gives an empty id`)
    const clash = byId.get(id)
    if (clash) throw new DataError(`${label}: vendor id ${id} is already used by row ${clash.row} (${clash.name})`)

    const aliases = splitList(cells.aliases ?? "")
    // Case matters here: a ticker (BOX) may differ from the name (Box) only in case.
    const seen = new Set<string>([base.vendor])
    for (const a of aliases) {
      if (seen.has(a)) throw new DataError(`${label}: alias "${a}" is listed twice (or repeats the vendor name)`)
      seen.add(a)
    }
    const subset = (column: string): string[] => {
      const items = splitList(cells[column] ?? "")
      for (const item of items) {
        if (item !== base.vendor && !aliases.includes(item)) {
          throw new DataError(`${label}: ${column} "${item}" is not one of the vendor's aliases`)
        }
      }
      return items
    }
    const record: VendorRecord = {
      row,
      id,
      name: base.vendor,
      aliases,
      domain: base.domain,
      category: base.category,
      country: base.country,
      ambiguous: subset("ambiguous_aliases"),
      tickers: subset("tickers"),
      products: subset("products"),
      shared: subset("shared_aliases"),
      kevVendorProjects: splitList(cells.kev_vendor_projects ?? ""),
      hibpDomains: base.hibp_domains
    }
    if (record.shared.includes(record.name)) throw new DataError(`${label}: the vendor name cannot be a shared alias`)
    byId.set(id, record)
    vendors.push(record)
  }

  for (let i = 1; i < vendors.length; i++) {
    const prev = vendors[i - 1]!
    const cur = vendors[i]!
    if (fold(prev.name) > fold(cur.name)) {
      throw new DataError(`${rowLabel(file, cur.row, cur.name, "vendor")}: rows must stay sorted by vendor name (comes after ${prev.name})`)
    }
  }
  checkAliasOwnership(vendors, file)
  checkKevProjects(vendors, file)
  return vendors
}

/**
 * An alias (or canonical name) held by several vendors is allowed only when it is
 * deliberate: either every holder lists it as ambiguous or shared, or exactly one
 * holder owns it and every other holder marks it shared (a parent or sibling name).
 */
function checkAliasOwnership(vendors: VendorRecord[], file: string): void {
  const holders = new Map<string, { vendor: VendorRecord; alias: string }[]>()
  for (const v of vendors) {
    for (const alias of [v.name, ...v.aliases]) {
      const key = fold(alias)
      const list = holders.get(key) ?? []
      list.push({ vendor: v, alias })
      holders.set(key, list)
    }
  }
  for (const list of holders.values()) {
    if (new Set(list.map((h) => h.vendor)).size < 2) continue
    const owners = [...new Map(list.filter(({ vendor, alias }) => !vendor.shared.includes(alias)).map((h) => [h.vendor, h])).values()]
    const allMarked = list.every(
      ({ vendor, alias }) => vendor.shared.includes(alias) || (alias !== vendor.name && vendor.ambiguous.includes(alias))
    )
    if (owners.length <= 1 || allMarked) continue
    const [a, b] = owners as [(typeof owners)[number], (typeof owners)[number]]
    throw new DataError(
      `${rowLabel(file, b.vendor.row, b.vendor.name, "vendor")}: alias "${b.alias}" is also claimed by ${a.vendor.name} (row ${a.vendor.row}); ` +
        `mark it in shared_aliases (parent or sibling name) or in ambiguous_aliases of both`
    )
  }
}

function checkKevProjects(vendors: VendorRecord[], file: string): void {
  const seen = new Map<string, VendorRecord>()
  for (const v of vendors) {
    for (const key of v.kevVendorProjects) {
      const prev = seen.get(fold(key))
      if (prev) {
        throw new DataError(`${rowLabel(file, v.row, v.name, "vendor")}: kev_vendor_projects "${key}" is already mapped to ${prev.name}`)
      }
      seen.set(fold(key), v)
    }
  }
}

/** A single word with only its first letter capitalised reads as an ordinary word ("Progress"). */
const looksLikeWord = (s: string): boolean => /^[A-Z][a-z]+$/.test(s)

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const unique = (items: string[]): string[] => [...new Set(items)]

/**
 * The detector's view of the vendor table. Shared aliases (parent or sibling
 * names) are left out, so `Microsoft` names Microsoft and never GitHub. KEV
 * `vendorProject` names that map to the vendor as a whole are added as aliases.
 */
export function toLexiconVendors(vendors: VendorRecord[]): LexiconVendor[] {
  const taken = new Set<string>()
  for (const v of vendors) for (const a of [v.name, ...v.aliases]) if (!v.shared.includes(a)) taken.add(fold(a))

  return vendors
    .map((v): LexiconVendor => {
      const own = v.aliases.filter((a) => !v.shared.includes(a))
      const ownFolded = new Set([v.name, ...own].map(fold))
      const kevNames = v.kevVendorProjects
        .filter((k) => !k.includes(":"))
        .filter((k) => !ownFolded.has(fold(k)) && !taken.has(fold(k)))
      const keep = (list: string[]): string[] => unique(list.filter((a) => !v.shared.includes(a))).sort(byText)
      return {
        id: v.id,
        name: v.name,
        aliases: [v.name, ...unique([...own, ...kevNames]).sort(byText)],
        ambiguous: keep([...v.ambiguous, ...kevNames.filter(looksLikeWord)]),
        products: keep(v.products),
        tickers: keep(v.tickers),
        domain: v.domain,
        category: v.category
      }
    })
    .sort((a, b) => byText(a.id, b.id))
}
