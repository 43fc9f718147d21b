import { test } from '@japa/runner'
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { discoverPlugins, PluginKernelError } from '#core/plugins/discovery'

/** Writes plugin folders with minimal manifests into a temporary app root. */
function appWith(plugins: Record<string, string[]>, extra: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'ram-plugins-'))
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }')
  for (const [id, deps] of Object.entries(plugins)) {
    mkdirSync(join(root, 'plugins', id), { recursive: true })
    const manifest =
      extra[id] ??
      `{ id: '${id}', name: { zh: '${id}', en: '${id}' }, version: '1.0.0', dependsOn: ${JSON.stringify(deps)} }`
    writeFileSync(join(root, 'plugins', id, 'plugin.js'), `export default ${manifest}\n`)
  }
  return root
}

const discover = (
  appRoot: string,
  options: { enabled?: '*' | string[]; disabled?: string[] } = {}
) =>
  discoverPlugins({
    appRoot,
    directory: 'plugins',
    enabled: options.enabled ?? '*',
    disabled: options.disabled ?? [],
  })

test.group('Plugin discovery', (group) => {
  const roots: string[] = []
  group.teardown(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })))
  const app = (...args: Parameters<typeof appWith>) => {
    const root = appWith(...args)
    roots.push(root)
    return root
  }

  test('orders plugins after what they depend on', async ({ assert }) => {
    const root = app({
      'a-disposal': ['credit-assets'],
      'credit-assets': [],
      'b-litigation': ['a-disposal', 'credit-assets'],
    })
    const ids = (await discover(root)).map((p) => p.id)
    assert.deepEqual(ids, ['credit-assets', 'a-disposal', 'b-litigation'])
  })

  test('gives each plugin its migrations folder, in that order', async ({ assert }) => {
    const root = app({ zeta: [], alpha: ['zeta'] })
    const paths = (await discover(root)).map((p) => p.migrationsPath)
    assert.deepEqual(paths, [
      './plugins/zeta/database/migrations',
      './plugins/alpha/database/migrations',
    ])
  })

  test('PLUGINS_EXTRA_DIRS: a test folder adds plugins after the main one; an id in both stops boot', async ({
    assert,
  }) => {
    const root = app({ 'credit-assets': [] })
    const extra = (id: string) => {
      mkdirSync(join(root, 'tests/plugins', id), { recursive: true })
      writeFileSync(
        join(root, 'tests/plugins', id, 'plugin.js'),
        `export default { id: '${id}', name: { zh: '${id}', en: '${id}' }, version: '1.0.0', dependsOn: ['credit-assets'] }\n`
      )
    }
    extra('fixture-bank')
    const options = { appRoot: root, directory: 'plugins', enabled: '*' as const, disabled: [] }
    assert.deepEqual(
      (await discoverPlugins(options)).map((p) => p.id),
      ['credit-assets'],
      'not loaded unless named'
    )
    const found = await discoverPlugins({ ...options, extraDirectories: ['tests/plugins'] })
    assert.deepEqual(
      found.map((p) => [p.id, p.migrationsPath]),
      [
        ['credit-assets', './plugins/credit-assets/database/migrations'],
        ['fixture-bank', './tests/plugins/fixture-bank/database/migrations'],
      ]
    )
    extra('credit-assets')
    await assert.rejects(
      () => discoverPlugins({ ...options, extraDirectories: ['tests/plugins'] }),
      /"credit-assets" is in two folders/
    )
  })

  test('a missing dependency stops discovery naming both plugins', async ({ assert }) => {
    const root = app({ disposal: ['credit-assets'] })
    await assert.rejects(
      () => discover(root),
      /Plugin "disposal" depends on plugin "credit-assets", which is not installed/
    )
  })

  test('a disabled dependency stops discovery naming both plugins', async ({ assert }) => {
    const root = app({ 'disposal': ['credit-assets'], 'credit-assets': [] })
    await assert.rejects(
      () => discover(root, { disabled: ['credit-assets'] }),
      /"disposal" depends on plugin "credit-assets", which is disabled/
    )
  })

  test('a cycle is refused with its path', async ({ assert }) => {
    const root = app({ aa: ['bb'], bb: ['cc'], cc: ['aa'] })
    try {
      await discover(root)
      assert.fail('expected a cycle error')
    } catch (error) {
      assert.instanceOf(error, PluginKernelError)
      assert.match((error as Error).message, /cycle: "aa" → "bb" → "cc" → "aa"/)
    }
  })

  test('configuration enables and disables plugins', async ({ assert }) => {
    const root = app({ one: [], two: [], three: [] })
    assert.deepEqual(
      (await discover(root, { enabled: ['one', 'three'] })).map((p) => p.id),
      ['one', 'three']
    )
    assert.deepEqual(
      (await discover(root, { disabled: ['two'] })).map((p) => p.id),
      ['one', 'three']
    )
  })

  test('a manifest whose id differs from its folder is refused', async ({ assert }) => {
    const root = app(
      { real: [] },
      { real: `{ id: 'other', name: { zh: 'x', en: 'x' }, version: '1' }` }
    )
    await assert.rejects(() => discover(root), /folder "real" declares id "other"/)
  })

  test('permission codes outside the plugin namespace are refused', async ({ assert }) => {
    const root = app(
      { notes: [] },
      {
        notes: `{ id: 'notes', name: { zh: 'x', en: 'x' }, version: '1', permissions: [{ code: 'system:user:delete', name: { zh: 'x', en: 'x' } }] }`,
      }
    )
    await assert.rejects(
      () => discover(root),
      /permission "system:user:delete" must start with "notes:"/
    )
  })

  test('a page menu without a permission is refused', async ({ assert }) => {
    const root = app(
      { notes: [] },
      {
        notes: `{ id: 'notes', name: { zh: 'x', en: 'x' }, version: '1', menus: [{ code: 'notes:list', type: 'page', page: 'notes/List', name: { zh: 'x', en: 'x' } }] }`,
      }
    )
    await assert.rejects(() => discover(root), /page menu "notes:list" needs a permission code/)
  })

  test("only a top-level menu may sit under another source's directory", async ({ assert }) => {
    const nested = app(
      { notes: [] },
      {
        notes: `{ id: 'notes', name: { zh: 'x', en: 'x' }, version: '1', menus: [{ code: 'notes:root', type: 'directory', name: { zh: 'x', en: 'x' }, children: [{ code: 'notes:sub', type: 'directory', parent: 'disposal:root', name: { zh: 'x', en: 'x' } }] }] }`,
      }
    )
    await assert.rejects(
      () => discover(nested),
      /"notes:sub": only a top-level entry may name a parent/
    )
    const own = app(
      { notes: [] },
      {
        notes: `{ id: 'notes', name: { zh: 'x', en: 'x' }, version: '1', menus: [{ code: 'notes:a', type: 'directory', parent: 'notes:b', name: { zh: 'x', en: 'x' } }] }`,
      }
    )
    await assert.rejects(() => discover(own), /"notes:a": nest your own menus with children/)
  })

  test('two plugins declaring one dictionary type are refused, naming both', async ({ assert }) => {
    const dict = `dictionaries: [{ type: 'shared_kind', name: { zh: 'x', en: 'x' }, items: [] }]`
    const root = app(
      { alpha: [], beta: [] },
      {
        alpha: `{ id: 'alpha', name: { zh: 'a', en: 'a' }, version: '1', ${dict} }`,
        beta: `{ id: 'beta', name: { zh: 'b', en: 'b' }, version: '1', ${dict} }`,
      }
    )
    await assert.rejects(
      () => discover(root),
      /Plugins "alpha" and "beta" both declare dictionary type "shared_kind"/
    )
  })

  test("the core's own id is reserved", async ({ assert }) => {
    const root = app({ system: [] })
    await assert.rejects(() => discover(root), /Plugin id "system" is reserved/)
  })
})
