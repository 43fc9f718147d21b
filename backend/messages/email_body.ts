/*
| E-mail bodies: Handlebars fills the MJML layout (every value HTML-escaped, so
| a customer name like "<b>" prints as text), then MJML turns it into the
| table-based HTML that bank mail clients (Outlook, Foxmail) render. Handlebars
| runs first because MJML drops text between its components, which would lose
| {{#each}} and {{#if}} blocks.
*/
import Handlebars from 'handlebars'
import mjml2html from 'mjml'
import { layoutMjml } from './templates/layout_mjml.js'

export interface EmailData {
  bankName: string
  typeName: string
  title: string
  recipientName: string
  body?: string | null
  facts?: Array<{ label: string; value: string }>
  linkUrl?: string | null
  sentAt: string
}

const handlebars = Handlebars.create()
// Escaped text with its line breaks kept.
handlebars.registerHelper(
  'lines',
  (text: unknown) =>
    new handlebars.SafeString(
      handlebars.Utils.escapeExpression(String(text ?? '')).replace(/\r?\n/g, '<br/>')
    )
)

let layout: HandlebarsTemplateDelegate<EmailData> | undefined

function compiledLayout() {
  return (layout ??= handlebars.compile<EmailData>(layoutMjml))
}

export async function renderEmail(data: EmailData): Promise<string> {
  // mjml 5 renders asynchronously (and no longer pulls html-minifier into production).
  const result = await mjml2html(compiledLayout()(data), { validationLevel: 'soft' })
  return result.html
}

/** The plain-text part, for clients that show no HTML. */
export function renderEmailText(data: EmailData): string {
  return [
    data.title,
    '',
    `${data.recipientName}，您好：`,
    data.body ?? '',
    ...(data.facts ?? []).map((f) => `${f.label}：${f.value}`),
    data.linkUrl ? `\n在系统中查看：${data.linkUrl}` : '',
  ].join('\n')
}
