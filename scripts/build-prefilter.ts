// Compiles the content-script prefilter (vendor names and claim cue words as
// one regex source) from the generated lexicon. Run by `npm run data`.
import { readFileSync, writeFileSync } from "node:fs"
import { resolve } from "node:path"

import { buildPrefilter } from "../src/core/prefilter"
import type { Lexicon } from "../src/core/types"

const root = resolve(import.meta.dirname, "..")
const lexicon = JSON.parse(readFileSync(resolve(root, "src/generated/lexicon.json"), "utf8")) as Lexicon
const out = JSON.stringify(buildPrefilter(lexicon)) + "\n"
writeFileSync(resolve(root, "src/generated/prefilter.json"), out)
console.error(`prefilter: ${(out.length / 1024).toFixed(1)} KB`)
