import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of the holidays area. Keys: 'holidays.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'holidays.atEntry': '第 {n} 条：',
    'holidays.atLine': '第 {n} 行：',
    'holidays.invalidJson': '文件不是有效的 JSON（{reason}）',
    'holidays.notHolidayCn': '文件不是 holiday-cn 格式：应包含 year 和 days 列表',
    'holidays.fileYearInvalid': '文件中的 year 不是有效的年份',
    'holidays.yearMismatch': '文件是 {fileYear} 年的放假安排，与所选的 {year} 年不符',
    'holidays.csvYearRequired': '导入 CSV 文件时必须指定年份',
    'holidays.noDays': '文件中没有任何日期（{year} 年的放假安排可能尚未发布）',
    'holidays.dayNotObject': '格式不正确，应为 {"name", "date", "isOffDay"}',
    'holidays.invalidOffDay': 'isOffDay 必须是 true（放假）或 false（调休上班）',
    'holidays.csvColumns': '应有 3 列：日期,类型,名称（实际 {count} 列）',
    'holidays.csvKind': '类型“{value}”无效，应为 holiday（放假）或 workday（调休上班）',
    'holidays.nameRequired': '名称不能为空',
    'holidays.nameTooLong': '名称最多 {max} 个字符',
    'holidays.invalidDate': '日期“{value}”无效，应为 YYYY-MM-DD',
    'holidays.dateOutsideYear': '日期 {date} 不在 {year} 年放假安排的范围内（{from} 至 {to}）',
    'holidays.duplicateDateEntry': '日期 {date} 重复（第 {first} 条已有）',
    'holidays.duplicateDateLine': '日期 {date} 重复（第 {first} 行已有）',
    'holidays.moreIssues': '另有 {count} 处错误未列出',
    'holidays.dateTaken': '日期 {date} 已属于 {year} 年的放假安排',
    'holidays.entryOutsideYear': '日期 {date} 不在 {year} 年放假安排的范围内（{from} 至 {to}）',
    'holidays.dateExists': '日期 {date} 已登记',
  },
  'en': {
    'holidays.atEntry': 'Entry {n}: ',
    'holidays.atLine': 'Line {n}: ',
    'holidays.invalidJson': 'The file is not valid JSON ({reason})',
    'holidays.notHolidayCn':
      'The file is not in holiday-cn format: it needs a year and a days list',
    'holidays.fileYearInvalid': 'The year in the file is not a valid year',
    'holidays.yearMismatch':
      'The file holds the {fileYear} arrangement, not the selected year {year}',
    'holidays.csvYearRequired': 'Choose the year when importing a CSV file',
    'holidays.noDays': 'The file lists no dates (the {year} arrangement may not be published yet)',
    'holidays.dayNotObject': 'must be an object {"name", "date", "isOffDay"}',
    'holidays.invalidOffDay': 'isOffDay must be true (day off) or false (working weekend day)',
    'holidays.csvColumns': 'needs 3 columns: date,type,name (found {count})',
    'holidays.csvKind': 'type "{value}" is invalid; use holiday or workday',
    'holidays.nameRequired': 'the name is required',
    'holidays.nameTooLong': 'the name allows at most {max} characters',
    'holidays.invalidDate': 'date "{value}" is invalid; use YYYY-MM-DD',
    'holidays.dateOutsideYear': 'date {date} is outside the {year} arrangement ({from} to {to})',
    'holidays.duplicateDateEntry': 'date {date} is repeated (already in entry {first})',
    'holidays.duplicateDateLine': 'date {date} is repeated (already on line {first})',
    'holidays.moreIssues': '{count} more problems not listed',
    'holidays.dateTaken': 'date {date} already belongs to the {year} arrangement',
    'holidays.entryOutsideYear': 'Date {date} is outside the {year} arrangement ({from} to {to})',
    'holidays.dateExists': 'Date {date} is already in the calendar',
  },
}

export default part
