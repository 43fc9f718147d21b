/* Shell texts in English. Keys mirror zh-CN.ts, which is the source of truth. */
import type zhCN from './zh-CN'

const en: typeof zhCN = {
  app: { name: 'Risk Asset Management', shortName: 'Risk Assets', tagline: 'Non-performing asset lifecycle · collection · disposal · write-off' },
  common: {
    search: 'Search', reset: 'Reset', create: 'New', edit: 'Edit', delete: 'Delete', save: 'Save', cancel: 'Cancel',
    confirm: 'OK', refresh: 'Refresh', actions: 'Actions', yes: 'Yes', no: 'No', enabled: 'Enabled', disabled: 'Disabled', locked: 'Locked',
    keyword: 'Keyword', loading: 'Loading…', empty: 'No data', tip: 'Notice', saved: 'Saved',
    deleted: 'Deleted', created: 'Created', required: '{field} is required', maxLength: '{field} allows at most {max} characters',
    invalidMoney: 'Enter an amount in yuan with at most 2 decimals', invalidNumber: 'Enter a number', select: 'Select', input: 'Enter',
    deleteConfirm: 'Delete this record? This cannot be undone.', status: 'Status', code: 'Code', name: 'Name', yuan: 'CNY',
  },
  login: {
    title: 'Sign in', welcome: 'Welcome', username: 'Username', password: 'Password', submit: 'Sign in',
    usernameRequired: 'Enter your username', passwordRequired: 'Enter your password', footer: 'Authorised personnel only. All actions are audited.',
  },
  layout: {
    home: 'Workbench', logout: 'Sign out', logoutConfirm: 'Sign out now?', collapse: 'Collapse menu', expand: 'Expand menu',
    closeOthers: 'Close others', closeAll: 'Close all', language: 'Language', org: 'Organisation', roles: 'Roles',
  },
  home: {
    greeting: 'Hello, {name}', today: 'Today is {date}', org: 'Organisation', roles: 'Roles', lastLogin: 'Last sign-in',
    todo: 'To-do', todoEmpty: 'Nothing to do', overview: 'Risk asset overview', overviewPending: 'Portfolio size, collection progress and disposals appear here once business plugins are enabled.',
    shortcuts: 'Shortcuts', shortcutsEmpty: 'No menus available', passwordWarning: 'Your password must be changed. Please change it soon.',
  },
  errors: {
    network: 'Network error, please check your connection', server: 'Server error ({status})', forbidden: 'Permission denied',
    notFoundTitle: 'Page not found', notFoundText: 'The page you requested does not exist or has been removed.', backHome: 'Back to workbench',
    pageMissingTitle: 'Page not installed', pageMissingText: 'The menu points to page {page}, which was not found. Make sure its plugin is enabled and rebuild the console.',
  },
  job: { queued: 'Queued', running: 'Running', completed: 'Completed', failed: 'Failed', progress: 'Progress' },
  system: {
    users: {
      username: 'Username', realName: 'Name', orgName: 'Organisation', status: 'Status', roles: 'Roles', lastLoginAt: 'Last sign-in',
      title: 'Users',
    },
    roles: { code: 'Role code', name: 'Role name', dataScope: 'Data scope', status: 'Status', permissions: 'Permissions', permissionCount: '{n} permissions', all: 'All permissions' },
    orgs: { code: 'Org code', name: 'Organisation', level: 'Level', status: 'Status' },
    menus: {
      name: 'Menu name', type: 'Type', directory: 'Directory', page: 'Page', button: 'Button', permission: 'Permission',
      page_: 'Page key', path: 'Route path', icon: 'Icon', sort: 'Order', customSort: 'Custom order', hidden: 'Hidden',
      source: 'Source', editTitle: 'Customise menu', customNameZh: 'Custom Chinese name', customNameEn: 'Custom English name',
      defaultName: 'Default: {name}', customized: 'Customised', refreshHint: 'The side menu refreshes after saving',
    },
    dictionaries: { code: 'Type code', name: 'Dictionary', source: 'Source', items: 'Items', itemCode: 'Item code', labelZh: 'Chinese label', labelEn: 'English label', sort: 'Order', color: 'Style', enabled: 'Enabled', origin: 'Origin', preview: 'Preview' },
    plugins: { id: 'Plugin id', name: 'Plugin', version: 'Version', dependsOn: 'Depends on', active: 'Status', loadOrder: 'Load order', activeYes: 'Active', activeNo: 'Inactive' },
    settings: {
      key: 'Key', name: 'Setting', type: 'Type', defaultValue: 'Default', value: 'Value', frozen: 'Locked', source: 'Source',
      editTitle: 'Edit setting', frozenHint: 'This setting is locked', amountHint: 'In yuan (stored in fen)', jsonInvalid: 'Invalid JSON',
    },
    jobs: { id: 'Job id', name: 'Job', status: 'Status', progress: 'Progress', message: 'Message', createdAt: 'Created', finishedAt: 'Finished', autoRefresh: 'Jobs running — refreshing every 3 s' },
  },
}

export default en
