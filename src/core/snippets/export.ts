// Export formats for saved snippets. All functions are pure and return strings
// (or plain JSON values); the UI turns them into a download.
//
//   toJson   full-fidelity backup in our own format; `parseImport` reads it back losslessly.
//   toJsonl  one snippet per line, the same objects as toJson, for scripts and `jq`.
//   toCsv    a flat table for spreadsheets, guarded against formula injection.
//   toW3c    W3C Web Annotation JSON-LD, for annotation tools. Lossy: page titles and
//            incident details other than their source links are not carried.

import Papa from "papaparse/papaparse.js"

import { SNIPPET_SCHEMA_VERSION, type Snippet, type SnippetStore } from "./model"

export const EXPORT_FORMAT = "track-record-snippets"

export interface SnippetExport {
  format: typeof EXPORT_FORMAT
  version: number
  exportedAt: string
  snippets: Snippet[]
}

export interface ExportOptions {
  /** Export timestamp; defaults to now. Pass one for reproducible files. */
  exportedAt?: string
}

/** Our own format, pretty-printed. Accepts a store or a bare list of snippets. */
export function toJson(store: SnippetStore | readonly Snippet[], options: ExportOptions = {}): string {
  const snippets = Array.isArray(store) ? store : (store as SnippetStore).snippets
  const doc: SnippetExport = {
    format: EXPORT_FORMAT,
    version: SNIPPET_SCHEMA_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    snippets: [...snippets]
  }
  return JSON.stringify(doc, null, 2) + "\n"
}

/** JSON Lines: one snippet object per line, newline-terminated. Empty string for no snippets. */
export function toJsonl(snippets: readonly Snippet[]): string {
  return snippets.map((s) => JSON.stringify(s) + "\n").join("")
}

// ---------------------------------------------------------------- CSV

export const CSV_COLUMNS = [
  "id",
  "saved_at",
  "url",
  "page_title",
  "page_date",
  "vendors",
  "claim_kind",
  "rule",
  "quote",
  "prefix",
  "suffix",
  "tags",
  "note",
  "incidents",
  "incident_sources"
] as const

/** Separator inside list cells (vendors, tags). Names may contain commas, so not a comma. */
export const CSV_LIST_SEPARATOR = "; "

/**
 * Spreadsheet apps run a cell that starts with `=`, `+`, `-` or `@` as a formula (and tab or CR
 * can smuggle one in), so a quote copied from a hostile page could execute on open. Such cells get
 * a leading apostrophe, the OWASP-recommended guard, which spreadsheets hide and treat as "text".
 * Readers who need the raw value strip one leading `'` from cells whose next character is one of these.
 */
export function guardCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? "'" + value : value
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark so Excel opens non-ASCII text correctly. Default false. */
  bom?: boolean
}

/** CSV with a header row, RFC 4180 quoting and CRLF line ends; list cells joined by `"; "`, URL lists by spaces. */
export function toCsv(snippets: readonly Snippet[], options: CsvOptions = {}): string {
  const rows = snippets.map((s) =>
    [
      s.id,
      s.savedAt,
      s.url,
      s.pageTitle ?? "",
      s.pageDate ?? "",
      s.vendors.join(CSV_LIST_SEPARATOR),
      s.claimKind ?? "",
      s.rule ?? "",
      s.quote.exact,
      s.quote.prefix,
      s.quote.suffix,
      s.tags.join(CSV_LIST_SEPARATOR),
      s.note,
      s.incidents.map((i) => i.id).join(" "),
      unique(s.incidents.flatMap((i) => i.sources)).join(" ")
    ].map(guardCsvCell)
  )
  const csv = Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: "\r\n", quotes: false })
  // papaparse ends a header-only table with a newline but not one with rows; always end with exactly one.
  return (options.bom ? "\ufeff" : "") + (csv.endsWith("\r\n") ? csv : csv + "\r\n")
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

// ---------------------------------------------------------------- W3C Web Annotation

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
/** IRIs minted for our own resources. `urn:track-record:snippet:<id>` round-trips the snippet id. */
export const IRI = {
  snippet: "urn:track-record:snippet:",
  vendor: "urn:track-record:vendor:",
  claimKind: "urn:track-record:claim-kind:",
  rule: "urn:track-record:rule:",
  export: "urn:track-record:export:"
} as const

export type W3cBody =
  | { type: "TextualBody"; value: string; purpose: "tagging" | "commenting" | "classifying"; format?: "text/plain"; id?: string }
  | { type: "SpecificResource"; source: string; purpose: "linking" }

export interface W3cAnnotation {
  "@context": typeof ANNO_CONTEXT
  id: string
  type: "Annotation"
  motivation: "highlighting" | "tagging" | "commenting"
  created: string
  body?: W3cBody[]
  target: {
    source: string
    selector: (
      | { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }
      | { type: "TextPositionSelector"; start: number; end: number }
    )[]
    state?: { type: "TimeState"; sourceDate: string }
  }
}

export interface W3cCollection {
  "@context": typeof ANNO_CONTEXT
  id: string
  type: "AnnotationCollection"
  label: string
  total: number
  first: { id: string; type: "AnnotationPage"; partOf: string; startIndex: 0; items: W3cAnnotation[] }
}

/** One snippet as a Web Annotation. */
export function toW3cAnnotation(s: Snippet): W3cAnnotation {
  const body: W3cBody[] = []
  for (const tag of s.tags) body.push({ type: "TextualBody", value: tag, purpose: "tagging" })
  if (s.note.trim() !== "") body.push({ type: "TextualBody", value: s.note, purpose: "commenting", format: "text/plain" })
  s.vendorIds.forEach((id, i) => body.push({ type: "TextualBody", id: IRI.vendor + id, value: s.vendors[i], purpose: "classifying" }))
  if (s.claimKind) body.push({ type: "TextualBody", id: IRI.claimKind + s.claimKind, value: `${s.claimKind} claim`, purpose: "classifying" })
  if (s.rule) body.push({ type: "TextualBody", id: IRI.rule + s.rule, value: s.rule, purpose: "classifying" })
  for (const source of unique(s.incidents.flatMap((i) => i.sources))) body.push({ type: "SpecificResource", source, purpose: "linking" })

  const selector: W3cAnnotation["target"]["selector"] = [
    { type: "TextQuoteSelector", exact: s.quote.exact, prefix: s.quote.prefix, suffix: s.quote.suffix }
  ]
  if (s.position) selector.push({ type: "TextPositionSelector", start: s.position.start, end: s.position.end })
  const target: W3cAnnotation["target"] = { source: s.url, selector }
  if (s.pageDate) target.state = { type: "TimeState", sourceDate: `${s.pageDate}T00:00:00Z` }

  // One motivation (the model says SHOULD be exactly one); each body states its own purpose.
  const motivation = s.note.trim() !== "" ? "commenting" : s.tags.length > 0 ? "tagging" : "highlighting"
  const annotation: W3cAnnotation = {
    "@context": ANNO_CONTEXT,
    id: IRI.snippet + s.id,
    type: "Annotation",
    motivation,
    created: s.savedAt,
    target
  }
  if (body.length > 0) annotation.body = body
  return annotation
}

/**
 * Web Annotation JSON-LD: an `AnnotationCollection` with every annotation embedded in its
 * first (and only) `AnnotationPage`, the shape the Web Annotation Protocol serves. Each
 * annotation also carries its own `@context`, so it stays valid when copied out alone.
 * Collection and page ids are `urn:track-record:export:<exportedAt>` IRIs.
 */
export function toW3c(snippets: readonly Snippet[], options: ExportOptions = {}): W3cCollection {
  const exportedAt = options.exportedAt ?? new Date().toISOString()
  const id = IRI.export + exportedAt
  return {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: "Track Record snippets",
    total: snippets.length,
    first: { id: id + "#page-1", type: "AnnotationPage", partOf: id, startIndex: 0, items: snippets.map(toW3cAnnotation) }
  }
}

/** `toW3c` serialised as pretty-printed JSON-LD text. */
export function toW3cJson(snippets: readonly Snippet[], options: ExportOptions = {}): string {
  return JSON.stringify(toW3c(snippets, options), null, 2) + "\n"
}
