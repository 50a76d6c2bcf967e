// Theme handling shared by every Track Record surface. theme.css reads
// `data-theme` on the element that carries its variables (the page root,
// a shadow host, or an element with class `tr-root`); "system" removes the
// attribute so `prefers-color-scheme` decides.
import { useEffect } from "preact/hooks"

import type { Settings, Theme } from "~core/settings"

export type ThemeTarget = HTMLElement

/** Sets (or clears, for "system") `data-theme`, and the highlight colours as CSS variables. */
export function applyTheme(target: ThemeTarget, theme: Theme, colors?: Settings["colors"]): void {
  if (theme === "system") target.removeAttribute("data-theme")
  else target.setAttribute("data-theme", theme)
  if (colors) {
    target.style.setProperty("--tr-vendor", colors.vendor)
    target.style.setProperty("--tr-claim", colors.claim)
  }
}

/**
 * Keeps `target` (default: the document's root element) in step with the
 * reader's theme setting. In a shadow root pass the host or the `.tr-root`
 * wrapper, never the web page's own root.
 */
export function useTheme(theme: Theme, colors?: Settings["colors"], target?: ThemeTarget | null): void {
  const vendor = colors?.vendor
  const claim = colors?.claim
  useEffect(() => {
    const el = target ?? (typeof document !== "undefined" ? document.documentElement : null)
    if (!el) return
    applyTheme(el, theme, vendor && claim ? { vendor, claim } : undefined)
  }, [theme, vendor, claim, target])
}
