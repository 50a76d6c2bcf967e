// "Published 3 days after the outage began": the background writes the text,
// this only frames it.
import { t } from "~lib/i18n"
import type { TimelineNote } from "~lib/messages"

export function TimelineNoteView({ note }: { note: TimelineNote }) {
  return (
    <p class={`tr-timeline tr-timeline-${note.relation}`} data-incident-id={note.incidentId}>
      <span class="tr-glyph" aria-hidden="true">
        ◷
      </span>{" "}
      <span class="tr-timeline-label">{t("ui_timeline")}</span> {note.text}
    </p>
  )
}
