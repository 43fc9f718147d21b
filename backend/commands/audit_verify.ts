import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Walks the audit hash chain (审计日志防篡改校验) and reports the first broken link.
 * Exit code 1 when the chain is broken, so a scheduler or monitoring can alert.
 */
export default class AuditVerify extends BaseCommand {
  static commandName = 'audit:verify'
  static description = 'Verify the audit log hash chain and report the first broken link'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Rows read per batch', default: 1000 })
  declare batchSize: number

  async run() {
    const { verifyAuditChain } = await import('#core/audit/verify')
    const report = await verifyAuditChain({ batchSize: this.batchSize })
    if (report.ok) {
      this.logger.success(
        `audit chain OK: ${report.count} entries, ${report.archived} of them in archive files (last id ${report.lastId})`
      )
      return
    }
    this.logger.error(
      `audit chain BROKEN at id ${report.brokenId} (${report.reason}): ${report.message}; ${report.count} entries before it are sound`
    )
    this.exitCode = 1
  }
}
