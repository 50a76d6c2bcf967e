// Links to an incident's sources. Only https URLs are linked; each opens in a
// new tab without giving the page a handle on the extension.
import { t } from "~lib/i18n"

import { httpsSources } from "./format"

export interface SourceLinksProps {
  urls: readonly string[]
  /** Show at most this many links (default: all). */
  max?: number
}

export function SourceLinks({ urls, max }: SourceLinksProps) {
  const links = httpsSources(urls).slice(0, max ?? Infinity)
  if (links.length === 0) return <span class="tr-sources tr-muted">{t("ui_noSources")}</span>
  return (
    <span class="tr-sources">
      <span class="tr-sources-label">{t("ui_sources")}</span>{" "}
      {links.map((link, i) => (
        <span key={link.url}>
          {i > 0 ? ", " : ""}
          <a
            href={link.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t("ui_sourceLinkLabel", link.host)}
            title={link.url}>
            {link.host}
          </a>
        </span>
      ))}
    </span>
  )
}
