// Replaces a snippet's tags and/or note (the collection page's chips and note box).
import type { Failure, Request, Response } from "~lib/messages"

import { snippetRepository } from "../snippets"
import { updateSnippet } from "../snippets/operations"
import { replyError } from "../snippets/reply"

export default async function handle(
  request: Extract<Request, { type: "snippets/update" }>,
  _sender?: unknown
): Promise<Response<"snippets/update"> | Failure> {
  try {
    await snippetRepository().update((store) => updateSnippet(store, request.id, request.patch))
    return { ok: true }
  } catch (error) {
    return replyError(error)
  }
}
