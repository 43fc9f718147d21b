import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of the 首页视图 dashboard. Keys: 'dashboard.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'dashboard.unknownWidget': '组件“{id}”不存在或已停用',
    'dashboard.widgetForbidden': '没有查看组件“{id}”的权限',
    'dashboard.duplicateWidget': '组件“{id}”重复出现',
    'dashboard.outsideGrid': '组件“{id}”超出了 12 列的布局范围',
    'dashboard.menuNotAllowed': '菜单“{code}”不存在或您无权打开，不能设为常用功能',
    'dashboard.duplicateShortcut': '常用功能“{code}”重复',
  },
  'en': {
    'dashboard.unknownWidget': 'Widget "{id}" does not exist or is disabled',
    'dashboard.widgetForbidden': 'You may not view widget "{id}"',
    'dashboard.duplicateWidget': 'Widget "{id}" appears twice',
    'dashboard.outsideGrid': 'Widget "{id}" does not fit the 12-column grid',
    'dashboard.menuNotAllowed': 'Menu "{code}" does not exist or you may not open it',
    'dashboard.duplicateShortcut': 'Shortcut "{code}" appears twice',
  },
}

export default part
