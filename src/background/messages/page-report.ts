// A content script reports what it found; we answer with each vendor's record
// (incidents ranked for the claims made, KEV summary, timeline note) and keep
// the top frame's findings for the popup and the badge.
import type browser from "webextension-polyfill"

import { buildVendorRecords } from "~core/context"
import { dataset } from "~core/dataset"
import type { PageContext, Request, Response } from "~lib/messages"
import { loadSettings } from "~lib/storage"

import { takePendingFocus } from "../pending-focus"
import { saveTabFindings } from "../tab-store"

export default async function pageReport(
  request: Extract<Request, { type: "page/report" }>,
  sender: browser.Runtime.MessageSender
): Promise<Response<"page/report">> {
  const { report } = request
  const settings = await loadSettings()
  const vendors = buildVendorRecords(
    dataset,
    { published: report.published, mentions: report.mentions, claims: report.claims },
    { today: new Date().toISOString().slice(0, 10), timelineWindowDays: settings.timelineWindowDays }
  )
  const context: PageContext = { vendors, version: dataset.version }
  const tabId = sender.tab!.id!
  const topFrame = (sender.frameId ?? 0) === 0
  if (topFrame) {
    await saveTabFindings({
      tabId,
      url: report.url,
      title: report.title,
      published: report.published,
      report,
      context,
      updatedAt: Date.now()
    })
  }
  const focus = topFrame ? await takePendingFocus(tabId) : undefined
  return focus ? { ok: true, context, focus } : { ok: true, context }
}
