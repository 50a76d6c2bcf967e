// One incident in a list: date, type, title, severity, sources and markers.
// Title and summary are dataset text and are only ever rendered as text.
import type { Incident, RankedIncident } from "~core/types"
import { t } from "~lib/i18n"

import { formatDate } from "./format"
import { TypeLabel } from "./labels"
import { SeverityMeter } from "./severity-meter"
import { SourceLinks } from "./source-links"

export interface IncidentItemProps {
  incident: Incident | RankedIncident
  /** Show the incident's summary under the title. */
  showSummary?: boolean
  /** Show why the incident ranks where it does (ranked incidents only). */
  showWhy?: boolean
  /** Prefix the title with the vendor's name (for lists that mix vendors). */
  showVendor?: boolean
  maxSources?: number
  /** Element to render as; use "div" outside a list. */
  as?: "li" | "div"
  locale?: string
}

function isRanked(incident: Incident | RankedIncident): incident is RankedIncident {
  return "afterPublication" in incident
}

export function IncidentItem({
  incident,
  showSummary = false,
  showWhy = false,
  showVendor = false,
  maxSources,
  as: Tag = "li",
  locale
}: IncidentItemProps) {
  const ranked = isRanked(incident) ? incident : null
  const date = formatDate(incident.date, incident.datePrecision, locale)
  const end =
    incident.endDate && incident.endDate !== incident.date ? formatDate(incident.endDate, incident.datePrecision, locale) : null
  return (
    <Tag class="tr-incident" data-incident-id={incident.id}>
      <div class="tr-incident-meta">
        <time class="tr-date" dateTime={incident.date}>
          {end ? t("ui_dateRange", date, end) : date}
        </time>
        <TypeLabel type={incident.type} />
        {ranked?.afterPublication ? (
          <span class="tr-marker tr-marker-after" title={t("ui_afterPublicationHint")}>
            <span class="tr-glyph" aria-hidden="true">
              ▸
            </span>
            {t("ui_afterPublication")}
          </span>
        ) : null}
        {incident.verified ? null : (
          <span class="tr-marker tr-marker-unverified" title={t("ui_unverifiedHint")}>
            <span class="tr-glyph" aria-hidden="true">
              ?
            </span>
            {t("ui_unverified")}
          </span>
        )}
      </div>
      <div class="tr-incident-title">
        {showVendor ? <span class="tr-incident-vendor">{incident.vendor}: </span> : null}
        {incident.title}
      </div>
      {showSummary && incident.summary ? <p class="tr-incident-summary">{incident.summary}</p> : null}
      {showWhy && ranked?.why ? <div class="tr-incident-why tr-muted">{ranked.why}</div> : null}
      <div class="tr-incident-foot">
        <SeverityMeter level={incident.severity} />
        <SourceLinks urls={incident.sources} max={maxSources} />
      </div>
    </Tag>
  )
}
