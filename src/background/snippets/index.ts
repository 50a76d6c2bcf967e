// The worker's snippet repository over `storage.local` (see store.ts for the format).
import browser from "webextension-polyfill"

import { KEYS } from "~lib/storage"

import { SnippetRepository } from "./store"

let repository: SnippetRepository | null = null

/** One repository per worker, so every handler shares one write queue. */
export function snippetRepository(): SnippetRepository {
  repository ??= new SnippetRepository(browser.storage.local, KEYS.snippets)
  return repository
}

export { SnippetRepository, SnippetStoreError, isQuotaError, type StorageAreaLike } from "./store"
