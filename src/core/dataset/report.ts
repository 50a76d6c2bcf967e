import type { Claim, ClaimKind, Dataset, IsoDate, Mention, ScanReport } from "../types"
import { rankIncidents } from "./rank"

/**
 * The CLI report's incident list: for every vendor on the page (in order of first
 * appearance), its top `perVendor` incidents ranked with the kinds of the claims
 * attributed to it and the products named for it. Each incident appears once.
 */
export function incidentsForReport(
  dataset: Dataset,
  mentions: Mention[],
  claims: Claim[],
  published: IsoDate | null,
  perVendor = 5
): ScanReport["incidents"] {
  const order: string[] = []
  const kinds = new Map<string, ClaimKind[]>()
  const products = new Map<string, string[]>()
  const note = (vendorId: string): void => {
    if (!order.includes(vendorId)) order.push(vendorId)
  }
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    note(m.vendorId)
    if (m.product) products.set(m.vendorId, [...(products.get(m.vendorId) ?? []), m.product])
  }
  for (const c of claims) {
    if (!c.vendorId) continue
    note(c.vendorId)
    kinds.set(c.vendorId, [...(kinds.get(c.vendorId) ?? []), c.kind])
  }

  const seen = new Set<string>()
  const out: ScanReport["incidents"] = []
  for (const vendorId of order) {
    const ranked = rankIncidents(dataset, vendorId, {
      claimKinds: kinds.get(vendorId) ?? [],
      published,
      products: [...new Set(products.get(vendorId) ?? [])],
      limit: perVendor
    })
    for (const i of ranked) {
      if (seen.has(i.id)) continue
      seen.add(i.id)
      out.push({ id: i.id, vendor: i.vendor, date: i.date, type: i.type, title: i.title, severity: i.severity, sources: [...i.sources] })
    }
  }
  return out
}
