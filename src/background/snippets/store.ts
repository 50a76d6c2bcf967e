// The one writer of the snippet store. Every change goes through a single
// promise chain (reads included), so two tabs saving at the same moment both
// land: each change sees the store the previous one wrote.
//
// On-disk format: the store is written the way `@plasmohq/storage` writes any
// value (a JSON string under `KEYS.snippets` in the local area), so
// `localStore.get(KEYS.snippets)` and `useStorage` read it as well. We talk to
// the raw storage area rather than through Plasmo's `Storage` because its
// `get` swallows parse errors and returns `undefined`, which would make an
// unreadable store look empty and let the next save overwrite it.
import { migrateStore, withUniqueIds } from "~core/snippets/migrate"
import { SNIPPET_SCHEMA_VERSION, type SnippetStore } from "~core/snippets/model"

/** The part of `browser.storage.local` this module uses; tests pass a fake. */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
}

/** A failure the user can act on; its message is shown as is. */
export class SnippetStoreError extends Error {
  override name = "SnippetStoreError"
}

/** What a change function returns: the new store (or null for "nothing to write") and the reply data. */
export interface Change<T> {
  store: SnippetStore | null
  result: T
}

/** True for the errors browsers raise when an extension storage area is over its quota. */
export function isQuotaError(error: unknown): boolean {
  if (!error) return false
  const name = typeof error === "object" && "name" in error ? String((error as { name: unknown }).name) : ""
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : ""
  return name === "QuotaExceededError" || /QUOTA_BYTES|quota/i.test(message)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

export function storageFullMessage(bytes: number): string {
  return (
    `Storage is full: the snippet collection would need about ${formatBytes(bytes)}, more than the browser allows ` +
    "this extension. Nothing was changed. Export your snippets, then delete some and try again."
  )
}

export class SnippetRepository {
  /** Tail of the write queue. Never rejects, so one failure does not block later changes. */
  #tail: Promise<unknown> = Promise.resolve()
  /** The last raw value read or written, and the store it parses to (skips re-validating 5,000 snippets per change). */
  #cache: { raw: string; store: SnippetStore } | null = null

  constructor(
    private readonly area: StorageAreaLike,
    private readonly key: string,
    /** Where the stored text goes before a rewrite that would drop unreadable items. */
    private readonly backupKey: string = `${key}.backup`
  ) {}

  /** The current store, read in queue order (so it reflects every change queued before it). */
  read(): Promise<SnippetStore> {
    return this.#enqueue(() => this.#load().then((loaded) => loaded.store))
  }

  /**
   * Runs `change` on the current store and writes what it returns, all inside the queue.
   * The store is written in one `set` call, so storage holds either the old or the new
   * store, never a mix. Throws `SnippetStoreError` with a readable message on failure.
   */
  update<T>(change: (store: SnippetStore) => Change<T>): Promise<T> {
    return this.#enqueue(async () => {
      const loaded = await this.#load()
      const { store, result } = change(loaded.store)
      if (store) {
        if (loaded.dropped > 0 && loaded.raw !== null) await this.#write({ [this.backupKey]: loaded.raw }, loaded.raw.length)
        const next: SnippetStore = { version: SNIPPET_SCHEMA_VERSION, snippets: withUniqueIds(store.snippets) }
        const raw = JSON.stringify(next)
        await this.#write({ [this.key]: raw }, raw.length)
        this.#cache = { raw, store: next }
      }
      return result
    })
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(task, task)
    this.#tail = run.catch(() => undefined)
    return run
  }

  async #write(items: Record<string, unknown>, size: number): Promise<void> {
    try {
      await this.area.set(items)
    } catch (error) {
      if (isQuotaError(error)) throw new SnippetStoreError(storageFullMessage(size))
      throw new SnippetStoreError(`Could not save snippets: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  async #load(): Promise<{ store: SnippetStore; raw: string | null; dropped: number }> {
    let stored: unknown
    try {
      stored = (await this.area.get(this.key))[this.key]
    } catch (error) {
      throw new SnippetStoreError(`Could not read saved snippets: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (typeof stored === "string" && this.#cache?.raw === stored) return { store: this.#cache.store, raw: stored, dropped: 0 }

    let value: unknown = stored
    if (typeof stored === "string") {
      try {
        value = JSON.parse(stored)
      } catch {
        throw new SnippetStoreError("Saved snippets are damaged (not valid JSON). They were left untouched.")
      }
    }
    const migrated = migrateStore(value)
    if (!migrated.ok) {
      const untouched = /nothing was changed/i.test(migrated.reason) ? "" : " They were left untouched."
      throw new SnippetStoreError(migrated.reason + untouched)
    }
    const raw = typeof stored === "string" ? stored : stored === undefined || stored === null ? null : JSON.stringify(stored)
    if (typeof stored === "string" && migrated.dropped.length === 0 && migrated.migratedFrom === SNIPPET_SCHEMA_VERSION)
      this.#cache = { raw: stored, store: migrated.store }
    return { store: migrated.store, raw, dropped: migrated.dropped.length }
  }
}
