// Saved snippets: model, validation, storage migrations, search, import and export.
// UI and background code import from here (`~core/snippets`).
export * from "./model"
export * from "./migrate"
export * from "./query"
export * from "./edit"
export * from "./export"
export * from "./import"
