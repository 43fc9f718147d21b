/*
| 公告 and 债权转让通知书 (民法典 §546) of a delivered package, printed from the
| Handlebars templates in documents/ (escaped) by the core's headless Chromium.
| Both are made in bulk and in parts, so a 50 000-loan package prints as a
| series of documents of a bounded size: the 公告 lists 1 000 debtors per part,
| the notices 200 per part (one page each), in the printer's data scope. Which
| notice was served how and when is tracked on the notices (notices.ts).
*/
import db from '@adonisjs/lucid/services/db'
import { settings } from '#core/settings/settings'
import { businessDate } from '#core/business_day/business_date'
import type { UserAccess } from '#core/identity/user_access'
import { applyDataScope } from '#core/identity/data_scope'
import { Money } from '#core/money/money'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'
import { ITEMS, NOTICES, day, packageRow } from './store.js'
import { BatchError } from './batch_error.js'

export const ANNOUNCEMENT_PART = 1000
export const NOTICE_PART = 200

const zhDate = (d: string | null) =>
  d ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : ''
const fenSum = (rows: any[], column: string) =>
  Money.sum(rows.map((r) => Money.fromFen(String(r[column])))).toYuan()

async function header(access: UserAccess, packageId: number) {
  const pkg = await packageRow(access, packageId)
  if (!['delivering', 'delivered'].includes(pkg.status))
    throw new BatchError(409, '资产包尚未交割，不能生成公告和债权转让通知书')
  return {
    pkg,
    data: {
      packageNo: pkg.package_no,
      buyer: pkg.buyer ?? '',
      contractNo: pkg.contract_no ?? '',
      announcementNo: pkg.announcement_no ?? '',
      handoverZh: zhDate(day(pkg.handover_date)),
      bankName: await settings.string('system.bank.name'),
      printedZh: zhDate(await businessDate.current()),
    },
  }
}

/** The package's loans in the caller's scope, of the given debtors. */
function loansOf(access: UserAccess, packageId: number, customerIds: number[]) {
  return applyDataScope(
    db.from(`${ITEMS} as i`).where('i.package_id', packageId).whereIn('i.customer_id', customerIds),
    access,
    { orgColumn: 'i.org_id', ownerColumn: 'i.manager_id' }
  )
    .orderBy('i.id')
    .select(
      'i.loan_id',
      'i.loan_no',
      'i.customer_id',
      'i.customer_name',
      db.raw('CAST(i.principal_fen AS CHAR) as principal_fen'),
      db.raw('CAST(i.on_interest_fen + i.off_interest_fen AS CHAR) as interest_fen')
    )
}

/** 债权转让暨债务催收联合公告, part `part` (1-based) of the package's debtors. */
export async function announcementData(access: UserAccess, packageId: number, part: number) {
  const { pkg, data } = await header(access, packageId)
  const scoped = () =>
    applyDataScope(db.from(`${ITEMS} as i`).where('i.package_id', packageId), access, {
      orgColumn: 'i.org_id',
      ownerColumn: 'i.manager_id',
    })
  const [all] = await scoped().select(
    db.raw('COUNT(DISTINCT i.customer_id) as debtors'),
    db.raw('COUNT(*) as loans'),
    db.raw('CAST(COALESCE(SUM(i.principal_fen), 0) AS CHAR) as principal_fen')
  )
  const parts = Math.max(1, Math.ceil(Number(all.debtors) / ANNOUNCEMENT_PART))
  if (part > parts) throw new BatchError(404, '公告没有这一部分')
  const debtorIds = (
    await scoped()
      .distinct('i.customer_id')
      .orderBy('i.customer_id')
      .offset((part - 1) * ANNOUNCEMENT_PART)
      .limit(ANNOUNCEMENT_PART)
  ).map((r: any) => Number(r.customer_id))
  const loans = debtorIds.length ? await loansOf(access, packageId, debtorIds) : []
  const guarantors = new Map<number, Set<string>>()
  if (loans.length)
    for (const g of await db
      .from(book.guarantees.as('g'))
      .whereIn(
        'g.loan_id',
        loans.map((l: any) => l.loan_id)
      )
      .whereNotNull('g.guarantor_name')
      .select('g.loan_id', 'g.guarantor_name')) {
      const debtor = Number(loans.find((l: any) => l.loan_id === g.loan_id)?.customer_id)
      guarantors.set(debtor, (guarantors.get(debtor) ?? new Set()).add(g.guarantor_name))
    }
  const debtors = debtorIds.map((id, n) => {
    const own = loans.filter((l: any) => Number(l.customer_id) === id)
    return {
      no: (part - 1) * ANNOUNCEMENT_PART + n + 1,
      name: own[0]?.customer_name ?? '',
      loanNos: own.map((l: any) => l.loan_no).join('、'),
      principal: fenSum(own, 'principal_fen'),
      interest: fenSum(own, 'interest_fen'),
      guarantors: [...(guarantors.get(id) ?? [])].join('、'),
    }
  })
  return {
    pkg,
    parts,
    data: {
      ...data,
      debtorCount: Number(all.debtors),
      loanCount: Number(all.loans),
      principal: Money.fromFen(String(all.principal_fen)).toYuan(),
      part: parts > 1 ? part : null,
      parts,
      debtors,
    },
  }
}

/** 债权转让通知书: the given notices, or part `part` of all, one per page, in the caller's scope. */
export async function noticesData(
  access: UserAccess,
  packageId: number,
  input: { part: number; noticeIds?: number[] }
) {
  const { pkg, data } = await header(access, packageId)
  const q = applyDataScope(db.from(NOTICES).where('package_id', packageId), access, {
    orgColumn: 'org_id',
  })
  if (input.noticeIds?.length) q.whereIn('id', input.noticeIds)
  const [{ n }] = await q.clone().count('* as n')
  const parts = Math.max(1, Math.ceil(Number(n) / NOTICE_PART))
  if (input.part > parts) throw new BatchError(404, '通知书没有这一部分')
  const notices = await q
    .orderBy('id')
    .offset((input.part - 1) * NOTICE_PART)
    .limit(NOTICE_PART)
  if (!notices.length) throw new BatchError(404, '没有可打印的债权转让通知书')
  // A debtor's notice lists its loans; a guarantor's the loans it guarantees.
  const debtorLoans = await loansOf(
    access,
    packageId,
    notices.filter((x: any) => x.party_kind === 'debtor').map((x: any) => Number(x.customer_id))
  )
  const guaranteed = notices.some((x: any) => x.party_kind === 'guarantor')
    ? await db
        .from(book.guarantees.as('g'))
        .join(`${ITEMS} as i`, 'i.loan_id', 'g.loan_id')
        .where('i.package_id', packageId)
        .select(
          'g.guarantor_customer_id',
          'g.guarantor_name',
          'i.loan_no',
          'i.customer_name',
          db.raw('CAST(i.principal_fen AS CHAR) as principal_fen'),
          db.raw('CAST(i.on_interest_fen + i.off_interest_fen AS CHAR) as interest_fen')
        )
    : []
  const line = (l: any) => ({
    loanNo: l.loan_no,
    customerName: l.customer_name,
    principal: Money.fromFen(String(l.principal_fen)).toYuan(),
    interest: Money.fromFen(String(l.interest_fen)).toYuan(),
  })
  return {
    pkg,
    parts,
    count: notices.length,
    data: {
      ...data,
      notices: notices.map((x: any) => ({
        partyName: x.party_name,
        partyKind: x.party_kind,
        partyRole: x.party_kind === 'guarantor' ? '担保人' : '借款人',
        loans: (x.party_kind === 'guarantor'
          ? guaranteed.filter((g: any) =>
              x.customer_id
                ? Number(g.guarantor_customer_id) === Number(x.customer_id)
                : g.guarantor_name === x.party_key
            )
          : debtorLoans.filter((l: any) => Number(l.customer_id) === Number(x.customer_id))
        ).map(line),
      })),
    },
  }
}
