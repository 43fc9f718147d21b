/*
| 案件 (lit_cases) as a Lucid model, for code that handles one case at a time
| (the service, litig-a's 诉中方案). Lists and ledgers query the table with the
| data scope applied (cases/case_scope.ts). Money is a Money (fen in the
| database, yuan text in JSON); business dates are 'YYYY-MM-DD' text.
*/
import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Money } from '#core/money/money'
import { moneyColumn } from '#core/money/money_column'
import { dateText } from '#core/holidays/calendar_date'

const businessDateColumn = () =>
  column({ consume: (value: unknown) => (value == null ? null : dateText(value)) })

export default class LitCase extends BaseModel {
  static table = 'lit_cases'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare caseNo: string

  @column()
  declare caseYear: number

  @column()
  declare courtCode: string

  @column()
  declare caseTypeCode: string

  @column()
  declare court: string

  @column()
  declare judge: string | null

  @column()
  declare judgePhone: string | null

  @column()
  declare cause: string | null

  /** litigation_case_procedure: ordinary / summary. */
  @column()
  declare procedure: string

  /** litigation_case_stage: filing, first_instance, … closed. */
  @column()
  declare stage: string

  @businessDateColumn()
  declare filedOn: string

  @businessDateColumn()
  declare closedOn: string | null

  @column()
  declare customerId: number

  @column()
  declare customerNo: string

  @column()
  declare customerName: string

  @column()
  declare orgId: number

  @column()
  declare managerId: number | null

  @column()
  declare createdBy: number

  @column()
  declare prePlanId: number | null

  @column()
  declare lawyerName: string | null

  @column()
  declare lawFirm: string | null

  @moneyColumn({ columnName: 'claim_principal_fen', serializeAs: 'claimPrincipal' })
  declare claimPrincipal: Money

  @moneyColumn({ columnName: 'claim_interest_fen', serializeAs: 'claimInterest' })
  declare claimInterest: Money

  @moneyColumn({ columnName: 'claim_other_fen', serializeAs: 'claimOther' })
  declare claimOther: Money

  @moneyColumn({ columnName: 'acceptance_fee_fen', serializeAs: 'acceptanceFee' })
  declare acceptanceFee: Money

  @moneyColumn({ columnName: 'preservation_fee_fen', serializeAs: 'preservationFee' })
  declare preservationFee: Money

  @moneyColumn({ columnName: 'recovered_fen', serializeAs: 'recovered' })
  declare recovered: Money

  @column()
  declare remark: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** 诉讼请求合计 */
  get claimTotal(): Money {
    return this.claimPrincipal.plus(this.claimInterest).plus(this.claimOther)
  }
}
