import { parseHTML } from "linkedom"

/** A full document parsed by linkedom, typed as a standard DOM Document. */
export function page(body: string, head = ""): Document {
  const html = `<!doctype html><html><head>${head}</head><body>${body}</body></html>`
  return parseHTML(html).document as unknown as Document
}
