/** A refusal the user can act on: its status (404 / 409 / 422 / 503) and the message, as is. */
export class ForeclosureError extends Error {
  constructor(
    readonly status: 404 | 409 | 422 | 503,
    message: string
  ) {
    super(message)
  }
}
