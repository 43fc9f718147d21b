import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of 数据监控. Keys: 'monitor.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'monitor.rangeReversed': '结束日期不能早于开始日期',
    'monitor.rangeTooLong': '统计区间不能超过 {days} 天',
  },
  'en': {
    'monitor.rangeReversed': 'The end date is before the start date',
    'monitor.rangeTooLong': 'The range may cover at most {days} days',
  },
}

export default part
