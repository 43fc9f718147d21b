import type { DictionaryDefinition } from '#core/plugins/types'

/* The committee's code lists (数据字典): the console shows them as tags, validators accept their codes. */
export const committeeDictionaries: DictionaryDefinition[] = [
  {
    type: 'committee_meeting_type',
    name: { zh: '委员会会议类型', en: 'Committee meeting type' },
    items: [
      { code: 'hq', label: { zh: '总行', en: 'Head office' }, color: 'primary' },
      { code: 'branch', label: { zh: '分行', en: 'Branch' }, color: 'success' },
    ],
  },
  {
    type: 'committee_meeting_status',
    name: { zh: '委员会会议状态', en: 'Committee meeting status' },
    items: [
      { code: 'draft', label: { zh: '筹备中', en: 'Preparing' }, color: 'info' },
      { code: 'opened', label: { zh: '开会中', en: 'In session' }, color: 'warning' },
      { code: 'closed', label: { zh: '已闭会', en: 'Closed' }, color: 'success' },
      { code: 'cancelled', label: { zh: '已取消', en: 'Cancelled' }, color: 'danger' },
    ],
  },
  {
    type: 'committee_item_status',
    name: { zh: '上会事项状态', en: 'Committee item status' },
    items: [
      { code: 'pending', label: { zh: '待上会', en: 'Waiting' }, color: 'info' },
      { code: 'scheduled', label: { zh: '已列入议程', en: 'On an agenda' }, color: 'warning' },
      { code: 'decided', label: { zh: '已决议', en: 'Decided' }, color: 'success' },
      { code: 'withdrawn', label: { zh: '已撤回', en: 'Withdrawn' }, color: 'danger' },
    ],
  },
  {
    type: 'committee_decision',
    name: { zh: '委员会决议结果', en: 'Committee decision' },
    items: [
      { code: 'passed', label: { zh: '通过', en: 'Passed' }, color: 'success' },
      { code: 'rejected', label: { zh: '不通过', en: 'Rejected' }, color: 'danger' },
      { code: 'reconsider', label: { zh: '复议', en: 'Reconsider' }, color: 'warning' },
    ],
  },
  {
    type: 'committee_vote_option',
    name: { zh: '表决选项', en: 'Vote option' },
    items: [
      { code: 'agree', label: { zh: '同意', en: 'Agree' }, color: 'success' },
      { code: 'disagree', label: { zh: '不同意', en: 'Disagree' }, color: 'danger' },
      { code: 'abstain', label: { zh: '弃权', en: 'Abstain' }, color: 'info' },
      { code: 'reconsider', label: { zh: '复议', en: 'Reconsider' }, color: 'warning' },
    ],
  },
  {
    type: 'committee_attendance',
    name: { zh: '出席情况', en: 'Attendance' },
    items: [
      { code: 'unknown', label: { zh: '未登记', en: 'Not recorded' }, color: 'info' },
      { code: 'present', label: { zh: '出席', en: 'Present' }, color: 'success' },
      { code: 'absent', label: { zh: '缺席', en: 'Absent' }, color: 'danger' },
      { code: 'proxy', label: { zh: '委托出席', en: 'By proxy' }, color: 'warning' },
    ],
  },
  {
    type: 'committee_voting_status',
    name: { zh: '表决状态', en: 'Voting status' },
    items: [
      { code: 'waiting', label: { zh: '未开始', en: 'Not started' }, color: 'info' },
      { code: 'voting', label: { zh: '表决中', en: 'Voting' }, color: 'warning' },
      { code: 'closed', label: { zh: '已计票', en: 'Counted' }, color: 'primary' },
      { code: 'announced', label: { zh: '已宣布', en: 'Announced' }, color: 'success' },
    ],
  },
]
