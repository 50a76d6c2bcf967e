// A vendor's record in brief: counts, the incidents that matter most for the
// claims on the page, the timeline note and (optionally) recent KEV entries.
import type { ComponentChildren } from "preact"

import type { ClaimKind } from "~core/types"
import { t, tn } from "~lib/i18n"
import type { VendorRecord } from "~lib/messages"

import { topIncidents } from "./format"
import { IncidentItem } from "./incident-item"
import { KevSummaryView } from "./kev-summary"
import { TimelineNoteView } from "./timeline-note"

export interface VendorRecordViewProps {
  record: VendorRecord
  /** Claim kinds made about the vendor on the page; they pick which ranking to show. */
  kinds?: readonly ClaimKind[]
  /** How many incidents to list (default 3). */
  maxIncidents?: number
  /** How many recent KEV entries to list (default 0: counts only). */
  kevLatest?: number
  headingLevel?: 2 | 3 | 4
  showWhy?: boolean
  locale?: string
  /** Extra lines under the counts (e.g. how often the page names the vendor). */
  children?: ComponentChildren
}

export function VendorRecordView({
  record,
  kinds = [],
  maxIncidents = 3,
  kevLatest = 0,
  headingLevel = 3,
  showWhy = false,
  locale,
  children
}: VendorRecordViewProps) {
  const Heading = `h${headingLevel}` as "h3"
  const incidents = topIncidents(record, kinds, maxIncidents)
  return (
    <section class="tr-vendor" aria-label={record.name} data-vendor-id={record.id}>
      <Heading class="tr-vendor-name">{record.name}</Heading>
      <p class="tr-counts">
        <span>{tn("ui_incidentCount", record.incidentCount)}</span>
        <span>{tn("ui_kevCount", record.kev.total)}</span>
        {record.breaches > 0 ? (
          <span>{tn("ui_breachCount", record.breaches)}</span>
        ) : null}
      </p>
      {children}
      {record.timeline ? <TimelineNoteView note={record.timeline} /> : null}
      {incidents.length > 0 ? (
        <ul class="tr-incidents" aria-label={t("ui_topIncidents", record.name)}>
          {incidents.map((incident) => (
            <IncidentItem key={incident.id} incident={incident} showWhy={showWhy} maxSources={2} locale={locale} />
          ))}
        </ul>
      ) : (
        <p class="tr-muted">{t("ui_noIncidents")}</p>
      )}
      {kevLatest > 0 ? <KevSummaryView kev={record.kev} max={kevLatest} locale={locale} /> : null}
    </section>
  )
}
