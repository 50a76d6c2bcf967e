// Strict mode: a one-line summary at the top of article pages.
import { t } from "~lib/i18n"

export interface SummaryBarProps {
  claims: number
  vendorsWithRecord: number
  onFirst(): void
  onClose(): void
}

export function SummaryBar({ claims, vendorsWithRecord, onFirst, onClose }: SummaryBarProps) {
  return (
    <div class="tr-root tr-bar" role="region" aria-label={t("bar_label")}>
      <span>{t("bar_summary", claims, vendorsWithRecord)}</span>
      <button type="button" onClick={onFirst}>
        {t("bar_next")}
      </button>
      <button type="button" class="tr-icon-button" aria-label={t("bar_close")} onClick={onClose}>
        ×
      </button>
    </div>
  )
}
