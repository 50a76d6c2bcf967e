// One saved snippet: the quote in its context, what Track Record knew when it
// was saved, and the researcher's tags and note. Page and dataset text is only
// ever rendered as text.
import { useEffect, useRef, useState } from "preact/hooks"

import { formatDate } from "~components/format"
import { KindLabel, TypeLabel } from "~components/labels"
import { SourceLinks } from "~components/source-links"
import { LIMITS, siteOf, type Snippet, type SnippetIncident } from "~core/snippets/model"
import { t } from "~lib/i18n"

import { openSnippetTab, snippetLink } from "./open-snippet"
import { firstWords, splitTagInput } from "./view"

export interface SnippetCardProps {
  snippet: Snippet
  locale?: string
  onTags: (snippet: Snippet, tags: string[]) => void
  onNote: (snippet: Snippet, note: string) => void
  onDelete: (snippet: Snippet) => void
  onFilterTag: (tag: string) => void
  onError: (message: string) => void
}

export function snippetElementId(id: string): string {
  return `snippet-${id}`
}

export function SnippetCard({ snippet: s, locale, onTags, onNote, onDelete, onFilterTag, onError }: SnippetCardProps) {
  const site = siteOf(s.url)
  const link = snippetLink(s)
  const open = (event: MouseEvent) => {
    // Modified clicks (new window, background tab) keep the browser's own behaviour.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    openSnippetTab(s).catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)))
  }
  return (
    <article
      id={snippetElementId(s.id)}
      class="sn-card"
      tabIndex={-1}
      data-snippet-id={s.id}
      aria-label={t("snippets_articleLabel", firstWords(s.quote.exact))}>
      <blockquote class="sn-quote" cite={s.url}>
        {s.quote.prefix.trim() ? (
          <span class="sn-context">
            <span aria-hidden="true">…</span>
            {s.quote.prefix}
          </span>
        ) : null}
        <mark class="sn-exact">{s.quote.exact}</mark>
        {s.quote.suffix.trim() ? (
          <span class="sn-context">
            {s.quote.suffix}
            <span aria-hidden="true">…</span>
          </span>
        ) : null}
      </blockquote>

      <div class="sn-facts">
        {s.vendors.length > 0 ? (
          <span class="sn-vendors">
            <span class="tr-muted">{t("snippets_vendorsLabel")}</span> {s.vendors.join(", ")}
          </span>
        ) : null}
        {s.claimKind ? <KindLabel kind={s.claimKind} /> : null}
      </div>

      <p class="sn-source">
        <a href={s.url} target="_blank" rel="noopener noreferrer" class="sn-page-title">
          {s.pageTitle ?? site}
        </a>
        {s.pageTitle ? <span class="tr-muted"> · {site}</span> : null}
        <span class="sn-dates tr-muted">
          {s.pageDate ? (
            <>
              {" · "}
              {t("snippets_pageDate")} <time dateTime={s.pageDate}>{formatDate(s.pageDate, "day", locale)}</time>
            </>
          ) : null}
          {" · "}
          {t("snippets_savedDate")} <time dateTime={s.savedAt}>{formatDate(s.savedAt.slice(0, 10), "day", locale)}</time>
        </span>
      </p>

      {s.incidents.length > 0 ? (
        <section class="sn-incidents" aria-label={t("snippets_incidentsLabel")}>
          <h3 class="sn-subheading">{t("snippets_incidentsHeading")}</h3>
          <ul class="tr-incidents">
            {s.incidents.map((incident) => (
              <SnippetIncidentItem key={incident.id} incident={incident} locale={locale} />
            ))}
          </ul>
        </section>
      ) : null}

      <TagEditor tags={s.tags} onChange={(tags) => onTags(s, tags)} onFilter={onFilterTag} />
      <NoteEditor note={s.note} onSave={(note) => onNote(s, note)} />

      <div class="sn-actions">
        <a class="tr-button" href={link} target="_blank" rel="noopener noreferrer" onClick={open}>
          {t("snippets_open")}
        </a>
        <button type="button" class="tr-button sn-delete" onClick={() => onDelete(s)}>
          {t("snippets_delete")}
        </button>
      </div>
    </article>
  )
}

/** A matched incident as saved with the snippet (a copy: date, type, title, sources). */
function SnippetIncidentItem({ incident, locale }: { incident: SnippetIncident; locale?: string }) {
  return (
    <li class="tr-incident" data-incident-id={incident.id}>
      <div class="tr-incident-meta">
        <time class="tr-date" dateTime={incident.date}>
          {formatDate(incident.date, "day", locale)}
        </time>
        <TypeLabel type={incident.type} />
      </div>
      <div class="tr-incident-title">
        <span class="tr-incident-vendor">{incident.vendor}: </span>
        {incident.title}
      </div>
      <div class="tr-incident-foot">
        <SourceLinks urls={incident.sources} max={3} />
      </div>
    </li>
  )
}

interface TagEditorProps {
  tags: string[]
  onChange: (tags: string[]) => void
  onFilter: (tag: string) => void
}

/** Tag chips with a remove button each, and a box to add tags (Enter or comma adds; Backspace in the empty box removes the last). */
function TagEditor({ tags, onChange, onFilter }: TagEditorProps) {
  const [draft, setDraft] = useState("")
  const input = useRef<HTMLInputElement>(null)

  // Reads the box itself: a key can arrive before the last keystroke's re-render.
  const add = () => {
    const added = splitTagInput(input.current?.value ?? draft)
    setDraft("")
    if (added.length) onChange([...tags, ...added])
  }
  const remove = (tag: string) => {
    onChange(tags.filter((x) => x !== tag))
    // The chip's button goes away: keep keyboard focus in the tag editor.
    input.current?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault()
      add()
    } else if (event.key === "Backspace" && (input.current?.value ?? draft) === "" && tags.length > 0) {
      event.preventDefault()
      onChange(tags.slice(0, -1))
    }
  }

  return (
    <div class="sn-tags" role="group" aria-label={t("snippets_tagsLabel")}>
      <span class="tr-muted" aria-hidden="true">
        {t("snippets_tagsLabel")}
      </span>
      <ul class="sn-chips">
        {tags.map((tag) => (
          <li key={tag} class="sn-chip">
            <button type="button" class="sn-chip-text" onClick={() => onFilter(tag)} aria-label={t("snippets_filterByTag", tag)}>
              {tag}
            </button>
            <button type="button" class="sn-chip-remove" onClick={() => remove(tag)} aria-label={t("snippets_removeTag", tag)}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={input}
        class="sn-tag-input"
        type="text"
        value={draft}
        maxLength={LIMITS.tagLength * 4}
        placeholder={t("snippets_addTagPlaceholder")}
        aria-label={t("snippets_addTag")}
        onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if ((input.current?.value ?? draft).trim()) add()
        }}
      />
    </div>
  )
}

/** The note, saved when the box loses focus. Changes arriving from elsewhere do not overwrite what is being typed. */
function NoteEditor({ note, onSave }: { note: string; onSave: (note: string) => void }) {
  const [draft, setDraft] = useState(note)
  const editing = useRef(false)
  useEffect(() => {
    if (!editing.current) setDraft(note)
  }, [note])
  return (
    <label class="sn-note">
      <span class="tr-muted">{t("snippets_noteLabel")}</span>
      <textarea
        value={draft}
        rows={draft ? Math.min(8, draft.split("\n").length + 1) : 1}
        maxLength={LIMITS.noteLength}
        placeholder={t("snippets_notePlaceholder")}
        onFocus={() => (editing.current = true)}
        onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
        onBlur={(e) => {
          editing.current = false
          const value = (e.currentTarget as HTMLTextAreaElement).value
          if (value !== note) onSave(value)
        }}
      />
    </label>
  )
}
