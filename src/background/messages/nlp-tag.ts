// Part-of-speech tags for the page detector's borderline names: a few short
// windows of words per page, tagged here so compromise never runs on the page.
import { tagTexts } from "~core/analyze"
import type { Request, Response } from "~lib/messages"

export default async function nlpTag(request: Extract<Request, { type: "nlp/tag" }>): Promise<Response<"nlp/tag">> {
  return { ok: true, terms: tagTexts(request.texts) }
}
