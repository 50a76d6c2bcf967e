// Output formats of `npm run scan`.

import Papa from "papaparse"

import type { ScanReport } from "../core/types"

export const CSV_FIELDS = ["source", "vendor", "kind", "rule", "text", "start", "end"] as const

/** `json`: the report itself for a single file argument, else an array. */
export function formatJson(reports: ScanReport[], single: boolean): string {
  return `${JSON.stringify(single ? reports[0] : reports, null, 2)}\n`
}

/** `jsonl`: one report per line. */
export function formatJsonLine(report: ScanReport): string {
  return `${JSON.stringify(report)}\n`
}

/** `csv`: one row per claim, every file under one header. */
export function formatCsv(reports: ScanReport[]): string {
  const data = reports.flatMap((r) =>
    r.claims.map((c) => [r.source, c.vendor ?? "", c.kind, c.rule, c.text, c.start, c.end])
  )
  // escapeFormulae: page text must not run as a formula when the file is opened in a spreadsheet.
  const csv = Papa.unparse({ fields: [...CSV_FIELDS], data }, { escapeFormulae: true, newline: "\r\n" })
  // Papa ends a header-only table with a line break but not one with rows.
  return csv.endsWith("\r\n") ? csv : `${csv}\r\n`
}

const MAX_INCIDENTS_SHOWN = 10

function quote(text: string): string {
  return JSON.stringify(text.replace(/\s+/g, " "))
}

/** `text`: a readable summary of one report. */
export function formatText(report: ScanReport): string {
  const lines: string[] = [`== ${report.source}`]
  lines.push(`Title:     ${report.title ?? "(none)"}`)
  lines.push(`Published: ${report.published ?? "(unknown)"}`)

  const vendors: string[] = []
  for (const m of report.mentions) if (!vendors.includes(m.vendor)) vendors.push(m.vendor)
  for (const c of report.claims) if (c.vendor && !vendors.includes(c.vendor)) vendors.push(c.vendor)
  if (vendors.length === 0) {
    lines.push("Vendors:   none found")
  } else {
    const counts = vendors.map((v) => {
      const n = report.incidents.filter((i) => i.vendor === v).length
      return `${v} (${n} incident${n === 1 ? "" : "s"})`
    })
    lines.push(`Vendors:   ${counts.join(", ")}`)
  }

  if (report.claims.length === 0) {
    lines.push("Claims:    none found")
  } else {
    lines.push(`Claims:    ${report.claims.length}`)
    for (const c of report.claims) {
      lines.push(`  - [${c.kind}] ${quote(c.text)} vendor: ${c.vendor ?? "unattributed"}, rule: ${c.rule}`)
    }
  }

  if (report.incidents.length === 0) {
    lines.push("Incidents: none on record for these vendors")
  } else {
    lines.push(`Incidents: ${report.incidents.length}`)
    for (const i of report.incidents.slice(0, MAX_INCIDENTS_SHOWN)) {
      lines.push(`  - ${i.date}  ${i.vendor}  ${i.type}, severity ${i.severity}: ${i.title}`)
    }
    const more = report.incidents.length - MAX_INCIDENTS_SHOWN
    if (more > 0) lines.push(`  … and ${more} more`)
  }
  return `${lines.join("\n")}\n\n`
}
