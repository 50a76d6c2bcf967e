// Every message between the extension's parts, typed in one place. The
// background validates each one (see background/router.ts) and always replies.
import type { VendorRecord } from "~core/context"
import type { ClaimKind, DatasetVersion, IsoDate } from "~core/types"
import type { RawTerm } from "~core/nlp/setup"
import type { Snippet, SnippetStore } from "~core/snippets/model"

/** What a content script found on its frame: ids and spans, never page HTML. */
export interface PageReport {
  url: string
  title: string | null
  published: IsoDate | null
  mentions: { vendorId: string; vendor: string; product: string | null; count: number }[]
  claims: { id: number; text: string; kind: ClaimKind; rule: string; vendorId: string | null; vendor: string | null }[]
}

export type { TimelineNote, VendorRecord } from "~core/context"

export interface PageContext {
  vendors: Record<string, VendorRecord>
  version: DatasetVersion
}

export interface TabFindings {
  tabId: number
  url: string
  title: string | null
  published: IsoDate | null
  report: PageReport
  context: PageContext
  updatedAt: number
}

export type Request =
  | { type: "ping" }
  | { type: "page/report"; report: PageReport }
  | { type: "page/load-detector" }
  | { type: "nlp/tag"; texts: string[] }
  | { type: "tab/findings"; tabId: number }
  | { type: "snippets/save"; snippet: Snippet }
  | { type: "snippets/list" }
  | { type: "snippets/update"; id: string; patch: { tags?: string[]; note?: string } }
  | { type: "snippets/delete"; ids: string[] }
  | { type: "snippets/restore"; snippets: Snippet[] }
  | { type: "snippets/import"; text: string }
  | { type: "snippets/open"; snippetId: string }

export type Response<T extends Request["type"]> = T extends "ping"
  ? { ok: true; pong: true }
  : T extends "page/report"
    ? { ok: true; context: PageContext; focus?: SnippetFocus }
    : T extends "nlp/tag"
      ? { ok: true; terms: RawTerm[][] }
    : T extends "page/load-detector"
      ? { ok: true; injected: boolean; reason?: "disabled-site" }
      : T extends "tab/findings"
        ? { ok: true; findings: TabFindings | null }
        : T extends "snippets/save"
          ? { ok: true; id: string; duplicate: boolean }
          : T extends "snippets/list"
            ? { ok: true; store: SnippetStore }
            : T extends "snippets/update" | "snippets/restore"
              ? { ok: true }
              : T extends "snippets/delete"
                ? { ok: true; deleted: Snippet[] }
                : T extends "snippets/import"
                  ? { ok: true; added: number; duplicates: number; skipped: number; format: string }
                  : T extends "snippets/open"
                    ? { ok: true; tabId: number }
                    : never

export type Failure = { ok: false; error: string }

/** A saved snippet to re-anchor and show once its page has been read ("Open at snippet"). */
export interface SnippetFocus {
  quote: { exact: string; prefix: string; suffix: string }
  position: { start: number; end: number } | null
}

/** Messages the background or popup sends to a tab's content script. */
export type TabRequest = { type: "claim/focus"; claimId: number } | { type: "page/rescan" } | { type: "page/status" }

/** The loader's answer to "page/status": it read the whole page and found no vendor. */
export interface LoaderStatus {
  checked: boolean
}
