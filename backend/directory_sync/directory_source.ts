/*
| 授权及流程管理's directory (组织机构、部门、用户) read through its connector
| (`approval-flow.directory`, declared by the bank-systems plugin: core names the
| system code only, like the workflow's external approvals). The answer is
| checked strictly before anything is compared: a malformed directory must never
| disable staff.
*/
import vine from '@vinejs/vine'
import { call } from '#core/connectors/http_connector'
import { connectorRegistry } from '#core/connectors/registry'

export const DIRECTORY_SYSTEM = 'approval-flow'
export const DIRECTORY_INTERFACE = 'directory'

const code = vine
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/)
const status = vine.enum(['active', 'disabled'] as const)

const directoryValidator = vine.compile(
  vine.object({
    orgs: vine
      .array(
        vine.object({
          code: code.clone(),
          name: vine.string().trim().minLength(1).maxLength(100),
          shortName: vine.string().trim().maxLength(50).nullable().optional(),
          parentCode: code.clone().nullable().optional(),
          sort: vine.number().withoutDecimals().range([0, 999_999]).optional(),
          status: status.clone(),
        })
      )
      .maxLength(20_000),
    departments: vine
      .array(
        vine.object({
          orgCode: code.clone(),
          code: code.clone(),
          name: vine.string().trim().minLength(1).maxLength(100),
          sort: vine.number().withoutDecimals().range([0, 999_999]).optional(),
          status: status.clone(),
        })
      )
      .maxLength(50_000),
    users: vine
      .array(
        vine.object({
          username: vine
            .string()
            .trim()
            .regex(/^[A-Za-z0-9_.-]{2,64}$/),
          realName: vine.string().trim().minLength(1).maxLength(64),
          orgCode: code.clone(),
          departmentCode: code.clone().nullable().optional(),
          phone: vine.string().trim().maxLength(32).nullable().optional(),
          email: vine.string().trim().maxLength(128).nullable().optional(),
          status: status.clone(),
        })
      )
      .maxLength(200_000),
  })
)

export type Directory = Awaited<ReturnType<(typeof directoryValidator)['validate']>>
export type DirectoryOrg = Directory['orgs'][number]
export type DirectoryDepartment = Directory['departments'][number]
export type DirectoryUser = Directory['users'][number]

export class DirectoryUnavailable extends Error {}

/** Fetches and checks the directory; throws DirectoryUnavailable with the reason. */
export async function fetchDirectory(): Promise<Directory> {
  if (!connectorRegistry.interface(DIRECTORY_SYSTEM, DIRECTORY_INTERFACE))
    throw new DirectoryUnavailable('directory interface not installed')
  const answer = await call<{ retCode?: string; data?: unknown }>(
    DIRECTORY_SYSTEM,
    DIRECTORY_INTERFACE,
    undefined,
    { correlationId: `directory:${Date.now()}` }
  ).catch((error: Error) => {
    throw new DirectoryUnavailable(error.message)
  })
  if (answer?.retCode !== '0000') throw new DirectoryUnavailable(`retCode ${answer?.retCode}`)
  try {
    return await directoryValidator.validate(answer.data)
  } catch (error) {
    throw new DirectoryUnavailable(`malformed directory: ${(error as Error).message}`)
  }
}
