/*
| Test DSL for the customer view: `bookLoan` (credit-assets' shared fixture) books a
| customer with one loan; `addLoan` books another loan for the same customer, and
| `fakeBankSystems` answers the external panels without a network.
*/
import type { BankSystems } from '../../bank-systems/adapters/contracts.js'
import { bookLoan } from '../../credit-assets/fixtures/book_fixture.js'

/** Another loan for the same customer (credit-assets' shared fixture writes it). */
export async function addLoan(
  customerId: number,
  spec: {
    orgId: number
    balanceFen: string
    fiveClass?: string
    riskAsset?: boolean
    status?: string
    interestFen?: string
  }
) {
  const { loanId, loanNo } = await bookLoan({ customerId, amountFen: spec.balanceFen, ...spec })
  return { loanId, loanNo }
}

/** Adapters answering from memory; override one method to make its panel fail. */
export function fakeBankSystems(
  overrides: Partial<
    Record<'alerts' | 'graph' | 'collections' | 'creditLines', () => Promise<unknown>>
  > = {}
) {
  const unused = new Proxy(
    {},
    { get: () => () => Promise.reject(new Error('not used by the customer view')) }
  )
  return {
    warning: {
      alerts:
        overrides.alerts ??
        (async () => [
          {
            kind: 'litigation',
            title: '买卖合同纠纷',
            occurredOn: '2026-03-01',
            source: '裁判文书网',
            level: 'high',
          },
        ]),
    },
    riskControl: {
      relationshipGraph:
        overrides.graph ??
        (async (no: string) => ({
          nodes: [
            { id: no, name: '客户', kind: 'customer' },
            { id: 'P1', name: '张三', kind: 'person' },
          ],
          links: [{ source: 'P1', target: no, relation: 'legal_rep' }],
        })),
    },
    collection: {
      records:
        overrides.collections ??
        (async () => [
          {
            date: '2026-04-01',
            method: 'phone',
            collector: '李四',
            result: '承诺还款',
            promisedAmount: '1000.00',
          },
        ]),
    },
    creditLimit: {
      creditLines:
        overrides.creditLines ??
        (async () => [
          {
            lender: '本行',
            product: '流动资金',
            limit: '5000000.00',
            used: '1000000.00',
            expiresOn: '2027-01-01',
            insideBank: true,
          },
        ]),
    },
    coreBanking: unused,
    collateral: unused,
    customerCenter: unused,
    dataPlatform: unused,
    imaging: unused,
    postLoan: unused,
    creditPortal: unused,
    approvalFlow: unused,
    messaging: unused,
  } as unknown as BankSystems
}

/** Reads a binary response (xlsx) as a Buffer in the Japa client. */
export function binaryParser(res: any, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = []
  res.on('data', (chunk: Buffer) => chunks.push(chunk))
  res.on('end', () => done(null, Buffer.concat(chunks)))
}
