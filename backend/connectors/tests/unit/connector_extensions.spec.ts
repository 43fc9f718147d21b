import { test } from '@japa/runner'
import { connectorRegistry } from '#core/connectors/registry'
import { validateManifest } from '#core/plugins/validate_manifest'

/*
| A plugin adds interfaces to a system another plugin defines (manifest
| `connectorInterfaces`): the registry appends them to its own copy of the
| system, refuses an unknown system or a taken code, and applies one plugin's
| extension once however often boot runs.
*/
const iface = (code: string) => ({
  code,
  name: { zh: code, en: code },
  direction: 'outbound' as const,
  method: 'POST' as const,
  path: `/${code}`,
})

test.group('Connector extensions', () => {
  test('interfaces join the system without touching its manifest', ({ assert }) => {
    const declared = {
      code: 'ext-test-warehouse',
      name: { zh: '测试数仓', en: 'Test warehouse' },
      owner: '测试',
      interfaces: [iface('daily')],
    }
    connectorRegistry.defineSystem(declared)
    connectorRegistry.extendSystem('ext-test-warehouse', [iface('extra-feed')], 'ext-plugin')
    // A second boot in the same process: no duplicate, no error.
    connectorRegistry.extendSystem('ext-test-warehouse', [iface('extra-feed')], 'ext-plugin')
    assert.deepEqual(
      connectorRegistry.system('ext-test-warehouse')!.interfaces.map((i) => i.code),
      ['daily', 'extra-feed']
    )
    assert.equal(
      connectorRegistry.interface('ext-test-warehouse', 'extra-feed')!.path,
      '/extra-feed'
    )
    assert.deepEqual(
      declared.interfaces.map((i) => i.code),
      ['daily']
    )
  })

  test('an unknown system, a taken code or a bad code is refused', ({ assert }) => {
    assert.throws(
      () => connectorRegistry.extendSystem('ext-test-nowhere', [iface('feed')], 'ext-plugin'),
      /no enabled plugin defines/
    )
    connectorRegistry.defineSystem({
      code: 'ext-test-taken',
      name: { zh: '测试', en: 'Test' },
      owner: '测试',
      interfaces: [iface('daily')],
    })
    assert.throws(
      () => connectorRegistry.extendSystem('ext-test-taken', [iface('daily')], 'other-plugin'),
      /defined twice/
    )
    assert.throws(
      () => connectorRegistry.extendSystem('ext-test-taken', [iface('Bad_Code')], 'other-plugin'),
      /kebab-case/
    )
    assert.deepEqual(
      connectorRegistry.system('ext-test-taken')!.interfaces.map((i) => i.code),
      ['daily']
    )
  })

  test('the manifest may not extend its own system or add nothing', ({ assert }) => {
    const base = { id: 'ext-plugin', name: { zh: '扩展', en: 'Ext' }, version: '1.0.0' }
    const own = {
      code: 'ext-own',
      name: { zh: '自有', en: 'Own' },
      owner: '测试',
      interfaces: [iface('a')],
    }
    assert.throws(
      () =>
        validateManifest({
          ...base,
          connectors: [own],
          connectorInterfaces: [{ system: 'ext-own', interfaces: [iface('b')] }],
        }),
      /own system/
    )
    assert.throws(
      () => validateManifest({ ...base, connectorInterfaces: [{ system: 'x-y', interfaces: [] }] }),
      /adds no interface/
    )
    validateManifest({
      ...base,
      connectorInterfaces: [{ system: 'x-y', interfaces: [iface('c')] }],
    })
  })
})
