// One shadow host for everything we draw on a page (card, summary bar). The
// host carries `data-track-record`, so our own scanner and observer skip it,
// and page styles cannot leak in.
import { render, type ComponentChild } from "preact"

import cardCss from "./card.css"

export interface UiHost {
  render(node: ComponentChild): void
  contains(node: Node | null): boolean
  readonly host: HTMLElement
  remove(): void
}

export function createUiHost(doc: Document, themeCss: string): UiHost {
  const host = doc.createElement("track-record-ui")
  host.setAttribute("data-track-record", "")
  host.style.cssText = "all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;"
  const shadow = host.attachShadow({ mode: "open" })
  const style = doc.createElement("style")
  style.textContent = themeCss + "\n" + cardCss
  const mount = doc.createElement("div")
  shadow.append(style, mount)
  doc.documentElement.append(host)
  return {
    host,
    render: (node) => render(node, mount),
    contains: (node) => node !== null && (node === host || shadow.contains(node)),
    remove() {
      render(null, mount)
      host.remove()
    }
  }
}
