// Turns a failure into the `{ok: false, error}` reply every sender expects.
import type { Failure } from "~lib/messages"

import { logOnce } from "../log"
import { SnippetStoreError } from "./store"

export function replyError(error: unknown): Failure {
  // Expected failures (full storage, bad input) are the user's to act on; anything else is a bug worth logging.
  if (!(error instanceof SnippetStoreError)) logOnce("snippets", error)
  return { ok: false, error: error instanceof Error ? error.message : String(error) }
}
