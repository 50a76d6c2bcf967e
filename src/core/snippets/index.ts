// Saved snippets: model, validation, storage migrations, search, edits, import and export.
// UI and background code import from here (`~core/snippets`); every function is pure and
// none throws on bad input (failures come back as `{ ok: false, reason }`, a sentence to show).
//
// Saving (background):
//   const stored = migrateStore(await storage.get(KEY))          // any earlier schema → current
//   if (!stored.ok) { refuse to write; show stored.reason }     // e.g. written by a newer version
//   const made = createSnippet({ url, quote, position, vendors, claimKind, rule, incidents, tags })
//   if (made.ok) write mergeSnippets(stored.store.snippets, [made.snippet]).snippets
//     (the same passage saved twice merges instead of duplicating)
//
// Workspace (tab page):
//   filterSnippets(list, { text, vendor, kind, tag, site, from, to }), facetCounts(list), newestFirst(list)
//   updateSnippet(s, { tags, note }); removeSnippets(list, ids) → keep `removal` for undoRemove(list, removal)
//   export: toJson(store) | toJsonl(list) | toCsv(list) | toW3cJson(list)   (strings ready for a Blob)
//   import: const r = parseImport(fileText, { maxBytes }); if (r.ok) mergeSnippets(list, r.snippets)
//           r.skipped lists items left out, each with a reason.
//
// Re-anchoring on a page lives in `~dom/anchor` (selectorsForRange / rangeForSelectors).
export * from "./model"
export * from "./migrate"
export * from "./query"
export * from "./edit"
export * from "./export"
export * from "./import"
