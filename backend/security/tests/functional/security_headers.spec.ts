/*
| Defect 6 (issue 12): no security headers. The console (a static file and the
| SPA fallback) and the API must carry a strict CSP, anti-framing, nosniff and a
| referrer policy; HSTS only when the request came over https (through a proxy
| we trust, here loopback with X-Forwarded-Proto).
*/
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import type { ApiResponse } from '@japa/api-client'

function assertCommon(response: ApiResponse, assert: any) {
  assert.equal(response.header('x-frame-options'), 'DENY')
  assert.equal(response.header('x-content-type-options'), 'nosniff')
  assert.equal(response.header('referrer-policy'), 'no-referrer')
  const csp = String(response.header('content-security-policy') ?? '')
  assert.include(csp, "frame-ancestors 'none'")
  assert.notInclude(csp, "'unsafe-eval'")
  return csp
}

function assertConsoleCsp(csp: string, assert: any) {
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `))
  assert.equal(directive('script-src'), "script-src 'self'")
  assert.equal(directive('style-src-elem'), "style-src-elem 'self'")
  assert.equal(directive('object-src'), 'object-src blob:')
  assert.equal(directive('base-uri'), "base-uri 'self'")
}

test.group('Security / headers (defect 6)', (group) => {
  const publicDir = app.publicPath()
  const hadPublic = existsSync(publicDir)
  group.setup(() => {
    mkdirSync(publicDir, { recursive: true })
    writeFileSync(app.publicPath('security-probe.js'), 'console.log(1)\n')
  })
  group.teardown(() => {
    if (hadPublic) rmSync(app.publicPath('security-probe.js'), { force: true })
    else rmSync(publicDir, { recursive: true, force: true })
  })

  test('the API carries the headers and a no-content CSP', async ({ client, assert }) => {
    const response = await client.get('/api/health')
    response.assertStatus(200)
    const csp = assertCommon(response, assert)
    assert.include(csp, "default-src 'none'")
    assert.equal(response.header('cache-control'), 'no-store')
    assert.isUndefined(response.header('strict-transport-security'))
  })

  test('errors and unauthenticated answers carry them too', async ({ client, assert }) => {
    const response = await client.get('/api/me')
    response.assertStatus(401)
    assertCommon(response, assert)
  })

  test('the console page (SPA fallback) carries the strict console CSP', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/ledgers/credit-assets:loans')
    const csp = assertCommon(response, assert)
    assertConsoleCsp(csp, assert)
  })

  test('a static file of the console carries them', async ({ client, assert }) => {
    const response = await client.get('/security-probe.js')
    response.assertStatus(200)
    assertConsoleCsp(assertCommon(response, assert), assert)
  })

  test('HSTS only over https (X-Forwarded-Proto from a trusted proxy)', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/health').header('X-Forwarded-Proto', 'https')
    assert.match(String(response.header('strict-transport-security')), /^max-age=31536000/)
    const page = await client.get('/').header('X-Forwarded-Proto', 'https')
    assert.match(String(page.header('strict-transport-security')), /^max-age=31536000/)
    assert.include(String(page.header('content-security-policy')), 'upgrade-insecure-requests')
  })
})
