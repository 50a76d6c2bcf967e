// Versioned storage for snippets. The stored value is a `SnippetStore`
// (`{ version, snippets }`); each schema change adds one pure step below that
// turns version n into n + 1, so a store from any earlier version is walked
// forward step by step. Migrations never mutate their input: if anything goes
// wrong the caller still holds the original value and can leave storage as is.
//
// Versions
//   1  (no `version` field) { snippets: [{ id, text, url, title, vendor, kind, tags: "a, b", savedAt }] }
//      `savedAt` was an ISO string or epoch milliseconds; `vendor` a display name or "".
//   2  current: `Snippet` in model.ts (quote selectors, vendor ids, incidents, note).

import { vendorSlug } from "../dataset/ids"
import { CLAIM_KINDS } from "../types"
import { SNIPPET_SCHEMA_VERSION, isSnippetId, normaliseTags, snippetIdFor, validateSnippet, type Snippet, type SnippetStore } from "./model"

export interface DroppedItem {
  /** Position in the stored list. */
  index: number
  reason: string
}

export type MigrateResult =
  | {
      ok: true
      store: SnippetStore
      /** Version the raw value was written in (the current version when nothing needed changing or nothing was stored). */
      migratedFrom: number
      /**
       * Stored items that could not be read (corrupt or hand-edited). They are not in `store`, so a
       * caller that writes `store` back should first keep `raw` somewhere (e.g. a backup key).
       */
      dropped: DroppedItem[]
    }
  | { ok: false; reason: string }

type Step = (store: Record<string, unknown>) => Record<string, unknown>

/** `STEPS[n]` turns a version-n store into a version-(n+1) store. */
const STEPS: Record<number, Step> = {
  1: migrateV1toV2
}

export function emptyStore(): SnippetStore {
  return { version: SNIPPET_SCHEMA_VERSION, snippets: [] }
}

/**
 * Reads whatever is stored under the snippets key and returns a current-version store.
 * `undefined`/`null` (nothing saved yet) gives an empty store. A store written by a newer
 * version of the extension is refused, so it is never overwritten with a downgraded copy.
 */
export function migrateStore(raw: unknown): MigrateResult {
  if (raw === undefined || raw === null) return { ok: true, store: emptyStore(), migratedFrom: SNIPPET_SCHEMA_VERSION, dropped: [] }
  if (typeof raw !== "object" || Array.isArray(raw)) return { ok: false, reason: "Saved snippets are not in a recognised format." }
  const obj = raw as Record<string, unknown>
  if (!Array.isArray(obj.snippets)) return { ok: false, reason: "Saved snippets are not in a recognised format (no snippet list)." }

  const from = obj.version === undefined ? 1 : obj.version
  if (typeof from !== "number" || !Number.isSafeInteger(from) || from < 1)
    return { ok: false, reason: `Saved snippets have an unreadable schema version (${String(from).slice(0, 20)}).` }
  if (from > SNIPPET_SCHEMA_VERSION)
    return {
      ok: false,
      reason: `Saved snippets were written by a newer version of Track Record (schema ${from}; this version reads up to ${SNIPPET_SCHEMA_VERSION}). Update the extension; nothing was changed.`
    }

  let current: Record<string, unknown> = obj
  for (let v = from; v < SNIPPET_SCHEMA_VERSION; v++) {
    const step = STEPS[v]
    if (!step) return { ok: false, reason: `No migration from schema ${v}.` }
    current = step(current)
  }

  const dropped: DroppedItem[] = []
  const snippets: Snippet[] = []
  const items = current.snippets as unknown[]
  items.forEach((item, index) => {
    const checked = validateSnippet(item)
    if (checked.ok) snippets.push(checked.snippet)
    else dropped.push({ index, reason: checked.reason })
  })
  return { ok: true, store: { version: SNIPPET_SCHEMA_VERSION, snippets: withUniqueIds(snippets) }, migratedFrom: from, dropped }
}

/** Ids must be unique; a repeated id gets a numbered suffix rather than hiding a snippet. */
export function withUniqueIds(snippets: Snippet[]): Snippet[] {
  const seen = new Set<string>()
  return snippets.map((s) => {
    if (!seen.has(s.id)) {
      seen.add(s.id)
      return s
    }
    let n = 2
    const base = s.id.slice(0, 58)
    while (seen.has(`${base}-${n}`)) n++
    const id = `${base}-${n}`
    seen.add(id)
    return { ...s, id }
  })
}

// ---------------------------------------------------------------- v1 → v2

function v1SavedAt(value: unknown): unknown {
  // Epoch milliseconds within a sane range (2000–2100); anything else is left for validation to reject.
  if (typeof value === "number" && Number.isFinite(value) && value > 946_684_800_000 && value < 4_102_444_800_000) return new Date(value).toISOString()
  return value
}

function migrateV1toV2(store: Record<string, unknown>): Record<string, unknown> {
  const snippets = (store.snippets as unknown[]).map((item) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return item
    const old = item as Record<string, unknown>
    const text = typeof old.text === "string" ? old.text : ""
    const url = typeof old.url === "string" ? old.url.trim() : old.url
    const quote = { type: "TextQuoteSelector", exact: text, prefix: "", suffix: "" }
    const vendorName = typeof old.vendor === "string" ? old.vendor.trim() : ""
    const vendorId = vendorSlug(vendorName).slice(0, 100)
    const rawId = typeof old.id === "number" ? String(old.id) : old.id
    return {
      // v1 ids were free-form; keep those that are still valid ids.
      id: isSnippetId(rawId) ? rawId : snippetIdFor(typeof url === "string" ? url : "", quote),
      quote,
      position: null,
      url,
      pageTitle: typeof old.title === "string" && old.title.trim() !== "" ? old.title.trim() : null,
      pageDate: null,
      savedAt: v1SavedAt(old.savedAt),
      vendorIds: vendorName && vendorId ? [vendorId] : [],
      vendors: vendorName && vendorId ? [vendorName] : [],
      claimKind: (CLAIM_KINDS as readonly unknown[]).includes(old.kind) ? old.kind : null,
      rule: null,
      incidents: [],
      tags: typeof old.tags === "string" ? normaliseTags(old.tags) : Array.isArray(old.tags) ? normaliseTags(old.tags.filter((t) => typeof t === "string")) : [],
      note: ""
    }
  })
  return { version: 2, snippets }
}
