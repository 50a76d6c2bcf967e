import type { Incident, IsoDate } from "../types"
import { daysBetween } from "./dates"
import { incidentTypeLabel } from "./rank"

export interface TimelineNote {
  text: string
  incidentId: string
  days: number
  /** `after`: the page was published after the incident; `before`: the incident came later. */
  relation: "after" | "before"
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

function when(incident: Incident): string {
  if (incident.datePrecision === "month") {
    const [y, m] = incident.date.split("-")
    return `${MONTHS[Number(m) - 1] ?? m} ${y}`
  }
  return incident.date
}

/** First figure of the impact cell, without a trailing note in brackets. */
function leadFigure(impact: string): string {
  const first = impact.split(";")[0]?.trim() ?? ""
  return first.replace(/\s*\([^)]*\)\s*$/, "").trim()
}

/**
 * A one-line note tying the page date to the nearest incident within
 * `windowDays`, e.g. "Published 9 days after the 2024-07-19 faulty update: …".
 * Unverified incidents are skipped: the note reads as a statement of fact.
 * Returns null when no incident falls inside the window.
 */
export function timelineNote(published: IsoDate, incidents: Incident[], windowDays = 90): TimelineNote | null {
  let best: { incident: Incident; days: number } | null = null
  for (const incident of incidents) {
    if (!incident.verified) continue
    const days = daysBetween(incident.date, published)
    if (Math.abs(days) > windowDays) continue
    if (
      !best ||
      Math.abs(days) < Math.abs(best.days) ||
      (Math.abs(days) === Math.abs(best.days) && (days > best.days || incident.severity > best.incident.severity))
    ) {
      best = { incident, days }
    }
  }
  if (!best) return null
  const { incident, days } = best
  const relation = days >= 0 ? "after" : "before"
  const n = Math.abs(days)
  const gap =
    n === 0 ? "on the day of" : `${n} day${n === 1 ? "" : "s"} ${relation === "after" ? "after" : "before"}`
  const figure = leadFigure(incident.impact)
  const text = `Published ${gap} the ${when(incident)} ${incidentTypeLabel(incident.type)}: ${incident.title}${figure ? ` (${figure})` : ""}.`
  return { text, incidentId: incident.id, days: n, relation }
}
