// The one place that knows storage keys and areas. Everything that grows lives
// in `local` (the `sync` default has a ~100 KB quota); per-tab findings live in
// `session` so a restarted service worker still has them.
import { Storage } from "@plasmohq/storage"

import { normalizeDismissals, normalizeSettings, type Dismissals, type Settings } from "~core/settings"

export const KEYS = {
  settings: "settings",
  dismissals: "dismissals",
  snippets: "snippets"
} as const

export const localStore = new Storage({ area: "local" })

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await localStore.get<unknown>(KEYS.settings))
}

export async function saveSettings(settings: Settings): Promise<void> {
  await localStore.set(KEYS.settings, normalizeSettings(settings))
}

export async function loadDismissals(): Promise<Dismissals> {
  return normalizeDismissals(await localStore.get<unknown>(KEYS.dismissals))
}

export async function saveDismissals(dismissals: Dismissals): Promise<void> {
  await localStore.set(KEYS.dismissals, normalizeDismissals(dismissals))
}
