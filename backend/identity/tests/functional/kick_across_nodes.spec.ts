import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { DEMO_INTEGRATION_ACCOUNT } from '#core/demo/demo_bank'

/*
| Two app processes share the database and Redis. A session kicked through
| process A (this test's server) must get 401 at its very next request to
| process B. Runs without the per-test transaction: B must see committed rows.
*/
const portB = Number(env.get('PORT', 3334)) + 10
const baseB = `http://127.0.0.1:${portB}`

async function removeIntegrationAccount() {
  const role = await db.from('roles').where('code', DEMO_INTEGRATION_ACCOUNT.role.code).first()
  const user = await db.from('users').where('username', DEMO_INTEGRATION_ACCOUNT.username).first()
  if (user) {
    await db.from('user_roles').where('user_id', user.id).delete()
    await db.from('users').where('id', user.id).delete()
  }
  if (role) {
    await db.from('role_permissions').where('role_id', role.id).delete()
    await db.from('roles').where('id', role.id).delete()
  }
}

async function startNodeB(): Promise<ChildProcess> {
  const child = spawn('node', ['--import=ts-node-maintained/register/esm', 'bin/server.ts'], {
    cwd: app.makePath(),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(portB),
      HOST: '127.0.0.1',
      QUEUE_WORKER: 'false',
    },
    stdio: 'ignore',
  })
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${baseB}/api/health`)).ok) return child
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill('SIGKILL')
  throw new Error('node B did not start')
}

test.group('Kick-out across app nodes', () => {
  test('a session kicked on node A gets 401 at once on node B', async ({
    client,
    assert,
    cleanup,
  }) => {
    const hadAccount = await db
      .from('users')
      .where('username', DEMO_INTEGRATION_ACCOUNT.username)
      .first()
    const nodeB = await startNodeB()
    cleanup(async () => {
      const exited = new Promise((done) => nodeB.once('exit', done))
      nodeB.kill('SIGINT')
      await exited
      // Node B boots in demo mode, whose simulator creates the integration account and commits
      // it; the specs after this one count every user and role, so it goes again.
      if (!hadAccount) await removeIntegrationAccount()
    })

    const victim = await client
      .post('/api/auth/login')
      .json({ username: 'auditor', password: 'Audit@12345' })
    victim.assertStatus(200)
    const admin = await client
      .post('/api/auth/login')
      .json({ username: 'admin', password: 'Admin@12345' })
    cleanup(async () => {
      await db
        .from('auth_access_tokens')
        .whereIn(
          'tokenable_id',
          db.from('users').whereIn('username', ['auditor', 'admin']).select('id')
        )
        .delete()
    })

    const before = await fetch(`${baseB}/api/me`, {
      headers: { authorization: `Bearer ${victim.body().token}` },
    })
    assert.equal(before.status, 200)

    const sessions = await client
      .get('/api/system/sessions')
      .bearerToken(admin.body().token)
      .qs({ keyword: 'auditor' })
    const id = sessions.body().data.find((s: any) => s.username === 'auditor').id
    ;(
      await client.delete(`/api/system/sessions/${id}`).bearerToken(admin.body().token)
    ).assertStatus(204)

    const after = await fetch(`${baseB}/api/me`, {
      headers: { authorization: `Bearer ${victim.body().token}` },
    })
    assert.equal(after.status, 401)
  }).timeout(60000)
})
