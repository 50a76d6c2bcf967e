// The changes the message handlers make to the snippet store, as pure
// functions of (store, input) → { store to write | null, reply data }. They
// never mutate the store they are given (the repository may hand the same
// object to the next change), and they throw `SnippetStoreError` for input
// that cannot be applied, so nothing is written.
import { removeSnippets, updateSnippet as editSnippet } from "~core/snippets/edit"
import { duplicateKey, mergeSnippets, parseImport, type ImportFormat } from "~core/snippets/import"
import { validateSnippet, type Snippet, type SnippetStore } from "~core/snippets/model"

import { SnippetStoreError, type Change } from "./store"

/** Largest import accepted, in bytes of text. Local extension storage holds about 10 MB in Chromium. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024

function withSnippets(store: SnippetStore, snippets: Snippet[]): SnippetStore {
  return { version: store.version, snippets }
}

/**
 * Adds a snippet unless the same id, or the same quote (with its context) on the same page
 * ignoring the fragment, is already saved: the rule `mergeSnippets` uses for imports.
 */
export function saveSnippet(store: SnippetStore, input: unknown): Change<{ id: string; duplicate: boolean }> {
  const checked = validateSnippet(input)
  if (!checked.ok) throw new SnippetStoreError(`This snippet cannot be saved: ${checked.reason}.`)
  const snippet = checked.snippet
  const key = duplicateKey(snippet)
  const existing = store.snippets.find((s) => s.id === snippet.id || duplicateKey(s) === key)
  if (existing) return { store: null, result: { id: existing.id, duplicate: true } }
  return { store: withSnippets(store, [...store.snippets, snippet]), result: { id: snippet.id, duplicate: false } }
}

/** Replaces a snippet's tags and/or note (normalised as `updateSnippet` in the core does). */
export function updateSnippet(
  store: SnippetStore,
  id: string,
  patch: { tags?: readonly string[]; note?: string }
): Change<Record<string, never>> {
  const index = store.snippets.findIndex((s) => s.id === id)
  if (index < 0) throw new SnippetStoreError("This snippet no longer exists (it may have been deleted in another tab).")
  const current = store.snippets[index]
  const edited = editSnippet(current, patch)
  if (!edited.ok) throw new SnippetStoreError(`This change cannot be saved: ${edited.reason}.`)
  const next = edited.snippet
  if (next.note === current.note && next.tags.join("\u0000") === current.tags.join("\u0000")) return { store: null, result: {} }
  const snippets = store.snippets.slice()
  snippets[index] = next
  return { store: withSnippets(store, snippets), result: {} }
}

/** Removes the given ids and returns the removed snippets (for undo). Unknown ids are ignored. */
export function deleteSnippets(store: SnippetStore, ids: readonly string[]): Change<{ deleted: Snippet[] }> {
  const { snippets, removal } = removeSnippets(store.snippets, ids)
  const deleted = removal.items.map((item) => item.snippet)
  if (deleted.length === 0) return { store: null, result: { deleted: [] } }
  return { store: withSnippets(store, snippets), result: { deleted } }
}

/**
 * Undo of a delete: puts the snippets back. All or nothing: one invalid snippet refuses the lot.
 * A snippet whose id is already present (restored twice, or saved again meanwhile) is skipped.
 */
export function restoreSnippets(store: SnippetStore, input: readonly unknown[]): Change<{ restored: number }> {
  const valid: Snippet[] = []
  for (const [i, item] of input.entries()) {
    const checked = validateSnippet(item)
    if (!checked.ok) throw new SnippetStoreError(`Snippet ${i + 1} cannot be restored: ${checked.reason}.`)
    valid.push(checked.snippet)
  }
  const present = new Set(store.snippets.map((s) => s.id))
  const fresh = valid.filter((s) => !present.has(s.id) && (present.add(s.id), true))
  if (fresh.length === 0) return { store: null, result: { restored: 0 } }
  // Keep the collection in saved-time order, the order a delete took them from.
  const snippets = [...store.snippets, ...fresh].sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0))
  return { store: withSnippets(store, snippets), result: { restored: fresh.length } }
}

export interface ImportSummary {
  added: number
  duplicates: number
  /** Items in the file that could not be read; the first few reasons are in `problems`. */
  skipped: number
  format: ImportFormat
  problems: string[]
}

/**
 * Reads an export file and merges it in. A file that cannot be read as a whole, or from which no
 * snippet at all can be read, is refused with the reason and the store is left as it was.
 */
export function importSnippets(store: SnippetStore, text: string, maxBytes = IMPORT_MAX_BYTES): Change<ImportSummary> {
  const parsed = parseImport(text, { maxBytes })
  if (!parsed.ok) throw new SnippetStoreError(parsed.reason)
  const problems = parsed.skipped.slice(0, 3).map((s) => `item ${s.index + 1}: ${s.reason}`)
  if (parsed.snippets.length === 0) {
    const why = problems.length ? ` (${problems.join("; ")})` : ""
    throw new SnippetStoreError(`The file holds no snippets that can be imported${why}. Nothing was changed.`)
  }
  const merged = mergeSnippets(store.snippets, parsed.snippets)
  const summary = { added: merged.added, duplicates: merged.duplicates, skipped: parsed.skipped.length, format: parsed.format, problems }
  if (merged.added === 0 && merged.updated === 0) return { store: null, result: summary }
  return { store: withSnippets(store, merged.snippets), result: summary }
}
