/* The asset list's columns, shared by 资产分发, 基本信息 and the check schedule. */
import { defineListColumns } from '@/components/list/types'
import { DICT } from './api'

const L = (zh: string, en: string) => ({ zh, en })

export const assetColumns = () =>
  defineListColumns([
    { prop: 'assetNo', label: L('资产编号', 'Asset no.'), width: 140, fixed: true, sortable: true },
    { prop: 'name', label: L('资产名称', 'Name'), minWidth: 180 },
    {
      prop: 'assetClass',
      label: L('分类', 'Class'),
      type: 'dict',
      dict: DICT.assetClass,
      width: 90,
    },
    { prop: 'customerName', label: L('原债务人', 'Debtor'), minWidth: 140 },
    { prop: 'orgName', label: L('经营机构', 'Org'), width: 120 },
    { prop: 'managerName', label: L('管理人', 'Manager'), width: 110 },
    {
      prop: 'acquiredOn',
      label: L('取得日期', 'Acquired'),
      type: 'date',
      width: 110,
      sortable: true,
    },
    {
      prop: 'disposalDeadline',
      label: L('处置期限', 'Deadline'),
      type: 'date',
      width: 110,
      sortable: true,
    },
    {
      prop: 'bookValue',
      label: L('入账价值（元）', 'Book value'),
      type: 'money',
      width: 140,
      sortable: true,
    },
    { prop: 'status', label: L('状态', 'Status'), type: 'dict', dict: DICT.status, width: 100 },
    {
      prop: 'nextCheckDue',
      label: L('下次检查', 'Next check'),
      type: 'date',
      width: 110,
      defaultHidden: true,
    },
    { prop: 'location', label: L('坐落/存放地点', 'Location'), minWidth: 160, defaultHidden: true },
  ])
