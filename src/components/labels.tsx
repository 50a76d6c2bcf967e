// Kind and type labels: always text plus a shape, never colour alone.
import type { ClaimKind, IncidentType } from "~core/types"
import { t } from "~lib/i18n"

import { claimKindKey, incidentTypeKey } from "./format"

// Shapes from the Geometric Shapes block, which every system font has.
const KIND_GLYPH: Record<ClaimKind, string> = {
  reliability: "●",
  security: "◆",
  recovery: "◐",
  performance: "▲",
  superlative: "★"
}

const TYPE_GLYPH: Record<IncidentType, string> = {
  outage: "▼",
  breach: "◆",
  vulnerability: "▲",
  "faulty-update": "●",
  "supply-chain": "◇",
  ransomware: "■",
  "data-loss": "□",
  regulatory: "◎"
}

/** "◆ Security": the kind of a reliability claim. */
export function KindLabel({ kind }: { kind: ClaimKind }) {
  return (
    <span class={`tr-label tr-kind tr-kind-${kind}`}>
      <span class="tr-glyph" aria-hidden="true">
        {KIND_GLYPH[kind] ?? "•"}
      </span>
      {t(claimKindKey(kind))}
    </span>
  )
}

/** "▼ Outage": the type of an incident. */
export function TypeLabel({ type }: { type: IncidentType }) {
  return (
    <span class={`tr-label tr-type tr-type-${type}`}>
      <span class="tr-glyph" aria-hidden="true">
        {TYPE_GLYPH[type] ?? "•"}
      </span>
      {t(incidentTypeKey(type))}
    </span>
  )
}
