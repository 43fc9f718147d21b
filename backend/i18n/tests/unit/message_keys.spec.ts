import { test } from '@japa/runner'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { messages } from '#core/i18n/messages'

/*
| Issue 12 defect 14: every message key the server throws or answers with has
| a zh-CN and an en text. Walks the source of core and plugins (tests aside)
| for the places a key reaches a user — ctx.i18n('…'), translate(…, '…'),
| new XxxError(status?, '…'), key: '…', .blocked('…'), .field(f, rule, '…')
| and FourEyesError codes (fourEyes.<CODE>) — and looks each one up.
*/
const ROOTS = ['backend', 'plugins']
const KEY = String.raw`'([a-z][A-Za-z]*(?:\.[A-Za-z][\w-]*)+)'`
const PATTERNS = [
  new RegExp(String.raw`i18n\(\s*${KEY}`, 'g'),
  new RegExp(String.raw`translate\(\s*\w+,\s*${KEY}`, 'g'),
  // Not when literal texts follow: `new XError(422, 'filter.limit', '中文…', 'English…')` names a field.
  new RegExp(String.raw`new (?!FourEyes)\w+Error\(\s*(?:\d{3},\s*)?${KEY}(?!\s*,\s*['\`])`, 'g'),
  // A problem's `key:` — not a parameter definition's (`key: 'system.x', name: …`).
  new RegExp(String.raw`\bkey: ${KEY}(?![^}]{0,40}\bname:)`, 'g'),
  new RegExp(String.raw`\.blocked\(\s*${KEY}`, 'g'),
  new RegExp(String.raw`\.field\(\s*'[^']*',\s*'[^']*',\s*${KEY}`, 'g'),
]
const FOUR_EYES = /new FourEyesError\(\s*'([A-Z_]+)'/g

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (name === 'node_modules' || name === 'tests' || name === 'simulator') return []
    if (statSync(full).isDirectory()) return sources(full)
    return name.endsWith('.ts') ? [full] : []
  })
}

/** Every key the code hands to users, with the file it came from. */
function usedKeys() {
  const found = new Map<string, string>()
  for (const file of ROOTS.flatMap(sources)) {
    const text = readFileSync(file, 'utf8')
    for (const pattern of PATTERNS)
      for (const match of text.matchAll(pattern))
        // 'l.id'-style SQL aliases share the shape; a message key's area is a word.
        if (!/^[a-z]{1,2}\./.test(match[1])) found.set(match[1], file)
    for (const match of text.matchAll(FOUR_EYES)) found.set(`fourEyes.${match[1]}`, file)
  }
  return found
}

test.group('Message keys', () => {
  test('the walk finds the keys it is meant to find', ({ assert }) => {
    const keys = usedKeys()
    for (const key of ['workflow.noApprover', 'http.notFound', 'fourEyes.OWN_CHANGE'])
      assert.isTrue(keys.has(key), key)
    assert.isAbove(keys.size, 100)
  })

  test('every key a user can receive has zh-CN and en text', ({ assert }) => {
    const missing: string[] = []
    for (const [key, file] of usedKeys()) {
      for (const locale of ['zh-CN', 'en'] as const)
        if (!messages[locale][key]) missing.push(`${locale} ${key} (${file})`)
    }
    assert.deepEqual(missing, [], missing.join('\n'))
  })
})
