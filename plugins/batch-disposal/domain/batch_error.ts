/** A refusal the user can act on: its status (404 / 409 / 422) and the message, as is. */
export class BatchError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
  }
}

export const isDuplicate = (error: any) =>
  error?.code === 'ER_DUP_ENTRY' ||
  /UNIQUE constraint failed|Duplicate entry/i.test(String(error?.message))

export const affected = (result: unknown) => Number(Array.isArray(result) ? result[0] : result)
