// Merges the per-area string files (src/**/messages.<lang>.json) into the
// extension's _locales/<lang>/messages.json, failing on a duplicate key or a
// key that English has and another language lacks is only reported.
import { readdirSync, readFileSync, mkdirSync, writeFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"

type Messages = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> }>

const root = new URL("..", import.meta.url).pathname
const srcDir = join(root, "src")
const outDir = join(root, "assets", "_locales")
const KEY = /^[A-Za-z0-9_@]+$/

function findSources(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (name !== "generated") findSources(path, found)
    } else if (/^messages\.[a-z]{2}(_[A-Z]{2})?\.json$/.test(name)) found.push(path)
  }
  return found
}

const byLang = new Map<string, Messages>()
for (const file of findSources(srcDir)) {
  const lang = file.match(/messages\.([a-zA-Z_]+)\.json$/)![1]
  const merged = byLang.get(lang) ?? {}
  let parsed: Messages
  try {
    parsed = JSON.parse(readFileSync(file, "utf8")) as Messages
  } catch (error) {
    throw new Error(`${relative(root, file)}: not valid JSON (${(error as Error).message})`, { cause: error })
  }
  for (const [key, value] of Object.entries(parsed)) {
    if (!KEY.test(key)) throw new Error(`${relative(root, file)}: key "${key}" may only use A-Z a-z 0-9 _ @`)
    if (key in merged) throw new Error(`${relative(root, file)}: key "${key}" is defined twice`)
    if (typeof value?.message !== "string") throw new Error(`${relative(root, file)}: key "${key}" has no message`)
    merged[key] = value
  }
  byLang.set(lang, merged)
}

const english = byLang.get("en")
if (!english) throw new Error("No English strings found (src/**/messages.en.json)")
for (const [lang, messages] of [...byLang].sort()) {
  const sorted = Object.fromEntries(Object.keys(messages).sort().map((k) => [k, messages[k]]))
  mkdirSync(join(outDir, lang), { recursive: true })
  writeFileSync(join(outDir, lang, "messages.json"), JSON.stringify(sorted, null, 2) + "\n")
  const missing = Object.keys(english).filter((k) => !(k in messages))
  if (lang !== "en" && missing.length) console.error(`locales: ${lang} lacks ${missing.length} strings (English is used for them)`)
}
console.error(`locales: ${Object.keys(english).length} strings in ${byLang.size} language(s)`)
