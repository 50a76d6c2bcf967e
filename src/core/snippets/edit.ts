// Edits the snippets workspace makes: tags and note, delete with undo. Pure
// functions over immutable values; the background writes the result.

import { normaliseTags, validateSnippet, type CreateSnippetResult, type Snippet } from "./model"

export interface SnippetEdit {
  /** Replaces the tags; a string is split on commas. Normalised like every tag. */
  tags?: string | readonly string[]
  /** Replaces the note (trimmed). */
  note?: string
}

/** A new snippet with the edit applied, or `{ ok: false, reason }` (e.g. note too long). */
export function updateSnippet(snippet: Snippet, edit: SnippetEdit): CreateSnippetResult {
  const next = {
    ...snippet,
    tags: edit.tags === undefined ? snippet.tags : normaliseTags(edit.tags),
    note: edit.note === undefined ? snippet.note : String(edit.note).trim()
  }
  const checked = validateSnippet(next)
  return checked.ok ? { ok: true, snippet: checked.snippet } : checked
}

/** What `removeSnippets` took out, with enough to put it back where it was. */
export interface Removal {
  items: { index: number; snippet: Snippet }[]
}

/** Removes the snippets with these ids. Keep `removal` to offer an undo. */
export function removeSnippets(snippets: readonly Snippet[], ids: Iterable<string>): { snippets: Snippet[]; removal: Removal } {
  const wanted = new Set(ids)
  const kept: Snippet[] = []
  const items: Removal["items"] = []
  snippets.forEach((snippet, index) => {
    if (wanted.has(snippet.id)) items.push({ index, snippet })
    else kept.push(snippet)
  })
  return { snippets: kept, removal: { items } }
}

/**
 * Puts removed snippets back at their old positions. Snippets whose id has meanwhile been
 * saved again are not duplicated.
 */
export function undoRemove(snippets: readonly Snippet[], removal: Removal): Snippet[] {
  const present = new Set(snippets.map((s) => s.id))
  const out = [...snippets]
  // Ascending original index: each insert lands where it was, given the earlier ones are back.
  for (const { index, snippet } of [...removal.items].sort((a, b) => a.index - b.index)) {
    if (present.has(snippet.id)) continue
    out.splice(Math.min(index, out.length), 0, snippet)
    present.add(snippet.id)
  }
  return out
}

/** Newest first by `savedAt` (ISO UTC strings sort as times), ties by id for a stable order. */
export function newestFirst(snippets: readonly Snippet[]): Snippet[] {
  return [...snippets].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
