// Builds the record shown beside a page's findings: for each vendor found, its
// incidents ranked for the kinds of claims made about it, its KEV summary and
// the timeline note. Pure: the background worker and the CLI share it.
import { kevSummary, rankIncidents, timelineNote, type TimelineNote } from "./dataset/match"
import type { ClaimKind, Dataset, IsoDate, KevSummary, RankedIncident } from "./types"

export type { TimelineNote }

/** The record behind one vendor, ranked for the claim kinds seen on the page. */
export interface VendorRecord {
  id: string
  name: string
  domain: string
  incidentCount: number
  /** Top incidents per claim kind on the page; "any" ranks for a bare mention. */
  byKind: Partial<Record<ClaimKind | "any", RankedIncident[]>>
  kev: KevSummary
  breaches: number
  timeline: TimelineNote | null
}

export interface ContextInput {
  published: IsoDate | null
  mentions: { vendorId: string; product: string | null }[]
  claims: { kind: ClaimKind; vendorId: string | null }[]
}

export interface ContextOptions {
  /** Reference date for "last 12 months" when the page has no date (today). */
  today: IsoDate
  timelineWindowDays: number
  perKind?: number
}

export function buildVendorRecords(dataset: Dataset, input: ContextInput, options: ContextOptions): Record<string, VendorRecord> {
  const perKind = options.perKind ?? 3
  const vendorIds = [...new Set(input.mentions.map((m) => m.vendorId))]
  const names = new Map(dataset.vendors.map((v) => [v.id, v]))
  const records: Record<string, VendorRecord> = {}
  for (const vendorId of vendorIds) {
    const vendor = names.get(vendorId)
    if (!vendor) continue
    const products = [...new Set(input.mentions.filter((m) => m.vendorId === vendorId && m.product).map((m) => m.product!))]
    const kinds = [...new Set(input.claims.filter((c) => c.vendorId === vendorId).map((c) => c.kind))]
    const byKind: VendorRecord["byKind"] = {
      any: rankIncidents(dataset, vendorId, { published: input.published, products, limit: perKind })
    }
    for (const kind of kinds) {
      byKind[kind] = rankIncidents(dataset, vendorId, { claimKind: kind, published: input.published, products, limit: perKind })
    }
    const incidents = dataset.incidents.filter((i) => i.vendorId === vendorId)
    records[vendorId] = {
      id: vendorId,
      name: vendor.name,
      domain: vendor.domain,
      incidentCount: incidents.length,
      byKind,
      kev: kevSummary(dataset, vendorId, input.published ?? options.today),
      breaches: dataset.hibp[vendorId]?.length ?? 0,
      timeline: input.published ? timelineNote(input.published, incidents, options.timelineWindowDays) : null
    }
  }
  return records
}

/** A record's incidents ranked for a claim kind, or for a bare mention when there is no claim. */
export function incidentsForKind(
  record: Pick<VendorRecord, "byKind"> | null | undefined,
  kind: ClaimKind | null | undefined,
  limit: number
): RankedIncident[] {
  return (record?.byKind[kind ?? "any"] ?? record?.byKind.any ?? []).slice(0, limit)
}
