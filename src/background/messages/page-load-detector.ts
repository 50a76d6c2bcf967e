// The page loader found a vendor name or claim cue: inject the full detector
// (analysis, highlights, cards) into that frame only. Pages without either
// never pay for it.
import browser from "webextension-polyfill"

import { isSiteDisabled } from "~core/settings"
import type { Request, Response } from "~lib/messages"
import { loadSettings } from "~lib/storage"

export const DETECTOR_FILE = "app.js"

export default async function loadDetector(
  _request: Extract<Request, { type: "page/load-detector" }>,
  sender: browser.Runtime.MessageSender
): Promise<Response<"page/load-detector">> {
  const settings = await loadSettings()
  if (sender.url && isSiteDisabled(settings, sender.url)) return { ok: true, injected: false, reason: "disabled-site" }
  await browser.scripting.executeScript({
    target: { tabId: sender.tab!.id!, frameIds: [sender.frameId ?? 0] },
    files: [DETECTOR_FILE]
  })
  return { ok: true, injected: true }
}
