// Export files: what each format is called, and how the text is produced.
// The text is built by the pure exporters in the core; this file only names
// files and hands the text to the browser as a download.
import { toCsv, toJson, toJsonl, toW3cJson } from "~core/snippets/export"
import type { Snippet } from "~core/snippets/model"

export const EXPORT_FORMATS = ["csv", "json", "jsonl", "w3c"] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const FILE: Record<ExportFormat, { ext: string; mime: string }> = {
  csv: { ext: "csv", mime: "text/csv;charset=utf-8" },
  json: { ext: "json", mime: "application/json;charset=utf-8" },
  jsonl: { ext: "jsonl", mime: "application/x-ndjson;charset=utf-8" },
  w3c: { ext: "jsonld", mime: "application/ld+json;charset=utf-8" }
}

/** `track-record-snippets-2026-11-28.csv`, dated in the reader's own time zone. */
export function exportFilename(format: ExportFormat, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0")
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  return `track-record-snippets-${day}.${FILE[format].ext}`
}

export function exportText(format: ExportFormat, snippets: readonly Snippet[], now: Date = new Date()): string {
  const exportedAt = now.toISOString()
  switch (format) {
    case "csv":
      return toCsv(snippets)
    case "json":
      return toJson(snippets, { exportedAt })
    case "jsonl":
      return toJsonl(snippets)
    case "w3c":
      return toW3cJson(snippets, { exportedAt })
  }
}

export function exportMime(format: ExportFormat): string {
  return FILE[format].mime
}

/** Saves text as a file through a temporary `<a download>`; the object URL is released afterwards. */
export function downloadText(text: string, filename: string, mime: string, doc: Document = document): void {
  // A byte-order mark lets spreadsheet apps detect UTF-8 in CSV files.
  const parts = mime.startsWith("text/csv") ? ["\ufeff", text] : [text]
  const url = URL.createObjectURL(new Blob(parts, { type: mime }))
  const a = doc.createElement("a")
  a.href = url
  a.download = filename
  a.rel = "noopener"
  a.style.display = "none"
  doc.body.append(a)
  a.click()
  a.remove()
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
