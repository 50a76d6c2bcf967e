export { findQuote, normalise, positionSelectorFor, quoteSelectorFor, type TextSpan } from "./quote"
