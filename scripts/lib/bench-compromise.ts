// Child process for the compromise baseline. It must never share a process
// with our analyser: the analyser registers a compromise plugin (vendor words)
// that changes compromise for everyone who imports it afterwards.
import nlp from "compromise"

interface Job {
  id: number
  text: string
}

process.on("message", (job: Job) => {
  const started = performance.now()
  const orgs = nlp(job.text).organizations().out("array") as string[]
  const ms = performance.now() - started
  process.send?.({ id: job.id, ms, found: orgs.length })
})
process.send?.({ ready: true })
