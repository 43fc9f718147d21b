/*
| Background jobs run through the core queue and the steps of the end-of-day run (日终).
*/

/** A background job a plugin runs through the core queue. */
export interface JobDefinition {
  /** Unique job name, `<plugin>:<job>`. */
  name: string
  handler: () => Promise<{ default: JobHandler }>
  /** Cron pattern for recurring jobs (server time zone Asia/Shanghai). */
  schedule?: string
  attempts?: number
  /**
   * `batch` for long work over thousands of rows (a 批量核销's execution): it waits in its
   * own queue and takes its own worker slots, so it never holds the slots online jobs
   * (deliveries, exports, notifications) need. Default `online`.
   */
  lane?: 'online' | 'batch'
}

export interface JobContext {
  jobId: string
  payload: any
  /** Report progress 0–100 with an optional message the console shows. */
  progress(percent: number, message?: string): Promise<void>
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>

/**
 * A step of the end-of-day run (日终), executed once per business date in plugin
 * dependency order. Runs inside a transaction; must be safe to rerun for a date.
 */
export interface DailyStepDefinition {
  /** Unique step name, `<plugin>:<step>`. */
  name: string
  handler: () => Promise<{ default: DailyStepHandler }>
}

export type DailyStepHandler = (ctx: {
  businessDate: string
  trx: import('@adonisjs/lucid/types/database').TransactionClientContract
}) => Promise<void>
