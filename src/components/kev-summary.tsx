// A vendor's entries in the CISA Known Exploited Vulnerabilities catalog.
import type { KevSummary } from "~core/types"
import { t, tn } from "~lib/i18n"

import { formatCount, formatDate, httpsSources } from "./format"

export interface KevSummaryViewProps {
  kev: KevSummary
  /** How many of the newest entries to list (default 3; 0 lists none). */
  max?: number
  locale?: string
}

export function KevSummaryView({ kev, max = 3, locale }: KevSummaryViewProps) {
  if (kev.total === 0) return <div class="tr-kev tr-muted">{t("ui_kevNone")}</div>
  const latest = kev.latest.slice(0, Math.max(0, max))
  return (
    <div class="tr-kev">
      <div class="tr-kev-summary">
        <span class="tr-glyph" aria-hidden="true">
          ▲
        </span>{" "}
        {tn("ui_kevTotal", kev.total)}{" "}
        <span class="tr-muted">
          {t("ui_kevDetail", formatCount(kev.lastYear, locale), formatCount(kev.ransomware, locale))}
        </span>
      </div>
      {latest.length > 0 ? (
        <ul class="tr-kev-list" aria-label={t("ui_kevLatest")}>
          {latest.map((entry) => {
            const link = httpsSources([entry.url])[0]
            return (
              <li key={entry.cve}>
                <time class="tr-date" dateTime={entry.dateAdded}>
                  {formatDate(entry.dateAdded, "day", locale)}
                </time>{" "}
                {link ? (
                  <a href={link.url} target="_blank" rel="noopener noreferrer" aria-label={t("ui_kevLinkLabel", entry.cve)}>
                    {entry.cve}
                  </a>
                ) : (
                  <span>{entry.cve}</span>
                )}{" "}
                <span class="tr-kev-name">{entry.name || entry.product}</span>
                {entry.ransomware ? <span class="tr-marker tr-marker-ransomware">{t("ui_kevRansomware")}</span> : null}
              </li>
            )
          })}
        </ul>
      ) : null}
    </div>
  )
}
