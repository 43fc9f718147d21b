/* Shell texts in Simplified Chinese — the default console language. */
export default {
  app: { name: '风险资产管理系统', shortName: '风险资产', tagline: '不良资产全生命周期管理 · 清收 · 处置 · 核销' },
  common: {
    search: '搜索', reset: '重置', create: '新增', edit: '编辑', delete: '删除', save: '保存', cancel: '取消',
    confirm: '确定', refresh: '刷新', actions: '操作', yes: '是', no: '否', enabled: '启用', disabled: '停用', locked: '锁定',
    keyword: '请输入关键字', loading: '加载中…', empty: '暂无数据', tip: '提示', saved: '保存成功',
    deleted: '删除成功', created: '新增成功', required: '{field}不能为空', maxLength: '{field}最多 {max} 个字符',
    invalidMoney: '请输入金额（元），最多两位小数', invalidNumber: '请输入数字', select: '请选择', input: '请输入',
    deleteConfirm: '确定删除这条记录吗？删除后不可恢复。', status: '状态', code: '编码', name: '名称', yuan: '元',
  },
  login: {
    title: '用户登录', welcome: '欢迎登录', username: '用户名', password: '密码', submit: '登 录',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码', footer: '仅限授权人员使用，所有操作均被审计记录',
  },
  layout: {
    home: '工作台', logout: '退出登录', logoutConfirm: '确定退出登录吗？', collapse: '收起菜单', expand: '展开菜单',
    closeOthers: '关闭其他', closeAll: '关闭全部', language: '语言', org: '所属机构', roles: '角色',
  },
  home: {
    greeting: '您好，{name}', today: '今天是 {date}', org: '所属机构', roles: '角色', lastLogin: '最近登录',
    todo: '待办事项', todoEmpty: '暂无待办事项', overview: '风险资产概览', overviewPending: '业务插件启用后在此展示资产规模、清收进度与处置情况。',
    shortcuts: '快捷入口', shortcutsEmpty: '暂无可用菜单', passwordWarning: '您的密码需要修改，请尽快修改密码。',
  },
  errors: {
    network: '网络异常，请检查网络连接', server: '服务器错误（{status}）', forbidden: '没有操作权限',
    notFoundTitle: '页面不存在', notFoundText: '您访问的页面不存在或已被移除。', backHome: '返回工作台',
    pageMissingTitle: '页面未安装', pageMissingText: '菜单指向的页面 {page} 没有找到，请确认对应插件已启用并重新构建控制台。',
  },
  job: {
    queued: '排队中', running: '执行中', completed: '已完成', failed: '失败', progress: '进度',
  },
  system: {
    users: {
      username: '用户名', realName: '姓名', orgName: '所属机构', status: '状态', roles: '角色', lastLoginAt: '最近登录时间',
      title: '用户管理',
    },
    roles: { code: '角色编码', name: '角色名称', dataScope: '数据范围', status: '状态', permissions: '权限', permissionCount: '{n} 项权限', all: '全部权限' },
    orgs: { code: '机构编码', name: '机构名称', level: '层级', status: '状态' },
    menus: {
      name: '菜单名称', type: '类型', directory: '目录', page: '页面', button: '按钮', permission: '权限标识',
      page_: '页面标识', path: '路由地址', icon: '图标', sort: '排序', customSort: '自定义排序', hidden: '隐藏',
      source: '来源', editTitle: '自定义菜单', customNameZh: '自定义中文名称', customNameEn: '自定义英文名称',
      defaultName: '默认：{name}', customized: '已自定义', refreshHint: '保存后左侧菜单将同步更新',
    },
    dictionaries: { code: '字典编码', name: '字典名称', source: '来源', items: '字典项', itemCode: '项编码', labelZh: '中文标签', labelEn: '英文标签', sort: '排序', color: '样式', enabled: '启用', origin: '来源', preview: '预览' },
    plugins: { id: '插件标识', name: '插件名称', version: '版本', dependsOn: '依赖', active: '状态', loadOrder: '加载顺序', activeYes: '已启用', activeNo: '未启用' },
    settings: {
      key: '参数键', name: '参数名称', type: '类型', defaultValue: '默认值', value: '当前值', frozen: '锁定', source: '来源',
      editTitle: '修改参数', frozenHint: '该参数已锁定，不可修改', amountHint: '单位：元（系统按分保存）', jsonInvalid: 'JSON 格式不正确',
    },
    jobs: { id: '任务编号', name: '任务名称', status: '状态', progress: '进度', message: '信息', createdAt: '创建时间', finishedAt: '完成时间', autoRefresh: '有任务执行中，每 3 秒自动刷新' },
  },
}
