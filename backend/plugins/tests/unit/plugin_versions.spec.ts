import { test } from '@japa/runner'
import { compareVersions, pendingStepVersions } from '#core/plugins/lifecycle/versions'

test.group('Plugin versions', () => {
  test('compares number by number, missing parts as 0', ({ assert }) => {
    assert.isAbove(compareVersions('1.10.0', '1.9.0'), 0)
    assert.isBelow(compareVersions('1.2', '1.2.1'), 0)
    assert.equal(compareVersions('1.2', '1.2.0'), 0)
  })

  test('pending steps: newer than installed, not newer than the code, in order', ({ assert }) => {
    const steps = ['1.10.0', '1.0.0', '1.2.0', '2.0.0', '1.1.0']
    assert.deepEqual(pendingStepVersions(steps, '1.0.0', '1.10.0'), ['1.1.0', '1.2.0', '1.10.0'])
    assert.deepEqual(pendingStepVersions(steps, '1.10.0', '1.10.0'), [])
  })
})
