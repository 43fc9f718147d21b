import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'
import User from '#core/identity/user'
import type { DataScope } from '#core/identity/role'

/*
| 通知公告 test helpers. Demo orgs: 总行 000000 → 北京分行 110000 → 朝阳支行 110101 /
| 海淀支行 110102; 上海分行 310000.
*/
export const ADMIN_CODES = ['list', 'create', 'update', 'publish', 'revoke', 'delete'].map(
  (a) => `system:notice:${a}`
)

export type Client = any
let drafts = 0
export type Target = { type: 'org' | 'org_and_below' | 'role'; id: number }

/** A notices administrator; bank-wide unless a scope and org are given. */
export function publisherAt(orgCode = '000000', dataScope: DataScope = 'all') {
  return userWith({ permissions: ADMIN_CODES, dataScope, orgCode })
}

/** A staff member with no permissions at all, sitting at an org. */
export function readerAt(orgCode: string) {
  return userWith({ permissions: [], orgCode })
}

/** A second session of the same user (a repeated request from it is not a double submit). */
export async function anotherSession(user: User): Promise<string> {
  return (await User.accessTokens.create(user)).value!.release()
}

/** A refusal by the notice rules (not by 防重复提交, which also answers 409). */
export function assertConflict(response: any, code: string) {
  response.assertStatus(409)
  response.assertBodyContains({ code })
}

export async function roleIdOf(userId: number): Promise<number> {
  const row = await db.from('user_roles').where('user_id', userId).firstOrFail()
  return row.role_id
}

export async function draft(client: Client, token: string, fields: Record<string, unknown> = {}) {
  const response = await client
    .post('/api/system/notices')
    .bearerToken(token)
    // Each draft differs: 防重复提交 refuses the same body twice within seconds.
    .json({
      title: `关于做好季度末不良资产清收工作的通知（${++drafts}）`,
      kind: 'notice',
      contentHtml: '<p>请各分行于月底前报送。</p>',
      ...fields,
    })
  response.assertStatus(201)
  return response.body().id as number
}

export function publish(
  client: Client,
  token: string,
  id: number,
  audience: 'all' | 'targeted',
  targets?: Target[]
) {
  return client
    .post(`/api/system/notices/${id}/publish`)
    .bearerToken(token)
    .json({ audience, targets })
}

export async function published(
  client: Client,
  token: string,
  audience: 'all' | 'targeted',
  targets?: Target[]
) {
  const id = await draft(client, token)
  const response = await publish(client, token, id, audience, targets)
  response.assertStatus(200)
  return id
}

export async function myIds(client: Client, token: string, query: Record<string, unknown> = {}) {
  const response = await client
    .get('/api/notices/mine')
    .bearerToken(token)
    .qs({ perPage: 100, ...query })
  response.assertStatus(200)
  return response.body().data.map((n: any) => n.id) as number[]
}

export async function unread(client: Client, token: string): Promise<number> {
  const response = await client.get('/api/notices/mine/unread-count').bearerToken(token)
  response.assertStatus(200)
  return response.body().unread
}
