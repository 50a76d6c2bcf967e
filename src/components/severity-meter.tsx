// Severity as five cells plus the words "Severity 3 of 5": the count of filled
// cells carries the meaning, not their colour.
import { t } from "~lib/i18n"

import { clampSeverity } from "./format"

export function SeverityMeter({ level }: { level: number }) {
  const value = clampSeverity(level)
  const label = t("severity", value)
  return (
    <span class={`tr-severity tr-severity-${value}`} title={label}>
      <span class="tr-severity-cells" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={i} class={i <= value ? "tr-cell tr-cell-on" : "tr-cell"} />
        ))}
      </span>
      <span class="tr-severity-text">{label}</span>
    </span>
  )
}
