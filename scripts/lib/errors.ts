/** Bad input data. The message names the file and row so an editor can fix it. */
export class DataError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "DataError"
  }
}

export function rowLabel(file: string, row: number, id: string | undefined, key = "id"): string {
  return id ? `${file} row ${row} (${key} ${id})` : `${file} row ${row}`
}
