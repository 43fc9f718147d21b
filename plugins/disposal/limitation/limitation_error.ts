/*
| A limitation event another plugin asked for that the service refuses after
| validation: a loan missing or outside the caller's scope, a future date, a
| judgment whose deadline precedes it. `status` is what the calling route should
| answer; the message is in both languages because the caller may be a job.
*/
export class LimitationError extends Error {
  constructor(
    readonly status: 404 | 422,
    readonly zh: string,
    readonly en: string,
    /** The input field at fault, for a 422 field message. */
    readonly field?: string
  ) {
    super(zh)
  }
}
