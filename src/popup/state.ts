// What the popup shows, decided from plain inputs so every branch is testable.
import { isSiteDisabled, type Settings } from "~core/settings"
import type { TabFindings } from "~lib/messages"

export type PopupStatus =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  /** A browser page (chrome://, about:, the web store…) where content scripts cannot run. */
  | { kind: "unreadable" }
  | { kind: "disabled" }
  /** A web page the content script has not reported on (yet). */
  | { kind: "not-scanned" }
  /** findings is null when only the loader read the page: it names no vendor, so nothing was analysed. */
  | { kind: "no-vendors"; findings: TabFindings | null }
  | { kind: "no-claims"; findings: TabFindings }
  | { kind: "findings"; findings: TabFindings }

export interface PopupInputs {
  /** False until the tab, settings and findings requests have all settled. */
  settled: boolean
  url: string | null
  settings: Settings
  findings: TabFindings | null
  error: string | null
  /** The tab's loader read the whole page and found no vendor name. */
  loaderChecked?: boolean
}

export function isReadableUrl(url: string | null): boolean {
  return !!url && /^https?:\/\//i.test(url)
}

export function popupStatus({ settled, url, settings, findings, error, loaderChecked }: PopupInputs): PopupStatus {
  if (!settled) return { kind: "loading" }
  if (!findings && !isReadableUrl(url)) return { kind: "unreadable" }
  if (url && isReadableUrl(url) && isSiteDisabled(settings, url)) return { kind: "disabled" }
  if (error) return { kind: "error", message: error }
  if (!findings) return loaderChecked ? { kind: "no-vendors", findings: null } : { kind: "not-scanned" }
  const claims = visibleClaims(findings, settings)
  if (findings.report.mentions.length === 0) return { kind: "no-vendors", findings }
  if (claims.length === 0) return { kind: "no-claims", findings }
  return { kind: "findings", findings }
}

/** The page's claims of the kinds the reader has switched on. */
export function visibleClaims(findings: TabFindings, settings: Settings): TabFindings["report"]["claims"] {
  return findings.report.claims.filter((c) => settings.kinds[c.kind] !== false)
}

/** Rejects with `message` when `promise` has not settled within `ms`, so the popup never waits forever. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    )
  })
}
