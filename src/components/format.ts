// Pure helpers behind the UI: formatting, grouping and ranking of what the
// background sends. No browser APIs and no i18n here, so they run in unit tests.
import { normalizeSite } from "~core/settings"
import { CLAIM_KINDS, type ClaimKind, type IncidentType, type IsoDate, type RankedIncident } from "~core/types"
import type { PageReport, VendorRecord } from "~lib/messages"

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_MONTH = /^(\d{4})-(\d{2})$/

/**
 * A dataset date for people: `2024-07-19` → "Jul 19, 2024" (en-US). Month
 * precision drops the day. Anything that is not an ISO date comes back as is.
 * Dates are calendar dates, so they are formatted in UTC and never shift a day.
 */
export function formatDate(iso: IsoDate, precision: "day" | "month" = "day", locale?: string): string {
  const day = ISO_DAY.exec(iso)
  const month = day ?? ISO_MONTH.exec(iso)
  if (!month) return iso
  const [y, m, d] = [Number(month[1]), Number(month[2]), day ? Number(day[3]) : 1]
  const time = Date.UTC(y, m - 1, d)
  const date = new Date(time)
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return iso
  const options: Intl.DateTimeFormatOptions =
    precision === "month" || !day
      ? { year: "numeric", month: "short", timeZone: "UTC" }
      : { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }
  try {
    return new Intl.DateTimeFormat(locale, options).format(date)
  } catch {
    return iso
  }
}

/** A count with the locale's digit grouping: 1234567 → "1,234,567" (en-US). */
export function formatCount(n: number, locale?: string): string {
  if (!Number.isFinite(n)) return String(n)
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n)
  } catch {
    return String(Math.round(n))
  }
}

/** The i18n key of an incident type: `faulty-update` → `type_faulty_update`. */
export function incidentTypeKey(type: IncidentType): string {
  return `type_${type.replace(/-/g, "_")}`
}

/** The i18n key of a claim kind: `security` → `kind_security`. */
export function claimKindKey(kind: ClaimKind): string {
  return `kind_${kind}`
}

/** Severity as a whole number 1–5, whatever arrives. */
export function clampSeverity(level: number): 1 | 2 | 3 | 4 | 5 {
  if (!Number.isFinite(level)) return 1
  return Math.min(5, Math.max(1, Math.round(level))) as 1 | 2 | 3 | 4 | 5
}

export interface SourceLink {
  url: string
  /** Hostname without `www.`, for the link text. */
  host: string
}

/** Only well-formed https links survive (dataset text is untrusted for URLs too); duplicates are dropped. */
export function httpsSources(urls: readonly string[]): SourceLink[] {
  const seen = new Set<string>()
  const links: SourceLink[] = []
  for (const raw of urls) {
    let parsed: URL
    try {
      parsed = new URL(raw.trim())
    } catch {
      continue
    }
    if (parsed.protocol !== "https:" || !parsed.hostname || parsed.username || parsed.password) continue
    const url = parsed.href
    if (seen.has(url)) continue
    seen.add(url)
    links.push({ url, host: parsed.hostname.replace(/^www\./, "") })
  }
  return links
}

type PageClaim = PageReport["claims"][number]

export interface ClaimGroup {
  vendorId: string | null
  vendor: string | null
  count: number
  kinds: { kind: ClaimKind; claims: PageClaim[] }[]
}

/**
 * Claims grouped by vendor, then by kind. Vendors with the most claims come
 * first (ties by name); claims no vendor could be attributed to come last.
 * Kinds follow the fixed CLAIM_KINDS order, claims keep page order.
 */
export function groupClaims(claims: readonly PageClaim[]): ClaimGroup[] {
  const byVendor = new Map<string, { vendorId: string | null; vendor: string | null; claims: PageClaim[] }>()
  for (const claim of claims) {
    const key = claim.vendorId ?? ""
    let group = byVendor.get(key)
    if (!group) {
      group = { vendorId: claim.vendorId, vendor: claim.vendorId ? claim.vendor : null, claims: [] }
      byVendor.set(key, group)
    }
    group.claims.push(claim)
  }
  const groups = [...byVendor.values()].map((g) => ({
    vendorId: g.vendorId,
    vendor: g.vendor,
    count: g.claims.length,
    kinds: CLAIM_KINDS.map((kind) => ({ kind, claims: g.claims.filter((c) => c.kind === kind) })).filter(
      (k) => k.claims.length > 0
    )
  }))
  return groups.sort((a, b) => {
    if ((a.vendorId === null) !== (b.vendorId === null)) return a.vendorId === null ? 1 : -1
    return b.count - a.count || (a.vendor ?? "").localeCompare(b.vendor ?? "")
  })
}

/**
 * The incidents worth showing first for a vendor: the ranked lists for the
 * claim kinds made about it, then the bare-mention list, merged without
 * duplicates, best score first (newer first on a tie).
 */
export function topIncidents(record: VendorRecord, kinds: readonly ClaimKind[], limit = 3): RankedIncident[] {
  const best = new Map<string, RankedIncident>()
  for (const key of [...kinds, "any"] as const) {
    for (const incident of record.byKind[key] ?? []) {
      const seen = best.get(incident.id)
      if (!seen || incident.score > seen.score) best.set(incident.id, incident)
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, limit))
}

export interface PageVendor {
  vendorId: string
  name: string
  /** How many times the vendor (or one of its products) is named on the page. */
  mentions: number
  products: string[]
  /** Claim kinds attributed to the vendor on the page, in CLAIM_KINDS order. */
  claimKinds: ClaimKind[]
  claimCount: number
  record: VendorRecord | null
}

/** The vendors a page names, most-mentioned first, with their record when the dataset has one. */
export function pageVendors(report: PageReport, records: Readonly<Record<string, VendorRecord>>): PageVendor[] {
  const byId = new Map<string, PageVendor>()
  const order: string[] = []
  for (const mention of report.mentions) {
    let vendor = byId.get(mention.vendorId)
    if (!vendor) {
      const record = Object.hasOwn(records, mention.vendorId) ? records[mention.vendorId] : null
      vendor = {
        vendorId: mention.vendorId,
        name: record?.name ?? mention.vendor,
        mentions: 0,
        products: [],
        claimKinds: [],
        claimCount: 0,
        record
      }
      byId.set(mention.vendorId, vendor)
      order.push(mention.vendorId)
    }
    vendor.mentions += mention.count
    if (mention.product && !vendor.products.includes(mention.product)) vendor.products.push(mention.product)
  }
  for (const claim of report.claims) {
    const vendor = claim.vendorId ? byId.get(claim.vendorId) : undefined
    if (!vendor) continue
    vendor.claimCount++
    if (!vendor.claimKinds.includes(claim.kind)) vendor.claimKinds.push(claim.kind)
  }
  const list = order.map((id) => byId.get(id)!)
  for (const v of list) v.claimKinds.sort((a, b) => CLAIM_KINDS.indexOf(a) - CLAIM_KINDS.indexOf(b))
  // Stable sort: equal counts keep page order.
  return list.sort((a, b) => b.claimCount - a.claimCount || b.mentions - a.mentions)
}

// ---------------------------------------------------------------- site list

/** The site list with `site` added (normalised, no duplicates, sorted); unchanged for a non-host. */
export function addSite(list: readonly string[], hostOrUrl: string): string[] {
  const site = normalizeSite(hostOrUrl)
  if (!site || list.includes(site)) return [...list]
  return [...list, site].sort()
}

/**
 * The site list with every entry that covers `hostOrUrl` removed, so turning
 * Track Record back on for `news.example.com` also lifts an `example.com` entry.
 */
export function removeSite(list: readonly string[], hostOrUrl: string): string[] {
  const site = normalizeSite(hostOrUrl)
  if (!site) return [...list]
  return list.filter((d) => !(site === d || site.endsWith("." + d)))
}
