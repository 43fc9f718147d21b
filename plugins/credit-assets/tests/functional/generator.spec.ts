import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { jobRegistry } from '#core/queue/job_registry'
import { generateDemoBank } from '../../demo/generate.js'

const AS_OF = '2030-01-10'
const small = (seed: number) =>
  generateDemoBank(db.connection(), { customers: 40, loans: 300, seed, asOf: AS_OF, batchSize: 64 })

test.group('credit-assets: demo-bank generator', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('same seed, same bank: equal checksums; another seed differs', async ({ assert }) => {
    const first = await small(11)
    const again = await small(11)
    const other = await small(12)
    assert.equal(first.checksum, again.checksum)
    assert.notEqual(first.checksum, other.checksum)
    assert.deepEqual(
      first.tables.map((t) => t.rows),
      again.tables.map((t) => t.rows)
    )
    // Document numbers follow the real ids, so a second run does not collide.
    const loans = await db.from('ca_loans').count('* as n').first()
    assert.equal(Number(loans.n), 900)
  })

  test('a consistent book: balances within amounts, links resolve, orgs are sub-branches', async ({
    assert,
  }) => {
    const report = await small(5)
    const byTable = Object.fromEntries(report.tables.map((t) => [t.table, t.rows]))
    assert.equal(byTable.ca_customers, 40)
    assert.equal(byTable.ca_loans, 300)
    assert.equal(byTable.ca_contracts, 300)
    const over = await db
      .from('ca_loans')
      .whereRaw('balance_fen > amount_fen')
      .count('* as n')
      .first()
    assert.equal(Number(over.n), 0)
    const orphans = await db
      .from('ca_loans as l')
      .leftJoin('ca_customers as c', 'c.id', 'l.customer_id')
      .leftJoin('ca_contracts as k', 'k.id', 'l.contract_id')
      .where((q) =>
        q.whereNull('c.id').orWhereNull('k.id').orWhereRaw('k.customer_id <> l.customer_id')
      )
      .count('* as n')
      .first()
    assert.equal(Number(orphans.n), 0)
    const headOffice = await db.from('orgs').where('code', '000000').first()
    const atHead = await db.from('ca_loans').where('org_id', headOffice.id).count('* as n').first()
    assert.equal(Number(atHead.n), 0)
    const classes = await db.from('ca_loans').distinct('five_class')
    assert.isAbove(classes.length, 2)
  })

  test('the job builds the book and hands over qualifying loans', async ({ assert }) => {
    const handler = await jobRegistry.handler('credit-assets:demo-generate')
    const messages: string[] = []
    const result = (await handler({
      jobId: 't',
      payload: { customers: 30, loans: 200, seed: 3 },
      progress: async (_p, message) => {
        messages.push(message ?? '')
      },
    })) as any
    assert.equal(result.tables.find((t: any) => t.table === 'ca_loans').rows, 200)
    const risk = await db.from('ca_risk_assets').count('* as n').first()
    assert.equal(Number(risk.n), result.handedOver)
    assert.isAbove(result.handedOver, 0)
    assert.isNotEmpty(messages)
  })
})
