// The pure matching API, without the bundled dataset: import from here when the
// dataset arrives by message or from a test fixture.

export { vendorSlug } from "./ids"
export { cveUrl, kevSummary } from "./kev"
export { incidentsForReport } from "./report"
export { incidentTypeLabel, rankIncidents, type RankContext } from "./rank"
export { timelineNote, type TimelineNote } from "./timeline"
