/*
| 接入系统: the systems allowed to call us. The HMAC secret is generated here
| (32 random bytes), shown once (on creation and on rotation) and stored
| AES-256-GCM encrypted — the server must recompute signatures, so a one-way
| hash cannot serve. A rotation keeps the previous secret valid for a grace
| period (parameter) so the partner can switch without an outage.
*/
import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { encryptValue, decryptValue } from '#core/security/sensitive/index'
import { dbNow, fromDb } from '#core/db/db_time'

export const CLIENTS = 'gateway_clients'

export interface GatewayClient {
  id: number
  code: string
  name: string
  keyId: string
  enabled: boolean
  rateLimitPerMinute: number
  remark: string | null
  rotatedAt: string | null
  previousValidUntil: string | null
  grants: string[]
}

const newSecret = () => randomBytes(32).toString('base64url')
const newKeyId = () => `gw_${randomBytes(12).toString('hex')}`
const iso = (value: unknown) => fromDb(value)?.toISO() ?? null

function toClient(row: any, grants: string[]): GatewayClient {
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    keyId: row.key_id,
    enabled: Boolean(row.enabled),
    rateLimitPerMinute: Number(row.rate_limit_per_minute),
    remark: row.remark ?? null,
    rotatedAt: iso(row.rotated_at),
    previousValidUntil: iso(row.previous_valid_until),
    grants,
  }
}

async function grantsOf(ids: number[]) {
  const map = new Map<number, string[]>()
  if (!ids.length) return map
  const rows = await db.from('gateway_grants').whereIn('client_id', ids).orderBy('interface_code')
  for (const r of rows)
    map.set(Number(r.client_id), [...(map.get(Number(r.client_id)) ?? []), r.interface_code])
  return map
}

export interface ClientInput {
  code: string
  name: string
  rateLimitPerMinute: number
  enabled?: boolean
  remark?: string | null
  grants?: string[]
}

export const gatewayClients = {
  async list(): Promise<GatewayClient[]> {
    const rows = await db.from(CLIENTS).orderBy('code')
    const grants = await grantsOf(rows.map((r) => Number(r.id)))
    return rows.map((r) => toClient(r, grants.get(Number(r.id)) ?? []))
  },

  async find(id: number): Promise<GatewayClient | null> {
    const row = await db.from(CLIENTS).where('id', id).first()
    if (!row) return null
    return toClient(row, (await grantsOf([id])).get(id) ?? [])
  },

  async byCode(code: string) {
    return db.from(CLIENTS).where('code', code).first()
  },

  /** The row a key id names, with its usable secrets (current first). */
  async credentials(keyId: string) {
    const row = await db.from(CLIENTS).where('key_id', keyId).first()
    if (!row) return null
    const secrets = [decryptValue(row.secret_enc)]
    const graceUntil = fromDb(row.previous_valid_until)
    if (row.previous_secret_enc && graceUntil && graceUntil > DateTime.now())
      secrets.push(decryptValue(row.previous_secret_enc))
    return { row, secrets }
  },

  /** Creates a client; returns it with its secret (shown once). */
  async create(input: ClientInput) {
    const secret = newSecret()
    const now = dbNow()
    return db.transaction(async (trx) => {
      const [id] = await trx.table(CLIENTS).insert({
        code: input.code,
        name: input.name,
        key_id: newKeyId(),
        secret_enc: encryptValue(secret),
        enabled: input.enabled ?? true,
        rate_limit_per_minute: input.rateLimitPerMinute,
        remark: input.remark ?? null,
        created_at: now,
        updated_at: now,
      })
      await writeGrants(trx, Number(id), input.grants ?? [])
      const row = await trx.from(CLIENTS).where('id', id).first()
      return { client: toClient(row, [...(input.grants ?? [])].sort()), secret }
    })
  },

  async update(id: number, patch: Partial<Omit<ClientInput, 'code'>>) {
    await db.transaction(async (trx) => {
      const changes: Record<string, unknown> = {}
      if (patch.name !== undefined) changes.name = patch.name
      if (patch.rateLimitPerMinute !== undefined)
        changes.rate_limit_per_minute = patch.rateLimitPerMinute
      if (patch.enabled !== undefined) changes.enabled = patch.enabled
      if (patch.remark !== undefined) changes.remark = patch.remark
      await trx
        .from(CLIENTS)
        .where('id', id)
        .update({ ...changes, updated_at: dbNow() })
      if (patch.grants) await writeGrants(trx, id, patch.grants)
    })
    return this.find(id)
  },

  /** New secret; the old one stays valid for `graceHours` (0: refused at once). */
  async rotate(id: number, graceHours: number) {
    const row = await db.from(CLIENTS).where('id', id).first()
    if (!row) return null
    const secret = newSecret()
    const now = DateTime.now()
    await db
      .from(CLIENTS)
      .where('id', id)
      .update({
        secret_enc: encryptValue(secret),
        previous_secret_enc: graceHours > 0 ? row.secret_enc : null,
        previous_valid_until:
          graceHours > 0 ? now.plus({ hours: graceHours }).toFormat('yyyy-MM-dd HH:mm:ss') : null,
        rotated_at: dbNow(),
        updated_at: dbNow(),
      })
    return { client: (await this.find(id))!, secret }
  },

  /** The current secret in clear (the 接口测试 runner signs with it; callers audit). */
  async secretOf(id: number) {
    const row = await db.from(CLIENTS).where('id', id).first()
    return row ? { keyId: row.key_id as string, secret: decryptValue(row.secret_enc) } : null
  },
}

async function writeGrants(trx: any, clientId: number, codes: string[]) {
  await trx.from('gateway_grants').where('client_id', clientId).delete()
  const now = dbNow()
  const unique = [...new Set(codes)]
  if (unique.length)
    await trx
      .table('gateway_grants')
      .multiInsert(
        unique.map((code) => ({ client_id: clientId, interface_code: code, created_at: now }))
      )
}

/** 接入接口 switch: an interface without a row is open. */
export const interfaceSwitches = {
  async closed(): Promise<Set<string>> {
    const rows = await db.from('gateway_interfaces').where('enabled', false).select('code')
    return new Set(rows.map((r) => r.code as string))
  },
  async isOpen(code: string) {
    const row = await db.from('gateway_interfaces').where('code', code).first()
    return !row || Boolean(row.enabled)
  },
  async set(code: string, enabled: boolean) {
    const updated = await db
      .from('gateway_interfaces')
      .where('code', code)
      .update({ enabled, updated_at: dbNow() })
    if (!updated)
      await db.table('gateway_interfaces').insert({ code, enabled, updated_at: dbNow() })
  },
}

export async function isGranted(clientId: number, code: string) {
  return Boolean(
    await db
      .from('gateway_grants')
      .where('client_id', clientId)
      .where('interface_code', code)
      .first()
  )
}
