import db from '@adonisjs/lucid/services/db'
import { userWith } from '#tests/helpers/auth'

/*
| Helpers for the 数据字典, 系统提示管理, 参数管理 and 菜单管理 administration tests.
*/
export type Method = 'get' | 'post' | 'put' | 'delete'

export const admin = () =>
  userWith({
    permissions: [
      'system:dict:list',
      'system:dict:create',
      'system:dict:update',
      'system:dict:delete',
      'system:prompt:list',
      'system:prompt:update',
      'system:setting:list',
      'system:setting:update',
      'system:setting:freeze',
      'system:menu:list',
      'system:menu:create',
      'system:menu:update',
      'system:menu:delete',
      'system:change:list',
      'system:change:approve',
    ],
  })

/** A request as the given token, with a JSON body when there is one. */
export function call(
  client: any,
  token: string,
  method: Method,
  url: string,
  body?: object,
  locale?: string
) {
  let request = client[method](url).bearerToken(token)
  if (locale) request = request.header('Accept-Language', locale)
  return body === undefined ? request : request.json(body)
}

export const auditRows = async (action: string, entityId: string) => {
  if (!(await db.connection().schema.hasTable('audit_logs'))) return null
  return db.from('audit_logs').where('action', action).where('entity_id', entityId)
}
