/*
| Filling a 法律文书 template. Templates are Handlebars, compiled with an isolated
| instance and the core's document helpers (yuan, eq, or, inc): every `{{value}}`
| is HTML-escaped, so a party named `<script>` prints as text. Raw output
| (`{{{…}}}`, `{{&…}}`) is refused when an administrator saves a template, and the
| filled text passes the rich-text sanitiser before it is stored, like every
| edit after it — the editor, the PDF and the .docx only ever see sanitised HTML.
*/
import Handlebars from 'handlebars'
import { documentHelpers } from '#core/documents/helpers'
import { sanitizeHtmlContent } from '#core/notices/sanitize_html'

const handlebars = Handlebars.create()
for (const [name, helper] of Object.entries(documentHelpers))
  handlebars.registerHelper(name, helper)

const compiled = new Map<string, HandlebarsTemplateDelegate>()

/** Why a template body cannot be saved (zh, en), or null when it compiles and escapes everything. */
export function templateProblem(body: string): { zh: string; en: string } | null {
  if (/\{\{\{|\{\{~?\s*&/.test(body))
    return {
      zh: '模板不得使用不转义输出（{{{ }}} 或 {{& }}）',
      en: 'Unescaped output ({{{ }}} or {{& }}) is not allowed',
    }
  try {
    handlebars.precompile(body, { strict: false })
  } catch (error) {
    return {
      zh: `模板语法错误：${(error as Error).message.split('\n')[0]}`,
      en: `Template syntax error: ${(error as Error).message.split('\n')[0]}`,
    }
  }
  return null
}

/** The filled template as sanitised HTML. */
export function fillTemplate(body: string, data: Record<string, unknown>): string {
  let render = compiled.get(body)
  if (!render) {
    render = handlebars.compile(body, { strict: false })
    if (compiled.size > 200) compiled.clear()
    compiled.set(body, render)
  }
  return sanitizeHtmlContent(render(data))
}
