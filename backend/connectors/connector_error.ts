/*
| The one error business code sees from an external call. A raw fetch error
| (ECONNREFUSED, an AbortError) never escapes: callers branch on `kind`.
*/
export type ConnectorErrorKind = 'timeout' | 'unavailable' | 'http' | 'disabled' | 'breaker_open'

export class ConnectorError extends Error {
  constructor(
    public kind: ConnectorErrorKind,
    message: string,
    public system: string,
    public iface: string,
    public httpStatus: number | null = null,
    public responseBody: unknown = null
  ) {
    super(message)
    this.name = 'ConnectorError'
  }

  /** Worth another attempt: the other side may answer next time (a 4xx will not change). */
  get transient() {
    if (this.kind === 'timeout' || this.kind === 'unavailable') return true
    return this.kind === 'http' && (this.httpStatus === 429 || (this.httpStatus ?? 0) >= 500)
  }
}
