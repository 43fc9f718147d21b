import { definePart } from '#core/plugins/define_part'

/*
| 运维管理 · 日志管理: retention of the audit and call logs (archive, then clean up).
*/
export default definePart({
  area: 'log_archive',
  settings: [
    {
      key: 'system.logs.archiveAfterDays',
      name: { zh: '日志归档天数', en: 'Archive logs after (days)' },
      type: 'number',
      default: '180',
      description:
        '登录、操作、安全日志和接口调用日志超过该天数后归档为压缩文件（含哈希链段和清单）并从在线表清理；0 表示不归档',
    },
  ],
  jobs: [
    {
      name: 'system:log-archive',
      handler: () => import('./archive_job.js'),
      // 03:00 Asia/Shanghai: after the backup at 02:30, so tonight's backup still holds the rows.
      schedule: '0 3 * * *',
    },
  ],
})
