/*
| An expense request the service refuses after validation: a loan of another
| customer, a customer outside the caller's scope, a paid expense paid again.
| `status` is what a route answers; the message is in both languages because
| the caller may be another plugin's job; `field` names the input at fault.
*/
export class ExpenseError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    readonly zh: string,
    readonly en: string,
    readonly field?: string
  ) {
    super(zh)
  }
}

export { refuseUnknown } from '#core/validation/unknown_fields'
