// "Snippet deleted · Undo" for a few seconds. The countdown pauses while the
// pointer or keyboard focus is on the toast, so nobody loses the chance to
// undo by reading slowly (WCAG 2.2.1).
import { useEffect, useRef, useState } from "preact/hooks"

import { tn, t } from "~lib/i18n"

export const UNDO_MS = 8_000

export interface UndoToastProps {
  count: number
  onUndo: () => void
  onExpire: () => void
}

export function UndoToast({ count, onUndo, onExpire }: UndoToastProps) {
  const [paused, setPaused] = useState(false)
  const left = useRef(UNDO_MS)
  const expire = useRef(onExpire)
  expire.current = onExpire

  useEffect(() => {
    if (paused) return
    const started = Date.now()
    const timer = setTimeout(() => expire.current(), left.current)
    return () => {
      clearTimeout(timer)
      left.current = Math.max(1_000, left.current - (Date.now() - started))
    }
  }, [paused])

  return (
    <div
      class="sn-toast"
      role="status"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocusIn={() => setPaused(true)}
      onFocusOut={() => setPaused(false)}>
      <span>{tn("snippets_deleted", count)}</span>
      <button type="button" class="tr-button" onClick={onUndo}>
        {t("snippets_undo")}
      </button>
      <button type="button" class="sn-link-button" onClick={onExpire} aria-label={t("snippets_dismissUndo")}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  )
}
