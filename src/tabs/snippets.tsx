// The researcher's snippet collection: search, filter, tag, annotate, export
// and import saved snippets. Only the background writes the store; this page
// asks it through messages and re-reads whenever the stored value changes
// (another tab saved a snippet, an edit here landed).
import { render } from "preact"
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks"
import browser from "webextension-polyfill"

import "~components/theme.css"
import "./snippets-page/snippets.css"

import { EmptyState } from "~components/empty-state"
import { formatCount } from "~components/format"
import { useTheme } from "~components/theme"
import { DEFAULT_SETTINGS, type Settings } from "~core/settings"
import { DEFAULT_MAX_IMPORT_BYTES } from "~core/snippets/import"
import { migrateStore } from "~core/snippets/migrate"
import { normaliseTags, type Snippet, type SnippetStore } from "~core/snippets/model"
import { filterSnippets } from "~core/snippets/query"
import { t, tn } from "~lib/i18n"
import { send } from "~lib/send"
import { KEYS, loadSettings } from "~lib/storage"

import { downloadText, exportFilename, exportMime, exportText, EXPORT_FORMATS, type ExportFormat } from "./snippets-page/exporting"
import { Filters } from "./snippets-page/filters"
import { SnippetCard, snippetElementId } from "./snippets-page/snippet-card"
import { UndoToast } from "./snippets-page/undo-toast"
import { facetsFor, isFiltered, NO_FILTER, PAGE_SIZE, sortSnippets, toSnippetFilter, type FilterState, type SortOrder } from "./snippets-page/view"

type Status = { text: string; tone: "info" | "error" } | null

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** The store from a storage change (stored as JSON text, see background/snippets/store.ts), or null to ask the background. */
function readStored(value: unknown): SnippetStore | null {
  if (typeof value !== "string") return null
  try {
    const migrated = migrateStore(JSON.parse(value))
    return migrated.ok && migrated.dropped.length === 0 ? migrated.store : null
  } catch {
    return null
  }
}

const EXPORT_LABEL: Record<ExportFormat, string> = {
  csv: "snippets_exportCsv",
  json: "snippets_exportJson",
  jsonl: "snippets_exportJsonl",
  w3c: "snippets_exportW3c"
}

function SnippetsPage() {
  const [store, setStore] = useState<SnippetStore | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS)
  const [filter, setFilter] = useState<FilterState>(NO_FILTER)
  const [order, setOrder] = useState<SortOrder>("saved-desc")
  const [shown, setShown] = useState(PAGE_SIZE)
  const [scope, setScope] = useState<"filtered" | "all">("filtered")
  const [status, setStatus] = useState<Status>(null)
  const [undo, setUndo] = useState<{ snippets: Snippet[]; serial: number } | null>(null)
  const [busy, setBusy] = useState(false)
  /** A snippet to focus once it is on screen (after a delete or an undo); forgotten after a few seconds. */
  const focusAfterRender = useRef<{ id: string; until: number } | null>(null)
  const focusSoon = (id: string | null) => (focusAfterRender.current = id ? { id, until: Date.now() + 3_000 } : null)
  const fileInput = useRef<HTMLInputElement>(null)
  const loadSerial = useRef(0)
  useTheme(settings.theme, settings.colors)

  const reload = useCallback(async () => {
    // Replies can arrive out of order when changes come in quick succession: keep the newest.
    const serial = ++loadSerial.current
    try {
      const reply = await send({ type: "snippets/list" })
      if (serial !== loadSerial.current) return
      setStore(reply.store)
      setLoadError(null)
    } catch (error) {
      if (serial === loadSerial.current) setLoadError(errorText(error))
    }
  }, [])

  useEffect(() => {
    document.title = t("snippets_pageTitle")
    void reload()
    loadSettings().then(setSettings, () => undefined)
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area !== "local") return
      if (KEYS.snippets in changes) {
        // The change carries the new store: use it rather than fetch 5,000 snippets again.
        const fresh = readStored(changes[KEYS.snippets].newValue)
        if (fresh) {
          loadSerial.current++
          setStore(fresh)
          setLoadError(null)
        } else void reload()
      }
      if (KEYS.settings in changes) loadSettings().then(setSettings, () => undefined)
    }
    browser.storage.onChanged.addListener(onChanged)
    return () => browser.storage.onChanged.removeListener(onChanged)
  }, [reload])

  const all = useMemo(() => store?.snippets ?? [], [store])
  const unsorted = useMemo(() => filterSnippets(all, toSnippetFilter(filter)), [all, filter])
  const matching = useMemo(() => sortSnippets(unsorted, order), [unsorted, order])
  const facets = useMemo(() => facetsFor(all, filter, unsorted), [all, filter, unsorted])
  const filtered = isFiltered(filter)

  // A new search or order starts again at the top of the list.
  useEffect(() => setShown(PAGE_SIZE), [filter, order])

  useEffect(() => {
    const pending = focusAfterRender.current
    if (!pending) return
    const target = document.getElementById(snippetElementId(pending.id))
    if (!target && Date.now() > pending.until) focusAfterRender.current = null
    if (target) {
      focusAfterRender.current = null
      target.focus()
    }
  })

  // "/" jumps to the search box, as on many sites.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return
      const el = event.target as HTMLElement | null
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return
      event.preventDefault()
      document.getElementById("sn-search")?.focus()
    }
    document.addEventListener("keydown", onKey)
    return () => document.removeEventListener("keydown", onKey)
  }, [])

  const replaceLocal = (id: string, patch: Partial<Snippet>) =>
    setStore((prev) => (prev ? { ...prev, snippets: prev.snippets.map((s) => (s.id === id ? { ...s, ...patch } : s)) } : prev))

  const failed = (error: unknown) => {
    setStatus({ text: errorText(error), tone: "error" })
    void reload()
  }

  // Edits show at once; the stored result arrives through storage.onChanged.
  const onTags = (s: Snippet, typed: string[]) => {
    const tags = normaliseTags(typed)
    replaceLocal(s.id, { tags })
    send({ type: "snippets/update", id: s.id, patch: { tags } }).catch(failed)
  }

  const onNote = (s: Snippet, note: string) => {
    replaceLocal(s.id, { note })
    send({ type: "snippets/update", id: s.id, patch: { note } }).then(
      () => setStatus({ text: t("snippets_noteSaved"), tone: "info" }),
      failed
    )
  }

  const onDelete = async (s: Snippet) => {
    const visible = matching.slice(0, shown)
    const at = visible.findIndex((x) => x.id === s.id)
    const next = visible[at + 1] ?? visible[at - 1] ?? null
    try {
      const reply = await send({ type: "snippets/delete", ids: [s.id] })
      setStore((prev) => (prev ? { ...prev, snippets: prev.snippets.filter((x) => x.id !== s.id) } : prev))
      if (reply.deleted.length > 0) {
        // Deletes in quick succession share one Undo.
        setUndo((prev) => ({ snippets: [...(prev?.snippets ?? []), ...reply.deleted], serial: (prev?.serial ?? 0) + 1 }))
      }
      if (next) focusSoon(next.id)
      else document.getElementById("sn-search")?.focus()
    } catch (error) {
      failed(error)
    }
  }

  const onUndo = async () => {
    const pending = undo
    setUndo(null)
    if (!pending) return
    try {
      await send({ type: "snippets/restore", snippets: pending.snippets })
      focusSoon(pending.snippets[0]?.id ?? null)
      setStatus({ text: tn("snippets_restored", pending.snippets.length), tone: "info" })
    } catch (error) {
      failed(error)
    }
  }

  const exportSnippets = (format: ExportFormat) => {
    const list = scope === "all" ? sortSnippets(all, order) : matching
    const now = new Date()
    try {
      downloadText(exportText(format, list, now), exportFilename(format, now), exportMime(format))
      setStatus({ text: tn("snippets_exported", list.length, t(`snippets_format_${format}`)), tone: "info" })
    } catch (error) {
      setStatus({ text: t("snippets_exportFailed", errorText(error)), tone: "error" })
    }
  }

  const importFile = async (file: File) => {
    if (file.size > DEFAULT_MAX_IMPORT_BYTES) {
      setStatus({ text: t("snippets_importTooLarge", file.name, formatCount(Math.round(DEFAULT_MAX_IMPORT_BYTES / 1_048_576))), tone: "error" })
      return
    }
    setBusy(true)
    setStatus({ text: t("snippets_importing", file.name), tone: "info" })
    try {
      const reply = await send({ type: "snippets/import", text: await file.text() })
      const parts = [tn("snippets_imported", reply.added)]
      if (reply.duplicates > 0) parts.push(tn("snippets_importDuplicates", reply.duplicates))
      if (reply.skipped > 0) parts.push(tn("snippets_importSkipped", reply.skipped))
      const problems = (reply as { problems?: string[] }).problems ?? []
      const detail = problems.length > 0 ? ` (${problems.join("; ")})` : ""
      setStatus({ text: parts.join(", ") + "." + detail, tone: "info" })
    } catch (error) {
      setStatus({ text: t("snippets_importFailed", errorText(error)), tone: "error" })
    } finally {
      setBusy(false)
    }
  }

  const visible = matching.slice(0, shown)
  const total = all.length
  const exportCount = scope === "all" ? total : matching.length

  return (
    <div class="tr-page sn-page">
      <header class="sn-header">
        <h1>{t("snippets_heading")}</h1>
        {store ? (
          <p class="tr-muted sn-summary">
            {filtered ? t("snippets_summaryFiltered", formatCount(matching.length), formatCount(total)) : tn("snippets_summary", total, formatCount(total))}
          </p>
        ) : null}
      </header>

      {/* Live regions stay in the page so screen readers announce what appears in them. */}
      <div class="sn-status" role="status">
        {status?.tone === "info" ? <StatusText text={status.text} onDismiss={() => setStatus(null)} tone="info" /> : null}
      </div>
      <div class="sn-status" role="alert">
        {status?.tone === "error" ? <StatusText text={status.text} onDismiss={() => setStatus(null)} tone="error" /> : null}
      </div>

      {loadError ? (
        <EmptyState tone="error" icon="!" title={t("snippets_loadFailed")} detail={loadError}>
          <button type="button" class="tr-button" onClick={() => void reload()}>
            {t("snippets_retry")}
          </button>
        </EmptyState>
      ) : !store ? (
        <p role="status" class="tr-muted">
          {t("snippets_loading")}
        </p>
      ) : (
        <>
          <section class="sn-tools" aria-label={t("snippets_toolsLabel")}>
            {total > 0 ? (
              <div class="sn-export">
                <h2 class="sn-subheading">{t("snippets_exportHeading")}</h2>
                <fieldset class="sn-scope">
                  <legend class="tr-visually-hidden">{t("snippets_exportScope")}</legend>
                  <label>
                    <input type="radio" name="sn-scope" checked={scope === "filtered"} onChange={() => setScope("filtered")} />{" "}
                    {t("snippets_scopeFiltered", formatCount(matching.length))}
                  </label>
                  <label>
                    <input type="radio" name="sn-scope" checked={scope === "all"} onChange={() => setScope("all")} />{" "}
                    {t("snippets_scopeAll", formatCount(total))}
                  </label>
                </fieldset>
                <div class="sn-buttons">
                  {EXPORT_FORMATS.map((format) => (
                    <button key={format} type="button" class="tr-button" disabled={exportCount === 0} onClick={() => exportSnippets(format)}>
                      {t(EXPORT_LABEL[format])}
                    </button>
                  ))}
                </div>
                <p class="tr-muted sn-help">{t("snippets_exportHelp")}</p>
              </div>
            ) : null}
            <div class="sn-import">
              <h2 class="sn-subheading">{t("snippets_importHeading")}</h2>
              <button type="button" class="tr-button" disabled={busy} onClick={() => fileInput.current?.click()}>
                {t("snippets_import")}
              </button>
              <input
                ref={fileInput}
                class="tr-visually-hidden"
                type="file"
                tabIndex={-1}
                aria-label={t("snippets_importFile")}
                accept=".json,.jsonl,.jsonld,application/json,application/ld+json"
                onChange={(e) => {
                  const el = e.currentTarget as HTMLInputElement
                  const file = el.files?.[0]
                  // Reset, so choosing the same file again fires another change.
                  el.value = ""
                  if (file) void importFile(file)
                }}
              />
              <p class="tr-muted sn-help">{t("snippets_importHelp")}</p>
            </div>
          </section>

          {total === 0 ? (
            <EmptyState icon="✎" title={t("snippets_emptyTitle")} detail={t("snippets_emptyDetail")}>
              <p class="sn-empty-steps">{t("snippets_emptySelection")}</p>
            </EmptyState>
          ) : (
            <>
              <Filters
                filter={filter}
                onFilter={setFilter}
                order={order}
                onOrder={setOrder}
                facets={facets}
                filtered={filtered}
              />
              <section class="sn-results" aria-label={t("snippets_listLabel")}>
                {matching.length === 0 ? (
                  <EmptyState title={t("snippets_noMatchTitle")} detail={t("snippets_noMatchDetail")}>
                    <button type="button" class="tr-button" onClick={() => setFilter(NO_FILTER)}>
                      {t("snippets_clearFilters")}
                    </button>
                  </EmptyState>
                ) : (
                  visible.map((s) => (
                    <SnippetCard
                      key={s.id}
                      snippet={s}
                      onTags={onTags}
                      onNote={onNote}
                      onDelete={(x) => void onDelete(x)}
                      onFilterTag={(tag) => setFilter({ ...filter, tag })}
                      onError={(text) => setStatus({ text, tone: "error" })}
                    />
                  ))
                )}
              </section>
              {matching.length > visible.length ? (
                <p class="sn-more">
                  <button type="button" class="tr-button" onClick={() => setShown(shown + PAGE_SIZE)}>
                    {t("snippets_showMore")}
                  </button>{" "}
                  <span class="tr-muted">{t("snippets_shownOf", formatCount(visible.length), formatCount(matching.length))}</span>
                </p>
              ) : null}
            </>
          )}
        </>
      )}

      {undo ? <UndoToast key={undo.serial} count={undo.snippets.length} onUndo={() => void onUndo()} onExpire={() => setUndo(null)} /> : null}
    </div>
  )
}

function StatusText({ text, tone, onDismiss }: { text: string; tone: "info" | "error"; onDismiss: () => void }) {
  return (
    <p class={`sn-status-text sn-status-${tone}`}>
      {text}{" "}
      <button type="button" class="sn-link-button" onClick={onDismiss}>
        {t("snippets_dismiss")}
      </button>
    </p>
  )
}

render(<SnippetsPage />, document.getElementById("__plasmo") ?? document.body.appendChild(document.createElement("div")))
