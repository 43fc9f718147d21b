import { definePart } from '#core/plugins/define_part'

/*
| 运维管理 · backup: the nightly backup job and its two technical parameters.
| Off by default: where backups go and how long they are kept is a decision of
| the bank's operations, made once (docs/operations.md#backup-and-restore).
*/
export default definePart({
  area: 'backup',
  settings: [
    {
      key: 'system.backup.nightly',
      name: { zh: '每日自动备份', en: 'Nightly backup' },
      type: 'boolean',
      default: 'false',
      description: 'true: 每天 02:30 备份数据库和上传文件到 BACKUP_DIR（node ace backup:create）',
    },
    {
      key: 'system.backup.keep',
      name: { zh: '备份保留份数', en: 'Backups kept' },
      type: 'number',
      default: '7',
      description: '自动备份后只保留最新的 N 份',
    },
  ],
  jobs: [
    {
      name: 'system:backup',
      handler: () => import('./backup_job.js'),
      // 02:30 Asia/Shanghai: after end of day, before the morning reminders.
      schedule: '30 2 * * *',
    },
  ],
})
