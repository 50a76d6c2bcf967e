// The card a reader sees when hovering or focusing a flag: who, what was
// claimed, why it was flagged, and the dated, sourced record beside it.
// Rendered with Preact inside a closed shadow root; every page or dataset
// string is rendered as text.
import { useEffect, useRef, useState } from "preact/hooks"

import { IncidentItem } from "~components/incident-item"
import { KevSummaryView } from "~components/kev-summary"
import { KindLabel } from "~components/labels"
import { TimelineNoteView } from "~components/timeline-note"
import { incidentsForKind } from "~core/context"
import type { RankedIncident } from "~core/types"
import { t } from "~lib/i18n"
import type { VendorRecord } from "~lib/messages"

import type { PageFlag } from "./analyze-page"

export interface CardActions {
  save(flag: PageFlag): Promise<string>
  notVendor(flag: PageFlag): void
  notClaim(flag: PageFlag): void
  hideSite(): void
  close(): void
}

export interface CardProps {
  flag: PageFlag
  record: VendorRecord | null
  /** Rationale of the claim rule that fired, from the rule pack. */
  rationale: string | null
  actions: CardActions
  /** Move keyboard focus into the card (opened from the keyboard). */
  focus: boolean
  position: { top: number; left: number }
}

export function Card({ flag, record, rationale, actions, focus, position }: CardProps) {
  const root = useRef<HTMLDivElement>(null)
  const [status, setStatus] = useState<string>("")
  useEffect(() => {
    if (focus) root.current?.focus()
  }, [focus, flag.id])
  useEffect(() => setStatus(""), [flag.id])

  const claim = flag.claim
  const mention = flag.mention
  const vendorName = record?.name ?? claim?.vendor ?? mention?.vendor ?? null
  const incidents: RankedIncident[] = incidentsForKind(record, claim?.kind, 3)

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation()
      actions.close()
    }
  }
  const save = async () => {
    setStatus(t("card_saving"))
    try {
      setStatus(await actions.save(flag))
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error))
    }
  }

  return (
    <div
      ref={root}
      class="tr-root tr-card"
      role="dialog"
      aria-modal="false"
      aria-label={vendorName ? t("card_label_vendor", vendorName) : t("card_label")}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      style={{ top: `${position.top}px`, left: `${position.left}px` }}>
      <header class="tr-card-head">
        <span class="tr-card-title">{vendorName ?? t("card_noVendor")}</span>
        <button type="button" class="tr-icon-button" aria-label={t("card_close")} onClick={actions.close}>
          ×
        </button>
      </header>

      {claim ? (
        <section class="tr-card-claim" aria-label={t("card_claim")}>
          <KindLabel kind={claim.kind} />
          <q class="tr-quote">{claim.text}</q>
          <p class="tr-why">
            {t("card_whyClaim", claim.rule)} {rationale ? <span class="tr-muted">{rationale}</span> : null}
          </p>
          {claim.vendor ? null : <p class="tr-muted">{t("card_unattributed")}</p>}
        </section>
      ) : mention ? (
        <p class="tr-why">{mention.reason}</p>
      ) : null}

      {record?.timeline ? <TimelineNoteView note={record.timeline} /> : null}

      {record ? (
        <section aria-label={t("card_record")}>
          <h3 class="tr-card-subhead">{t("card_incidents", record.incidentCount)}</h3>
          {incidents.length ? (
            <ul class="tr-incidents">
              {incidents.map((incident) => (
                <IncidentItem key={incident.id} incident={incident} showWhy maxSources={2} />
              ))}
            </ul>
          ) : (
            <p class="tr-muted">{t("card_noIncidents")}</p>
          )}
          <KevSummaryView kev={record.kev} max={2} />
        </section>
      ) : vendorName ? (
        <p class="tr-muted">{t("card_loadingRecord")}</p>
      ) : null}

      <footer class="tr-card-actions">
        <button type="button" onClick={save}>
          {t("card_save")}
        </button>
        {mention || claim?.vendorId ? (
          <button type="button" onClick={() => actions.notVendor(flag)}>
            {t("card_notVendor")}
          </button>
        ) : null}
        {claim ? (
          <button type="button" onClick={() => actions.notClaim(flag)}>
            {t("card_notClaim")}
          </button>
        ) : null}
        <button type="button" onClick={actions.hideSite}>
          {t("card_hideSite")}
        </button>
      </footer>
      <p class="tr-status" role="status" aria-live="polite">
        {status}
      </p>
      <p class="tr-card-foot tr-muted">{t("card_evidence")}</p>
    </div>
  )
}
