import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'

/**
 * Per-test setup for tests about the changes themselves rather than their
 * approval: the test's transaction, with four-eyes switched off for all kinds.
 */
export async function transactionWithoutFourEyes() {
  const rollback = await testUtils.db().withGlobalTransaction()
  await db.from('settings').where('key', 'system.fourEyes.kinds').update({ value: '[]' })
  return rollback
}
