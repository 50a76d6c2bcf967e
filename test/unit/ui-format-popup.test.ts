import { afterEach, describe, expect, it, vi } from "vitest"

import { DEFAULT_SETTINGS, type Settings } from "~core/settings"
import type { TabFindings } from "~lib/messages"
import { isReadableUrl, popupStatus, visibleClaims, withTimeout } from "~popup/state"

function findings(over: Partial<TabFindings["report"]> = {}): TabFindings {
  return {
    tabId: 7,
    url: "https://news.example.com/a",
    title: "Outage report",
    published: "2024-07-22",
    report: { url: "https://news.example.com/a", title: "Outage report", published: "2024-07-22", mentions: [], claims: [], ...over },
    context: {
      vendors: {},
      version: { date: "2026-08-21", kevCatalogVersion: "2026.08.21", hibpDate: "2026-08-20", incidents: 240, vendors: 120 }
    },
    updatedAt: 0
  }
}

const mention = { vendorId: "crowdstrike", vendor: "CrowdStrike", product: null, count: 1 }
const claim = { id: 1, text: "more reliable", kind: "reliability" as const, rule: "comparative", vendorId: "crowdstrike", vendor: "CrowdStrike" }
const base = { settled: true, url: "https://news.example.com/a", settings: DEFAULT_SETTINGS, findings: null, error: null }

describe("popupStatus", () => {
  it("waits until everything settled", () => {
    expect(popupStatus({ ...base, settled: false }).kind).toBe("loading")
  })

  it("calls browser pages unreadable when there are no findings", () => {
    expect(popupStatus({ ...base, url: "chrome://extensions/" }).kind).toBe("unreadable")
    expect(popupStatus({ ...base, url: null }).kind).toBe("unreadable")
  })

  it("says the site is off before anything else on a disabled site, parent domain included", () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: ["example.com"] }
    expect(popupStatus({ ...base, settings, error: "boom", findings: findings() }).kind).toBe("disabled")
  })

  it("shows the background's error text", () => {
    expect(popupStatus({ ...base, error: "Dataset failed to load" })).toEqual({ kind: "error", message: "Dataset failed to load" })
  })

  it("distinguishes not scanned, no vendors, no claims and full findings", () => {
    expect(popupStatus(base).kind).toBe("not-scanned")
    // Only the loader ran: it read the page and found no vendor.
    expect(popupStatus({ ...base, loaderChecked: true })).toEqual({ kind: "no-vendors", findings: null })
    expect(popupStatus({ ...base, findings: findings() }).kind).toBe("no-vendors")
    expect(popupStatus({ ...base, findings: findings({ mentions: [mention] }) }).kind).toBe("no-claims")
    expect(popupStatus({ ...base, findings: findings({ mentions: [mention], claims: [claim] }) }).kind).toBe("findings")
  })

  it("treats claims of switched-off kinds as absent", () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, kinds: { ...DEFAULT_SETTINGS.kinds, reliability: false } }
    const f = findings({ mentions: [mention], claims: [claim] })
    expect(visibleClaims(f, settings)).toEqual([])
    expect(popupStatus({ ...base, settings, findings: f }).kind).toBe("no-claims")
  })
})

describe("isReadableUrl", () => {
  it("accepts http and https only", () => {
    expect(["http://a.example/", "HTTPS://b.example/", "file:///tmp/x.html", "about:blank", "chrome://newtab/"].map(isReadableUrl)).toEqual([
      true,
      true,
      false,
      false,
      false
    ])
  })
})

describe("withTimeout", () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it("passes a prompt value through", async () => {
    await expect(withTimeout(Promise.resolve(42), 100, "late")).resolves.toBe(42)
  })

  it("rejects with the given message when the promise never settles", async () => {
    vi.useFakeTimers()
    const pending = withTimeout(new Promise<number>(() => {}), 5000, "The background worker did not answer")
    vi.advanceTimersByTime(5000)
    await expect(pending).rejects.toThrow("The background worker did not answer")
  })

  it("passes a rejection through as an Error", async () => {
    await expect(withTimeout(Promise.reject(new Error("No reply")), 100, "late")).rejects.toThrow("No reply")
  })
})
