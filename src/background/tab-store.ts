// Per-tab findings in storage.session: survives a service-worker restart,
// cleared with the browser session, never written to disk.
import type { TabFindings } from "~lib/messages"

import { setBadge } from "./badge"
import { sessionArea } from "./session-area"

const key = (tabId: number) => `tab:${tabId}`

export async function saveTabFindings(findings: TabFindings): Promise<void> {
  await sessionArea().set({ [key(findings.tabId)]: findings })
  await setBadge(findings.tabId, findings.report.claims.length)
}

export async function loadTabFindings(tabId: number): Promise<TabFindings | null> {
  const stored = await sessionArea().get(key(tabId))
  return (stored[key(tabId)] as TabFindings | undefined) ?? null
}

export async function forgetTab(tabId: number): Promise<void> {
  await sessionArea().remove(key(tabId))
  await setBadge(tabId, 0).catch(() => undefined)
}

