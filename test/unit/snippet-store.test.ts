import { describe, expect, it } from "vitest"

import { SnippetRepository, SnippetStoreError, isQuotaError, type StorageAreaLike } from "~background/snippets/store"
import {
  deleteSnippets,
  importSnippets,
  restoreSnippets,
  saveSnippet,
  updateSnippet
} from "~background/snippets/operations"
import { toJson, toJsonl } from "~core/snippets/export"
import { SNIPPET_SCHEMA_VERSION, createSnippet, type Snippet, type SnippetStore } from "~core/snippets/model"

const KEY = "snippets"

/**
 * An in-memory stand-in for `browser.storage.local`: values are cloned like the real area,
 * every call yields to the event loop (in a shuffled order) so interleavings show up, and
 * `quotaBytes` makes `set` fail the way Chromium does when the area would grow past it.
 */
class FakeArea implements StorageAreaLike {
  data = new Map<string, unknown>()
  sets = 0
  constructor(public quotaBytes = Infinity) {}

  private tick(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)))
  }

  size(items: Map<string, unknown>): number {
    let total = 0
    for (const [k, v] of items) total += k.length + JSON.stringify(v).length
    return total
  }

  async get(key: string): Promise<Record<string, unknown>> {
    await this.tick()
    return this.data.has(key) ? { [key]: structuredClone(this.data.get(key)) } : {}
  }

  async set(items: Record<string, unknown>): Promise<void> {
    await this.tick()
    const next = new Map(this.data)
    for (const [k, v] of Object.entries(items)) next.set(k, structuredClone(v))
    if (this.size(next) > this.quotaBytes) throw new Error("Resource::kQuotaBytes quota exceeded")
    this.data = next
    this.sets++
  }

  stored(): SnippetStore {
    return JSON.parse(this.data.get(KEY) as string) as SnippetStore
  }
}

function snippet(n: number, extra: Partial<Parameters<typeof createSnippet>[0]> = {}): Snippet {
  const made = createSnippet({
    url: `https://news.example.com/2026/outage-${n}`,
    quote: { exact: `Acme Cloud has been more reliable than ever (${n}).`, prefix: "The CEO said ", suffix: " Analysts disagreed." },
    pageTitle: `Acme outage report ${n}`,
    pageDate: "2026-03-02",
    savedAt: new Date(Date.UTC(2026, 2, 3, 10, 0, n)).toISOString(),
    vendors: [{ id: "acme-cloud", name: "Acme Cloud" }],
    claimKind: "reliability",
    ...extra
  })
  if (!made.ok) throw new Error(made.reason)
  return made.snippet
}

function repo(area: FakeArea): SnippetRepository {
  return new SnippetRepository(area, KEY)
}

describe("SnippetRepository", () => {
  it("reads nothing stored as an empty, current-version store", async () => {
    const store = await repo(new FakeArea()).read()
    expect(store).toEqual({ version: SNIPPET_SCHEMA_VERSION, snippets: [] })
  })

  it("writes the store as a JSON string, the way @plasmohq/storage stores values", async () => {
    const area = new FakeArea()
    await repo(area).update((s) => saveSnippet(s, snippet(1)))
    expect(typeof area.data.get(KEY)).toBe("string")
    expect(area.stored().version).toBe(SNIPPET_SCHEMA_VERSION)
    expect(area.stored().snippets.map((s) => s.quote.exact)).toEqual(["Acme Cloud has been more reliable than ever (1)."])
  })

  it("keeps every save when two tabs save at the same time", async () => {
    const area = new FakeArea()
    const r = repo(area)
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => r.update((s) => saveSnippet(s, snippet(i))))
    )
    expect(results.every((x) => !x.duplicate)).toBe(true)
    expect(area.stored().snippets).toHaveLength(30)
    expect(new Set(area.stored().snippets.map((s) => s.id)).size).toBe(30)
  })

  it("refuses a write past the quota, keeps the stored data, and carries on afterwards", async () => {
    const area = new FakeArea()
    const r = repo(area)
    for (let i = 0; i < 3; i++) await r.update((s) => saveSnippet(s, snippet(i)))
    const before = area.data.get(KEY)
    area.quotaBytes = area.size(area.data) + 200

    const big = snippet(99, { note: "n".repeat(5_000) })
    const failed = r.update((s) => saveSnippet(s, big))
    await expect(failed).rejects.toBeInstanceOf(SnippetStoreError)
    await expect(failed).rejects.toThrow(/^Storage is full: .*Nothing was changed/)
    expect(area.data.get(KEY)).toBe(before)
    expect((await r.read()).snippets).toHaveLength(3)

    // The queue is not stuck: a delete that frees space still goes through.
    const { deleted } = await r.update((s) => deleteSnippets(s, [snippet(0).id]))
    expect(deleted).toHaveLength(1)
    expect(area.stored().snippets).toHaveLength(2)
  })

  it("recognises the quota errors of Chromium and Firefox", () => {
    expect(isQuotaError(new Error("QUOTA_BYTES quota exceeded"))).toBe(true)
    expect(isQuotaError(new Error("Resource::kQuotaBytes quota exceeded"))).toBe(true)
    expect(isQuotaError(Object.assign(new Error("The operation failed"), { name: "QuotaExceededError" }))).toBe(true)
    expect(isQuotaError(new Error("Extension context invalidated."))).toBe(false)
  })

  it("refuses to touch a store written by a newer version", async () => {
    const area = new FakeArea()
    const future = JSON.stringify({ version: SNIPPET_SCHEMA_VERSION + 1, snippets: [{ id: "x", shape: "unknown" }] })
    area.data.set(KEY, future)
    const r = repo(area)
    await expect(r.read()).rejects.toThrow(/newer version/)
    await expect(r.update((s) => saveSnippet(s, snippet(1)))).rejects.toThrow(/newer version/)
    expect(area.data.get(KEY)).toBe(future)
    expect(area.sets).toBe(0)
  })

  it("refuses to touch a damaged store", async () => {
    const area = new FakeArea()
    area.data.set(KEY, '{"version": 2, "snippets": [')
    await expect(repo(area).update((s) => saveSnippet(s, snippet(1)))).rejects.toThrow(/damaged.*left untouched/)
    expect(area.data.get(KEY)).toBe('{"version": 2, "snippets": [')
    area.data.set(KEY, JSON.stringify(["not", "a", "store"]))
    await expect(repo(area).read()).rejects.toThrow(/not in a recognised format/)
    expect(area.sets).toBe(0)
  })

  it("migrates a version-1 store on the next write and backs up items it cannot read", async () => {
    const area = new FakeArea()
    const v1 = JSON.stringify({
      snippets: [
        { id: "old-1", text: "We never go down.", url: "https://vendor.example/blog", title: "Blog", vendor: "Acme Cloud", kind: "reliability", tags: "uptime, Marketing", savedAt: 1767225600000 },
        { id: "old-2", text: "Broken", url: "javascript:alert(1)", savedAt: "2026-01-01T00:00:00Z" }
      ]
    })
    area.data.set(KEY, v1)
    const r = repo(area)
    const read = await r.read()
    expect(read.snippets.map((s) => [s.id, s.tags, s.vendorIds])).toEqual([["old-1", ["uptime", "marketing"], ["acme-cloud"]]])
    expect(area.sets).toBe(0) // reading alone never rewrites

    await r.update((s) => saveSnippet(s, snippet(1)))
    expect(area.stored().version).toBe(SNIPPET_SCHEMA_VERSION)
    expect(area.stored().snippets.map((s) => s.id)).toEqual(["old-1", snippet(1).id])
    expect(area.data.get(`${KEY}.backup`)).toBe(v1)
  })

  it("sees a value written behind its back (e.g. by another worker instance)", async () => {
    const area = new FakeArea()
    const r = repo(area)
    await r.update((s) => saveSnippet(s, snippet(1)))
    area.data.set(KEY, JSON.stringify({ version: SNIPPET_SCHEMA_VERSION, snippets: [snippet(2)] }))
    expect((await r.read()).snippets.map((s) => s.id)).toEqual([snippet(2).id])
  })
})

describe("snippet operations", () => {
  const empty: SnippetStore = { version: SNIPPET_SCHEMA_VERSION, snippets: [] }
  const withTwo: SnippetStore = { version: SNIPPET_SCHEMA_VERSION, snippets: [snippet(1), snippet(2)] }

  it("saveSnippet treats the same passage on the same page as a duplicate, whatever the fragment", () => {
    const again = { ...snippet(1), id: "s-other", url: snippet(1).url + "#:~:text=Acme" }
    const change = saveSnippet(withTwo, again)
    expect(change).toEqual({ store: null, result: { id: snippet(1).id, duplicate: true } })
    expect(saveSnippet(withTwo, { ...snippet(1), tags: ["x"] }).result.duplicate).toBe(true)
  })

  it("saveSnippet refuses an invalid snippet with the reason", () => {
    expect(() => saveSnippet(empty, { ...snippet(1), url: "file:///etc/passwd" })).toThrow(/cannot be saved: url must be an http\(s\) address/)
    expect(() => saveSnippet(empty, { id: "a" })).toThrow(SnippetStoreError)
  })

  it("updateSnippet normalises tags and the note and leaves the input alone", () => {
    const change = updateSnippet(withTwo, snippet(2).id, { tags: [" Outage ", "outage", "Q1 Review"], note: "  Compare with the status page.\n" })
    expect(change.store?.snippets[1]).toMatchObject({ tags: ["outage", "q1 review"], note: "Compare with the status page." })
    expect(withTwo.snippets[1].tags).toEqual([])
    expect(updateSnippet(withTwo, snippet(2).id, { tags: [] }).store).toBeNull()
    expect(() => updateSnippet(withTwo, "s-missing", { note: "x" })).toThrow(/no longer exists/)
  })

  it("deleteSnippets returns what it removed and restoreSnippets puts it back in saved order", () => {
    const three: SnippetStore = { version: SNIPPET_SCHEMA_VERSION, snippets: [snippet(1), snippet(2), snippet(3)] }
    const del = deleteSnippets(three, [snippet(2).id, "s-unknown"])
    expect(del.result.deleted.map((s) => s.id)).toEqual([snippet(2).id])
    const restored = restoreSnippets(del.store!, del.result.deleted)
    expect(restored.store?.snippets.map((s) => s.id)).toEqual(three.snippets.map((s) => s.id))
    // Undo pressed twice: the second is a no-op.
    expect(restoreSnippets(restored.store!, del.result.deleted)).toEqual({ store: null, result: { restored: 0 } })
    expect(() => restoreSnippets(three, [{ ...snippet(9), savedAt: "yesterday" }])).toThrow(/Snippet 1 cannot be restored/)
  })

  it("importSnippets merges a JSON export and counts duplicates", () => {
    const file = toJson([snippet(2), snippet(3), snippet(4)], { exportedAt: "2026-04-01T00:00:00.000Z" })
    const change = importSnippets(withTwo, file)
    expect(change.result).toMatchObject({ added: 2, duplicates: 1, skipped: 0, format: "json" })
    expect(change.store?.snippets).toHaveLength(4)
  })

  it("importSnippets reads JSON Lines and reports unreadable lines", () => {
    const file = toJsonl([snippet(5)]) + JSON.stringify({ ...snippet(6), url: "ftp://x" }) + "\n" + toJsonl([snippet(7)])
    const change = importSnippets(empty, file)
    expect(change.result).toMatchObject({ added: 2, duplicates: 0, skipped: 1, format: "jsonl" })
    expect(change.result.problems[0]).toMatch(/^item 2: /)
  })

  it("importSnippets refuses a malformed file with a clear reason and changes nothing", () => {
    expect(() => importSnippets(withTwo, '{"format": "track-record-snippets", "snippets": [')).toThrow(/not valid JSON/)
    expect(() => importSnippets(withTwo, "id,quote\n1,hello")).toThrow(/not a JSON, JSON Lines or Web Annotation file/)
    expect(() => importSnippets(withTwo, JSON.stringify({ snippets: [{ id: "a" }] }))).toThrow(/item 1: quote is empty/)
    expect(() => importSnippets(withTwo, "x".repeat(100), 50)).toThrow(/too large/)
    expect(withTwo.snippets).toHaveLength(2)
  })

  it("an import that only repeats saved snippets writes nothing", () => {
    expect(importSnippets(withTwo, toJson(withTwo)).store).toBeNull()
  })
})
