// Saves one snippet (from a flag's "Save snippet" or the context menu). The
// same passage saved twice is kept once: the reply says `duplicate: true` and
// carries the id of the one already saved.
import type { Failure, Request, Response } from "~lib/messages"

import { snippetRepository } from "../snippets"
import { saveSnippet } from "../snippets/operations"
import { replyError } from "../snippets/reply"

export default async function handle(
  request: Extract<Request, { type: "snippets/save" }>,
  _sender?: unknown
): Promise<Response<"snippets/save"> | Failure> {
  try {
    const { id, duplicate } = await snippetRepository().update((store) => saveSnippet(store, request.snippet))
    return { ok: true, id, duplicate }
  } catch (error) {
    return replyError(error)
  }
}
