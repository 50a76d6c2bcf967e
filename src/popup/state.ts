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
  | { kind: "no-vendors"; findings: TabFindings }
  | { kind: "no-claims"; findings: TabFindings }
  | { kind: "findings"; findings: TabFindings }

export interface PopupInputs {
  /** False until the tab, settings and findings requests have all settled. */
  settled: boolean
  url: string | null
  settings: Settings
  findings: TabFindings | null
  error: string | null
}

export function isReadableUrl(url: string | null): boolean {
  return !!url && /^https?:\/\//i.test(url)
}

export function popupStatus({ settled, url, settings, findings, error }: PopupInputs): PopupStatus {
  if (!settled) return { kind: "loading" }
  if (!findings && !isReadableUrl(url)) return { kind: "unreadable" }
  if (url && isReadableUrl(url) && isSiteDisabled(settings, url)) return { kind: "disabled" }
  if (error) return { kind: "error", message: error }
  if (!findings) return { kind: "not-scanned" }
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
