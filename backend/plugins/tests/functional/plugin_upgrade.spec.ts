import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { coreManifest } from '#core/system/manifest'
import { enabledPlugins } from '#core/plugins/registry'
import { syncManifests } from '#core/plugins/sync'
import { upgradePlugin } from '#core/plugins/lifecycle/upgrade'
import { definePlugin, type PluginManifest } from '#core/plugins/define_plugin'
import type { LoadedPlugin } from '#core/plugins/types'

/** A plugin whose data steps record each run (in memory and in a setting's value). */
function upgradable(version: string, runs: string[]): LoadedPlugin {
  const step = (v: string) => async () => ({
    default: async ({ trx }: { trx: any }) => {
      runs.push(v)
      await trx
        .from('settings')
        .where('key', 'fixture-upgrade.steps')
        .update({ value: runs.join(',') })
    },
  })
  const manifest = definePlugin({
    id: 'fixture-upgrade',
    name: { zh: '升级测试', en: 'Upgrade fixture' },
    version,
    settings: [
      {
        key: 'fixture-upgrade.steps',
        name: { zh: '步骤', en: 'Steps' },
        type: 'string',
        default: '',
      },
    ],
    upgrades: { '1.0.0': step('1.0.0'), '1.1.0': step('1.1.0'), '1.2.0': step('1.2.0') },
  }) as PluginManifest
  return { manifest, id: manifest.id, root: '/nowhere', migrationsPath: './nowhere' }
}

const sync = async (plugin: LoadedPlugin) =>
  syncManifests([coreManifest, ...(await enabledPlugins()).map((p) => p.manifest), plugin.manifest])
const installed = async () =>
  (await db.from('installed_plugins').where('id', 'fixture-upgrade').firstOrFail()).version

test.group('Plugin upgrade', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('runs the pending data steps once, in order, audited', async ({ assert }) => {
    const runs: string[] = []
    await sync(upgradable('1.0.0', runs))
    assert.equal(await installed(), '1.0.0')
    assert.isNull(
      await upgradePlugin(upgradable('1.0.0', runs)),
      'a fresh install has nothing pending'
    )

    const next = upgradable('1.2.0', runs)
    await sync(next)
    assert.equal(await installed(), '1.0.0', 'the sync does not move the installed version')
    const result = await upgradePlugin(next)
    assert.deepEqual(result, {
      id: 'fixture-upgrade',
      from: '1.0.0',
      to: '1.2.0',
      steps: ['1.1.0', '1.2.0'],
    })
    assert.equal(await installed(), '1.2.0')
    assert.isNull(await upgradePlugin(next), 'the second run finds nothing pending')
    assert.deepEqual(runs, ['1.1.0', '1.2.0'])
    const setting = await db.from('settings').where('key', 'fixture-upgrade.steps').firstOrFail()
    assert.equal(setting.value, '1.1.0,1.2.0')

    const row = await db
      .from('audit_logs')
      .where({ action: 'plugin.upgrade', entity_id: 'fixture-upgrade' })
      .firstOrFail()
    assert.include(row.after_json, '"version":"1.2.0"')
  })

  test('a failing step rolls back: version and earlier steps stay as they were', async ({
    assert,
  }) => {
    const runs: string[] = []
    await sync(upgradable('1.0.0', runs))
    const next = upgradable('1.2.0', runs)
    next.manifest.upgrades!['1.2.0'] = async () => ({
      default: async () => {
        throw new Error('step 1.2.0 failed')
      },
    })
    await assert.rejects(() => upgradePlugin(next), 'step 1.2.0 failed')
    assert.equal(await installed(), '1.0.0')
    const setting = await db.from('settings').where('key', 'fixture-upgrade.steps').firstOrFail()
    assert.equal(setting.value ?? '', '')
  })
})
