/*
| Image captcha (图形验证码) required after repeated login failures. The answer is
| kept server-side as a salted hash in login_captchas (any app node can check it)
| and each captcha is single-use and short-lived.
*/
import { createHash, randomInt, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { fromDb } from '#core/support/db_time'

/** No 0/O, 1/I/L: characters a clerk cannot confuse. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const LENGTH = 4
const TTL_MINUTES = 5

const fmt = (dt: DateTime) => dt.toFormat('yyyy-MM-dd HH:mm:ss')
const digest = (id: string, answer: string) =>
  createHash('sha256').update(`${id}:${answer.trim().toUpperCase()}`).digest('hex')

/** An SVG with jittered, rotated glyphs and noise lines (no image library needed). */
export function renderCaptchaSvg(text: string): string {
  const width = 120
  const height = 40
  const lines = Array.from({ length: 5 }, () => {
    const [x1, y1, x2, y2] = [
      randomInt(0, width),
      randomInt(0, height),
      randomInt(0, width),
      randomInt(0, height),
    ]
    return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="hsl(${randomInt(0, 360)},40%,60%)" stroke-width="1"/>`
  })
  const glyphs = [...text].map((ch, i) => {
    const x = 14 + i * 26 + randomInt(-3, 4)
    const y = 28 + randomInt(-4, 5)
    const rotate = randomInt(-25, 26)
    return `<text x="${x}" y="${y}" transform="rotate(${rotate} ${x} ${y})" font-family="monospace" font-size="24" font-weight="bold" fill="hsl(${randomInt(0, 360)},55%,35%)">${ch}</text>`
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#f2f4f8"/>${lines.join('')}${glyphs.join('')}</svg>`
}

export async function issueCaptcha(answerForTests?: string) {
  const id = randomUUID()
  const answer =
    answerForTests ??
    Array.from({ length: LENGTH }, () => ALPHABET[randomInt(0, ALPHABET.length)]).join('')
  await db.from('login_captchas').where('expires_at', '<', fmt(DateTime.now())).delete()
  await db.table('login_captchas').insert({
    id,
    answer_hash: digest(id, answer),
    expires_at: fmt(DateTime.now().plus({ minutes: TTL_MINUTES })),
  })
  const image = `data:image/svg+xml;base64,${Buffer.from(renderCaptchaSvg(answer)).toString('base64')}`
  return { id, image, answer }
}

/** Checks and consumes a captcha: right or wrong, it cannot be used again. */
export async function verifyCaptcha(
  id: string | undefined,
  answer: string | undefined
): Promise<boolean> {
  if (!id || !answer) return false
  const row = await db.from('login_captchas').where('id', id).first()
  if (!row) return false
  await db.from('login_captchas').where('id', id).delete()
  const expiresAt = fromDb(row.expires_at)
  return !!expiresAt && expiresAt > DateTime.now() && row.answer_hash === digest(id, answer)
}
