/*
| Test DSL for 以资抵债: a loan on the shared book's way (credit-assets' public
| fixture) with its collateral and interest buckets, a maker at 朝阳支行
| (110101) whose branch approver is the demo bank's bj_asset, and the workflow
| approvals as the approvers would give them.
*/
import type { Group } from '@japa/runner/core'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import { approveRecord } from '#tests/helpers/approvals'
import { addCollateral, bookLoan } from '../../credit-assets/fixtures/book_fixture.js'
import { businessDate } from '#core/business_day/business_date'
import { Money } from '#core/money/money'
import type { BankSystems } from '../../bank-systems/adapters/contracts.js'
import startup from '../startup.js'
import { foreclosureBankSystems } from '../receipts/balances.js'

export const API = '/api/foreclosure'

export const ALL_CODES = [
  'foreclosure:receipt:list',
  'foreclosure:receipt:create',
  'foreclosure:approval:update',
  'foreclosure:posting:list',
  'foreclosure:posting:create',
  'foreclosure:posting:update',
  'foreclosure:ledger:list',
]

export const maker = () =>
  userWith({ permissions: ALL_CODES, dataScope: 'org_and_below', orgCode: '110101' })

/** A clerk with every permission at 上海分行 (310000): the receipts of 朝阳支行 are out of scope. */
export const otherBranch = () =>
  userWith({ permissions: ALL_CODES, dataScope: 'org_and_below', orgCode: '310000' })

/**
 * A 可疑 loan at 朝阳支行 owing 本金 200 000.00, 正常利息 1 500.00, 逾期利息 123.45,
 * 罚息 67.89, 复利 1.01 (201 692.35 in all), with a 押品 booked at 250 000.00.
 */
export async function securedLoan(extra: { customerId?: number } = {}) {
  const loan = await bookLoan({
    orgCode: '110101',
    fiveClass: 'doubtful',
    overdueDays: 200,
    riskAsset: true,
    balanceFen: '20000000',
    amountFen: '20000000',
    interestFen: '150000',
    ...extra,
  })
  await db.from('ca_loans').where('id', loan.loanId).update({
    overdue_interest_fen: '12345',
    penalty_interest_fen: '6789',
    compound_interest_fen: '101',
  })
  await addCollateral(loan.loanId, '朝阳区某路1号商铺', '25000000')
  const collateral = await db.from('ca_collaterals').where('loan_id', loan.loanId).first()
  return { ...loan, collateralRef: String(collateral.collateral_ref) }
}

export async function body(loan: { loanId: number; collateralRef: string }, extra = {}) {
  return {
    loanIds: [loan.loanId],
    way: 'court_ruling',
    source: 'collateral',
    collateralRef: loan.collateralRef,
    assetClass: 'real_estate',
    assetName: '朝阳区某路1号商铺',
    location: '北京市朝阳区某路1号',
    certificates: '京(2024)朝阳区不动产权第0001234号',
    rulingNo: '(2026)京0105执1234号之一',
    appraisedValue: '250000.00',
    appraisedOn: '2026-06-30',
    agreedValue: '201000.00',
    taxesAndFees: '3456.78',
    acquiredOn: await businessDate.current(),
    reasons: '拍卖两次流拍，法院裁定以物抵债。',
    ...extra,
  }
}

/** The receipt's approval through the demo chain (bj_asset, then hq_risk). */
export const approveAll = (client: any, businessId: number) =>
  approveRecord(client, 'foreclosure:receipt', businessId)

/** Creates a draft receipt; returns the created detail. */
export async function draft(client: any, token: string, payload: Record<string, unknown>) {
  const created = await client.post(`${API}/receipts`).bearerToken(token).json(payload)
  if (created.status() !== 201) throw new Error(`create ${created.status()}: ${created.text()}`)
  return created.body()
}

/** Creates, submits and approves a receipt; returns its id. */
export async function approvedReceipt(
  client: any,
  token: string,
  payload: Record<string, unknown>
) {
  const { id } = await draft(client, token, payload)
  const submitted = await client.post(`${API}/receipts/${id}/submit`).bearerToken(token)
  if (submitted.status() !== 200)
    throw new Error(`submit ${submitted.status()}: ${submitted.text()}`)
  await approveAll(client, id)
  return id as number
}

/** Core banking answering the book's buckets, 押品管理 down: the specs that test rules, not the simulator. */
export const fakeSystems = (): BankSystems =>
  ({
    coreBanking: {
      loanBalance: async (loanNo: string) => {
        const l = await db.from('ca_loans').where('loan_no', loanNo).firstOrFail()
        const y = (f: unknown) => Money.fromFen(String(f)).toYuan()
        return {
          loanNo,
          principal: y(l.balance_fen),
          normalInterest: y(l.on_balance_interest_fen),
          overdueInterest: y(l.overdue_interest_fen),
          penaltyInterest: y(l.penalty_interest_fen),
          compoundInterest: y(l.compound_interest_fen),
          asOf: '2026-12-07',
        }
      },
    },
    collateral: {
      collaterals: async () => {
        throw new Error('押品管理 not reachable in this spec')
      },
    },
  }) as unknown as BankSystems

/** The rules specs' group: the plugin started, the faked systems in, each test rolled back. */
export function useFakedSystems(group: Group) {
  group.setup(async () => {
    await startup({} as any)
    foreclosureBankSystems.use(fakeSystems())
    return () => foreclosureBankSystems.restore()
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
}
