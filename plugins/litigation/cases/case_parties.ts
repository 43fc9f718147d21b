/*
| 当事人 from the book: the borrower is the case's customer, guarantors and
| mortgagors are guarantees of the case's loans (book_api, in the user's scope),
| the bank is the bank (业务参数 system.bank.name) and its org. Only a party the
| book does not know (kind `other`) is typed in. What the book says wins over
| the browser: names are never taken from the request for a book party.
*/
import db from '@adonisjs/lucid/services/db'
import type { UserAccess } from '#core/identity/user_access'
import { settings } from '#core/settings/settings'
import { bookApi, type BookCustomer } from '../../credit-assets/services/book_api.js'
import { CaseError } from './case_error.js'

export interface PartyInput {
  role: string
  kind: string
  guaranteeId?: number | null
  name?: string | null
  address?: string | null
  legalRepresentative?: string | null
}

export interface PartyRow {
  role: string
  kind: string
  customer_id: number | null
  guarantee_id: number | null
  collateral_id: number | null
  name: string
  id_type: string | null
  address: string | null
  legal_representative: string | null
  sort: number
}

/** The bank's name as a party: 示范银行 + the org that sues (北京朝阳支行). */
export async function bankPartyName(orgId: number) {
  const bank = await settings.string('system.bank.name')
  const org = await db.from('orgs').where('id', orgId).select('name').first()
  return `${bank}${org?.name ?? ''}`
}

/** The book parties a case of these loans may name (the form's choices). */
export async function partyOptions(access: UserAccess, customer: BookCustomer, loanIds: number[]) {
  const guarantees = loanIds.length
    ? (await bookApi.guarantees.search({ loanIds, perPage: 200 }, { access })).data
    : []
  return [
    {
      kind: 'bank',
      role: 'plaintiff',
      guaranteeId: null,
      name: await bankPartyName(customer.orgId),
    },
    { kind: 'borrower', role: 'defendant', guaranteeId: null, name: customer.name },
    ...guarantees.map((g) => ({
      kind: g.guaranteeType === 'guaranty' ? 'guarantor' : 'mortgagor',
      role: 'defendant',
      guaranteeId: g.id,
      name: g.guarantorName,
      guaranteeType: g.guaranteeType,
      loanId: g.loanId,
    })),
  ]
}

export async function resolveParties(
  access: UserAccess,
  customer: BookCustomer,
  loanIds: number[],
  parties: PartyInput[]
): Promise<PartyRow[]> {
  const guaranteeIds = parties.map((p) => p.guaranteeId).filter((id): id is number => !!id)
  const guarantees = guaranteeIds.length
    ? (await bookApi.guarantees.search({ ids: guaranteeIds, loanIds, perPage: 200 }, { access }))
        .data
    : []
  const rows: PartyRow[] = []
  for (const [index, party] of parties.entries()) {
    const field = `parties.${index}`
    const base = {
      role: party.role,
      kind: party.kind,
      address: party.address ?? null,
      legal_representative: party.legalRepresentative ?? null,
      sort: index + 1,
      collateral_id: null,
    }
    if (party.kind === 'borrower') {
      rows.push({
        ...base,
        customer_id: customer.id,
        guarantee_id: null,
        name: customer.name,
        id_type: customer.idType,
      })
    } else if (party.kind === 'guarantor' || party.kind === 'mortgagor') {
      const guarantee = guarantees.find((g) => g.id === party.guaranteeId)
      if (!guarantee)
        throw new CaseError(
          422,
          '保证人/抵押人须从本案借据的担保中选择',
          'Pick guarantors and mortgagors from the guarantees of the case’s loans',
          `${field}.guaranteeId`
        )
      rows.push({
        ...base,
        customer_id: guarantee.guarantorCustomerId,
        guarantee_id: guarantee.id,
        name: guarantee.guarantorName,
        id_type: null,
      })
    } else if (party.kind === 'bank') {
      rows.push({
        ...base,
        customer_id: null,
        guarantee_id: null,
        name: party.name?.trim() || (await bankPartyName(customer.orgId)),
        id_type: null,
      })
    } else {
      if (!party.name?.trim())
        throw new CaseError(422, '其他当事人须填写名称', 'Name the other party', `${field}.name`)
      rows.push({
        ...base,
        customer_id: null,
        guarantee_id: null,
        name: party.name.trim(),
        id_type: null,
      })
    }
  }
  if (!rows.some((r) => r.kind === 'bank'))
    throw new CaseError(422, '当事人须包括本行', 'The bank must be a party', 'parties')
  return rows
}
