// The project's one compromise plugin. It is registered once (see setup.ts):
// compromise plugins mutate a single global model.
import type nlp from "compromise/two"

type Plugin = Parameters<typeof nlp.plugin>[0]

export const trackRecordPlugin: Plugin = {
  tags: {
    Vendor: { is: "Company" },
    ReliabilityClaim: {}
  },
  // Quality words the claim rules rely on; some are missing from compromise's
  // own lexicon and would otherwise be guessed as nouns or verbs.
  words: {
    reliable: "Adjective",
    resilient: "Adjective",
    scalable: "Adjective",
    performant: "Adjective",
    dependable: "Adjective",
    trustworthy: "Adjective",
    unbreakable: "Adjective",
    unhackable: "Adjective",
    "fault-tolerant": "Adjective",
    "industry-leading": "Adjective",
    "best-in-class": "Adjective"
  }
}
