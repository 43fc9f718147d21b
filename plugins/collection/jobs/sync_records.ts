/* Job collection:sync-records — 催收记录 back from 智能催收 (every 15 minutes and on demand). */
import type { JobHandler } from '#core/plugins/types'
import { syncRecords } from '../services/sync_records.js'

const sync: JobHandler = async ({ progress }) => syncRecords(progress)
export default sync
