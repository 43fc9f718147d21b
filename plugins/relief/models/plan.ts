import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { Money } from '#core/money/money'
import { moneyColumn } from '#core/money/money_column'

export default class Plan extends BaseModel {
  static table = 'relief_plans'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare title: string

  @moneyColumn({ columnName: 'amount_fen', serializeAs: 'amount' })
  declare amount: Money

  @column()
  /** A code of the dictionary `relief_status` (数据字典), checked by the validator. */
  declare status: string

  @column()
  declare remark: string | null

  /** A customer of the shared book (credit-assets), in the writer's data scope. BIGINT: read as a number. */
  @column({ consume: (value) => (value === null ? null : Number(value)) })
  declare customerId: number | null

  @column()
  declare orgId: number

  @column()
  declare createdBy: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
