/** A refusal the user can act on: status for the route, message in both languages, the field. */
export class CaseError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    readonly zh: string,
    readonly en: string,
    readonly field?: string
  ) {
    super(zh)
  }
}
