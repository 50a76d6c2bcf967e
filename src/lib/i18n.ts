// UI strings come from _locales (see scripts/build-locales.ts): never hard-code
// user-visible English in components.
import browser from "webextension-polyfill"

/** The localised message, with $1..$9 substitutions; the key itself if missing (visible, so it gets fixed). */
export function t(key: string, ...substitutions: (string | number)[]): string {
  const message = browser.i18n.getMessage(key, substitutions.map(String))
  return message || key
}

/** Plural-aware: uses `<key>_one` for 1 and `<key>_other` otherwise. */
export function tn(key: string, count: number, ...rest: (string | number)[]): string {
  return t(count === 1 ? `${key}_one` : `${key}_other`, count, ...rest)
}
