import type { Dataset, IsoDate, KevSummary } from "../types"
import { addDays } from "./dates"

/** NVD page for a CVE id (the KEV catalog itself has no per-entry pages). */
export function cveUrl(cve: string): string {
  return `https://nvd.nist.gov/vuln/detail/${encodeURIComponent(cve)}`
}

/**
 * The vendor's CISA KEV record as it stood on `asOf`: entries added on or before
 * that day, how many in the 12 months before it, how many CISA ties to
 * ransomware campaigns, and the newest `latest` entries with a link.
 */
export function kevSummary(dataset: Dataset, vendorId: string, asOf: IsoDate, latest = 5): KevSummary {
  const entries = (dataset.kev[vendorId] ?? []).filter((e) => e.dateAdded <= asOf)
  const yearAgo = addDays(asOf, -365)
  return {
    vendorId,
    total: entries.length,
    lastYear: entries.filter((e) => e.dateAdded > yearAgo).length,
    ransomware: entries.filter((e) => e.ransomware).length,
    // Stored newest first by the data build.
    latest: entries.slice(0, Math.max(0, latest)).map((e) => ({ ...e, url: cveUrl(e.cve) }))
  }
}
