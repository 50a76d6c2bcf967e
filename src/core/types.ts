// Shared shapes of the analysis core. Everything here is plain data: it crosses
// the content-script / service-worker boundary and is written by the CLI as JSON.

export const INCIDENT_TYPES = [
  "outage",
  "breach",
  "vulnerability",
  "faulty-update",
  "supply-chain",
  "ransomware",
  "data-loss",
  "regulatory"
] as const
export type IncidentType = (typeof INCIDENT_TYPES)[number]

export const CLAIM_KINDS = ["reliability", "security", "recovery", "performance", "superlative"] as const
export type ClaimKind = (typeof CLAIM_KINDS)[number]

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string

// ---------------------------------------------------------------- lexicon

/** One vendor as the detector knows it (compiled from data/vendors.csv). */
export interface LexiconVendor {
  /** Stable slug, e.g. `crowdstrike`, `palo-alto-networks`. */
  id: string
  /** Canonical display name, e.g. `CrowdStrike`. */
  name: string
  /** Every surface form that may name the vendor, canonical name included. */
  aliases: string[]
  /** Subset of `aliases` that are ordinary words, places or tickers: match only with context. */
  ambiguous: string[]
  /** Aliases that are products of the vendor (e.g. `Falcon`, `PAN-OS`). */
  products: string[]
  /** Stock tickers (matched case-sensitively). */
  tickers: string[]
  domain: string
  category: string
}

/** One claim-detection rule, from the readable rule pack in data/claim-rules.yaml. */
export interface ClaimRule {
  id: string
  kind: ClaimKind
  /** Pattern in the rule pack's notation (see data/claim-rules.yaml). */
  pattern: string
  /** Why a match is worth flagging; shown to the reader. */
  rationale: string
}

export interface Lexicon {
  vendors: LexiconVendor[]
  rules: ClaimRule[]
}

// ---------------------------------------------------------------- analysis

/** A vendor named in the text. Offsets are UTF-16 indices into the analysed text. */
export interface Mention {
  vendorId: string
  vendor: string
  text: string
  start: number
  end: number
  /** The alias that matched (canonical spelling from the lexicon). */
  alias: string
  /** Set when the alias is one of the vendor's products. */
  product: string | null
  /** Human-readable reason the mention was accepted (shown in the card). */
  reason: string
}

export type AttributionMethod = "subject" | "speaker" | "pronoun" | "product" | "nearest" | null

/** A reliability/security/recovery claim found in the text. */
export interface Claim {
  text: string
  start: number
  end: number
  kind: ClaimKind
  /** Id of the rule that fired (see Lexicon.rules). */
  rule: string
  vendorId: string | null
  vendor: string | null
  /** How the vendor was attributed (null when no vendor could be attributed). */
  attribution: AttributionMethod
}

export interface AnalysisResult {
  mentions: Mention[]
  claims: Claim[]
}

// ---------------------------------------------------------------- dataset

export interface Incident {
  id: string
  vendorId: string
  vendor: string
  date: IsoDate
  datePrecision: "day" | "month"
  endDate: IsoDate | null
  type: IncidentType
  severity: 1 | 2 | 3 | 4 | 5
  title: string
  summary: string
  impact: string
  /** Other names tied to the incident: products, CVE ids, campaign names. */
  aliases: string[]
  sources: string[]
  cves: string[]
  verified: boolean
}

export interface KevEntry {
  cve: string
  product: string
  name: string
  dateAdded: IsoDate
  ransomware: boolean
}

export interface HibpBreach {
  name: string
  title: string
  domain: string
  breachDate: IsoDate
  addedDate: IsoDate
  accounts: number
  dataClasses: string[]
}

export interface DatasetVendor {
  id: string
  name: string
  domain: string
  category: string
  country: string
}

export interface DatasetVersion {
  /** Newest date across the bundled sources. */
  date: IsoDate
  kevCatalogVersion: string
  hibpDate: IsoDate
  incidents: number
  vendors: number
}

export interface Dataset {
  version: DatasetVersion
  vendors: DatasetVendor[]
  incidents: Incident[]
  /** KEV entries per vendor id, newest first. */
  kev: Record<string, KevEntry[]>
  /** HIBP breaches of the vendor's own services, per vendor id. */
  hibp: Record<string, HibpBreach[]>
}

export interface KevSummary {
  vendorId: string
  total: number
  /** Entries added in the 12 months before the reference date. */
  lastYear: number
  ransomware: number
  latest: (KevEntry & { url: string })[]
}

export interface RankedIncident extends Incident {
  score: number
  /** True when the incident happened after the page's publication date. */
  afterPublication: boolean
  /** Why it ranks where it does, e.g. "outage matches a reliability claim". */
  why: string
}

// ---------------------------------------------------------------- reports

/** The CLI's per-file report; also what the e2e and demo print. */
export interface ScanReport {
  source: string
  title: string | null
  published: IsoDate | null
  mentions: { vendor: string; text: string; start: number; end: number }[]
  claims: { text: string; start: number; end: number; vendor: string | null; kind: ClaimKind; rule: string }[]
  incidents: {
    id: string
    vendor: string
    date: IsoDate
    type: IncidentType
    title: string
    severity: number
    sources: string[]
  }[]
}
