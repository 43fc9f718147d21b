import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'

const run = promisify(execFile)

test.group('Plugin commands', () => {
  test('list:routes, run as an operator does, lists plugin routes with their permission codes', async ({
    assert,
  }) => {
    // A separate `node ace` process: the console environment, not the test one.
    const { stdout } = await run('node', ['ace', 'list:routes', '--json'], {
      cwd: app.makePath(),
      env: { ...process.env, NODE_ENV: 'test' },
      maxBuffer: 20 * 1024 * 1024,
    })
    const domains = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ routes: unknown[] }>
    const routes = domains.flatMap((d) => d.routes) as Array<{
      pattern: string
      methods: string[]
      middleware: string[]
    }>
    const plans = routes.find(
      (r) => r.pattern === '/api/disposal/plans' && r.methods.includes('GET')
    )
    assert.exists(plans)
    assert.includeMembers(plans!.middleware, ['auth', 'can:disposal:plan:list'])
  }).timeout(90_000)

  test('plugins:list shows the installed and the code version, and a pending upgrade', async ({
    assert,
    cleanup,
  }) => {
    await testUtils
      .db()
      .withGlobalTransaction()
      .then((rollback) => cleanup(rollback))
    await db.from('installed_plugins').where('id', 'targets').update({ version: '0.0.1' })
    const ace = await app.container.make('ace')
    ace.ui.switchMode('raw')
    cleanup(() => ace.ui.switchMode('normal'))
    const command = await ace.exec('plugins:list', [])
    const output = command.ui.logger
      .getLogs()
      .map((l) => l.message)
      .join('\n')
    const targets = output.split('\n').find((line) => line.includes('|targets|'))
    assert.exists(targets, output)
    assert.include(targets!, '|0.0.1|')
    assert.include(targets!, 'upgrade pending')
  })
})
