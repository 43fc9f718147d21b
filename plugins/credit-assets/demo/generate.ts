/*
| 演示银行生成器: customers, contracts, loans across products and five-category
| classes, guarantees, collateral, classification history and repayments, from
| a fixed seed (same seed + same org tree → same bank, same checksum). Rows go
| in by multi-row INSERTs (BulkWriter), never per-row ORM saves, so a million
| loans take minutes. Ids are assigned here (after the tables' current maximum)
| so loans can point at their customer and contract without reading back.
*/
import { createHash } from 'node:crypto'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { dbNow } from '#core/db/db_time'
import { classRank, FIVE_CLASSES } from '../rules/five_class.js'
import { classificationFloor } from '../rules/classification_floor.js'
import { Prng } from '#core/demo/prng'
import { seal } from '#core/security/sensitive/index'
import { BulkWriter } from './bulk_writer.js'
import * as C from './catalog.js'
import { TABLES, type TableName } from './tables.js'
import {
  addCardAccounts,
  addSecurity,
  dateOf,
  dayOf,
  loadOrgs,
  type GenerationContext,
} from './generate_parts.js'

export interface GenerateOptions {
  customers: number
  loans: number
  seed?: number
  batchSize?: number
  /** The business date the book is "as of" ('YYYY-MM-DD'). */
  asOf: string
  onProgress?: (loansDone: number, loansTotal: number) => Promise<void> | void
}

export interface GenerateReport {
  seed: number
  asOf: string
  totalMs: number
  rows: number
  rowsPerSecond: number
  checksum: string
  tables: Array<{ table: string; rows: number; ms: number; rowsPerSecond: number }>
}

export async function generateDemoBank(
  client: QueryClientContract,
  options: GenerateOptions
): Promise<GenerateReport> {
  const started = performance.now()
  const seed = options.seed ?? 20240601
  const batchSize = options.batchSize ?? 2000
  const r = new Prng(seed)
  const orgs = await loadOrgs(client)
  const asOfDay = dayOf(options.asOf)
  const now = dbNow()
  const hash = createHash('sha256')

  // Ids continue after what the tables already hold, so a second run adds a second bank.
  const base = {} as Record<TableName, number>
  const writers = {} as Record<TableName, BulkWriter>
  for (const [name, spec] of Object.entries(TABLES) as Array<
    [TableName, (typeof TABLES)[TableName]]
  >) {
    const row = await client.from(name).max('id as max').first()
    base[name] = Number(row?.max ?? 0)
    const sealed = spec.sealed.flatMap((i) => [`${spec.columns[i]}_enc`, `${spec.columns[i]}_hash`])
    writers[name] = new BulkWriter(
      client,
      name,
      [...spec.columns, ...spec.stamps, ...sealed],
      batchSize
    )
  }
  const counters = Object.fromEntries(Object.keys(TABLES).map((t) => [t, 0])) as Record<
    TableName,
    number
  >

  /** Hashes the row with relative ids, then shifts ids and derives the document numbers. */
  async function emit(table: TableName, values: unknown[]): Promise<number> {
    const spec = TABLES[table]
    const id = ++counters[table]
    values.unshift(id)
    hash.update(table).update(values.join('|')).update('\n')
    values[0] = id + base[table]
    for (const [index, ref] of spec.refs)
      if (values[index] !== null) values[index] = (values[index] as number) + base[ref]
    if (spec.code) values[spec.code.index] = spec.code.prefix + String(values[0]).padStart(12, '0')
    for (let k = 0; k < spec.stamps.length; k++) values.push(now)
    for (const index of spec.sealed) {
      const s = seal('idNumber', values[index] as string | null)
      values[index] = s.masked
      values.push(s.enc, s.hash)
    }
    await writers[table].push(values)
    return id
  }

  const customerType = new Uint8Array(options.customers + 1)
  const customerOrg = new Uint16Array(options.customers + 1)
  const customerManager = new Int32Array(options.customers + 1)
  const types: C.CustomerType[] = ['corporate', 'individual', 'online']
  const ctx: GenerationContext = {
    r,
    seed,
    emit,
    orgs,
    asOfDay,
    loans: options.loans,
    customers: options.customers,
    customerType,
    customerOrg,
    customerManager,
    types,
  }

  for (let i = 1; i <= options.customers; i++) {
    const type = r.weighted(C.CUSTOMER_TYPES)
    const orgIndex = r.int(0, orgs.length - 1)
    const org = orgs[orgIndex]
    const manager = org.managers.length && r.chance(0.8) ? r.pick(org.managers) : null
    customerType[i] = types.indexOf(type)
    customerOrg[i] = orgIndex
    customerManager[i] = manager ?? 0
    const corporate = type === 'corporate'
    const name = corporate ? C.companyName(r, org.region) : C.personName(r)
    const groupName =
      corporate && r.chance(0.2)
        ? `${C.companyName(r, org.region).replace('有限公司', '')}集团`
        : null
    await emit('ca_customers', [
      '',
      name,
      type,
      corporate ? 'uscc' : 'id_card',
      corporate ? C.uscc(r, org.areaCode) : C.idCard(r, org.areaCode),
      corporate ? r.pick(C.INDUSTRIES) : null,
      org.region,
      groupName,
      org.id,
      manager,
    ])
    if (groupName) {
      await emit('ca_related_parties', [i, null, C.companyName(r, org.region), 'group_member'])
    }
  }
  await writers.ca_customers.flush()

  for (let i = 1; i <= options.loans; i++) {
    const customer = i <= options.customers ? i : r.int(1, options.customers)
    const type = types[customerType[customer]]
    const org = orgs[customerOrg[customer]]
    const manager = customerManager[customer] || null
    const product = r.weighted(C.PRODUCTS[type])
    const steps = Math.floor((product.max - product.min) / product.step)
    // Skewed toward the small end, as real books are.
    const amountFen = (product.min + Math.floor(steps * r.next() ** 2) * product.step) * 100
    const months = r.int(product.months[0], product.months[1])
    const settled = r.chance(0.04)
    const overdueDays = settled ? 0 : (([a, b]) => r.int(a, b))(r.weighted(C.OVERDUE))
    const startDay = asOfDay - overdueDays - r.int(30, Math.max(31, Math.min(months * 30, 2400)))
    const maturityDay = startDay + months * 30
    const rateMicros = Math.round(r.int(product.rateMin, product.rateMax) / 100) * 100
    const rate = `0.${String(rateMicros).padStart(6, '0')}`
    const repaid = overdueDays > 0 ? r.int(0, 500) : r.int(0, 900)
    const balanceFen = settled ? 0 : amountFen - Math.floor((amountFen * repaid) / 1000)

    // Mostly at the regulatory floor, some stricter, and ~7 % below it for the daily step to find.
    const floor = classRank(classificationFloor(overdueDays, 7))
    const roll = r.next()
    const rank = settled
      ? 1
      : roll < 0.07 && floor > 1
        ? floor - 1
        : roll < 0.12 && floor < 5
          ? floor + 1
          : floor
    const fiveClass = FIVE_CLASSES[rank - 1]
    const classifiedDay = rank > 1 ? asOfDay - r.int(0, Math.min(overdueDays, 200)) : startDay

    let overduePrincipal = 0
    let overdueInterest = 0
    if (overdueDays > 0) {
      overduePrincipal = Math.min(
        balanceFen,
        Math.floor((balanceFen * Math.min(overdueDays, 720)) / 720)
      )
      // BigInt: balance × rate × days overflows 2^53 for large corporate loans.
      overdueInterest = Number(
        (BigInt(balanceFen) * BigInt(rateMicros) * BigInt(Math.min(overdueDays, 720))) /
          360_000_000n
      )
    }
    const penalty = Math.floor(overdueInterest / 2)
    const compound = Math.floor(overdueInterest / 10)
    // 逾期 90 天以上的应收未收利息转表外核算.
    const offBalance = overdueDays > 90 ? overdueInterest + penalty + compound : 0
    const onBalance = overdueDays > 90 ? 0 : overdueInterest + penalty + compound

    const contract = await emit('ca_contracts', [
      '',
      customer,
      product.code,
      org.id,
      manager,
      'CNY',
      amountFen,
      dateOf(startDay),
      dateOf(maturityDay),
    ])
    const loan = await emit('ca_loans', [
      '',
      contract,
      customer,
      product.code,
      org.id,
      manager,
      'CNY',
      amountFen,
      balanceFen,
      rate,
      dateOf(startDay),
      dateOf(maturityDay),
      r.pick(C.REPAYMENT_METHODS),
      overdueDays,
      overduePrincipal,
      overdueInterest,
      penalty,
      compound,
      onBalance,
      offBalance,
      fiveClass,
      dateOf(classifiedDay),
      settled ? 'settled' : 'active',
    ])
    if (rank > 1) {
      await emit('ca_classification_history', [
        loan,
        'normal',
        fiveClass,
        dateOf(classifiedDay),
        '初始分类（演示数据）',
        null,
      ])
    }
    await addSecurity(ctx, loan, product.code, amountFen, org, overdueDays, startDay)
    if (settled || r.chance(0.4)) {
      const count = settled ? 1 : r.int(1, 3)
      for (let k = 0; k < count; k++) {
        const principal = settled ? amountFen : Math.floor((amountFen * r.int(1, 50)) / 1000)
        const paidDay = Math.min(
          asOfDay - 1,
          startDay + r.int(1, Math.max(1, asOfDay - startDay - 1))
        )
        await emit('ca_repayments', [
          loan,
          dateOf(paidDay),
          principal,
          Math.floor((principal * rateMicros) / 12_000_000),
          0,
        ])
      }
    }
    if (options.onProgress && i % 50_000 === 0) await options.onProgress(i, options.loans)
  }

  await addCardAccounts(ctx)

  for (const writer of Object.values(writers)) await writer.flush()
  await options.onProgress?.(options.loans, options.loans)

  const totalMs = performance.now() - started
  const tables = Object.values(writers).map((w) => ({
    table: w.table,
    rows: w.rows,
    ms: Math.round(w.ms),
    rowsPerSecond: w.ms ? Math.round((w.rows / w.ms) * 1000) : 0,
  }))
  const rows = tables.reduce((n, t) => n + t.rows, 0)
  return {
    seed,
    asOf: options.asOf,
    totalMs: Math.round(totalMs),
    rows,
    rowsPerSecond: Math.round((rows / totalMs) * 1000),
    checksum: hash.digest('hex'),
    tables,
  }
}
