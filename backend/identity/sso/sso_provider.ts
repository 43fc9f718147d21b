/*
| 单点登录 from the bank's 信贷门户 (credit portal): the portal hands the browser a
| signed ticket; a provider checks it and names the user. Each bank plugs in its
| own provider (its portal's ticket format); core ships the interface and an
| HMAC-signed ticket provider used in tests and by portals that can sign that way.
*/
export interface SsoIdentity {
  /** The username in this system the ticket speaks for. */
  username: string
}

export interface SsoProvider {
  /** Provider id the portal sends, e.g. `portal`. */
  readonly id: string
  /** Returns who the ticket speaks for, or null when it is forged, expired or replayed. */
  verify(ticket: string): Promise<SsoIdentity | null>
}

const providers = new Map<string, SsoProvider>()

export const ssoProviders = {
  register(provider: SsoProvider) {
    providers.set(provider.id, provider)
  },
  get(id: string) {
    return providers.get(id)
  },
  clear() {
    providers.clear()
  },
}
