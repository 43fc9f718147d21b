import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import {
  afterDelete,
  afterUpdate,
  BaseModel,
  beforeUpdate,
  belongsTo,
  column,
  manyToMany,
} from '@adonisjs/lucid/orm'
import type { BelongsTo, ManyToMany } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { ThrottledAccessTokensProvider } from '#core/identity/throttled_tokens_provider'
import { sessionsChanged } from '#core/identity/session_cache'
import Org from '#core/organization/org'
import Role from './role.js'

/** Sign-in bookkeeping: written on every sign-in, read by no authenticated request. */
const BOOKKEEPING = new Set(['lastLoginAt', 'failedLogins'])
/** Saves that change what a session is served (status, password, org, names, lock …). */
const announcing = new WeakSet<object>()

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['username'],
  passwordColumnName: 'password',
})

/** 用户: a member of staff; belongs to one org (机构) and holds roles. */
export default class User extends compose(BaseModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare username: string

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare realName: string

  @column()
  declare orgId: number

  @column()
  declare departmentId: number | null

  @column()
  declare phone: string | null

  @column()
  declare email: string | null

  @column()
  declare status: 'active' | 'disabled'

  @column({ consume: (v) => Boolean(v) })
  declare mustChangePassword: boolean

  @column.dateTime()
  declare passwordChangedAt: DateTime | null

  @column({ serializeAs: null })
  declare failedLogins: number

  @column.dateTime()
  declare lockedUntil: DateTime | null

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  @column()
  declare locale: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Org)
  declare org: BelongsTo<typeof Org>

  @manyToMany(() => Role, { pivotTable: 'user_roles' })
  declare roles: ManyToMany<typeof Role>

  // App nodes hold users rows between requests (identity/session_cache.ts): a save that
  // changes one drops every node's copy, in the save's transaction when it has one.
  @beforeUpdate()
  static noteSessionChange(user: User) {
    if (Object.keys(user.$dirty).some((key) => !BOOKKEEPING.has(key))) announcing.add(user)
  }

  @afterUpdate()
  static async announceSessionChange(user: User) {
    if (announcing.delete(user)) await sessionsChanged(user.$trx)
  }

  @afterDelete()
  static async announceSessionEnd(user: User) {
    await sessionsChanged(user.$trx)
  }

  // last_used_at at most once a minute per token (auth/throttled_tokens_provider.ts).
  static accessTokens = new ThrottledAccessTokensProvider({
    tokenableModel: User,
    expiresIn: '12 hours',
    prefix: 'ram_',
    table: 'auth_access_tokens',
    type: 'auth_token',
    tokenSecretLength: 40,
  })
}
