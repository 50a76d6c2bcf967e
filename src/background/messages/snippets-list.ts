// The whole snippet collection, for the collection page.
import type { Failure, Request, Response } from "~lib/messages"

import { snippetRepository } from "../snippets"
import { replyError } from "../snippets/reply"

export default async function handle(
  _request: Extract<Request, { type: "snippets/list" }>,
  _sender?: unknown
): Promise<Response<"snippets/list"> | Failure> {
  try {
    return { ok: true, store: await snippetRepository().read() }
  } catch (error) {
    return replyError(error)
  }
}
