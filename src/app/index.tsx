// The full in-page detector, injected by the service worker only into frames
// where the loader's prefilter found a vendor name or claim cue. It reads the
// page in idle slices, analyses it with the shared core, paints flags, opens
// cards, reports ids and spans (never page HTML) to the background, and keeps
// up with dynamic pages.
import browser from "webextension-polyfill"

import { createAnalyzer } from "~core/analyzer"
import { createRuleCompiler } from "~core/claims/finder"
import { findQuote, quoteSelectorFor } from "~core/anchoring"
import {
  isSiteDisabled,
  normalizeClaimText,
  normalizeSite,
  type Dismissals,
  type Settings
} from "~core/settings"
import { createSnippet, snippetIncident } from "~core/snippets/model"
import { incidentsForKind } from "~core/context"
import type { Claim, Lexicon, Mention } from "~core/types"
import { REPORT_MAX_ITEMS } from "~background/validate"
import { pageTitle, publishedDate } from "~dom/metadata"
import { locateRange } from "~dom/ranges"
import lexiconJson from "~generated/lexicon.json"
import { t } from "~lib/i18n"
import type { PageContext, PageReport, Response, SnippetFocus, TabRequest } from "~lib/messages"
import { extensionAlive } from "~lib/extension-alive"
import { send } from "~lib/send"
import { KEYS, loadDismissals, loadSettings, saveDismissals, saveSettings } from "~lib/storage"
import themeCss from "~components/theme.css"

import { nextIdle, scanPage, type PageFlag, type PageScan } from "./analyze-page"
import { Card } from "./card"
import { createPainter, flagRange } from "./highlights"
import { SummaryBar } from "./summary-bar"
import { createTagBridge } from "./tag-bridge"
import { createUiHost, type UiHost } from "./ui-host"

const APP_FLAG = "__trackRecordApp"
const RESCAN_DEBOUNCE_MS = 500
const RESCAN_MIN_INTERVAL_MS = 2_000
const HOVER_OPEN_MS = 180
const HOVER_CLOSE_MS = 350
/** Claim rules compiled per idle slice (each takes well under a millisecond once warm). */
const RULES_PER_SLICE = 12

const lexicon = lexiconJson as unknown as Lexicon
const rationales = new Map(lexicon.rules.map((r) => [r.id, r.rationale]))
// Compiled on first use, in its own idle slice, not while the script is evaluated.
let analyzer: ReturnType<typeof createAnalyzer> | null = null
const tags = createTagBridge(async (texts) => ((await send({ type: "nlp/tag", texts })) as Response<"nlp/tag">).terms)

class PageApp {
  private settings!: Settings
  private dismissals!: Dismissals
  private scan: PageScan | null = null
  private context: PageContext | null = null
  private lastReport = ""
  private readonly painter = createPainter(document)
  private ui: UiHost | null = null
  private active: { flag: PageFlag; focus: boolean } | null = null
  private barClosed = false
  private byNode = new Map<Text, PageFlag[]>()
  private scanAbort = new AbortController()
  private readonly life = new AbortController()
  private observer: MutationObserver | null = null
  private rescanTimer: ReturnType<typeof setTimeout> | undefined
  private lastScanAt = 0
  private url = location.href
  private hoverTimer: ReturnType<typeof setTimeout> | undefined
  private closeTimer: ReturnType<typeof setTimeout> | undefined
  private pointerFrame = 0

  async start() {
    ;[this.settings, this.dismissals] = await Promise.all([loadSettings(), loadDismissals()])
    browser.storage.onChanged.addListener(this.onStorageChanged)
    browser.runtime.onMessage.addListener(this.onTabMessage)
    const signal = this.life.signal
    document.addEventListener("mousemove", this.onPointerMove, { passive: true, signal })
    document.addEventListener("focusin", this.onFocusIn, { signal })
    document.addEventListener("keydown", this.onKeyDown, { capture: true, signal })
    window.addEventListener("popstate", () => this.checkNavigation(), { signal })
    window.addEventListener("hashchange", () => this.checkNavigation(), { signal })
    await this.rescan()
    this.observe()
  }

  // ------------------------------------------------------------ scanning

  private get enabled() {
    return !isSiteDisabled(this.settings, location.hostname)
  }

  /** Never rejects: a page that breaks the analysis keeps working, and the failure is logged once. */
  private async rescan() {
    this.scanAbort.abort()
    this.scanAbort = new AbortController()
    const signal = this.scanAbort.signal
    this.lastScanAt = Date.now()
    try {
      if (!this.enabled || !document.body) return this.clearPage()
      const kinds = (Object.keys(this.settings.kinds) as Claim["kind"][]).filter((k) => this.settings.kinds[k])
      if (!analyzer) {
        // A hundred-odd rules compile in several idle slices, not in one long task.
        const compiler = createRuleCompiler(lexicon.rules ?? [])
        do await nextIdle()
        while (!compiler.step(RULES_PER_SLICE))
        await nextIdle()
        analyzer = createAnalyzer(lexicon, { ruleSet: compiler.result() })
        await nextIdle()
      }
      const scan = await scanPage(document.body, analyzer.analyze, { kinds }, signal, tags)
      if (!scan || signal.aborted) return
      this.scan = this.applyDismissals(scan)
      this.indexFlags()
      // Painting thousands of flags and reporting them are separate tasks on a big page.
      await nextIdle()
      if (signal.aborted) return
      this.paint()
      await nextIdle()
      if (signal.aborted) return
      await this.report()
    } catch (error) {
      this.handleError(error)
    }
  }

  private applyDismissals(scan: PageScan): PageScan {
    const notVendor = new Set(this.dismissals.notVendor.map((d) => `${d.vendorId}|${d.text}`))
    const notClaim = new Set(this.dismissals.notClaim)
    const keepMention = (m: Mention) => !notVendor.has(`${m.vendorId}|${m.text}`)
    const keepClaim = (c: Claim) => !notClaim.has(normalizeClaimText(c.text))
    const dismissedVendors = new Set(scan.mentions.filter((m) => !keepMention(m)).map((m) => m.vendorId))
    const stillNamed = new Set(scan.mentions.filter(keepMention).map((m) => m.vendorId))
    const claims = scan.claims.filter(keepClaim).map((c) =>
      // A claim attributed only through a dismissed mention loses its vendor.
      c.vendorId && dismissedVendors.has(c.vendorId) && !stillNamed.has(c.vendorId)
        ? { ...c, vendorId: null, vendor: null, attribution: null }
        : c
    )
    // By span, not claims.find per flag: that was quadratic, a 230 ms task on a page with 5,000 claims.
    const bySpan = new Map<string, Claim>()
    for (const c of claims) if (!bySpan.has(`${c.start}|${c.end}`)) bySpan.set(`${c.start}|${c.end}`, c)
    const flags = scan.flags
      .filter((f) => (f.mention ? keepMention(f.mention) : keepClaim(f.claim!)))
      .map((f) => (f.claim ? { ...f, claim: bySpan.get(`${f.start}|${f.end}`) ?? f.claim } : f))
    flags.forEach((f, i) => (f.id = i))
    return { ...scan, mentions: scan.mentions.filter(keepMention), claims, flags }
  }

  private indexFlags() {
    this.byNode.clear()
    for (const flag of this.scan?.flags ?? []) {
      for (const node of flag.parts.nodes) {
        const list = this.byNode.get(node) ?? []
        list.push(flag)
        this.byNode.set(node, list)
      }
    }
  }

  private paint() {
    const flags = this.scan?.flags ?? []
    if (this.settings.mode === "quiet" || !flags.length) this.painter.clear()
    else this.painter.paint(flags, this.settings)
    this.renderUi()
  }

  private clearPage() {
    this.scan = null
    this.context = null
    this.byNode.clear()
    this.active = null
    this.painter.clear()
    this.ui?.remove()
    this.ui = null
    void this.report()
  }

  private buildReport(): PageReport {
    const mentions = new Map<string, PageReport["mentions"][number]>()
    for (const m of this.scan?.mentions ?? []) {
      const entry = mentions.get(m.vendorId) ?? { vendorId: m.vendorId, vendor: m.vendor, product: m.product, count: 0 }
      entry.count += 1
      entry.product ??= m.product
      mentions.set(m.vendorId, entry)
    }
    const claims = (this.scan?.flags ?? [])
      .filter((f) => f.claim)
      // The worker refuses longer reports: a huge page reports its first claims rather than none.
      .slice(0, REPORT_MAX_ITEMS)
      .map((f) => ({
        id: f.id,
        text: f.claim!.text.slice(0, 2_000),
        kind: f.claim!.kind,
        rule: f.claim!.rule,
        vendorId: f.claim!.vendorId,
        vendor: f.claim!.vendor
      }))
    return {
      url: location.href,
      title: pageTitle(document),
      published: publishedDate(document),
      mentions: [...mentions.values()],
      claims
    }
  }

  /** Sends the findings once per page state; the reply carries each vendor's record. */
  private async report() {
    const report = this.buildReport()
    const key = JSON.stringify(report)
    if (key === this.lastReport) return
    this.lastReport = key
    try {
      const reply = (await send({ type: "page/report", report })) as Response<"page/report">
      this.context = reply.context
      this.renderUi()
      if (reply.focus) this.showSnippet(reply.focus)
    } catch (error) {
      this.handleError(error)
    }
  }

  // ------------------------------------------------------------ dynamic pages

  private observe() {
    this.observer = new MutationObserver((records) => {
      // Only decide whether anything relevant changed; the work is debounced.
      let relevant = false
      for (const record of records) {
        if (this.ui?.contains(record.target)) continue
        for (const node of record.addedNodes) {
          if (node.nodeType === 1 && (node as Element).hasAttribute("data-track-record")) continue
          if (node.textContent?.trim()) relevant = true
        }
        if (record.removedNodes.length) relevant = true
      }
      if (relevant) this.scheduleRescan()
    })
    this.observer.observe(document.body, { childList: true, subtree: true })
  }

  private scheduleRescan() {
    if (!this.stillAlive()) return
    clearTimeout(this.rescanTimer)
    const wait = Math.max(RESCAN_DEBOUNCE_MS, this.lastScanAt + RESCAN_MIN_INTERVAL_MS - Date.now())
    this.rescanTimer = setTimeout(() => {
      this.checkNavigation()
      void this.rescan()
    }, wait)
  }

  private checkNavigation() {
    if (location.href === this.url) return
    // An SPA navigation: findings of the previous view no longer apply.
    this.url = location.href
    this.lastReport = ""
    this.barClosed = false
    this.closeCard()
    this.scheduleRescan()
  }

  // ------------------------------------------------------------ card

  /** The flag drawn under the pointer: the caret finds the text node, its flags' boxes decide. */
  private flagAt(node: Node, x: number, y: number): PageFlag | null {
    if (node.nodeType !== 3) return null
    const flags = this.byNode.get(node as Text)
    if (!flags) return null
    let best: PageFlag | null = null
    for (const flag of flags) {
      const rects = flagRange(document, flag)?.getClientRects() ?? []
      const hit = [...rects].some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1)
      if (!hit) continue
      // Prefer the vendor flag inside a claim: it is the more specific target.
      if (!best || flag.type === "vendor") best = flag
    }
    return best
  }

  private onPointerMove = (event: MouseEvent) => {
    if (!this.stillAlive()) return
    if (this.pointerFrame || this.settings.mode === "quiet") return
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0
      if (this.ui?.contains(event.composedPath()[0] as Node)) {
        clearTimeout(this.closeTimer)
        return
      }
      const caret = caretAt(event.clientX, event.clientY)
      const flag = caret ? this.flagAt(caret.node, event.clientX, event.clientY) : null
      clearTimeout(this.hoverTimer)
      if (flag) {
        clearTimeout(this.closeTimer)
        if (this.active?.flag.id !== flag.id) this.hoverTimer = setTimeout(() => this.openCard(flag, false), HOVER_OPEN_MS)
      } else if (this.active && !this.active.focus) {
        clearTimeout(this.closeTimer)
        this.closeTimer = setTimeout(() => this.closeCard(), HOVER_CLOSE_MS)
      }
    })
  }

  private onFocusIn = (event: FocusEvent) => {
    if (!this.stillAlive()) return
    // Fallback marks are focusable; focusing one opens its card.
    const target = event.target as Element | null
    const id = target?.closest?.("track-record-mark")?.getAttribute("data-flag")
    const flag = id ? this.scan?.flags[Number(id)] : undefined
    if (flag) this.openCard(flag, false)
  }

  private onKeyDown = (event: KeyboardEvent) => {
    if (!this.stillAlive()) return
    // Alt+Shift+N / Alt+Shift+P step through flags; Escape closes the card.
    if (event.key === "Escape" && this.active) {
      this.closeCard()
      return
    }
    if (!event.altKey || !event.shiftKey || (event.code !== "KeyN" && event.code !== "KeyP")) return
    const flags = this.scan?.flags ?? []
    if (!flags.length || this.settings.mode === "quiet") return
    event.preventDefault()
    event.stopPropagation()
    const current = this.active?.flag.id ?? -1
    const next = event.code === "KeyN" ? (current + 1) % flags.length : (current - 1 + flags.length) % flags.length
    this.focusFlag(flags[next])
  }

  private focusFlag(flag: PageFlag) {
    const range = flagRange(document, flag)
    const element = range?.startContainer.parentElement
    element?.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior })
    this.openCard(flag, true)
  }

  private openCard(flag: PageFlag, focus: boolean) {
    this.active = { flag, focus }
    this.painter.setActive(flag)
    this.renderUi()
  }

  private closeCard() {
    if (!this.active) return
    const wasFocused = this.active.focus
    const flag = this.active.flag
    this.active = null
    this.painter.setActive(null)
    this.renderUi()
    if (wasFocused) {
      // Give focus back to the page near the flag, not to the top of the document.
      const el = flagRange(document, flag)?.startContainer.parentElement
      if (el && el.tabIndex >= 0) el.focus({ preventScroll: true })
    }
  }

  private cardPosition(flag: PageFlag) {
    const rect = flagRange(document, flag)?.getBoundingClientRect()
    const width = Math.min(380, window.innerWidth - 16)
    if (!rect) return { top: window.scrollY + 16, left: window.scrollX + 16 }
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8)) + window.scrollX
    const below = rect.bottom + 8
    const top = (below + 320 > window.innerHeight && rect.top > 340 ? rect.top - 8 - 320 : below) + window.scrollY
    return { top, left }
  }

  private renderUi() {
    const showBar = this.settings.mode === "strict" && !this.barClosed && isArticlePage() && (this.scan?.claims.length ?? 0) > 0
    if (!this.active && !showBar) {
      this.ui?.render(null)
      return
    }
    this.ui ??= createUiHost(document, themeCss)
    this.ui.host.dataset.theme = this.settings.theme === "system" ? "" : this.settings.theme
    const flag = this.active?.flag
    const vendorId = flag?.claim?.vendorId ?? flag?.mention?.vendorId ?? null
    this.ui.render(
      <>
        {showBar ? (
          <SummaryBar
            claims={this.scan!.claims.length}
            vendorsWithRecord={Object.values(this.context?.vendors ?? {}).filter((v) => v.incidentCount + v.kev.total > 0).length}
            onFirst={() => {
              const first = this.scan!.flags.find((f) => f.claim)
              if (first) this.focusFlag(first)
            }}
            onClose={() => {
              this.barClosed = true
              this.renderUi()
            }}
          />
        ) : null}
        {flag ? (
          <Card
            flag={flag}
            record={vendorId ? (this.context?.vendors[vendorId] ?? null) : null}
            rationale={flag.claim ? (rationales.get(flag.claim.rule) ?? null) : null}
            focus={this.active!.focus}
            position={this.cardPosition(flag)}
            actions={this.actions}
          />
        ) : null}
      </>
    )
  }

  private readonly actions = {
    save: async (flag: PageFlag): Promise<string> => {
      const scan = this.scan!
      const vendorId = flag.claim?.vendorId ?? flag.mention?.vendorId ?? null
      const record = vendorId ? this.context?.vendors[vendorId] : undefined
      const created = createSnippet({
        url: location.href,
        quote: quoteSelectorFor(scan.text, flag.start, flag.end),
        position: { start: flag.start, end: flag.end },
        pageTitle: pageTitle(document),
        pageDate: publishedDate(document),
        vendors: record ? [{ id: record.id, name: record.name }] : [],
        claimKind: flag.claim?.kind ?? null,
        rule: flag.claim?.rule ?? null,
        incidents: incidentsForKind(record, flag.claim?.kind, 5).map(snippetIncident)
      })
      if (!created.ok) throw new Error(created.reason)
      const reply = (await send({ type: "snippets/save", snippet: created.snippet })) as Response<"snippets/save">
      return reply.duplicate ? t("card_savedDuplicate") : t("card_saved")
    },
    notVendor: (flag: PageFlag) => {
      const mention =
        flag.mention ??
        this.scan?.mentions.filter((m) => m.vendorId === flag.claim?.vendorId && m.start <= flag.start).at(-1) ??
        this.scan?.mentions.find((m) => m.vendorId === flag.claim?.vendorId)
      if (!mention) return
      this.dismissals.notVendor.push({ vendorId: mention.vendorId, text: mention.text })
      this.closeCard()
      void saveDismissals(this.dismissals)
    },
    notClaim: (flag: PageFlag) => {
      if (!flag.claim) return
      this.dismissals.notClaim.push(normalizeClaimText(flag.claim.text))
      this.closeCard()
      void saveDismissals(this.dismissals)
    },
    hideSite: () => {
      this.settings.disabledSites = [...this.settings.disabledSites, normalizeSite(location.hostname)]
      this.closeCard()
      void saveSettings(this.settings)
    },
    close: () => this.closeCard()
  }

  /** "Open at snippet": re-anchor the saved quote by text and bring it into view. */
  private showSnippet(focus: SnippetFocus) {
    const scan = this.scan
    if (!scan) return
    const span = findQuote(scan.text, focus.quote, focus.position ?? undefined)
    const parts = span ? locateRange(scan.segments, span.start, span.end) : null
    if (!span || !parts) return
    const flag: PageFlag = { id: -1, type: "claim", start: span.start, end: span.end, parts }
    flagRange(document, flag)?.startContainer.parentElement?.scrollIntoView({ block: "center" })
    this.painter.setActive(flag)
  }

  // ------------------------------------------------------------ messages and storage

  private onTabMessage = (message: unknown): undefined => {
    const request = message as TabRequest
    if (request?.type === "claim/focus") {
      const flag = this.scan?.flags.find((f) => f.id === request.claimId)
      if (flag) this.focusFlag(flag)
    } else if (request?.type === "page/rescan") {
      this.lastReport = ""
      void this.rescan()
    }
    return undefined
  }

  private onStorageChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== "local" || !(KEYS.settings in changes || KEYS.dismissals in changes)) return
    void Promise.all([loadSettings(), loadDismissals()]).then(([settings, dismissals]) => {
      this.settings = settings
      this.dismissals = dismissals
      this.lastReport = ""
      void this.rescan()
    })
  }

  private readonly loggedErrors = new Set<string>()

  private handleError(error: unknown) {
    const message = error instanceof Error ? error.message : String(error)
    if (/context invalidated|receiving end does not exist|Extension context/i.test(message)) return this.teardown()
    if (this.loggedErrors.has(message)) return
    this.loggedErrors.add(message)
    console.warn("[Track Record]", message)
  }

  /**
   * False once the extension was reloaded or updated under this page: from then on every
   * extension API (even i18n for the card's labels) throws "Extension context invalidated",
   * so each entry point checks first and tears down instead.
   */
  private stillAlive(): boolean {
    const alive = extensionAlive()
    if (!alive) this.teardown()
    return alive
  }

  /** The extension was updated or reloaded under this page: leave quietly. */
  teardown() {
    this.life.abort()
    this.scanAbort.abort()
    this.observer?.disconnect()
    clearTimeout(this.rescanTimer)
    try {
      browser.storage.onChanged.removeListener(this.onStorageChanged)
      browser.runtime.onMessage.removeListener(this.onTabMessage)
    } catch {
      // The extension context is already gone.
    }
    this.painter.clear()
    this.ui?.remove()
    delete (globalThis as Record<string, unknown>)[APP_FLAG]
  }
}

function caretAt(x: number, y: number): { node: Node } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null
    caretRangeFromPoint?: (x: number, y: number) => Range | null
  }
  if (doc.caretPositionFromPoint) {
    const pos = doc.caretPositionFromPoint(x, y)
    return pos ? { node: pos.offsetNode } : null
  }
  const range = doc.caretRangeFromPoint?.(x, y)
  return range ? { node: range.startContainer } : null
}

function isArticlePage(): boolean {
  return Boolean(
    document.querySelector("article, [itemtype*='Article'], meta[property='og:type'][content='article'], meta[property='article:published_time']")
  )
}

if (!(globalThis as Record<string, unknown>)[APP_FLAG]) {
  const app = new PageApp()
  ;(globalThis as Record<string, unknown>)[APP_FLAG] = app
  app.start().catch((error) => {
    console.warn("[Track Record] could not analyse this page:", error)
  })
}
