import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { freePort } from '#tests/helpers/process_group'

const run = promisify(execFile)

/** Every file under `root`, relative, with `/` separators. */
function generatedFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
}

/** The file column of the table in docs/plugins.md §1 (cells may list several, comma-separated). */
function documentedFiles(): string[] {
  const docs = readFileSync(app.makePath('docs/plugins.md'), 'utf8')
  const section = docs.slice(docs.indexOf('## 1. Generate a plugin'), docs.indexOf('## 2.'))
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]))
}
const ID = 'gen-probe-notes'

/*
| The generator's promise, kept by a test (docs/plugins.md §1 walks the same steps):
| `make:plugin` writes a plugin that type-checks (tsc for the server, vue-tsc for its
| page) and whose own tests pass — they request its API, its menu entry and page key,
| on the shared test book. Its tests run in a child `node ace test` on a database of
| its own (<this suite's>_gen), since the plugin is discovered at boot.
*/
test.group('make:plugin', () => {
  test('generates a plugin that type-checks and passes its own tests', async ({
    assert,
    cleanup,
  }) => {
    const root = app.makePath('plugins', ID)
    const scratch = app.makePath('tmp', `make-plugin-${process.pid}`)
    cleanup(() => rmSync(root, { recursive: true, force: true }))
    cleanup(() => rmSync(scratch, { recursive: true, force: true }))

    const ace = await app.container.make('ace')
    const made = await ace.exec('make:plugin', [ID, '--zh', '生成测试'])
    assert.equal(made.exitCode, 0)
    const tests = readdirSync(join(root, 'tests/functional'))
    assert.lengthOf(tests, 1)
    // docs/plugins.md §1 lists the files of `loan-notes`: the same ones, no more, no less.
    assert.sameMembers(
      generatedFiles(root).map((f) =>
        f
          .replaceAll('gen_probe_notes', 'loan_notes')
          .replace(/^database\/migrations\/\d{14}_/, 'database/migrations/<yyyyMMddHHmmss>_')
      ),
      documentedFiles()
    )

    const options = { cwd: app.makePath(), maxBuffer: 20 * 1024 * 1024 }
    // Server code: the whole project's tsc (plugins/ is in its include).
    await run('npx', ['tsc', '--noEmit'], options).catch((e) => assert.fail(e.stdout || e.message))
    // The console page and widget: vue-tsc over them with the console's settings.
    mkdirSync(scratch, { recursive: true })
    const vueConfig = join(scratch, 'tsconfig.json')
    writeFileSync(
      vueConfig,
      JSON.stringify({
        extends: app.makePath('frontend/tsconfig.json'),
        include: [
          app.makePath('frontend/src/env.d.ts'),
          `${root}/ui/**/*.vue`,
          `${root}/ui/**/*.ts`,
        ],
      })
    )
    await run('npx', ['vue-tsc', '--noEmit', '-p', vueConfig], options).catch((e) =>
      assert.fail(e.stdout || e.message)
    )

    const child = await run(
      'node',
      ['ace', 'test', 'functional', '--files', `plugins/${ID}/tests/functional/${tests[0]}`],
      {
        ...options,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DB_DATABASE: `${env.get('DB_DATABASE')}_gen`,
          QUEUE_PREFIX: `${env.get('QUEUE_PREFIX', 'ram_test')}_gen`,
          PORT: String(await freePort()),
          SIMULATOR_PORT: String(await freePort()),
        },
      }
    ).catch((e) => e)
    const output = `${child.stdout ?? ''}${child.stderr ?? ''}`
    assert.match(output, /(\d+) passed, 0 failed/, output)
    assert.notMatch(output, /\b0 passed/, output)
  }).timeout(600_000)
})
