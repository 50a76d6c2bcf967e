// Shape checks for incoming messages. Anything that does not match exactly is
// refused with a reason; the router still replies so no sender hangs.
import { CLAIM_KINDS } from "~core/types"
import type { PageReport, Request } from "~lib/messages"

type Guard = (value: Record<string, unknown>) => string | null

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)
const isStr = (v: unknown, max = 10_000): v is string => typeof v === "string" && v.length <= max
const isNullableStr = (v: unknown, max = 10_000) => v === null || isStr(v, max)
const isDate = (v: unknown) => v === null || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))
const isInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 0

/** Most mentions or claims one page report may carry; the page sends its first ones. */
export const REPORT_MAX_ITEMS = 5_000

export function checkPageReport(r: unknown): string | null {
  if (!isRecord(r)) return "report must be an object"
  if (!isStr(r.url, 4_000) || !/^(https?|file):/.test(r.url)) return "report.url must be an http(s) URL"
  if (!isNullableStr(r.title, 1_000)) return "report.title must be a string or null"
  if (!isDate(r.published)) return "report.published must be YYYY-MM-DD or null"
  if (!Array.isArray(r.mentions) || r.mentions.length > REPORT_MAX_ITEMS) return "report.mentions must be a list"
  for (const m of r.mentions) {
    if (!isRecord(m) || !isStr(m.vendorId, 100) || !isStr(m.vendor, 200) || !isNullableStr(m.product, 200) || !isInt(m.count))
      return "report.mentions has a malformed entry"
  }
  if (!Array.isArray(r.claims) || r.claims.length > REPORT_MAX_ITEMS) return "report.claims must be a list"
  for (const c of r.claims) {
    if (
      !isRecord(c) || !isInt(c.id) || !isStr(c.text, 2_000) || !(CLAIM_KINDS as readonly unknown[]).includes(c.kind) ||
      !isStr(c.rule, 100) || !isNullableStr(c.vendorId, 100) || !isNullableStr(c.vendor, 200)
    )
      return "report.claims has a malformed entry"
  }
  return null
}

const guards: Record<Request["type"], Guard> = {
  ping: () => null,
  "page/report": (m) => checkPageReport(m.report),
  "page/load-detector": () => null,
  "nlp/tag": (m) =>
    Array.isArray(m.texts) && m.texts.length <= 32 && m.texts.every((t) => isStr(t, 600)) ? null : "texts must be up to 32 short texts",
  "tab/findings": (m) => (isInt(m.tabId) ? null : "tabId must be a tab id"),
  "snippets/save": (m) => (isRecord(m.snippet) ? null : "snippet must be an object"),
  "snippets/list": () => null,
  "snippets/update": (m) =>
    isStr(m.id, 200) && isRecord(m.patch) &&
    (m.patch.tags === undefined || (Array.isArray(m.patch.tags) && m.patch.tags.length <= 100 && m.patch.tags.every((t) => isStr(t, 100)))) &&
    (m.patch.note === undefined || isStr(m.patch.note, 20_000))
      ? null
      : "update needs an id and a patch of tags and/or note",
  "snippets/delete": (m) => (Array.isArray(m.ids) && m.ids.length <= 100_000 && m.ids.every((id) => isStr(id, 200)) ? null : "ids must be a list of snippet ids"),
  "snippets/restore": (m) => (Array.isArray(m.snippets) && m.snippets.every(isRecord) ? null : "snippets must be a list"),
  "snippets/import": (m) => (typeof m.text === "string" ? null : "text must be a string"),
  "snippets/open": (m) => (isStr(m.snippetId, 200) ? null : "snippetId must be a snippet id")
}

export function checkRequest(message: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  if (!isRecord(message) || typeof message.type !== "string") return { ok: false, error: "Malformed message: no type" }
  // Own keys only: "__proto__", "constructor" or "hasOwnProperty" must not reach Object.prototype.
  const guard = Object.hasOwn(guards, message.type) ? guards[message.type as Request["type"]] : undefined
  if (!guard) return { ok: false, error: `Unknown message type: ${message.type.slice(0, 50)}` }
  const problem = guard(message)
  return problem ? { ok: false, error: `Malformed ${message.type} message: ${problem}` } : { ok: true, request: message as unknown as Request }
}

export type { PageReport }
