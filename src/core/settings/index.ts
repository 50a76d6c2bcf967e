// User settings and dismissals: plain data with defaults and a forgiving
// normaliser, so a damaged or older stored value never breaks the extension.
import { CLAIM_KINDS, type ClaimKind } from "../types"

export const DISPLAY_MODES = ["quiet", "inline", "strict"] as const
/** quiet = badge and popup only; inline = highlights + cards; strict = inline + a summary bar on article pages. */
export type DisplayMode = (typeof DISPLAY_MODES)[number]
export const THEMES = ["system", "light", "dark"] as const
export type Theme = (typeof THEMES)[number]

export interface Settings {
  mode: DisplayMode
  kinds: Record<ClaimKind, boolean>
  /** Hostnames where Track Record does nothing. */
  disabledSites: string[]
  colors: { vendor: string; claim: string }
  theme: Theme
  /** How far around the publication date the timeline note looks, in days. */
  timelineWindowDays: number
}

/** A surface form the reader said is not this vendor (e.g. "Apple" on a recipe). */
export interface VendorDismissal {
  vendorId: string
  text: string
}

export interface Dismissals {
  notVendor: VendorDismissal[]
  /** Normalised claim texts the reader said are not claims. */
  notClaim: string[]
}

// Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
export const DEFAULT_COLORS = { vendor: "#0072B2", claim: "#D55E00" } as const

export const DEFAULT_SETTINGS: Settings = {
  mode: "inline",
  kinds: { reliability: true, security: true, recovery: true, performance: true, superlative: true },
  disabledSites: [],
  colors: { ...DEFAULT_COLORS },
  theme: "system",
  timelineWindowDays: 90
}

export const EMPTY_DISMISSALS: Dismissals = { notVendor: [], notClaim: [] }

const HEX = /^#[0-9a-fA-F]{6}$/
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

export function normalizeSettings(raw: unknown): Settings {
  const r = isRecord(raw) ? raw : {}
  const kindsRaw = isRecord(r.kinds) ? r.kinds : {}
  const colorsRaw = isRecord(r.colors) ? r.colors : {}
  const kinds = Object.fromEntries(
    CLAIM_KINDS.map((k) => [k, typeof kindsRaw[k] === "boolean" ? kindsRaw[k] : true])
  ) as Record<ClaimKind, boolean>
  const windowDays = Number(r.timelineWindowDays)
  return {
    mode: (DISPLAY_MODES as readonly unknown[]).includes(r.mode) ? (r.mode as DisplayMode) : DEFAULT_SETTINGS.mode,
    kinds,
    disabledSites: Array.isArray(r.disabledSites)
      ? [...new Set(r.disabledSites.filter((s): s is string => typeof s === "string").map(normalizeSite).filter(Boolean))]
      : [],
    colors: {
      vendor: typeof colorsRaw.vendor === "string" && HEX.test(colorsRaw.vendor) ? colorsRaw.vendor : DEFAULT_COLORS.vendor,
      claim: typeof colorsRaw.claim === "string" && HEX.test(colorsRaw.claim) ? colorsRaw.claim : DEFAULT_COLORS.claim
    },
    theme: (THEMES as readonly unknown[]).includes(r.theme) ? (r.theme as Theme) : DEFAULT_SETTINGS.theme,
    timelineWindowDays:
      Number.isFinite(windowDays) && windowDays >= 1 && windowDays <= 3650 ? Math.round(windowDays) : DEFAULT_SETTINGS.timelineWindowDays
  }
}

export function normalizeDismissals(raw: unknown): Dismissals {
  const r = isRecord(raw) ? raw : {}
  const notVendor = Array.isArray(r.notVendor)
    ? r.notVendor.filter(
        (d): d is VendorDismissal => isRecord(d) && typeof d.vendorId === "string" && typeof d.text === "string"
      )
    : []
  const notClaim = Array.isArray(r.notClaim) ? r.notClaim.filter((s): s is string => typeof s === "string") : []
  return { notVendor, notClaim: [...new Set(notClaim)] }
}

/** Lower-case hostname without a leading "www."; "" for anything that is not a host. */
export function normalizeSite(hostOrUrl: string): string {
  let host = hostOrUrl.trim().toLowerCase()
  const scheme = host.indexOf("://")
  if (scheme >= 0) host = host.slice(scheme + 3)
  host = host.split(/[/?#]/)[0].replace(/:\d+$/, "").replace(/^www\./, "")
  return /^[a-z0-9.-]+$/.test(host) || /^\[[0-9a-f:]+\]$/.test(host) ? host : ""
}

export function isSiteDisabled(settings: Settings, hostOrUrl: string): boolean {
  const site = normalizeSite(hostOrUrl)
  return settings.disabledSites.some((d) => site === d || site.endsWith("." + d))
}

/** Claim text as stored for "Not a claim": case- and whitespace-insensitive. */
export function normalizeClaimText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim()
}
