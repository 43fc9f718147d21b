import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of the ledgers (台账) and exports. Keys: 'ledgers.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'ledgers.total': '合计',
    'ledgers.export.counting': '正在统计行数…',
    'ledgers.export.progress': '已导出 {done} / {total} 行',
    'ledgers.export.done': '导出完成，共 {total} 行',
    'ledgers.export.asOf': '数据日期：{date}',
    'ledgers.export.by': '导出人：{user}　导出时间：{at}',
    'ledgers.export.forbidden': '您已没有导出该台账的权限',
    'ledgers.export.notReady': '导出文件不存在、未完成或已过期',
  },
  'en': {
    'ledgers.total': 'Total',
    'ledgers.export.counting': 'Counting rows…',
    'ledgers.export.progress': '{done} of {total} rows exported',
    'ledgers.export.done': 'Export finished: {total} rows',
    'ledgers.export.asOf': 'As of {date}',
    'ledgers.export.by': 'Exported by {user} at {at}',
    'ledgers.export.forbidden': 'You may no longer export this ledger',
    'ledgers.export.notReady': 'The export file does not exist, is not finished or has expired',
  },
}

export default part
