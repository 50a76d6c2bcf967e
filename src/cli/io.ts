// Where the CLI writes. Injected so tests can capture stdout and stderr.

export interface Writer {
  write(chunk: string): unknown
}

export interface CliIo {
  stdout: Writer
  stderr: Writer
}
