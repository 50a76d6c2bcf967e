// Undo of a delete: puts the returned snippets back (each is validated again).
import type { Failure, Request, Response } from "~lib/messages"

import { snippetRepository } from "../snippets"
import { restoreSnippets } from "../snippets/operations"
import { replyError } from "../snippets/reply"

export default async function handle(
  request: Extract<Request, { type: "snippets/restore" }>,
  _sender?: unknown
): Promise<Response<"snippets/restore"> | Failure> {
  try {
    await snippetRepository().update((store) => restoreSnippets(store, request.snippets))
    return { ok: true }
  } catch (error) {
    return replyError(error)
  }
}
