/*
| The token guard's user provider: the stock Lucid one, but the user row comes
| from this node's session cache (session_cache.ts) instead of a SELECT per
| request. Each request still gets its own model instance (the guard sets
| `currentAccessToken` on it, and a password change saves it), built from the
| held row. The auth middleware checks the row's status on every request.
*/
import { AccessTokensLucidUserProvider } from '@adonisjs/auth/access_tokens'
import type {
  AccessTokensLucidUserProviderOptions,
  LucidTokenable,
} from '@adonisjs/auth/types/access_tokens'
import { userRow } from './session_cache.js'

export class SessionUserProvider<
  TokenableProperty extends string,
  UserModel extends LucidTokenable<TokenableProperty>,
> extends AccessTokensLucidUserProvider<TokenableProperty, UserModel> {
  async findById(identifier: string | number | BigInt) {
    const model = await this.getModel()
    const id = Number(identifier)
    const row = await userRow(id, () =>
      model.$adapter.query(model).client.from(model.table).where(model.primaryKey, id).first()
    )
    if (!row) return null
    return this.createUserForGuard(model.$createFromAdapterResult(row) as InstanceType<UserModel>)
  }
}

export function sessionUserProvider<
  TokenableProperty extends string,
  UserModel extends LucidTokenable<TokenableProperty>,
>(options: AccessTokensLucidUserProviderOptions<TokenableProperty, UserModel>) {
  return new SessionUserProvider(options)
}
