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

/**
 * The message of a non-2xx answer, with the other side's own reason when its
 * body has one (the ESB envelope's `retMsg`, or `message`) — what 账务处理 shows
 * for a posting core banking refused.
 */
export function httpFailureMessage(system: string, iface: string, status: number, body: unknown) {
  const reason =
    body && typeof body === 'object'
      ? ((body as any).retMsg ?? (body as any).message ?? (body as any).error)
      : null
  const text = typeof reason === 'string' && reason.trim() ? `: ${reason.trim().slice(0, 300)}` : ''
  return `${system}.${iface} answered HTTP ${status}${text}`
}
