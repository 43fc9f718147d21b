import { configApp } from '@adonisjs/eslint-config'

export default configApp(
  {
    ignores: ['public/**', 'build/**', 'tmp/**', 'frontend/**', 'plugins/*/ui/**', 'e2e/**', 'scripts/**'],
  },
  {
    rules: {
      // `(await query).field` reads naturally in tests and Lucid code; the rule adds noise, not safety.
      '@unicorn/no-await-expression-member': 'off',
      // `x == null` (null or undefined) is the one loose comparison we allow.
      'eqeqeq': ['error', 'always', { null: 'ignore' }],
    },
  }
)
