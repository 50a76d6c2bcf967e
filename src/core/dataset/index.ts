// Typed access to the bundled dataset built by `npm run data`. The JSON is
// parsed once at module load; the matching functions take the dataset as an
// argument, so tests can pass small fixtures (see ./match).

import data from "../../generated/dataset.json"
import type { Dataset } from "../types"

export const dataset: Dataset = data as Dataset

export * from "./match"
