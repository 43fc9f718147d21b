/*
| 接入接口 credit-assets.loan-risk-status (for 信贷门户): a loan's five-category
| class and whether it is under risk-asset management, by loan number. The
| gateway has checked the portal's signature, grant and rate limit; the answer
| carries no customer identity (the portal knows its loan), amounts in yuan text.
*/
import vine from '@vinejs/vine'
import type { InboundHandler } from '#core/plugins/types'
import { bookApi } from '../services/book_api.js'

const query = vine.compile(
  vine.object({
    loanNo: vine
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,40}$/),
  })
)

const loanRiskStatus: InboundHandler = async ({ query: qs }) => {
  const { loanNo } = await query.validate(qs)
  const [loan] = await bookApi.loans.byKeys([loanNo])
  if (!loan)
    return { status: 404, body: { code: 'NOT_FOUND', message: '借据不存在 / no such loan' } }
  const risk =
    (await bookApi.riskAssets.byKeys([loan.id])).find((r) => r.status !== 'exited') ?? null
  return {
    body: {
      loanNo: loan.loanNo,
      fiveClass: loan.fiveClass,
      classifiedOn: loan.classifiedOn,
      overdueDays: loan.overdueDays,
      balance: loan.balance,
      loanStatus: loan.status,
      underRiskManagement: Boolean(risk),
      riskAssetStatus: risk?.status ?? null,
      enteredOn: risk?.enteredOn ?? null,
    },
  }
}

export default loanRiskStatus
