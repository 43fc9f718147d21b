/** A refusal of the dashboard services: an HTTP status, a message key and the field it concerns. */
export class DashboardError extends Error {
  constructor(
    readonly status: 403 | 404 | 422,
    readonly key: string,
    readonly data: Record<string, unknown> = {},
    readonly field?: string
  ) {
    super(key)
  }
}
