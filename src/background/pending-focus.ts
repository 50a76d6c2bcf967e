// "Open at snippet" hands the saved quote to the detector in the new tab. The
// tab is not ready when it opens (and the detector loads only after the page
// is read), so the quote waits here, in session storage so a restarted worker
// still has it, and rides on the reply to the tab's first page report.
import type { SnippetFocus } from "~lib/messages"
import { sessionArea } from "./session-area"

const key = (tabId: number) => `focus:${tabId}`

export async function setPendingFocus(tabId: number, focus: SnippetFocus): Promise<void> {
  await sessionArea().set({ [key(tabId)]: focus })
}

/** The quote waiting for this tab, removed as it is handed out. */
export async function takePendingFocus(tabId: number): Promise<SnippetFocus | undefined> {
  const stored = await sessionArea().get(key(tabId))
  const focus = stored[key(tabId)] as SnippetFocus | undefined
  if (focus) await sessionArea().remove(key(tabId))
  return focus
}
