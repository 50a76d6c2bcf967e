// Orders a vendor's incidents by how well they answer the claim on the page:
// the kind of claim, the page's date, the products it names, and severity.

import type { ClaimKind, Dataset, Incident, IncidentType, IsoDate, RankedIncident } from "../types"
import { daysBetween } from "./dates"

export interface RankContext {
  claimKind?: ClaimKind | null
  /** Several claim kinds at once (e.g. every claim attributed to the vendor); the best fit counts. */
  claimKinds?: ClaimKind[]
  published?: IsoDate | null
  /** Product names mentioned on the page, e.g. `Falcon`, `MOVEit`, `PAN-OS`. */
  products?: string[]
  limit?: number
}

/** How well each incident type answers each kind of claim (0-3). */
const RELEVANCE: Record<ClaimKind, Partial<Record<IncidentType, number>>> = {
  reliability: { outage: 3, "faulty-update": 3, "data-loss": 2, ransomware: 1.5, breach: 0.5, "supply-chain": 0.5, vulnerability: 0.5, regulatory: 0.5 },
  performance: { outage: 3, "faulty-update": 3, "data-loss": 1.5, ransomware: 1, breach: 0.5, "supply-chain": 0.5, vulnerability: 0.5, regulatory: 0.5 },
  security: { breach: 3, vulnerability: 3, "supply-chain": 3, ransomware: 3, "data-loss": 1.5, regulatory: 1.5, "faulty-update": 1, outage: 0.5 },
  // A recovery claim is about a recent incident; the date does most of the work.
  recovery: { outage: 2, ransomware: 2, breach: 2, "faulty-update": 2, "supply-chain": 2, "data-loss": 2, vulnerability: 1, regulatory: 0.5 },
  superlative: {}
}

const TYPE_LABEL: Record<IncidentType, string> = {
  outage: "outage",
  breach: "breach",
  vulnerability: "exploited vulnerability",
  "faulty-update": "faulty update",
  "supply-chain": "supply-chain attack",
  ransomware: "ransomware attack",
  "data-loss": "data loss",
  regulatory: "regulatory action"
}

export function incidentTypeLabel(type: IncidentType): string {
  return TYPE_LABEL[type]
}

const AFTER_PUBLICATION_PENALTY = 20
const PRODUCT_BONUS = 25

const normalise = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()

/** The first product the incident names (in its aliases, title or summary), or null. */
function mentionedProduct(incident: Incident, products: string[]): string | null {
  const hay = ` ${normalise([...incident.aliases, incident.title, incident.summary].join(" "))} `
  for (const p of products) {
    const needle = normalise(p)
    if (needle && hay.includes(` ${needle} `)) return p
  }
  return null
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`
}

function distance(days: number): string {
  if (days === 0) return "same day as the page"
  const abs = Math.abs(days)
  const span = abs < 60 ? plural(abs, "day") : abs < 730 ? plural(Math.round(abs / 30.4), "month") : plural(Math.round(abs / 365.25), "year")
  return days > 0 ? `${span} before the page` : `${span} after the page`
}

/**
 * Ranks `vendorId`'s incidents for a page. Incidents after the page's date are
 * marked `afterPublication` and sink; unverified rows stay but always come last.
 */
export function rankIncidents(dataset: Dataset, vendorId: string, ctx: RankContext = {}): RankedIncident[] {
  const incidents = dataset.incidents.filter((i) => i.vendorId === vendorId)
  if (incidents.length === 0) return []
  const kinds = [...new Set([...(ctx.claimKinds ?? []), ...(ctx.claimKind ? [ctx.claimKind] : [])])]
  const published = ctx.published ?? null
  const products = ctx.products ?? []
  // Without a page date, rank by closeness to the vendor's newest incident.
  const reference = published ?? incidents.reduce((max, i) => (i.date > max ? i.date : max), "")
  const superlative = kinds.includes("superlative")
  const recovery = kinds.includes("recovery")

  const ranked = incidents.map((incident): RankedIncident => {
    const why: string[] = []
    let score = 0

    // Regulatory rows are filed in addition to the incident behind them, so for a
    // bare mention the incident itself comes first.
    let relevance = kinds.length === 0 && incident.type === "regulatory" ? 0.5 : 1
    let matchedKind: ClaimKind | null = null
    for (const kind of kinds) {
      const r = kind === "superlative" ? 1 : (RELEVANCE[kind][incident.type] ?? 0)
      if (matchedKind === null || r > relevance) {
        relevance = r
        matchedKind = kind
      }
    }
    score += relevance * 4
    if (matchedKind && matchedKind !== "superlative" && relevance >= 2) {
      why.push(`${TYPE_LABEL[incident.type]} matches a ${matchedKind} claim`)
    }

    score += incident.severity * (superlative ? 3 : 1.5)
    if (superlative && incident.severity >= 4) why.push(`severity ${incident.severity} of 5 against a superlative claim`)

    const days = daysBetween(incident.date, reference)
    const afterPublication = published !== null && days < 0
    if (afterPublication) {
      score -= AFTER_PUBLICATION_PENALTY
      why.push(`happened ${distance(days)}`)
    } else {
      score += 6 * 0.5 ** (days / 365)
      if (recovery) score += 12 * 0.5 ** (days / 30)
      if (published !== null && (recovery || days <= 90)) why.push(distance(days))
    }

    const product = products.length > 0 ? mentionedProduct(incident, products) : null
    if (product) {
      score += PRODUCT_BONUS
      why.unshift(`involves ${product}, named on the page`)
    }

    if (!incident.verified) why.push("unverified: no reputable source confirms it yet")
    if (why.length === 0) why.push(`severity ${incident.severity} ${TYPE_LABEL[incident.type]}`)

    return { ...incident, score: Math.round(score * 100) / 100, afterPublication, why: why.join("; ") }
  })

  ranked.sort(
    (a, b) =>
      Number(b.verified) - Number(a.verified) ||
      b.score - a.score ||
      (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? -1 : 1)
  )
  return ctx.limit !== undefined ? ranked.slice(0, Math.max(0, ctx.limit)) : ranked
}
