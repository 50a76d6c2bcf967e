// The only script injected into every page, kept tiny on purpose (no NLP, no
// UI, no polyfill): it tests the page's text against a compiled prefilter of
// vendor names, and only on a hit asks the service worker to inject the full
// detector (app.js) into this frame. A page that names no vendor has no track
// record to show and never loads the detector. New content is queued
// by a MutationObserver and tested in debounced batches.
import type { PlasmoCSConfig } from "plasmo"

// The run-time half only: ~core/prefilter would bundle its build-time helpers too.
import { createPrefilter, type PrefilterData } from "~core/prefilter-match"
import prefilterData from "~generated/prefilter.json"
import { extensionAlive } from "~lib/extension-alive"

export const config: PlasmoCSConfig = {
  matches: ["http://*/*", "https://*/*"],
  run_at: "document_idle",
  all_frames: true
}

type Ext = typeof chrome
const ext = ((globalThis as { browser?: Ext }).browser ?? globalThis.chrome) as Ext
const APP_FLAG = "__trackRecordApp"
const CHUNK = 64 * 1024
const MAX_TEXT = 2_000_000
const DEBOUNCE_MS = 400

const matches = createPrefilter(prefilterData as PrefilterData)
let requested = false
/** The whole page was read and names no vendor (the popup asks, to say so). */
let checked = false
let observer: MutationObserver | null = null
let queued: Node[] = []
let timer: ReturnType<typeof setTimeout> | undefined

const appLoaded = () => Boolean((globalThis as Record<string, unknown>)[APP_FLAG])
const idle = (fn: () => void) =>
  typeof requestIdleCallback === "function" ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 1)

function teardown() {
  observer?.disconnect()
  observer = null
  queued = []
  clearTimeout(timer)
}

async function requestDetector() {
  if (requested || appLoaded()) return
  requested = true
  teardown()
  try {
    await ext.runtime.sendMessage({ type: "page/load-detector" })
  } catch {
    // Extension reloaded or updated under us: stay quiet.
  }
}

/** Tests text in idle slices of 64 KB so a 1 MB page never gets a long task. */
function testText(text: string, from = 0) {
  if (requested || !extensionAlive()) return
  const end = Math.min(text.length, from + CHUNK, MAX_TEXT)
  // Overlap by 100 chars so a name split across two slices is still seen.
  if (matches(text.slice(Math.max(0, from - 100), end))) return void requestDetector()
  if (end < text.length && end < MAX_TEXT) idle(() => testText(text, end))
  else checked = true
}

function flushQueue() {
  const nodes = queued
  queued = []
  let text = ""
  for (const node of nodes) {
    if (!node.isConnected || (node instanceof Element && node.closest("[data-track-record]"))) continue
    text += " " + (node.textContent ?? "")
    if (text.length > MAX_TEXT) break
  }
  if (text.trim()) testText(text)
}

function observe() {
  if (observer || !document.body) return
  observer = new MutationObserver((records) => {
    // Only queue here; the work happens in a debounced batch.
    for (const r of records) for (const n of r.addedNodes) queued.push(n)
    if (queued.length > 10_000) queued = [document.body]
    clearTimeout(timer)
    timer = setTimeout(flushQueue, DEBOUNCE_MS)
  })
  observer.observe(document.body, { childList: true, subtree: true })
}

function start() {
  if (appLoaded() || !document.body) return
  requested = false
  checked = false
  observe()
  idle(() => testText(document.title + "\n" + (document.body.textContent ?? "")))
}

ext.runtime.onMessage.addListener((message: { type?: string }, _sender: unknown, sendResponse: (status: { checked: boolean }) => void) => {
  // The popup re-enabled this site, or asked for a rescan before the detector loaded.
  if (message?.type === "page/rescan" && !appLoaded()) start()
  // The popup found no findings: has this page been read, with no vendor on it?
  if (message?.type === "page/status" && !appLoaded()) sendResponse({ checked: checked && !requested })
  return undefined
})

start()
