// The per-document report the CLI writes (and the e2e and demo print): what
// was found in one text, with offsets into that text, plus the incidents the
// dataset ties to the vendors found.

import type { AnalysisResult, Claim, IsoDate, Mention, ScanReport } from "./types"

export interface ReportSource {
  /** The path or URL as the user gave it. */
  source: string
  title: string | null
  published: IsoDate | null
}

/** Picks the incidents to report for what was found (the dataset's `incidentsForReport`, bound to a dataset). */
export type IncidentsForReport = (
  mentions: Mention[],
  claims: Claim[],
  published: IsoDate | null
) => ScanReport["incidents"]

const byPosition = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  a.start - b.start || a.end - b.end

/** Builds the report from an analysis of the document's text. Pure: no I/O, no clock. */
export function buildScanReport(
  doc: ReportSource,
  analysis: AnalysisResult,
  incidentsFor: IncidentsForReport
): ScanReport {
  const mentions = analysis.mentions
    .slice()
    .sort(byPosition)
    .map((m) => ({ vendor: m.vendor, text: m.text, start: m.start, end: m.end }))
  const claims = analysis.claims
    .slice()
    .sort(byPosition)
    .map((c) => ({ text: c.text, start: c.start, end: c.end, vendor: c.vendor, kind: c.kind, rule: c.rule }))
  const incidents = incidentsFor(analysis.mentions, analysis.claims, doc.published).map((i) => ({
    id: i.id,
    vendor: i.vendor,
    date: i.date,
    type: i.type,
    title: i.title,
    severity: i.severity,
    sources: i.sources.slice()
  }))
  return { source: doc.source, title: doc.title, published: doc.published, mentions, claims, incidents }
}

/** A report for a document with no text (an empty file). */
export function emptyScanReport(doc: ReportSource): ScanReport {
  return { source: doc.source, title: doc.title, published: doc.published, mentions: [], claims: [], incidents: [] }
}
