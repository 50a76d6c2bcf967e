// The snippet message handlers end to end over a fake `storage.local`: the
// reply shapes the collection page and the content script rely on.
import { beforeEach, describe, expect, it, vi } from "vitest"

import { createSnippet, type Snippet } from "~core/snippets/model"

const area = vi.hoisted(() => {
  const data = new Map<string, unknown>()
  return {
    data,
    failNextSet: null as Error | null,
    async get(key: string) {
      return data.has(key) ? { [key]: data.get(key) } : {}
    },
    async set(items: Record<string, unknown>) {
      if (area.failNextSet) {
        const error = area.failNextSet
        area.failNextSet = null
        throw error
      }
      for (const [k, v] of Object.entries(items)) data.set(k, v)
    }
  }
})

vi.mock("webextension-polyfill", () => ({ default: { storage: { local: area } } }))
vi.mock("@plasmohq/storage", () => ({ Storage: class {} }))

const { default: save } = await import("~background/messages/snippets-save")
const { default: list } = await import("~background/messages/snippets-list")
const { default: update } = await import("~background/messages/snippets-update")
const { default: remove } = await import("~background/messages/snippets-delete")
const { default: restore } = await import("~background/messages/snippets-restore")
const { default: importFile } = await import("~background/messages/snippets-import")

function snippet(quote: string): Snippet {
  const made = createSnippet({
    url: "https://status.example.org/incidents/42",
    quote: { exact: quote, prefix: "", suffix: "" },
    pageTitle: "Incident 42",
    savedAt: "2026-05-01T12:00:00.000Z",
    vendors: [{ id: "acme-cloud", name: "Acme Cloud" }],
    claimKind: "recovery"
  })
  if (!made.ok) throw new Error(made.reason)
  return made.snippet
}

beforeEach(() => area.data.clear())

describe("snippet handlers", () => {
  it("save → list → update → delete → restore", async () => {
    const a = snippet("All systems have been restored.")
    expect(await save({ type: "snippets/save", snippet: a })).toEqual({ ok: true, id: a.id, duplicate: false })
    expect(await save({ type: "snippets/save", snippet: a })).toEqual({ ok: true, id: a.id, duplicate: true })

    expect(await update({ type: "snippets/update", id: a.id, patch: { tags: ["Recovery", "status page"], note: "Took 14 hours." } })).toEqual({ ok: true })
    const listed = await list({ type: "snippets/list" })
    expect(listed.ok && listed.store.snippets.map((s) => [s.tags, s.note])).toEqual([[["recovery", "status page"], "Took 14 hours."]])

    const deleted = await remove({ type: "snippets/delete", ids: [a.id] })
    expect(deleted.ok && deleted.deleted.map((s) => s.id)).toEqual([a.id])
    const afterDelete = await list({ type: "snippets/list" })
    expect(afterDelete.ok && afterDelete.store.snippets).toEqual([])

    expect(await restore({ type: "snippets/restore", snippets: deleted.ok ? deleted.deleted : [] })).toEqual({ ok: true })
    const afterUndo = await list({ type: "snippets/list" })
    expect(afterUndo.ok && afterUndo.store.snippets.map((s) => s.note)).toEqual(["Took 14 hours."])
  })

  it("replies {ok: false} with the storage-full reason and keeps the data", async () => {
    await save({ type: "snippets/save", snippet: snippet("First quote.") })
    const before = area.data.get("snippets")
    area.failNextSet = new Error("QUOTA_BYTES quota exceeded")
    const reply = await save({ type: "snippets/save", snippet: snippet("Second quote.") })
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Storage is full: /) })
    expect(area.data.get("snippets")).toBe(before)
  })

  it("replies {ok: false} for a malformed import and an unknown snippet", async () => {
    expect(await importFile({ type: "snippets/import", text: "not json" })).toEqual({ ok: false, error: expect.stringMatching(/not a JSON/) })
    expect(area.data.has("snippets")).toBe(false)
    expect(await update({ type: "snippets/update", id: "s-gone", patch: { note: "x" } })).toEqual({
      ok: false,
      error: expect.stringMatching(/no longer exists/)
    })
  })

  it("imports JSON Lines and says how many were new", async () => {
    await save({ type: "snippets/save", snippet: snippet("One.") })
    const text = [snippet("One."), snippet("Two."), snippet("Three.")].map((s) => JSON.stringify(s)).join("\n")
    expect(await importFile({ type: "snippets/import", text })).toMatchObject({ ok: true, added: 2, duplicates: 1, skipped: 0, format: "jsonl" })
  })
})
