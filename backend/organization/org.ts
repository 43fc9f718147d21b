import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** 机构: a node of the bank's org tree (总行 → 分行 → 支行 …). */
export default class Org extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare name: string

  @column()
  declare shortName: string | null

  @column()
  declare parentId: number | null

  @column()
  declare level: number

  /** "/1/4/9/": this org's ancestors and itself; "own org and below" is a prefix match. */
  @column()
  declare path: string

  @column()
  declare sort: number

  @column()
  declare status: 'active' | 'disabled'

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
