// Compiles the human-edited tables and the bundled feeds into the two generated
// files. Pure: takes file contents, returns file contents, so tests can run it on
// small fixtures and the build stays byte-for-byte reproducible.

import { z } from "zod"

import { INCIDENT_TYPES, type Dataset, type IncidentType, type Lexicon } from "../../src/core/types"
import { parseClaimRules } from "./claim-rules"
import { compactPattern } from "../../src/core/claims/pattern"
import { DataError } from "./errors"
import { mapHibp, mapKev } from "./feeds"
import { parseIncidents } from "./incidents"
import { stableStringify } from "./json"
import { check, isoDate } from "./validate"
import { parseVendors, toLexiconVendors } from "./vendors"

export const SOURCES_FILE = "data/sources.json"

export interface CompileInput {
  vendorsCsv: string
  incidentsCsv: string
  /** Parsed KEV catalog JSON. */
  kev: unknown
  /** Parsed HIBP breach list JSON. */
  hibp: unknown
  /** Contents of data/sources.json (snapshot dates of the bundled feeds). */
  sources: unknown
  /** Contents of data/claim-rules.yaml, or null while the file does not exist. */
  claimRulesYaml: string | null
}

export interface CompileStats {
  vendors: number
  lexiconAliases: number
  rules: number
  incidents: number
  incidentsByType: Record<IncidentType, number>
  unverified: string[]
  kev: { total: number; mapped: number; vendors: number; unmapped: Record<string, number> }
  hibp: { total: number; eligible: number; mapped: number; vendors: number }
}

export interface CompileOutput {
  lexicon: Lexicon
  dataset: Dataset
  /** Serialised files, exactly as written to disk. */
  lexiconJson: string
  datasetJson: string
  stats: CompileStats
}

const sourcesSchema = z.object({
  hibp: z.object({ copied: isoDate })
})

export function compileData(input: CompileInput): CompileOutput {
  const sources = check(sourcesSchema, input.sources, SOURCES_FILE)
  const vendors = parseVendors(input.vendorsCsv)
  const incidents = parseIncidents(input.incidentsCsv, vendors)
  const rules = parseClaimRules(input.claimRulesYaml)
  const kev = mapKev(input.kev, vendors)
  const hibp = mapHibp(input.hibp, vendors)

  const lexiconVendors = toLexiconVendors(vendors)
  // Bundled compact; data/claim-rules.yaml stays spaced for reading.
  const lexicon: Lexicon = { vendors: lexiconVendors, rules: rules.map((r) => ({ ...r, pattern: compactPattern(r.pattern) })) }

  incidents.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1))
  const newestIncident = incidents.reduce((max, i) => (i.date > max ? i.date : max), "")
  const newest = [newestIncident, kev.newestDate, hibp.newestDate].reduce((a, b) => (b > a ? b : a), "")
  if (!newest) throw new DataError("no dated source items: every input is empty")

  const dataset: Dataset = {
    version: {
      date: newest,
      kevCatalogVersion: kev.catalogVersion,
      hibpDate: sources.hibp.copied,
      incidents: incidents.length,
      vendors: vendors.length
    },
    vendors: vendors
      .map((v) => ({ id: v.id, name: v.name, domain: v.domain, category: v.category, country: v.country }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    incidents,
    kev: kev.byVendor,
    hibp: hibp.byVendor
  }

  const incidentsByType = Object.fromEntries(INCIDENT_TYPES.map((t) => [t, 0])) as Record<IncidentType, number>
  for (const i of incidents) incidentsByType[i.type]++

  return {
    lexicon,
    dataset,
    lexiconJson: stableStringify(lexicon),
    datasetJson: stableStringify(dataset),
    stats: {
      vendors: vendors.length,
      lexiconAliases: lexiconVendors.reduce((n, v) => n + v.aliases.length, 0),
      rules: rules.length,
      incidents: incidents.length,
      incidentsByType,
      unverified: incidents.filter((i) => !i.verified).map((i) => i.id),
      kev: { total: kev.total, mapped: kev.mapped, vendors: Object.keys(kev.byVendor).length, unmapped: kev.unmapped },
      hibp: { total: hibp.total, eligible: hibp.eligible, mapped: hibp.mapped, vendors: Object.keys(hibp.byVendor).length }
    }
  }
}
