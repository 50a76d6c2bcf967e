// The MV3 service worker: validates and answers messages, matches page
// findings against the bundled dataset, keeps per-tab findings in session
// storage (a restarted worker loses nothing) and sets the toolbar badge.
import browser from "webextension-polyfill"

import { registerContextMenu, saveSelection } from "./context-menu"
import { handleMessage } from "./router"
import { forgetTab } from "./tab-store"

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  handleMessage(message, sender)
)

browser.runtime.onInstalled.addListener(() => registerContextMenu())
browser.runtime.onStartup.addListener(() => registerContextMenu())

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId))
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document in the tab: its old findings no longer apply.
  if (change.status === "loading" && change.url) void forgetTab(tabId)
})

// Test hooks for the end-to-end suite (Plasmo wraps bundles in a function scope).
// `saveSelection` is what the context menu item runs; browsers give tests no
// way to click a context menu.
;(globalThis as { __trackRecord?: unknown }).__trackRecord = { ping: () => "pong", saveSelection }
