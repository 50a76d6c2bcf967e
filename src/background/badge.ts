// The toolbar badge counts the reliability claims flagged on the tab's page:
// the number a reader acts on. Vendors alone (no claim) leave it empty.
import browser from "webextension-polyfill"

const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction

export async function setBadge(tabId: number, claims: number): Promise<void> {
  const text = claims <= 0 ? "" : claims > 99 ? "99+" : String(claims)
  try {
    await action().setBadgeText({ tabId, text })
    if (text) await action().setBadgeBackgroundColor({ tabId, color: "#D55E00" })
  } catch {
    // The tab closed between the report and the badge update: nothing to show.
  }
}
