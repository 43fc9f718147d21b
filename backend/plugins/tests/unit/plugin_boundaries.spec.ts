import { test } from '@japa/runner'
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { readManifests } from '#core/plugins/discovery'
import { findBoundaryViolations, type BoundaryPlugin } from '#tests/helpers/plugin_boundaries'

/** Two plugins in a temporary folder: `owner` publishes services/api.ts and a lookup. */
function sandbox(readerFiles: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'ram-boundaries-'))
  const files: Record<string, string> = {
    'owner/database/migrations/1_create.ts': `this.schema.createTable('owner_things', () => {})`,
    'owner/services/api.ts': `export const api = 1`,
    'owner/services/private.ts': `export const secret = 1`,
    'owner/tests/helpers.ts': `export const helper = 1`,
    ...Object.fromEntries(Object.entries(readerFiles).map(([k, v]) => [`reader/${k}`, v])),
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  const plugins: BoundaryPlugin[] = [
    {
      id: 'owner',
      root: join(dir, 'owner'),
      publicModules: ['services/api.ts'],
      lookups: [{ table: 'owner_things' }],
    },
    { id: 'reader', root: join(dir, 'reader') },
  ]
  return { dir, violations: findBoundaryViolations(dir, plugins) }
}

test.group('plugin boundaries', () => {
  test('the real plugins read each other only through published services and lookups', async ({
    assert,
  }) => {
    const plugins = await readManifests({ appRoot: app.appRoot.pathname, directory: 'plugins' })
    const violations = findBoundaryViolations(
      join(app.appRoot.pathname, 'plugins'),
      plugins.map((p) => ({
        id: p.id,
        root: p.root,
        publicModules: p.manifest.publicModules,
        lookups: p.manifest.lookups,
      }))
    )
    assert.deepEqual(
      violations.map((v) => `${v.file}:${v.line} ${v.detail}`),
      []
    )
  })

  test('a deliberate violation fails: naming another plugin’s table, importing its private module or test helper', ({
    assert,
  }) => {
    const { dir, violations } = sandbox({
      'services/bad.ts': [
        `import { secret } from '../../owner/services/private.js'`,
        `import { helper } from '../../owner/tests/helpers.js'`,
        `export const rows = (db: any) => db.from('owner_things as t').where('t.id', secret + helper)`,
      ].join('\n'),
    })
    try {
      assert.sameDeepMembers(
        violations.map((v) => `${v.file}:${v.line}:${v.kind}`),
        [
          'reader/services/bad.ts:1:import',
          'reader/services/bad.ts:2:import',
          'reader/services/bad.ts:3:table',
        ]
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a test helper or a missing file cannot be published; a lookup must be the owner’s table', ({
    assert,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'ram-boundaries-'))
    mkdirSync(join(dir, 'owner', 'tests'), { recursive: true })
    writeFileSync(join(dir, 'owner', 'tests', 'helpers.ts'), 'export const h = 1')
    try {
      const violations = findBoundaryViolations(dir, [
        {
          id: 'owner',
          root: join(dir, 'owner'),
          publicModules: ['tests/helpers.ts', 'services/gone.ts'],
          lookups: [{ table: 'someone_elses' }],
        },
      ])
      assert.deepEqual(
        violations.map((v) => v.kind),
        ['public', 'public', 'lookup']
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('the published module and comments naming a table pass; tests may read and adjust rows', ({
    assert,
  }) => {
    const { dir, violations } = sandbox({
      'services/good.ts': [
        `/* reads owner_things through the owner's api */`,
        `import { api } from '../../owner/services/api.js' // owner_things`,
        `export const n = api`,
      ].join('\n'),
      'tests/arrange.ts': `export const arrange = (db: any) => db.from('owner_things').update({ a: 1 })`,
    })
    try {
      assert.deepEqual(violations, [])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a test that inserts another plugin’s rows by hand fails (use its fixture builders)', ({
    assert,
  }) => {
    const { dir, violations } = sandbox({
      'tests/functional/bad.spec.ts': [
        `export const own = (db: any) => db.table('reader_rows').insert({})`,
        `export const theirs = (db: any) => db.table('owner_things').insert({})`,
      ].join('\n'),
    })
    try {
      assert.deepEqual(
        violations.map((v) => `${v.file}:${v.line}:${v.kind}`),
        ['reader/tests/functional/bad.spec.ts:2:fixture']
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
