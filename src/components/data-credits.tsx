// Where the facts come from, with licences, and what they are not.
import type { DatasetVersion } from "~core/types"
import { t } from "~lib/i18n"

import { formatCount, formatDate } from "./format"

const LINK = { target: "_blank", rel: "noopener noreferrer" } as const

export interface DataCreditsProps {
  version?: DatasetVersion | null
  /** Show the one-line summary instead of the list (for tight spaces like the popup footer). */
  compact?: boolean
  locale?: string
}

export function DataCredits({ version, compact = false, locale }: DataCreditsProps) {
  const versionLine = version ? (
    <p class="tr-version">
      {t("datasetVersion", formatDate(version.date, "day", locale), version.kevCatalogVersion)}
      {" · "}
      {t("ui_datasetCounts", formatCount(version.incidents, locale), formatCount(version.vendors, locale))}
    </p>
  ) : null
  return (
    <div class="tr-credits">
      <p class="tr-tone">{t("ui_notAVerdict")}</p>
      {versionLine}
      <ul class={compact ? "tr-credit-list tr-compact" : "tr-credit-list"}>
        <li>{t("ui_creditIncidents")}</li>
        <li>
          {t("ui_creditKevLabel")}{" "}
          <a href="https://www.cisa.gov/known-exploited-vulnerabilities-catalog" {...LINK}>
            {t("ui_creditKevLink")}
          </a>{" "}
          ({t("ui_licenseCc0")})
        </li>
        <li>
          {t("ui_creditHibpLabel")}{" "}
          <a href="https://haveibeenpwned.com" {...LINK}>
            {t("ui_creditHibpLink")}
          </a>{" "}
          (
          <a href="https://creativecommons.org/licenses/by/4.0/" {...LINK}>
            {t("ui_licenseCcBy")}
          </a>
          )
        </li>
      </ul>
    </div>
  )
}
