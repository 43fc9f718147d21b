/*
| 授权及流程 endpoints: the caller's boxes and approval actions (/workflow, any
| signed-in user, only their own) and 流程管理 (/system/workflow, system:workflow:*).
*/
import { ApiError, ValidationError, buildUrl, http } from '@/api/http'
import { downloadFile } from '@/api/download'
import { sessionHeaders } from '../identity/session'
import type { Localized, Paginated } from '@/api/types'

export type Box = 'todo' | 'done' | 'mine'
export type InstanceStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn'
export type WorkflowAction =
  'approve' | 'reject' | 'return' | 'transfer' | 'add-signer' | 'withdraw' | 'resubmit'
export type OrgRelation = 'same' | 'parent' | 'branch' | 'head'

export interface TaskRow {
  taskId: number | null
  instanceId: number
  typeCode: string
  typeName: string
  businessId: string
  title: string
  /** Yuan, two decimals. */
  amount: string | null
  applicantName: string
  orgName: string
  nodeName: string | null
  status: InstanceStatus
  taskStatus: string | null
  createdAt: string | null
  dueDate: string | null
  link: string | null
}

export interface BoxCounts {
  todo: number
  done: number
  mine: number
}

export interface ChainNode {
  seq: number
  name: Localized
  org: OrgRelation
  roles: string[]
  posts: string[]
  users: string[]
  mode: 'any' | 'all'
  minAmount: string | null
  deadlineDays: number | null
}

export interface NodeTask {
  id: number
  assigneeId: number
  assigneeName: string
  status: string
  added: boolean
  dueDate: string | null
  comment: string | null
  decidedAt: string | null
}

export interface HistoryRow {
  id: number
  round: number
  action: string
  nodeSeq: number | null
  actorName: string | null
  targetUserName: string | null
  targetSeq: number | null
  comment: string | null
  createdAt: string | null
}

export interface InstanceDetail {
  id: number
  typeCode: string
  typeName: Localized | null
  businessId: string
  title: string
  amount: string | null
  status: InstanceStatus
  mode: 'internal' | 'external'
  round: number
  currentSeq: number | null
  externalRef: string | null
  applicant: { id: number; name: string } | null
  org: { id: number; name: string } | null
  link: string | null
  createdAt: string | null
  finishedAt: string | null
  chain: Array<
    ChainNode & { state: 'current' | 'approved' | 'decided' | 'waiting'; tasks: NodeTask[] }
  >
  myTaskId: number | null
  actions: WorkflowAction[]
  returnTargets: number[]
  history: HistoryRow[]
  attachments: Array<{
    id: number
    fileName: string
    size: number
    uploader: string
    createdAt: string | null
  }>
}

export interface WorkflowTypeRow {
  code: string
  pluginId: string
  name: Localized
  link: string
  amountTiers: boolean
  mode: 'internal' | 'external'
  active: boolean
  nodeCount: number
  pendingCount: number
}

export interface ChainDetail {
  code: string
  name: Localized
  mode: 'internal' | 'external'
  amountTiers: boolean
  active: boolean
  nodes: ChainNode[]
}

export interface UserCandidate {
  id: number
  username: string
  name: string
  orgName: string
}

export interface TaskQuery {
  box: Box
  type?: string
  keyword?: string
  page?: number
  perPage?: number
}

const instance = (id: number) => `/workflow/instances/${encodeURIComponent(String(id))}`
const type = (code: string) => `/system/workflow/types/${encodeURIComponent(code)}`

export const listTasks = (query: TaskQuery) =>
  http.get<Paginated<TaskRow>>('/workflow/tasks', { ...query })
export const fetchCounts = () => http.get<BoxCounts>('/workflow/counts')
export const fetchTypeOptions = () =>
  http.get<Array<{ code: string; name: string }>>('/workflow/types')
/** People who may take the caller's task on this approval (转办/加签), as the server checks it. */
export const searchUsers = (instanceId: number, keyword: string) =>
  http.get<UserCandidate[]>('/workflow/users', { instanceId, keyword })
export const showInstance = (id: number) => http.get<InstanceDetail>(instance(id))
export const act = (
  id: number,
  action: WorkflowAction,
  body: { comment?: string; toSeq?: number; userId?: number }
) => http.post<InstanceDetail>(`${instance(id)}/${action}`, body)

export const listWorkflowTypes = () => http.get<WorkflowTypeRow[]>('/system/workflow/types')
export const fetchChainOptions = () =>
  http.get<{
    roles: Array<{ code: string; name: string }>
    posts: Array<{ code: string; name: string }>
  }>('/system/workflow/options')
export const showChain = (code: string) => http.get<ChainDetail>(type(code))
export const saveChain = (
  code: string,
  body: { mode: 'internal' | 'external'; nodes: Array<Omit<ChainNode, 'seq'>> }
) => http.put<ChainDetail>(type(code), body)

async function failureOf(response: Response): Promise<ApiError> {
  let body: { message?: string; errors?: Array<{ field: string; message: string }> } = {}
  try {
    body = await response.json()
  } catch {
    // Not JSON: keep the status text.
  }
  const message = body.message ?? response.statusText
  return response.status === 422
    ? new ValidationError(message, body.errors ?? [], body)
    : new ApiError(message, response.status, body)
}

/** 审批附件 upload (multipart; the JSON client cannot send files). */
export async function uploadAttachment(instanceId: number, file: File) {
  const form = new FormData()
  form.append('file', file)
  const response = await fetch(buildUrl(`${instance(instanceId)}/attachments`), {
    method: 'POST',
    headers: sessionHeaders(),
    body: form,
  })
  if (!response.ok) throw await failureOf(response)
  return (await response.json()) as { id: number; fileName: string; size: number }
}

/** Saves an attachment, with the session cookie. */
export const downloadAttachment = (id: number, fileName: string): Promise<void> =>
  downloadFile(`/workflow/attachments/${id}`, fileName)
