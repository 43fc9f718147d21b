/*
| A deadline belongs to the plugin that created it (`source` = plugin id). While
| that plugin is disabled (installed_plugins.active = false) its deadlines are
| hidden from 我的时效 and not reminded; nothing is deleted, so they come back —
| and reminders that fell due meanwhile go out — when it is enabled again.
| Sources that are not plugins (the core's workflow, tests) are always live.
*/
/** Sub-query of the plugin ids whose deadlines sleep. */
export const sleepingSources = (client: { from: (table: string) => any }) =>
  client.from('installed_plugins').where('active', false).select('id')
