// Small pure pieces of the options page, kept apart for unit tests.
import { normalizeClaimText, type Dismissals, type VendorDismissal } from "~core/settings"

/** The timeline window typed by the reader, or null unless it is a whole number of days from 1 to 3650. */
export function parseWindowDays(value: string): number | null {
  const trimmed = value.trim()
  if (!/^\d+$/.test(trimmed)) return null
  const days = Number(trimmed)
  return days >= 1 && days <= 3650 ? days : null
}

/** Dismissals without one "Not this vendor" entry (same vendor, same text ignoring case). */
export function removeNotVendor(dismissals: Dismissals, entry: VendorDismissal): Dismissals {
  const text = normalizeClaimText(entry.text)
  return {
    ...dismissals,
    notVendor: dismissals.notVendor.filter((d) => !(d.vendorId === entry.vendorId && normalizeClaimText(d.text) === text))
  }
}

/** Dismissals without one "Not a claim" text. */
export function removeNotClaim(dismissals: Dismissals, text: string): Dismissals {
  const target = normalizeClaimText(text)
  return { ...dismissals, notClaim: dismissals.notClaim.filter((d) => normalizeClaimText(d) !== target) }
}
