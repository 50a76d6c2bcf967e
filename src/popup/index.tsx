// The toolbar popup: what Track Record found on the active tab, and the
// per-site switch. It never waits forever: every request has a timeout and
// every failure ends in a visible state.
import { render } from "preact"
import { useCallback, useEffect, useRef, useState } from "preact/hooks"
import browser from "webextension-polyfill"

import "~components/theme.css"
import "./popup.css"

import { EmptyState } from "~components/empty-state"
import { DataCredits } from "~components/data-credits"
import { addSite, formatDate, groupClaims, pageVendors, removeSite, type PageVendor } from "~components/format"
import { KindLabel } from "~components/labels"
import { useTheme } from "~components/theme"
import { VendorRecordView } from "~components/vendor-record"
import { DEFAULT_SETTINGS, isSiteDisabled, normalizeSite, type Settings } from "~core/settings"
import { t, tn } from "~lib/i18n"
import type { LoaderStatus, TabFindings, TabRequest } from "~lib/messages"
import { send } from "~lib/send"
import { loadSettings, saveSettings } from "~lib/storage"

import { isReadableUrl, popupStatus, visibleClaims, withTimeout } from "./state"

const REQUEST_TIMEOUT_MS = 5000
const TAB_MESSAGE_TIMEOUT_MS = 1500
/** The content script may still be reading the page when the popup opens. */
const RETRY_DELAYS_MS = [700, 1500, 3000]

interface ActiveTab {
  id: number | null
  url: string | null
  title: string | null
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function fetchFindings(tabId: number): Promise<TabFindings | null> {
  const reply = await withTimeout(send({ type: "tab/findings", tabId }), REQUEST_TIMEOUT_MS, t("popup_errorTimeout"))
  return reply.findings
}

/** Best effort: the tab may have no content script (browser page, not injected yet), and a slow one must not hold the popup. */
function sendToTab(tabId: number | null, message: TabRequest): Promise<void> {
  if (tabId === null) return Promise.resolve()
  return withTimeout(browser.tabs.sendMessage(tabId, message), TAB_MESSAGE_TIMEOUT_MS, "").then(
    () => undefined,
    () => undefined
  )
}

/** Whether the tab's loader has read the whole page and found no vendor; false when unsure. */
async function loaderChecked(tabId: number): Promise<boolean> {
  const status = (await withTimeout(browser.tabs.sendMessage(tabId, { type: "page/status" } satisfies TabRequest), TAB_MESSAGE_TIMEOUT_MS, "").catch(
    () => null
  )) as LoaderStatus | null | undefined
  return status?.checked === true
}

/**
 * The tab the popup is about: the active tab, or the one named by `?tab=` (or `?tabId=`)
 * when popup.html is opened as a page (end-to-end tests, keyboard users who
 * open it in a tab).
 */
async function findTab(): Promise<browser.Tabs.Tab | undefined> {
  const params = new URLSearchParams(location.search)
  const requested = Number(params.get("tab") ?? params.get("tabId"))
  if (Number.isInteger(requested) && requested > 0) return browser.tabs.get(requested)
  const [active] = await browser.tabs.query({ active: true, currentWindow: true })
  return active
}

function Popup() {
  const [tab, setTab] = useState<ActiveTab>({ id: null, url: null, title: null })
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS)
  const [findings, setFindings] = useState<TabFindings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [settled, setSettled] = useState(false)
  const [noVendorPage, setNoVendorPage] = useState(false)
  const [saving, setSaving] = useState(false)
  const alive = useRef(true)
  useTheme(settings.theme, settings.colors)

  const refresh = useCallback(async (tabId: number, retry: boolean) => {
    const delays = retry ? [0, ...RETRY_DELAYS_MS] : [0]
    for (const delay of delays) {
      if (delay) await new Promise((r) => setTimeout(r, delay))
      if (!alive.current) return
      try {
        const found = await fetchFindings(tabId)
        if (!alive.current) return
        setError(null)
        setFindings(found)
        if (found) return
        // No findings: the loader may have read the page and found no vendor, so nothing ran.
        if (retry && (await loaderChecked(tabId))) {
          if (alive.current) setNoVendorPage(true)
          return
        }
      } catch (e) {
        if (alive.current) setError(errorText(e))
        return
      } finally {
        if (alive.current) setSettled(true)
      }
    }
  }, [])

  useEffect(() => {
    alive.current = true
    void (async () => {
      let active: ActiveTab = { id: null, url: null, title: null }
      try {
        const current = await withTimeout(findTab(), REQUEST_TIMEOUT_MS, t("popup_errorTimeout"))
        active = { id: current?.id ?? null, url: current?.url ?? null, title: current?.title ?? null }
        setTab(active)
      } catch (e) {
        setError(errorText(e))
      }
      try {
        const loaded = await withTimeout(loadSettings(), REQUEST_TIMEOUT_MS, t("popup_errorTimeout"))
        if (alive.current) setSettings(loaded)
      } catch (e) {
        if (alive.current) setError(errorText(e))
      }
      if (active.id === null || !isReadableUrl(active.url)) {
        // Browser pages have no content script; still ask, in case the background knows something.
        if (active.id !== null) await refresh(active.id, false)
        setSettled(true)
        return
      }
      await refresh(active.id, true)
    })()
    return () => {
      alive.current = false
    }
  }, [refresh])

  const siteEnabled = !(tab.url && isSiteDisabled(settings, tab.url))

  const toggleSite = async (enable: boolean) => {
    if (!tab.url) return
    setSaving(true)
    setError(null)
    try {
      // Read the stored value again so a change made in the options page meanwhile is kept.
      const current = await loadSettings()
      const disabledSites = enable ? removeSite(current.disabledSites, tab.url) : addSite(current.disabledSites, tab.url)
      const next = { ...current, disabledSites }
      await saveSettings(next)
      setSettings(next)
      await sendToTab(tab.id, { type: "page/rescan" })
      if (enable && tab.id !== null) {
        setFindings(null)
        setNoVendorPage(false)
        await refresh(tab.id, true)
      }
    } catch (e) {
      setError(errorText(e))
    } finally {
      setSaving(false)
    }
  }

  const focusClaim = async (claimId: number) => {
    // When the popup was opened as a page for another tab, bring that tab forward first.
    if (tab.id !== null) await browser.tabs.update(tab.id, { active: true }).catch(() => undefined)
    await sendToTab(tab.id, { type: "claim/focus", claimId })
    window.close()
  }

  const openSnippets = async () => {
    try {
      await browser.tabs.create({ url: browser.runtime.getURL("tabs/snippets.html") })
      window.close()
    } catch (e) {
      setError(errorText(e))
    }
  }

  const openOptions = async () => {
    try {
      await browser.runtime.openOptionsPage()
      window.close()
    } catch (e) {
      setError(errorText(e))
    }
  }

  const status = popupStatus({ settled, url: tab.url, settings, findings, error, loaderChecked: noVendorPage })
  const title = findings?.title || tab.title || t("popup_untitled")
  const site = tab.url && isReadableUrl(tab.url) ? normalizeSite(tab.url) : ""

  return (
    <div class="tr-page popup">
      <header class="popup-header">
        <h1 class="popup-title" title={title}>
          {title}
        </h1>
        {findings?.published ? (
          <p class="popup-subtitle">
            {t("popup_published", formatDate(findings.published))}
            {site ? ` · ${site}` : ""}
          </p>
        ) : site ? (
          <p class="popup-subtitle">{site}</p>
        ) : null}
        <div class="popup-actions">
          {site ? (
            <label class="popup-switch">
              <input
                type="checkbox"
                role="switch"
                checked={siteEnabled}
                aria-checked={siteEnabled}
                disabled={saving}
                onChange={(e) => void toggleSite(e.currentTarget.checked)}
              />
              <span>{t("popup_siteToggle")}</span>
            </label>
          ) : null}
          <span class="popup-links">
            <button type="button" class="tr-button" onClick={() => void openSnippets()}>
              {t("popup_openSnippets")}
            </button>
            <button type="button" class="tr-button" onClick={() => void openOptions()}>
              {t("popup_openOptions")}
            </button>
          </span>
        </div>
      </header>

      <main class="popup-main">
        {status.kind === "loading" ? <p role="status">{t("popup_loading")}</p> : null}
        {status.kind === "error" ? (
          <EmptyState tone="error" icon="!" title={t("popup_errorTitle")} detail={status.message}>
            <span class="tr-muted">{t("popup_errorHint")}</span>
          </EmptyState>
        ) : null}
        {status.kind === "unreadable" ? (
          <EmptyState icon="⊘" title={t("popup_unreadableTitle")} detail={t("popup_unreadableDetail")} />
        ) : null}
        {status.kind === "disabled" ? (
          <EmptyState icon="○" title={t("popup_disabledTitle")} detail={t("popup_disabledDetail")} />
        ) : null}
        {status.kind === "not-scanned" ? (
          <EmptyState icon="…" title={t("popup_notScannedTitle")} detail={t("popup_notScannedDetail")} />
        ) : null}
        {status.kind === "no-vendors" ? (
          <>
            <EmptyState icon="○" title={t("popup_noVendorsTitle")} detail={t("popup_noVendorsDetail")} />
            {status.findings ? <ClaimsSection findings={status.findings} settings={settings} onFocus={focusClaim} /> : null}
          </>
        ) : null}
        {status.kind === "no-claims" || status.kind === "findings" ? (
          <>
            <VendorsSection
              findings={status.findings}
              claimCount={status.kind === "findings" ? visibleClaims(status.findings, settings).length : 0}
            />
            {status.kind === "no-claims" ? (
              <EmptyState icon="○" title={t("popup_noClaimsTitle")} detail={t("popup_noClaimsDetail")} />
            ) : (
              <ClaimsSection findings={status.findings} settings={settings} onFocus={focusClaim} />
            )}
          </>
        ) : null}
      </main>

      <footer class="popup-footer">
        <DataCredits version={findings?.context.version ?? null} compact />
      </footer>
    </div>
  )
}

function VendorsSection({ findings, claimCount }: { findings: TabFindings; claimCount: number }) {
  const vendors = pageVendors(findings.report, findings.context.vendors)
  // Keep the popup short on busy pages: three incidents where a claim was made, two otherwise.
  const crowded = vendors.length > 3
  return (
    <section class="popup-section" aria-labelledby="popup-vendors-heading">
      <div class="popup-section-head">
        <h2 id="popup-vendors-heading" class="popup-section-title">
          {tn("popup_vendorsHeading", vendors.length)}
        </h2>
        {claimCount > 0 && vendors.length > 1 ? (
          <a class="popup-skip" href="#popup-claims-heading">
            {tn("popup_jumpToClaims", claimCount)}
          </a>
        ) : null}
      </div>
      {vendors.map((vendor) => (
        <VendorBlock key={vendor.vendorId} vendor={vendor} maxIncidents={vendor.claimCount > 0 && !crowded ? 3 : 2} />
      ))}
    </section>
  )
}

function VendorBlock({ vendor, maxIncidents }: { vendor: PageVendor; maxIncidents: number }) {
  const named = (
    <p class="popup-named tr-muted">
      {tn("popup_mentionCount", vendor.mentions)}
      {vendor.products.length > 0 ? ` · ${t("popup_products", vendor.products.join(", "))}` : ""}
    </p>
  )
  if (!vendor.record) {
    return (
      <section class="tr-vendor popup-vendor" aria-label={vendor.name} data-vendor-id={vendor.vendorId}>
        <h3 class="tr-vendor-name">{vendor.name}</h3>
        {named}
        <p class="tr-muted">{t("popup_noRecord")}</p>
      </section>
    )
  }
  return (
    <div class="popup-vendor">
      <VendorRecordView record={vendor.record} kinds={vendor.claimKinds} maxIncidents={maxIncidents} headingLevel={3}>
        {named}
      </VendorRecordView>
    </div>
  )
}

function ClaimsSection({
  findings,
  settings,
  onFocus
}: {
  findings: TabFindings
  settings: Settings
  onFocus: (claimId: number) => void
}) {
  const claims = visibleClaims(findings, settings)
  if (claims.length === 0) return null
  const groups = groupClaims(claims)
  return (
    <section class="popup-section" aria-labelledby="popup-claims-heading">
      <h2 id="popup-claims-heading" class="popup-section-title" tabIndex={-1}>
        {tn("popup_claimsHeading", claims.length)}
      </h2>
      <p class="tr-muted popup-hint">{t("popup_claimsHint")}</p>
      {groups.map((group) => (
        <section
          key={group.vendorId ?? ""}
          class="popup-claim-group"
          aria-label={group.vendor ?? t("popup_unattributed")}>
          <h3 class="popup-claim-vendor">{group.vendor ?? t("popup_unattributed")}</h3>
          {group.kinds.map(({ kind, claims: list }) => (
            <div key={kind} class="popup-claim-kind">
              <KindLabel kind={kind} />
              <ul class="popup-claims">
                {list.map((claim) => (
                  <li key={claim.id}>
                    <button
                      type="button"
                      class="popup-claim"
                      title={t("popup_claimFocusHint")}
                      onClick={() => onFocus(claim.id)}>
                      <q>{claim.text}</q>
                    </button>
                    <span class="popup-rule tr-muted">{t("popup_claimRule", claim.rule)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  )
}

document.documentElement.lang = browser.i18n.getUILanguage()
document.title = t("popup_documentTitle")
render(<Popup />, document.getElementById("__plasmo")!)
