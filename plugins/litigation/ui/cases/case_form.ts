/*
| The case form's arithmetic and shapes, outside the component so Vitest reads
| them like the rules: the claim total adds yuan text by its digits (never a
| float), and the parties the book offers become the form's rows.
*/
import type { PartyInput, PartyOption } from './api'

const CENTS = /^(\d{1,16})(?:\.(\d{1,2}))?$/

/** Sum of yuan texts to two decimals, or null when one is not an amount. */
export function sumYuan(values: string[]): string | null {
  let cents = 0n
  for (const raw of values) {
    const text = raw.trim() === '' ? '0' : raw.trim().replace(/,/g, '')
    const match = CENTS.exec(text)
    if (!match) return null
    cents += BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'))
  }
  const whole = cents / 100n
  const fraction = String(cents % 100n).padStart(2, '0')
  return `${whole}.${fraction}`
}

export interface PartyRow extends PartyOption {
  chosen: boolean
  address: string
  legalRepresentative: string
}

/** The book's parties as form rows: the bank and the borrower always chosen, the rest offered. */
export function partyRows(options: PartyOption[], saved: PartyInput[] = []): PartyRow[] {
  return options.map((option) => {
    const match = saved.find(
      (p) => p.kind === option.kind && (p.guaranteeId ?? null) === option.guaranteeId
    )
    return {
      ...option,
      role: match?.role ?? option.role,
      chosen: Boolean(match) || option.kind === 'bank' || option.kind === 'borrower',
      address: match?.address ?? '',
      legalRepresentative: match?.legalRepresentative ?? '',
    }
  })
}

export function partiesInput(rows: PartyRow[]): PartyInput[] {
  return rows
    .filter((r) => r.chosen)
    .map((r) => ({
      role: r.role,
      kind: r.kind,
      guaranteeId: r.guaranteeId,
      address: r.address.trim() || null,
      legalRepresentative: r.legalRepresentative.trim() || null,
    }))
}

/** The case form's text fields (CaseForm.vue owns them; CaseClaims.vue edits the amounts). */
export interface CaseFormFields {
  caseNo: string
  court: string
  judge: string
  cause: string
  procedure: string | null
  stage: string | null
  filedOn: string
  lawyerName: string
  lawFirm: string
  claimPrincipal: string
  claimInterest: string
  claimOther: string
  acceptanceFee: string
  preservationFee: string
  recovered: string
  remark: string
}
