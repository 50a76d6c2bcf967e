// The popup asks what was found on a tab.
import type { Request, Response } from "~lib/messages"

import { loadTabFindings } from "../tab-store"

export default async function tabFindings(
  request: Extract<Request, { type: "tab/findings" }>
): Promise<Response<"tab/findings">> {
  return { ok: true, findings: await loadTabFindings(request.tabId) }
}
