// Deletes snippets by id and returns them, so the page can offer Undo
// (which sends them back with `snippets/restore`).
import type { Failure, Request, Response } from "~lib/messages"

import { snippetRepository } from "../snippets"
import { deleteSnippets } from "../snippets/operations"
import { replyError } from "../snippets/reply"

export default async function handle(
  request: Extract<Request, { type: "snippets/delete" }>,
  _sender?: unknown
): Promise<Response<"snippets/delete"> | Failure> {
  try {
    const { deleted } = await snippetRepository().update((store) => deleteSnippets(store, request.ids))
    return { ok: true, deleted }
  } catch (error) {
    return replyError(error)
  }
}
