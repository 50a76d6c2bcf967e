// Typed request/response to the background. A failure reply becomes a thrown
// Error with the background's message, so UI code can show it as is.
import browser from "webextension-polyfill"

import type { Failure, Request, Response } from "./messages"

export async function send<R extends Request>(request: R): Promise<Response<R["type"]>> {
  const reply = (await browser.runtime.sendMessage(request)) as Response<R["type"]> | Failure | undefined
  if (!reply) throw new Error("No reply from the extension's background worker")
  if ((reply as Failure).ok === false) throw new Error((reply as Failure).error)
  return reply as Response<R["type"]>
}
