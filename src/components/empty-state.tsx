// A short explanation of why there is nothing to show, with room for an action.
import type { ComponentChildren } from "preact"

export interface EmptyStateProps {
  title: string
  detail?: string
  /** A decorative symbol shown before the title. */
  icon?: string
  /** Actions (buttons, links) placed under the text. */
  children?: ComponentChildren
  /** "error" styles the state as a problem and announces it to screen readers. */
  tone?: "info" | "error"
}

export function EmptyState({ title, detail, icon, children, tone = "info" }: EmptyStateProps) {
  return (
    <div class={`tr-empty tr-empty-${tone}`} role={tone === "error" ? "alert" : "status"}>
      <p class="tr-empty-title">
        {icon ? (
          <span class="tr-glyph" aria-hidden="true">
            {icon}{" "}
          </span>
        ) : null}
        {title}
      </p>
      {detail ? <p class="tr-empty-detail">{detail}</p> : null}
      {children ? <div class="tr-empty-actions">{children}</div> : null}
    </div>
  )
}
