import { describe, expect, it } from 'vitest'
import { filterOrgTree, findOrg, subtreeIds } from '@/areas/organization/components/org-tree'
import type { OrgNode } from '@/areas/organization/api'

/* 机构树 helpers of the 机构管理 page: search keeps the path to every match. */
const tree: OrgNode[] = [
  {
    id: 1,
    code: '000000',
    name: '示范银行总行',
    level: 1,
    status: 'active',
    children: [
      {
        id: 4,
        code: '110000',
        name: '北京分行',
        level: 2,
        status: 'active',
        children: [
          {
            id: 9,
            code: '110101',
            name: '北京朝阳支行',
            shortName: '朝阳',
            level: 3,
            status: 'disabled',
          },
          { id: 10, code: '110102', name: '北京海淀支行', level: 3, status: 'active' },
        ],
      },
      { id: 5, code: '310000', name: '上海分行', level: 2, status: 'active', children: [] },
    ],
  },
]
const codes = (nodes: OrgNode[]): string[] =>
  nodes.flatMap((n) => [n.code, ...codes(n.children ?? [])])

describe('org tree helpers', () => {
  it('keeps every match with its ancestors, by name, short name or code', () => {
    expect(codes(filterOrgTree(tree, '朝阳'))).toEqual(['000000', '110000', '110101'])
    expect(codes(filterOrgTree(tree, '3100'))).toEqual(['000000', '310000'])
    expect(codes(filterOrgTree(tree, '不存在'))).toEqual([])
    expect(filterOrgTree(tree, '  ')).toBe(tree)
  })

  it('filters by status, alone or with a keyword', () => {
    expect(codes(filterOrgTree(tree, '', 'disabled'))).toEqual(['000000', '110000', '110101'])
    expect(codes(filterOrgTree(tree, '海淀', 'disabled'))).toEqual([])
  })

  it('finds an org and lists its subtree', () => {
    expect(findOrg(tree, 4)?.name).toBe('北京分行')
    expect(findOrg(tree, 99)).toBeNull()
    expect(subtreeIds(findOrg(tree, 4)!)).toEqual([4, 9, 10])
  })
})
