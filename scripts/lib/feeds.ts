// Mapping of the two third-party feeds (CISA KEV, Have I Been Pwned) onto the vendor table.

import { z } from "zod"

import type { HibpBreach, KevEntry } from "../../src/core/types"
import { check, isoDate } from "./validate"
import type { VendorRecord } from "./vendors"

export const KEV_FILE = "data/kev/known_exploited_vulnerabilities.json"
export const HIBP_FILE = "data/hibp/breaches.json"

const kevSchema = z.object({
  catalogVersion: z.string().min(1),
  vulnerabilities: z.array(
    z.object({
      cveID: z.string().regex(/^CVE-\d{4}-\d{4,}$/),
      vendorProject: z.string(),
      product: z.string(),
      vulnerabilityName: z.string(),
      dateAdded: isoDate,
      knownRansomwareCampaignUse: z.string()
    })
  )
})

export interface KevMapping {
  catalogVersion: string
  total: number
  newestDate: string
  byVendor: Record<string, KevEntry[]>
  mapped: number
  /** vendorProject → number of entries that no vendor claims. */
  unmapped: Record<string, number>
}

const fold = (s: string): string => s.trim().toLocaleLowerCase("en-US")

/**
 * Maps KEV entries to vendors through `kev_vendor_projects`. A plain value matches
 * the whole vendorProject; `Broadcom:VMware` matches Broadcom entries whose product
 * starts with "VMware", for catalogs that file one company's products under its new owner.
 */
export function mapKev(json: unknown, vendors: VendorRecord[]): KevMapping {
  const kev = check(kevSchema, json, KEV_FILE)
  const whole = new Map<string, string>()
  const byProduct: { project: string; prefix: string; vendorId: string }[] = []
  for (const v of vendors) {
    for (const key of v.kevVendorProjects) {
      const i = key.indexOf(":")
      if (i < 0) whole.set(fold(key), v.id)
      else byProduct.push({ project: fold(key.slice(0, i)), prefix: fold(key.slice(i + 1)), vendorId: v.id })
    }
  }
  const byVendor: Record<string, KevEntry[]> = {}
  const unmapped: Record<string, number> = {}
  let mapped = 0
  let newestDate = ""
  for (const e of kev.vulnerabilities) {
    if (e.dateAdded > newestDate) newestDate = e.dateAdded
    const project = fold(e.vendorProject)
    const vendorId =
      byProduct.find((p) => p.project === project && fold(e.product).startsWith(p.prefix))?.vendorId ?? whole.get(project)
    if (!vendorId) {
      const name = e.vendorProject.trim()
      unmapped[name] = (unmapped[name] ?? 0) + 1
      continue
    }
    mapped++
    ;(byVendor[vendorId] ??= []).push({
      cve: e.cveID,
      product: e.product.trim(),
      name: e.vulnerabilityName.trim(),
      dateAdded: e.dateAdded,
      ransomware: e.knownRansomwareCampaignUse === "Known"
    })
  }
  for (const list of Object.values(byVendor)) {
    list.sort((a, b) => (a.dateAdded !== b.dateAdded ? (a.dateAdded < b.dateAdded ? 1 : -1) : a.cve < b.cve ? 1 : -1))
  }
  return { catalogVersion: kev.catalogVersion, total: kev.vulnerabilities.length, newestDate, byVendor, mapped, unmapped }
}

const hibpSchema = z.array(
  z.object({
    Name: z.string().min(1),
    Title: z.string(),
    Domain: z.string(),
    BreachDate: isoDate,
    AddedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}T/),
    PwnCount: z.number().int().nonnegative(),
    DataClasses: z.array(z.string()),
    IsSensitive: z.boolean(),
    IsSpamList: z.boolean(),
    IsFabricated: z.boolean()
  })
)

export interface HibpMapping {
  total: number
  /** Breaches left after dropping sensitive, spam-list and fabricated entries. */
  eligible: number
  mapped: number
  newestDate: string
  byVendor: Record<string, HibpBreach[]>
}

/** True when `domain` is `base` or one of its subdomains. */
function onDomain(domain: string, base: string): boolean {
  return domain === base || domain.endsWith(`.${base}`)
}

/** Maps HIBP breaches to the vendor whose own service was breached, by domain. */
export function mapHibp(json: unknown, vendors: VendorRecord[]): HibpMapping {
  const breaches = check(hibpSchema, json, HIBP_FILE)
  // Path-style "domains" (github.com/tj-actions) are not websites of their own.
  const domains = vendors.flatMap((v) =>
    [v.domain, ...v.hibpDomains].filter((d) => !d.includes("/")).map((d) => ({ d, id: v.id }))
  )
  const byVendor: Record<string, HibpBreach[]> = {}
  let eligible = 0
  let mapped = 0
  let newestDate = ""
  for (const b of breaches) {
    const added = b.AddedDate.slice(0, 10)
    if (added > newestDate) newestDate = added
    if (b.IsSensitive || b.IsSpamList || b.IsFabricated) continue
    eligible++
    const domain = b.Domain.trim().toLowerCase()
    if (!domain) continue
    const hit = domains.find(({ d }) => onDomain(domain, d))
    if (!hit) continue
    mapped++
    ;(byVendor[hit.id] ??= []).push({
      name: b.Name,
      title: b.Title,
      domain,
      breachDate: b.BreachDate,
      addedDate: added,
      accounts: b.PwnCount,
      dataClasses: [...b.DataClasses]
    })
  }
  for (const list of Object.values(byVendor)) {
    list.sort((a, b) => (a.breachDate !== b.breachDate ? (a.breachDate < b.breachDate ? 1 : -1) : a.name < b.name ? -1 : 1))
  }
  return { total: breaches.length, eligible, mapped, newestDate, byVendor }
}
