/*
| Image captcha (图形验证码, a distorted PNG: captcha_image.ts) required after
| repeated login failures. The answer is
| kept server-side as a salted hash in login_captchas (any app node can check it)
| and each captcha is single-use and short-lived.
*/
import { createHash, randomInt, randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { fromDb } from '#core/db/db_time'
import { CAPTCHA_ALPHABET, renderCaptchaPng } from './captcha_image.js'

const ALPHABET = CAPTCHA_ALPHABET
const LENGTH = 4
const TTL_MINUTES = 5

const fmt = (dt: DateTime) => dt.toFormat('yyyy-MM-dd HH:mm:ss')
const digest = (id: string, answer: string) =>
  createHash('sha256').update(`${id}:${answer.trim().toUpperCase()}`).digest('hex')

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
  const image = `data:image/png;base64,${renderCaptchaPng(answer).toString('base64')}`
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
