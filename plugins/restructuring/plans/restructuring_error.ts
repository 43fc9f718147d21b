/** A refusal the user can act on: its status (404 / 409 / 422) and the message, as is. */
export class RestructuringError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string
  ) {
    super(message)
  }
}
