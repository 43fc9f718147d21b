/*
| 文书模板: a plugin declares Handlebars templates in its manifest
| (`documentTemplates: [{ code, name, file }]`) and asks the core to render one
| by `{ plugin, template }`. The core reads the file from the plugin's folder —
| never from a path a request supplies — and compiles it with an isolated
| Handlebars instance, so `{{value}}` is HTML-escaped and one plugin's helpers
| cannot leak into another's. `{{{raw}}}` is the template author's explicit opt-out.
*/
import { readFile, stat } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import Handlebars from 'handlebars'
import { enabledPlugins } from '#core/plugins/registry'
import type { DocumentTemplateDefinition } from '#core/plugins/types'
import { documentHelpers } from './helpers.js'

export class DocumentTemplateError extends Error {}

const handlebars = Handlebars.create()
for (const [name, helper] of Object.entries(documentHelpers))
  handlebars.registerHelper(name, helper)

interface Compiled {
  mtimeMs: number
  render: HandlebarsTemplateDelegate
}
const compiled = new Map<string, Compiled>()

/** The manifest entry and absolute file of a plugin's template, or an error naming what is missing. */
export async function findTemplate(plugin: string, template: string) {
  const loaded = (await enabledPlugins()).find((p) => p.id === plugin)
  if (!loaded) throw new DocumentTemplateError(`Plugin "${plugin}" is not enabled`)
  const definition = (loaded.manifest.documentTemplates ?? []).find((t) => t.code === template)
  if (!definition) {
    throw new DocumentTemplateError(
      `Plugin "${plugin}" declares no document template "${template}"`
    )
  }
  const file = resolve(loaded.root, definition.file)
  // A manifest is code we trust, but a typo like '../x' should fail loudly, not read elsewhere.
  if (relative(loaded.root, file).startsWith('..')) {
    throw new DocumentTemplateError(`Template "${template}" lies outside plugins/${plugin}`)
  }
  return { definition: definition as DocumentTemplateDefinition, file }
}

/** Compiles once per file version (a changed .hbs is picked up without a restart). */
async function compiledTemplate(file: string) {
  const { mtimeMs } = await stat(file)
  const cached = compiled.get(file)
  if (cached && cached.mtimeMs === mtimeMs) return cached.render
  const render = handlebars.compile(await readFile(file, 'utf8'), { strict: false })
  compiled.set(file, { mtimeMs, render })
  return render
}

/** Renders a plugin's template to an HTML string (values HTML-escaped). */
export async function renderDocumentHtml(input: {
  plugin: string
  template: string
  data: Record<string, unknown>
}): Promise<{ html: string; definition: DocumentTemplateDefinition }> {
  const { definition, file } = await findTemplate(input.plugin, input.template)
  const render = await compiledTemplate(file)
  return { html: render(input.data), definition }
}
