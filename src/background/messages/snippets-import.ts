// Imports a snippet file (our JSON or JSON Lines export, or W3C Web
// Annotations). An unreadable file is refused with the reason and nothing
// changes; readable snippets are merged, duplicates folded into the ones
// already saved.
import type { Failure, Request, Response } from "~lib/messages"

import { snippetRepository } from "../snippets"
import { importSnippets } from "../snippets/operations"
import { replyError } from "../snippets/reply"

export default async function handle(
  request: Extract<Request, { type: "snippets/import" }>,
  _sender?: unknown
): Promise<(Response<"snippets/import"> & { problems: string[] }) | Failure> {
  try {
    const summary = await snippetRepository().update((store) => importSnippets(store, request.text))
    return { ok: true, ...summary }
  } catch (error) {
    return replyError(error)
  }
}
