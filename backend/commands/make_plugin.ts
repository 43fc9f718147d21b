import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { DateTime } from 'luxon'

/*
| `node ace make:plugin <id>` writes a working plugin in the exemplar's shape
| (docs/plugins.md §1 lists the files and the rule each shows): manifest,
| migration, model, scoped and audited CRUD with VineJS validators, statuses from
| a dictionary, money by the money rule, a customer of the book read through
| credit-assets' public service, a tiered approval (workflow type + handler), a
| ledger, a 首页视图 widget, a PDF template, a console page and a Japa test on the
| shared book. Restart and it is live.
*/
export default class MakePlugin extends BaseCommand {
  static commandName = 'make:plugin'
  static description =
    'Scaffold a business plugin under plugins/<id> (CRUD API, menu, console page, test)'

  @args.string({ description: 'Plugin id: lower-case words joined by dashes, e.g. loan-notes' })
  declare id: string

  @flags.string({ description: 'Chinese display name', alias: 'z' })
  declare zh?: string

  @flags.string({ description: 'Name of the resource (singular), default from the id, e.g. note' })
  declare resource?: string

  async run() {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(this.id) || this.id.length > 40) {
      this.logger.error('The id must be lower-case words joined by dashes (e.g. loan-notes)')
      this.exitCode = 1
      return
    }
    const { default: pluginsConfig } = await import('#config/plugins')
    const root = this.app.makePath(pluginsConfig.directory, this.id)
    if (existsSync(root)) {
      this.logger.error(`plugins/${this.id} already exists`)
      this.exitCode = 1
      return
    }

    const vars = names(this.id, this.resource, this.zh)
    const stamp = DateTime.now().toFormat('yyyyMMddHHmmss')
    const files: Array<[string, string]> = [
      ['plugin.ts', 'plugin.ts.stub'],
      [`database/migrations/${stamp}_create_${vars.table}_table.ts`, 'migration.ts.stub'],
      [`models/${vars.resourceSnake}.ts`, 'model.ts.stub'],
      [`validators/${vars.resourceSnake}.ts`, 'validator.ts.stub'],
      [`controllers/${vars.resourceSnake}s_controller.ts`, 'controller.ts.stub'],
      [`workflow/${vars.resourceSnake}_type.ts`, 'workflow_type.ts.stub'],
      [`workflow/${vars.resourceSnake}_handler.ts`, 'workflow_handler.ts.stub'],
      [`ui/${vars.Resource}Page.vue`, 'page.vue.stub'],
      ['ui/api.ts', 'api.ts.stub'],
      [`documents/${vars.resourceSnake}.hbs`, 'document.hbs.stub'],
      [`dashboard/${vars.resourceSnake}s_by_status.ts`, 'widget_data.ts.stub'],
      [`ui/widgets/${vars.resourceSnake}s_by_status.ts`, 'widget_view.ts.stub'],
      [`tests/functional/${vars.resourceSnake}s.spec.ts`, 'test.spec.ts.stub'],
    ]
    for (const [target, stub] of files) {
      const template = await readFile(new URL(`./stubs/plugin/${stub}`, import.meta.url), 'utf8')
      const file = join(root, target)
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, await formatted(file, render(template, vars)))
      this.logger.action(`create plugins/${this.id}/${target}`).succeeded()
    }
    this.logger.info(
      'Next: restart the app (npm start) — the migration runs, the menu appears, and `npm run test:api` runs its test.'
    )
  }
}

export function names(id: string, resourceFlag?: string, zh?: string) {
  const words = id.split('-')
  const last = words[words.length - 1]
  const resource = (
    resourceFlag ?? (last.endsWith('s') && last.length > 3 ? last.slice(0, -1) : last)
  ).toLowerCase()
  const pascal = (s: string) =>
    s
      .split(/[-_]/)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join('')
  const idSnake = words.join('_')
  return {
    id,
    idSnake,
    resource,
    resources: `${resource}s`,
    resourceSnake: resource.replace(/-/g, '_'),
    Resource: pascal(resource),
    resourceCamel: pascal(resource).replace(/^./, (c) => c.toLowerCase()),
    table: last.endsWith('s') ? idSnake : `${idSnake}_${resource}s`,
    nameEn: words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' '),
    nameZh: zh ?? id,
  }
}

/** Formats generated code with the project's Prettier config, so it passes lint as written. */
async function formatted(file: string, source: string) {
  if (file.endsWith('.hbs')) return source // Prettier's Handlebars printer drops the doctype.
  try {
    const prettier = await import('prettier')
    const options = { ...((await prettier.resolveConfig(file)) ?? {}), filepath: file }
    // Twice: Prettier's first pass over a long one-line chain is not always its last word.
    return await prettier.format(await prettier.format(source, options), options)
  } catch {
    return source // Prettier is a dev dependency; without it the code is still valid.
  }
}

/**
 * `{{name}}` placeholders only: the stubs are code, so nothing is HTML-escaped. An
 * unknown name stays as written, so a Handlebars stub keeps its own `{{title}}`.
 */
export function render(template: string, vars: Record<string, string>) {
  return template.replace(/\{\{(\w+)\}\}/g, (match, key) => vars[key] ?? match)
}
