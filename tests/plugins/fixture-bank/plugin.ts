import { definePlugin } from '#core/plugins/define_plugin'

/*
| The kernel's test plugin for extension fields (issue 11 §4): a bank adds 行内评级
| and 行内授信额度 to credit-assets' loans from a table of its own, without a line
| of credit-assets changed. Test code, never shipped as a plugin: only a process
| started with PLUGINS_EXTRA_DIRS=tests/plugins loads it (the e2e server does, for
| e2e/flows/76-extension-fields.spec.mjs). The Japa spec
| backend/extensions/tests/functional/extension_slots.spec.ts uses this same manifest.
*/
export default definePlugin({
  id: 'fixture-bank',
  name: { zh: '本行扩展', en: 'Bank extras' },
  version: '1.0.0',
  extensionFields: [
    {
      record: 'credit-assets:loan',
      table: 'fx_loan_extras',
      fields: [
        {
          key: 'bankRating',
          column: 'bank_rating',
          label: { zh: '行内评级', en: 'Bank rating' },
          type: 'text',
        },
        {
          key: 'bankLine',
          column: 'line_fen',
          label: { zh: '行内授信额度', en: 'Bank line' },
          type: 'money',
        },
      ],
    },
  ],
})
