import { z } from "zod"

import { INCIDENT_TYPES, type Incident } from "../../src/core/types"
import { parseCsv, splitList } from "./csv"
import { DataError, rowLabel } from "./errors"
import { check, httpsUrl, isoDate } from "./validate"
import type { VendorRecord } from "./vendors"

export const INCIDENTS_FILE = "data/incidents.csv"

const INCIDENT_COLUMNS = [
  "id",
  "vendor",
  "aliases",
  "date",
  "date_basis",
  "date_precision",
  "end_date",
  "type",
  "severity",
  "title",
  "summary",
  "impact_figures",
  "sources",
  "verified",
  "cves"
] as const

const severityMessage = { message: "must be 1-5" }

const incidentSchema = z
  .object({
    // Ids are stable and never renamed, so one older id without a month is accepted.
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*-\d{4}(-\d{2})?-[a-z0-9]+(-[a-z0-9]+)*$/, {
      message: "must be a lower-case slug vendor-yyyy-mm-short-name"
    }),
    vendor: z.string().min(1, { message: "must not be empty" }),
    date: isoDate,
    date_basis: z.enum(["started", "detected", "disclosed"], { message: "must be started, detected or disclosed" }),
    date_precision: z.enum(["day", "month"], { message: "must be day or month" }),
    end_date: z.union([z.literal(""), isoDate]),
    type: z.enum(INCIDENT_TYPES, { message: `must be one of ${INCIDENT_TYPES.join(", ")}` }),
    severity: z.string().regex(/^[1-5]$/, severityMessage),
    title: z.string().min(1, { message: "must not be empty" }).max(80, { message: "must be at most 80 characters" }),
    summary: z.string().min(1, { message: "must not be empty" }),
    sources: z.array(httpsUrl).min(1, { message: "needs at least one URL" }),
    verified: z.enum(["yes", "no"], { message: "must be yes or no" }),
    cves: z.array(z.string().regex(/^CVE-\d{4}-\d{4,}$/, { message: "must look like CVE-2024-1234" }))
  })
  .refine((r) => r.end_date === "" || r.end_date >= r.date, { message: "must not be before date", path: ["end_date"] })
  .refine((r) => r.date_precision === "day" || r.date.endsWith("-01"), {
    message: "must be the 1st of the month when date_precision is month",
    path: ["date"]
  })

/** Parses and validates data/incidents.csv against the vendor table. */
export function parseIncidents(text: string, vendors: VendorRecord[], file = INCIDENTS_FILE): Incident[] {
  const byName = new Map(vendors.map((v) => [v.name, v]))
  const ids = new Map<string, number>()
  return parseCsv(text, file, INCIDENT_COLUMNS).map(({ row, cells }) => {
    const label = rowLabel(file, row, cells.id)
    const r = check(
      incidentSchema,
      { ...cells, sources: splitList(cells.sources ?? ""), cves: splitList(cells.cves ?? "") },
      label
    )
    const prev = ids.get(r.id)
    if (prev !== undefined) throw new DataError(`${label}: id is already used by row ${prev}`)
    ids.set(r.id, row)
    const vendor = byName.get(r.vendor)
    if (!vendor) throw new DataError(`${label}: vendor "${r.vendor}" is not in data/vendors.csv`)
    return {
      id: r.id,
      vendorId: vendor.id,
      vendor: vendor.name,
      date: r.date,
      datePrecision: r.date_precision,
      endDate: r.end_date === "" ? null : r.end_date,
      type: r.type,
      severity: Number(r.severity) as Incident["severity"],
      title: r.title,
      summary: r.summary,
      impact: cells.impact_figures ?? "",
      aliases: splitList(cells.aliases ?? ""),
      sources: r.sources,
      cves: r.cves,
      verified: r.verified === "yes"
    }
  })
}
