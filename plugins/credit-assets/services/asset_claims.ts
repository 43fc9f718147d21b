/*
| 资产占用 (asset claims): the one published lock on a loan across plugins. A
| plugin whose application takes loans out of ordinary management while it is
| open — a 核销方案, a 批量转让项目, a 债权转让 / 减免 / 重组 / 以资抵债 申请 —
| claims them when the application opens and releases them when it closes
| (rejected, withdrawn, executed). A loan has at most one holder (primary key),
| so a second application asking for it is refused with a 409 that names the
| holder ("借据 JJ001 已在核销方案 HXFA… 中"), whoever got there first.
|
|   await db.transaction(async (trx) => {
|     await assetClaims.claim(trx, { holder: 'write-off', ref: `plan:${id}`,
|       label: `核销方案 ${planNo}` }, loanIds)
|   })
|   … later, in the closing transaction:
|   await assetClaims.release(trx, { holder: 'write-off', ref: `plan:${id}` })
|
| Set-based callers (a 50 000-loan pool) use `claimSelected` with a query that
| selects `loan_id`, and exclude claimed loans in their own SQL with
| `whereUnclaimed` (or join the `assetClaims` lookup). Claims ride in the
| caller's transaction: they commit or roll back with the application.
*/
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { dbNow } from '#core/db/db_time'
import { RuleError } from '#core/plugins/rule_error'
import { affectedRows } from '#core/db/affected_rows'
import { bookLookups } from './book_lookups.js'

const CLAIMS = bookLookups.assetClaims.table
const CHUNK = 1000

export interface ClaimOwner {
  /** The holding plugin's id. */
  holder: string
  /** Its record, stable and short: `plan:12`, `project:3`. */
  ref: string
  /** What a clerk reads in a refusal: `核销方案 HXFA20261207000012`. */
  label: string
}

export interface Holding {
  loanId: number
  holder: string
  ref: string
  label: string
}

/**
 * A loan is held by another application: 409 `{ message, code }` naming the holder,
 * a RuleError the exception handler answers in the caller's language.
 */
export class AssetClaimError extends RuleError {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly holding: Holding | null
  ) {
    super(409, 'creditAssets.loanHeld', { text: { zh, en } })
    this.message = zh
  }

  /** The texts as written (a holder's label is never read as a template). */
  messageFor(ctx: HttpContext) {
    return ctx.locale === 'en' ? this.en : this.zh
  }
}

const isDuplicate = (error: any) =>
  error?.code === 'ER_DUP_ENTRY' ||
  /UNIQUE constraint failed|Duplicate entry/i.test(String(error?.message))

function checkedOwner(owner: Pick<ClaimOwner, 'holder' | 'ref'>) {
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(owner.holder)) throw new Error('A claim needs a plugin id')
  if (!owner.ref || owner.ref.length > 64) throw new Error('A claim needs a ref of ≤ 64 chars')
}

/* Column names go into SQL text: only `alias.column`. */
function column(loanColumn: string) {
  if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(loanColumn)) throw new Error('Bad loan column')
  return loanColumn
}

const sameOwner = (h: Holding, owner: Pick<ClaimOwner, 'holder' | 'ref'>) =>
  h.holder === owner.holder && h.ref === owner.ref

/** Who holds each of the loans (loans nobody holds are absent). */
async function holders(
  loanIds: number[],
  options: { client?: Pick<QueryClientContract, 'from'> } = {}
) {
  const client = options.client ?? db
  const ids = [...new Set(loanIds.map(Number))]
  const found = new Map<number, Holding>()
  for (let start = 0; start < ids.length; start += CHUNK)
    for (const r of await client
      .from(CLAIMS)
      .whereIn('loan_id', ids.slice(start, start + CHUNK))
      .select('loan_id', 'holder', 'holder_ref', 'label'))
      found.set(Number(r.loan_id), {
        loanId: Number(r.loan_id),
        holder: r.holder,
        ref: r.holder_ref,
        label: r.label,
      })
  return found
}

async function refusal(client: Pick<QueryClientContract, 'from'>, holding: Holding) {
  const loan = await client
    .from(bookLookups.loans.table)
    .where('id', holding.loanId)
    .select('loan_no')
    .first()
  const no = loan?.loan_no ?? `#${holding.loanId}`
  return new AssetClaimError(
    `借据 ${no} 已在${holding.label}中，不能同时办理`,
    `Loan ${no} is held by ${holding.label} (${holding.holder})`,
    holding
  )
}

/**
 * Claims the loans for the owner in the caller's transaction. Loans the owner
 * already holds are kept (a repeated claim is a no-op); a loan another
 * application holds is a 409 naming it, and nothing is claimed. Returns how
 * many were newly claimed.
 */
async function claim(trx: TransactionClientContract, owner: ClaimOwner, loanIds: number[]) {
  if (!trx?.isTransaction) throw new Error('asset_claims needs the caller’s transaction')
  checkedOwner(owner)
  const held = await holders(loanIds, { client: trx })
  const other = [...held.values()].find((h) => !sameOwner(h, owner))
  if (other) throw await refusal(trx, other)
  const fresh = [...new Set(loanIds.map(Number))].filter((id) => !held.has(id))
  const now = dbNow()
  const label = owner.label.slice(0, 200)
  try {
    for (let start = 0; start < fresh.length; start += CHUNK)
      await trx.table(CLAIMS).multiInsert(
        fresh.slice(start, start + CHUNK).map((loanId) => ({
          loan_id: loanId,
          holder: owner.holder,
          holder_ref: owner.ref,
          label,
          claimed_at: now,
        }))
      )
  } catch (error) {
    if (!isDuplicate(error)) throw error
    // Another application claimed one of them since we looked: name it.
    const now2 = await holders(fresh, { client: db })
    const racer = [...now2.values()].find((h) => !sameOwner(h, owner))
    throw racer
      ? await refusal(db, racer)
      : new AssetClaimError(
          '所选借据刚被其他业务占用，请重试',
          'A loan was claimed meanwhile',
          null
        )
  }
  return fresh.length
}

/**
 * The set-based claim: every loan `selected` yields (a query selecting one
 * column, the loan id) that nobody holds yet, in one INSERT … SELECT. Loans
 * held by anyone (the owner included) are skipped; callers narrow `selected`
 * with whereUnclaimed first so the count they show is right. Returns how many
 * were claimed.
 */
async function claimSelected(
  trx: TransactionClientContract,
  owner: ClaimOwner,
  selected: DatabaseQueryBuilderContract
) {
  if (!trx?.isTransaction) throw new Error('asset_claims needs the caller’s transaction')
  checkedOwner(owner)
  const { sql, bindings } = selected.toSQL()
  try {
    // The statement's own row count: counting the owner's claims before and after
    // would read every one of them twice (50 000 on a big pool).
    return affectedRows(
      await trx.rawQuery(
        `INSERT INTO ${CLAIMS} (loan_id, holder, holder_ref, label, claimed_at)
         SELECT s.loan_id, ?, ?, ?, ? FROM (${sql}) s
          WHERE NOT EXISTS (SELECT 1 FROM ${CLAIMS} x WHERE x.loan_id = s.loan_id)`,
        [owner.holder, owner.ref, owner.label.slice(0, 200), dbNow(), ...(bindings as any[])]
      )
    )
  } catch (error) {
    if (isDuplicate(error))
      throw new AssetClaimError(
        '部分借据刚被其他业务占用，请重新执行',
        'Some loans were claimed meanwhile; run it again',
        null
      )
    throw error
  }
}

/**
 * For a plugin's migration when it starts claiming: its applications already
 * open claim their loans. `rows` come in priority order (the earliest
 * application first); a loan someone already holds, or listed twice, keeps its
 * first holder and the others go on unheld. Returns how many were claimed.
 */
async function claimExisting(
  client: QueryClientContract,
  rows: Array<ClaimOwner & { loanId: number }>
) {
  rows.forEach(checkedOwner)
  const taken = new Set(
    (
      await holders(
        rows.map((r) => r.loanId),
        { client }
      )
    ).keys()
  )
  const fresh = rows.filter((r) => !taken.has(Number(r.loanId)) && taken.add(Number(r.loanId)))
  const now = dbNow()
  for (let start = 0; start < fresh.length; start += CHUNK)
    await client.table(CLAIMS).multiInsert(
      fresh.slice(start, start + CHUNK).map((r) => ({
        loan_id: Number(r.loanId),
        holder: r.holder,
        holder_ref: r.ref,
        label: r.label.slice(0, 200),
        claimed_at: now,
      }))
    )
  return fresh.length
}

/** Releases the owner's claims (all of them, or only `loanIds`). Returns how many. */
async function release(
  trx: TransactionClientContract,
  owner: Pick<ClaimOwner, 'holder' | 'ref'>,
  loanIds?: number[]
) {
  checkedOwner(owner)
  const q = () => trx.from(CLAIMS).where('holder', owner.holder).where('holder_ref', owner.ref)
  if (!loanIds) return Number(await q().delete())
  let n = 0
  for (let start = 0; start < loanIds.length; start += CHUNK)
    n += Number(
      await q()
        .whereIn('loan_id', loanIds.slice(start, start + CHUNK))
        .delete()
    )
  return n
}

/**
 * Narrows a query over loans to those nobody holds — or, with `except`, that
 * nobody but `except` holds. `loanColumn` is the loan id column (`l.id`).
 */
function whereUnclaimed(
  q: DatabaseQueryBuilderContract,
  loanColumn: string,
  except?: Pick<ClaimOwner, 'holder' | 'ref'>
) {
  const sub = db.from(`${CLAIMS} as ac`).whereRaw(`ac.loan_id = ${column(loanColumn)}`)
  if (except)
    sub.whereNot((w) => w.where('ac.holder', except.holder).where('ac.holder_ref', except.ref))
  return q.whereNotExists(sub.select(db.raw('1')))
}

/** Narrows a query over loans to those some application other than `except` holds. */
function whereClaimedByOthers(
  q: DatabaseQueryBuilderContract,
  loanColumn: string,
  except: Pick<ClaimOwner, 'holder' | 'ref'>
) {
  return q.whereExists(
    db
      .from(`${CLAIMS} as ac`)
      .whereRaw(`ac.loan_id = ${column(loanColumn)}`)
      .whereNot((w) => w.where('ac.holder', except.holder).where('ac.holder_ref', except.ref))
      .select(db.raw('1'))
  )
}

export const assetClaims = {
  claim,
  claimSelected,
  claimExisting,
  release,
  holders,
  whereUnclaimed,
  whereClaimedByOthers,
}
