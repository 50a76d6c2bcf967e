// The options page. Every control saves as soon as it changes; saves run one
// at a time and re-read storage first, so a change made in the popup or on a
// page meanwhile is never overwritten.
import { render } from "preact"
import { useEffect, useRef, useState } from "preact/hooks"
import browser from "webextension-polyfill"

import "~components/theme.css"
import "./options.css"

import { DataCredits } from "~components/data-credits"
import { addSite, removeSite } from "~components/format"
import { KindLabel } from "~components/labels"
import { useTheme } from "~components/theme"
import {
  DEFAULT_COLORS,
  DEFAULT_SETTINGS,
  DISPLAY_MODES,
  EMPTY_DISMISSALS,
  THEMES,
  normalizeSettings,
  normalizeSite,
  type Dismissals,
  type Settings
} from "~core/settings"
import { CLAIM_KINDS } from "~core/types"
import { t } from "~lib/i18n"
import { KEYS, loadDismissals, loadSettings, saveDismissals, saveSettings } from "~lib/storage"

import { parseWindowDays, removeNotClaim, removeNotVendor } from "./logic"

type SaveStatus = { kind: "idle" } | { kind: "saved"; at: number } | { kind: "error"; message: string }

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS)
  const [dismissals, setDismissals] = useState<Dismissals>(EMPTY_DISMISSALS)
  const [loaded, setLoaded] = useState(false)
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" })
  // Colours follow the picker live; they are stored when the picker commits.
  const [draftColors, setDraftColors] = useState<Settings["colors"] | null>(null)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  useTheme(settings.theme, draftColors ?? settings.colors)

  useEffect(() => {
    const reload = () =>
      Promise.all([loadSettings(), loadDismissals()]).then(
        ([s, d]) => {
          setSettings(s)
          setDismissals(d)
          setLoaded(true)
        },
        (e: unknown) => {
          setLoaded(true)
          setStatus({ kind: "error", message: errorText(e) })
        }
      )
    void reload()
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === "local" && (KEYS.settings in changes || KEYS.dismissals in changes)) void reload()
    }
    browser.storage.onChanged.addListener(onChanged)
    return () => browser.storage.onChanged.removeListener(onChanged)
  }, [])

  const enqueue = (task: () => Promise<void>) => {
    const run = queue.current.then(task).then(
      () => setStatus({ kind: "saved", at: Date.now() }),
      (e: unknown) => setStatus({ kind: "error", message: errorText(e) })
    )
    queue.current = run
    return run
  }

  const update = (change: (current: Settings) => Settings) =>
    enqueue(async () => {
      const next = normalizeSettings(change(await loadSettings()))
      await saveSettings(next)
      setSettings(next)
    })

  const updateDismissals = (change: (current: Dismissals) => Dismissals) =>
    enqueue(async () => {
      const next = change(await loadDismissals())
      await saveDismissals(next)
      setDismissals(next)
    })

  if (!loaded) {
    return (
      <div class="tr-page options">
        <p role="status">{t("options_loading")}</p>
      </div>
    )
  }

  return (
    <div class="tr-page options">
      <header class="options-header">
        <h1>{t("options_title")}</h1>
        <p class="tr-muted">{t("options_intro")}</p>
      </header>
      <p class="options-status" role="status" aria-live="polite">
        {status.kind === "saved" ? (
          <span key={status.at} class="options-saved">
            <span aria-hidden="true">✓ </span>
            {t("options_saved")}
          </span>
        ) : status.kind === "error" ? (
          <span class="options-error">{t("options_saveError", status.message)}</span>
        ) : null}
      </p>

      <ModeSection settings={settings} update={update} />
      <KindsSection settings={settings} update={update} />
      <SitesSection settings={settings} update={update} />
      <ColorsSection settings={settings} update={update} draft={draftColors} setDraft={setDraftColors} />
      <ThemeSection settings={settings} update={update} />
      <TimelineSection settings={settings} update={update} />
      <DismissalsSection dismissals={dismissals} update={updateDismissals} />

      <section class="options-section" aria-labelledby="options-data-heading">
        <h2 id="options-data-heading">{t("options_dataHeading")}</h2>
        <p>{t("options_dataIntro")}</p>
        <DataCredits />
      </section>
    </div>
  )
}

type Update = (change: (current: Settings) => Settings) => Promise<void>

function ModeSection({ settings, update }: { settings: Settings; update: Update }) {
  return (
    <fieldset class="options-section">
      <legend>
        <h2>{t("options_modeHeading")}</h2>
      </legend>
      {DISPLAY_MODES.map((mode) => (
        <div key={mode} class="options-choice">
          <input
            type="radio"
            id={`mode-${mode}`}
            name="mode"
            value={mode}
            checked={settings.mode === mode}
            aria-describedby={`mode-${mode}-help`}
            onChange={() => void update((s) => ({ ...s, mode }))}
          />
          <label for={`mode-${mode}`}>{t(`options_mode_${mode}`)}</label>
          <p id={`mode-${mode}-help`} class="options-help">
            {t(`options_mode_${mode}_help`)}
          </p>
        </div>
      ))}
    </fieldset>
  )
}

function KindsSection({ settings, update }: { settings: Settings; update: Update }) {
  return (
    <fieldset class="options-section">
      <legend>
        <h2>{t("options_kindsHeading")}</h2>
      </legend>
      <p class="options-help">{t("options_kindsIntro")}</p>
      {CLAIM_KINDS.map((kind) => (
        <div key={kind} class="options-choice">
          <input
            type="checkbox"
            id={`kind-${kind}`}
            checked={settings.kinds[kind]}
            aria-describedby={`kind-${kind}-help`}
            onChange={(e) => {
              const on = e.currentTarget.checked
              void update((s) => ({ ...s, kinds: { ...s.kinds, [kind]: on } }))
            }}
          />
          <label for={`kind-${kind}`}>
            <KindLabel kind={kind} />
          </label>
          <p id={`kind-${kind}-help`} class="options-help">
            {t(`options_kind_${kind}_help`)}
          </p>
        </div>
      ))}
    </fieldset>
  )
}

function SitesSection({ settings, update }: { settings: Settings; update: Update }) {
  const [draft, setDraft] = useState("")
  const [invalid, setInvalid] = useState(false)
  const add = (e: Event) => {
    e.preventDefault()
    const site = normalizeSite(draft)
    if (!site) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    setDraft("")
    void update((s) => ({ ...s, disabledSites: addSite(s.disabledSites, site) }))
  }
  return (
    <section class="options-section" aria-labelledby="options-sites-heading">
      <h2 id="options-sites-heading">{t("options_sitesHeading")}</h2>
      <p class="options-help">{t("options_sitesIntro")}</p>
      {settings.disabledSites.length === 0 ? (
        <p class="tr-muted">{t("options_sitesEmpty")}</p>
      ) : (
        <ul class="options-list" aria-label={t("options_sitesHeading")}>
          {settings.disabledSites.map((site) => (
            <li key={site}>
              <span class="options-item-text">{site}</span>
              <button
                type="button"
                class="tr-button"
                aria-label={t("options_siteRemoveLabel", site)}
                onClick={() => void update((s) => ({ ...s, disabledSites: removeExact(s.disabledSites, site) }))}>
                {t("options_siteRemove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="options-inline-form" onSubmit={add}>
        <label for="site-input">{t("options_siteAddLabel")}</label>
        <input
          id="site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={draft}
          aria-invalid={invalid}
          aria-describedby={invalid ? "site-input-error" : undefined}
          onInput={(e) => {
            setDraft(e.currentTarget.value)
            setInvalid(false)
          }}
        />
        <button type="submit" class="tr-button">
          {t("options_siteAdd")}
        </button>
        {invalid ? (
          <p id="site-input-error" class="options-error" role="alert">
            {t("options_siteInvalid")}
          </p>
        ) : null}
      </form>
    </section>
  )
}

/** Removing one listed entry (unlike the popup switch, which lifts every entry covering a site). */
function removeExact(list: readonly string[], site: string): string[] {
  const kept = list.filter((d) => d !== site)
  return kept.length === list.length ? removeSite(list, site) : kept
}

function ColorsSection({
  settings,
  update,
  draft,
  setDraft
}: {
  settings: Settings
  update: Update
  draft: Settings["colors"] | null
  setDraft: (colors: Settings["colors"] | null) => void
}) {
  const colors = draft ?? settings.colors
  const pick = (which: "vendor" | "claim", value: string) => setDraft({ ...colors, [which]: value })
  const commit = (which: "vendor" | "claim", value: string) => {
    setDraft(null)
    void update((s) => ({ ...s, colors: { ...s.colors, [which]: value } }))
  }
  const isDefault = colors.vendor.toLowerCase() === DEFAULT_COLORS.vendor.toLowerCase() &&
    colors.claim.toLowerCase() === DEFAULT_COLORS.claim.toLowerCase()
  return (
    <section class="options-section" aria-labelledby="options-colors-heading">
      <h2 id="options-colors-heading">{t("options_colorsHeading")}</h2>
      <p class="options-help">{t("options_colorsIntro")}</p>
      <div class="options-colors">
        {(["vendor", "claim"] as const).map((which) => (
          <div key={which} class="options-color">
            <input
              type="color"
              id={`color-${which}`}
              value={colors[which]}
              onInput={(e) => pick(which, e.currentTarget.value)}
              onChange={(e) => commit(which, e.currentTarget.value)}
            />
            <label for={`color-${which}`}>{t(`options_color_${which}`)}</label>
            <code class="tr-muted">{colors[which]}</code>
          </div>
        ))}
        <button
          type="button"
          class="tr-button"
          disabled={isDefault}
          onClick={() => {
            setDraft(null)
            void update((s) => ({ ...s, colors: { ...DEFAULT_COLORS } }))
          }}>
          {t("options_colorsReset")}
        </button>
      </div>
      <div class="options-preview" aria-label={t("options_previewLabel")} role="group">
        <p>
          {t("options_previewBefore")} <span class="options-preview-vendor">{t("options_previewVendor")}</span>{" "}
          {t("options_previewMiddle")} <span class="options-preview-claim">{t("options_previewClaim")}</span>
          {t("options_previewAfter")}
        </p>
        <p class="options-help">{t("options_previewLegend")}</p>
      </div>
    </section>
  )
}

function ThemeSection({ settings, update }: { settings: Settings; update: Update }) {
  return (
    <fieldset class="options-section">
      <legend>
        <h2>{t("options_themeHeading")}</h2>
      </legend>
      <div class="options-row">
        {THEMES.map((theme) => (
          <span key={theme} class="options-choice-inline">
            <input
              type="radio"
              id={`theme-${theme}`}
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => void update((s) => ({ ...s, theme }))}
            />
            <label for={`theme-${theme}`}>{t(`options_theme_${theme}`)}</label>
          </span>
        ))}
      </div>
    </fieldset>
  )
}

function TimelineSection({ settings, update }: { settings: Settings; update: Update }) {
  const [draft, setDraft] = useState(String(settings.timelineWindowDays))
  const [invalid, setInvalid] = useState(false)
  useEffect(() => setDraft(String(settings.timelineWindowDays)), [settings.timelineWindowDays])
  const commit = (value: string) => {
    const days = parseWindowDays(value)
    if (days === null) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    if (days !== settings.timelineWindowDays) void update((s) => ({ ...s, timelineWindowDays: days }))
  }
  return (
    <section class="options-section" aria-labelledby="options-timeline-heading">
      <h2 id="options-timeline-heading">{t("options_timelineHeading")}</h2>
      <div class="options-inline-form">
        <label for="timeline-days">{t("options_timelineLabel")}</label>
        <input
          id="timeline-days"
          type="number"
          min={1}
          max={3650}
          step={1}
          value={draft}
          aria-invalid={invalid}
          aria-describedby={invalid ? "timeline-help timeline-error" : "timeline-help"}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => commit(e.currentTarget.value)}
        />
        <span>{t("options_timelineUnit")}</span>
      </div>
      <p id="timeline-help" class="options-help">
        {t("options_timelineHelp")}
      </p>
      {invalid ? (
        <p id="timeline-error" class="options-error" role="alert">
          {t("options_timelineInvalid")}
        </p>
      ) : null}
    </section>
  )
}

function DismissalsSection({
  dismissals,
  update
}: {
  dismissals: Dismissals
  update: (change: (current: Dismissals) => Dismissals) => Promise<void>
}) {
  return (
    <section class="options-section" aria-labelledby="options-dismissed-heading">
      <h2 id="options-dismissed-heading">{t("options_dismissedHeading")}</h2>
      <p class="options-help">{t("options_dismissedIntro")}</p>
      <h3 id="options-not-vendor-heading">{t("options_notVendorHeading")}</h3>
      {dismissals.notVendor.length === 0 ? (
        <p class="tr-muted">{t("options_notVendorEmpty")}</p>
      ) : (
        <ul class="options-list" aria-labelledby="options-not-vendor-heading">
          {dismissals.notVendor.map((entry) => (
            <li key={`${entry.vendorId}\u0000${entry.text}`}>
              <span class="options-item-text">
                <q>{entry.text}</q> <span class="tr-muted">{t("options_notVendorOf", entry.vendorId)}</span>
              </span>
              <button
                type="button"
                class="tr-button"
                aria-label={t("options_restoreLabel", entry.text)}
                onClick={() => void update((d) => removeNotVendor(d, entry))}>
                {t("options_restore")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3 id="options-not-claim-heading">{t("options_notClaimHeading")}</h3>
      {dismissals.notClaim.length === 0 ? (
        <p class="tr-muted">{t("options_notClaimEmpty")}</p>
      ) : (
        <ul class="options-list" aria-labelledby="options-not-claim-heading">
          {dismissals.notClaim.map((text) => (
            <li key={text}>
              <span class="options-item-text">
                <q>{text}</q>
              </span>
              <button
                type="button"
                class="tr-button"
                aria-label={t("options_restoreLabel", text)}
                onClick={() => void update((d) => removeNotClaim(d, text))}>
                {t("options_restore")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

document.documentElement.lang = browser.i18n.getUILanguage()
document.title = t("options_documentTitle")
render(<Options />, document.getElementById("__plasmo")!)
