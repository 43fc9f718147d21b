/* 资产处置委员会会议: one typed function per endpoint over the shell's HTTP client, and the PDFs. */
import { ElMessage } from 'element-plus'
import { ApiError, buildUrl, http, ValidationError, type Query } from '@/api/http'
import { sessionHeaders } from '@/areas/identity/session'
import { fetchFile, saveBlob } from '@/api/download'
import type { Paginated } from '@/api/types'
import type { PickerSource } from '@/components/pickers/picker_source'

const base = '/committee'

export type Localized = { zh: string; en: string }
export type VoteOption = 'agree' | 'disagree' | 'abstain' | 'reconsider'

export interface Rule {
  meetingType: string
  quorum: { num: number; den: number }
  pass: { num: number; den: number; basis: 'attendees' | 'members'; compare: 'gte' | 'gt' }
  options: VoteOption[]
  chairVeto: boolean
  ballot: 'named' | 'anonymous'
  partyMustAbstain: boolean
  tie: 'reject' | 'pass' | 'chair'
}

export interface MeetingRow {
  id: number
  meetingNo: string
  meetingType: string
  title: string
  meetingDate: string
  place: string
  orgName: string | null
  chairName: string | null
  status: string
  items: number
  announced: number
}

export interface Tally {
  members: number
  present: number
  quorate: boolean
  basis: number
  counts: Record<VoteOption | 'notVoted', number>
  vetoed: boolean
  tie: boolean
  decision: 'passed' | 'rejected' | 'reconsider' | null
  reason: Localized
}

export interface AgendaEntry {
  itemId: number
  seq: number
  kind: string
  kindLabel: Localized
  title: string
  amount: string
  orgName: string | null
  link: string | null
  parties: number[]
  voting: 'waiting' | 'voting' | 'closed' | 'announced'
  decision: string | null
  resolutionNo: string | null
  announcedAt: string | null
  result: Tally | null
  materials: {
    id: number
    name: string
    link: string | null
    uploaded: boolean
    size: number | null
  }[]
  ballots: {
    memberId: number
    name: string
    voted: boolean
    choice: VoteOption | null
    castBy: string | null
  }[]
}

export interface Participant {
  userId: number
  name: string
  role: 'member' | 'attendee'
  attendance: 'unknown' | 'present' | 'absent' | 'proxy'
  proxyUserId: number | null
  proxyName: string | null
}

export interface MeetingDetail {
  id: number
  meetingNo: string
  meetingType: string
  title: string
  meetingDate: string
  place: string
  orgId: number
  orgName: string | null
  chairId: number
  chairName: string | null
  secretaryId: number
  secretaryName: string | null
  status: 'draft' | 'opened' | 'closed' | 'cancelled'
  minutes: string
  openedAt: string | null
  closedAt: string | null
  rule: Rule | null
  ruleSnapshot: boolean
  participants: Participant[]
  you: { runner: boolean; votesFor: number[] }
  agenda: AgendaEntry[]
}

export interface MeetingInput {
  meetingType: string
  title: string
  meetingDate: string
  place: string
  orgId: number | undefined
  chairId: number | undefined
  secretaryId: number | undefined
  memberIds: number[]
  attendeeIds: number[]
}

export interface ItemRow {
  id: number
  kind: string
  kindLabel: Localized
  title: string
  amount: string
  orgName: string | null
  status: string
  link: string | null
}

const clean = (query: Record<string, unknown>): Query => {
  const out: Query = {}
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') out[key] = value as any
  return out
}

const m = (id: number, path = '') => `${base}/meetings/${id}${path}`

export const committeeApi = {
  list: (query: Record<string, unknown>) =>
    http.get<Paginated<MeetingRow>>(`${base}/meetings`, clean(query)),
  show: (id: number) => http.get<MeetingDetail>(m(id)),
  create: (input: MeetingInput) => http.post<MeetingDetail>(`${base}/meetings`, input),
  update: (id: number, input: MeetingInput) => http.put<MeetingDetail>(m(id), input),
  addAgenda: (id: number, itemIds: number[]) =>
    http.post<MeetingDetail>(m(id, '/agenda'), { itemIds }),
  motion: (id: number, input: { title: string; amount: string }) =>
    http.post<MeetingDetail>(m(id, '/motions'), input),
  removeAgenda: (id: number, itemId: number) =>
    http.delete<MeetingDetail>(m(id, `/agenda/${itemId}`)),
  attendance: (
    id: number,
    attendance: { userId: number; attendance: string; proxyUserId?: number | null }[]
  ) => http.put<MeetingDetail>(m(id, '/attendance'), { attendance }),
  open: (id: number) => http.post<MeetingDetail>(m(id, '/open')),
  minutes: (id: number, minutes: string) => http.put<MeetingDetail>(m(id, '/minutes'), { minutes }),
  close: (id: number) => http.post<MeetingDetail>(m(id, '/close')),
  cancel: (id: number) => http.post<MeetingDetail>(m(id, '/cancel')),
  openVoting: (id: number, itemId: number) =>
    http.post<MeetingDetail>(m(id, `/items/${itemId}/open-voting`)),
  closeVoting: (id: number, itemId: number) =>
    http.post<MeetingDetail>(m(id, `/items/${itemId}/close-voting`)),
  announce: (id: number, itemId: number) =>
    http.post<MeetingDetail>(m(id, `/items/${itemId}/announce`)),
  vote: (id: number, itemId: number, choice: VoteOption, memberId?: number) =>
    http.post<MeetingDetail>(
      m(id, `/items/${itemId}/votes`),
      memberId ? { choice, memberId } : { choice }
    ),
  pendingItems: (keyword?: string) =>
    http.get<Paginated<ItemRow>>(
      `${base}/items`,
      clean({ status: 'pending', keyword, perPage: 100 })
    ),
  orgOptions: (meetingType: string) =>
    http.get<{ id: number; name: string }[]>(`${base}/org-options`, { meetingType }),
  roster: (orgId: number) =>
    http.get<{
      orgId: number
      chairId: number | null
      secretaryId: number | null
      memberIds: number[]
    }>(`${base}/roster/${orgId}`),
  saveRoster: (
    orgId: number,
    roster: { chairId: number | null; secretaryId: number | null; memberIds: number[] }
  ) => http.put(`${base}/roster/${orgId}`, roster),
  rules: () => http.get<(Rule & { updatedAt: string })[]>(`${base}/rules`),
  saveRule: (type: string, rule: Omit<Rule, 'meetingType'>) =>
    http.put<Rule>(`${base}/rules/${type}`, rule),
}

/** People for the form's pickers; `voters` = only those who may be members. */
export const peopleSource =
  (voters: boolean): PickerSource =>
  async ({ keyword, page, perPage, ids }) =>
    http.get(
      `${base}/people-options`,
      clean({ keyword, page, perPage, ids: ids?.join(','), voters: voters || undefined })
    )

/** A 422's text (field messages joined), for a toast. */
export function errorText(error: unknown) {
  if (error instanceof ValidationError && error.errors.length)
    return error.errors.map((f) => f.message).join('；')
  return (error as Error)?.message ?? String(error)
}

/** Runs an action; a refusal shows the server's message (other errors already toast). */
export async function act<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof ValidationError) ElMessage.error(errorText(error))
    else if (!(error instanceof ApiError)) throw error
    return undefined
  }
}

export async function downloadPdf(path: string, fileName: string) {
  try {
    saveBlob(await fetchFile(`${base}${path}`), fileName)
  } catch (error) {
    ElMessage.error((error as Error).message)
  }
}

/** 上会材料 upload (multipart; the JSON client cannot send files). */
export async function uploadMaterial(itemId: number, file: File) {
  const form = new FormData()
  form.append('file', file)
  const response = await fetch(buildUrl(`${base}/items/${itemId}/materials`), {
    method: 'POST',
    headers: sessionHeaders(),
    body: form,
  })
  if (!response.ok) {
    const body = await response.json().catch(() => ({}))
    ElMessage.error(body.message ?? response.statusText)
    return null
  }
  return (await response.json()) as { id: number; name: string; size: number }
}

export const downloadMaterial = (id: number, name: string) =>
  fetchFile(`${base}/materials/${id}`)
    .then((blob) => saveBlob(blob, name))
    .catch((error) => ElMessage.error((error as Error).message))
