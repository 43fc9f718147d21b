/*
| 密码策略: length, character classes, expiry and reuse ban, all parameters an
| administrator sets (系统管理 · 参数管理). One place checks a new password, for
| self-service change, administrators' resets and user creation alike.
*/
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { DateTime } from 'luxon'
import { settings } from '#core/settings/settings'

export interface PolicyProblem {
  rule: 'minLength' | 'classes' | 'reused' | 'containsUsername'
  message: { zh: string; en: string }
}

const CLASSES: Array<[RegExp, string]> = [
  [/[a-z]/, 'lower'],
  [/[A-Z]/, 'upper'],
  [/\d/, 'digit'],
  [/[^A-Za-z0-9]/, 'symbol'],
]

export async function loadPolicy() {
  return {
    minLength: await settings.integer('system.password.minLength'),
    minClasses: await settings.integer('system.password.minClasses'),
    expiryDays: await settings.integer('system.password.expiryDays'),
    historyCount: await settings.integer('system.password.historyCount'),
  }
}

/** Problems with a proposed password for a user (empty list = acceptable). */
export async function checkPassword(
  password: string,
  user: { id?: number; username: string }
): Promise<PolicyProblem[]> {
  const policy = await loadPolicy()
  const problems: PolicyProblem[] = []
  if (password.length < policy.minLength) {
    problems.push({
      rule: 'minLength',
      message: {
        zh: `密码至少 ${policy.minLength} 位`,
        en: `Use at least ${policy.minLength} characters`,
      },
    })
  }
  const classes = CLASSES.filter(([re]) => re.test(password)).length
  if (classes < policy.minClasses) {
    problems.push({
      rule: 'classes',
      message: {
        zh: `密码需包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`,
        en: `Use at least ${policy.minClasses} of: upper case, lower case, digits, symbols`,
      },
    })
  }
  if (user.username && password.toLowerCase().includes(user.username.toLowerCase())) {
    problems.push({
      rule: 'containsUsername',
      message: { zh: '密码不能包含用户名', en: 'The password must not contain the username' },
    })
  }
  if (user.id && policy.historyCount > 0) {
    const recent = await db
      .from('password_history')
      .where('user_id', user.id)
      .orderBy('id', 'desc')
      .limit(policy.historyCount)
    for (const row of recent) {
      if (await hash.verify(row.password_hash, password)) {
        problems.push({
          rule: 'reused',
          message: {
            zh: `不能使用最近 ${policy.historyCount} 次用过的密码`,
            en: `Do not reuse any of your last ${policy.historyCount} passwords`,
          },
        })
        break
      }
    }
  }
  return problems
}

/** Remembers a user's new password hash for the reuse ban (call after saving it). */
export async function rememberPassword(userId: number, passwordHash: string) {
  await db.table('password_history').insert({
    user_id: userId,
    password_hash: passwordHash,
    created_at: DateTime.now().toFormat('yyyy-MM-dd HH:mm:ss'),
  })
}

/** True when the password is older than the expiry period (0 = never expires). */
export async function passwordExpired(changedAt: DateTime | null): Promise<boolean> {
  const { expiryDays } = await loadPolicy()
  if (!expiryDays || !changedAt) return false
  return changedAt.plus({ days: expiryDays }) < DateTime.now()
}
