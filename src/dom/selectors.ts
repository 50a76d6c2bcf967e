// Which parts of a page are not readable prose. Kept in one place so the
// content script, the CLI and the tests agree on what a reader "sees".

/**
 * Never read, in any mode: code and media containers, form controls, hidden
 * content, rich-text editors (the user is typing there; annotating it would
 * fight the editor), and Track Record's own UI.
 */
export const SKIP_SELECTORS: readonly string[] = [
  // Not prose.
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "embed",
  "canvas",
  "video",
  "audio",
  "head",
  // Form controls and their text.
  "textarea",
  "input",
  "select",
  "option",
  "optgroup",
  "datalist",
  "button",
  "[role=textbox]",
  "[role=searchbox]",
  // Editable regions: any contenteditable value except "false".
  "[contenteditable]:not([contenteditable=false])",
  // Hidden from readers.
  "[hidden]",
  "[aria-hidden=true]",
  // Rich-text and code editors.
  ".ProseMirror",
  ".CodeMirror",
  ".cm-editor",
  ".monaco-editor",
  ".ace_editor",
  "[data-lexical-editor]",
  "[data-slate-editor]",
  ".DraftEditor-root",
  ".ql-editor",
  ".tox",
  ".mce-content-body",
  ".ck-editor",
  ".ck-content",
  ".note-editable",
  ".fr-element",
  "trix-editor",
  // Track Record's own UI (badge host, cards, styles). Its highlight marks carry
  // the attribute too but wrap page text, so they are read.
  "[data-track-record]:not(mark):not(track-record-mark)"
]

/**
 * Page chrome and boilerplate that article mode leaves out on top of
 * SKIP_SELECTORS. Forms are left out too unless they wrap the content (some
 * frameworks put the whole page in one form); see extract.ts.
 */
export const ARTICLE_SKIP_SELECTORS: readonly string[] = [
  "nav",
  "aside",
  "dialog",
  "[role=navigation]",
  "[role=banner]",
  "[role=contentinfo]",
  "[role=complementary]",
  "[role=search]",
  "[role=dialog]",
  "[role=alertdialog]"
]

/**
 * class/id words that mark boilerplate blocks (cookie banners, share bars,
 * newsletter boxes, related links). Matched against whole `-`/`_`-separated
 * words so `shared-results` or `address` do not trip it. Layout modifiers such
 * as `has-sidebar` and wrappers that hold the headline are never skipped (see
 * isBoilerplate in extract.ts).
 */
export const BOILERPLATE_WORDS: readonly string[] = [
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "newsletter",
  "subscribe",
  "subscription",
  "share",
  "sharing",
  "social",
  "related",
  "recommended",
  "promo",
  "advert",
  "advertisement",
  "ad",
  "ads",
  "sponsored",
  "sidebar",
  "breadcrumb",
  "breadcrumbs",
  "comments",
  "paywall",
  "popup",
  "modal"
]

/** Where article mode looks for the main content, best first. */
export const ARTICLE_ROOT_SELECTORS: readonly string[] = ["article", "main", "[role=main]"]

/**
 * Elements that start and end a line of text. Anything else is inline and its
 * text runs on with its neighbours.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "br",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul"
])
