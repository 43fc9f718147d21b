import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** The five data scopes (数据权限) a role can carry; see auth/data_scope.ts. */
export const DATA_SCOPES = ['all', 'custom', 'org', 'org_and_below', 'self'] as const
export type DataScope = (typeof DATA_SCOPES)[number]

/** 角色: a bundle of permission codes and a data scope. */
export default class Role extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare name: string

  @column()
  declare dataScope: DataScope

  @column()
  declare sort: number

  @column()
  declare status: 'active' | 'disabled'

  @column()
  declare remark: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
