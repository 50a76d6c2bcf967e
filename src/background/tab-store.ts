// Per-tab findings in storage.session: survives a service-worker restart,
// cleared with the browser session, never written to disk.

import type { TabFindings } from "~lib/messages"

import { setBadge } from "./badge"

const key = (tabId: number) => `tab:${tabId}`

// storage.session is not in webextension-polyfill's metadata; MV3 Chrome and
// Firefox both return promises from it natively.
const session = () => (globalThis as unknown as { chrome: typeof chrome }).chrome.storage.session

export async function saveTabFindings(findings: TabFindings): Promise<void> {
  await session().set({ [key(findings.tabId)]: findings })
  await setBadge(findings.tabId, findings.report.claims.length)
}

export async function loadTabFindings(tabId: number): Promise<TabFindings | null> {
  const stored = await session().get(key(tabId))
  return (stored[key(tabId)] as TabFindings | undefined) ?? null
}

export async function forgetTab(tabId: number): Promise<void> {
  await session().remove(key(tabId))
  await setBadge(tabId, 0).catch(() => undefined)
}

