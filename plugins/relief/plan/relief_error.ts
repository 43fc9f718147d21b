/** A refused relief action: `status` 404 / 409 / 422 with zh-CN and en messages (and the rule). */
export class ReliefError extends Error {
  constructor(
    readonly status: 404 | 409 | 422 | 403 | 503,
    readonly zh: string,
    readonly en: string,
    readonly field?: string,
    readonly rule?: string
  ) {
    super(zh)
    this.name = 'ReliefError'
  }
}
