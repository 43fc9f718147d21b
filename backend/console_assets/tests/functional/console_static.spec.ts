import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/*
| The console's files come from public/ (backend/console_assets/static_middleware.ts);
| /api/ requests never look on disk, so a file placed under public/api/ is not served.
*/
test.group('Console static files', () => {
  test('public files are served; nothing under /api/ is read from disk', async ({
    client,
    assert,
    cleanup,
  }) => {
    const name = `static-probe-${process.pid}.txt`
    const apiDir = join(app.publicPath(), 'api')
    const hadPublic = existsSync(app.publicPath())
    const hadApiDir = existsSync(apiDir)
    mkdirSync(apiDir, { recursive: true })
    writeFileSync(join(app.publicPath(), name), 'probe')
    writeFileSync(join(apiDir, name), 'must not be served')
    cleanup(() => {
      rmSync(join(app.publicPath(), name), { force: true })
      rmSync(join(apiDir, name), { force: true })
      if (!hadApiDir) rmSync(apiDir, { recursive: true, force: true })
      if (!hadPublic) rmSync(app.publicPath(), { recursive: true, force: true })
    })
    const file = await client.get(`/${name}`)
    file.assertStatus(200)
    assert.equal(file.text(), 'probe')
    const api = await client.get(`/api/${name}`)
    assert.notEqual(api.status(), 200)
    assert.notInclude(api.text(), 'must not be served')
  })
})
