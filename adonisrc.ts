import { defineConfig } from '@adonisjs/core/app'

/*
| The core application. Business domains are plugins under `plugins/`; they are
| discovered at boot by the plugin kernel (backend/plugins), never listed here.
*/
export default defineConfig({
  directories: {
    config: 'config',
    commands: 'backend/commands',
    controllers: 'backend/controllers',
    models: 'backend/models',
    services: 'backend/services',
    middleware: 'backend/middleware',
    providers: 'backend/providers',
    validators: 'backend/validators',
    start: 'backend/start',
    exceptions: 'backend/exceptions',
    migrations: 'database/migrations',
    seeders: 'database/seeders',
    factories: 'database/factories',
    tests: 'tests',
    // The built console; CONSOLE_DIR lets a second server on this checkout use its own build.
    public: process.env.CONSOLE_DIR ?? 'public',
    tmp: 'tmp',
  },

  // Shut providers down in reverse: the plugin provider drains the job queue before
  // Lucid closes the database. In registration order a job finishing during the drain
  // reopened the pool, whose reaper timer kept `node ace business-day:advance` (and a
  // stopping server) alive for ever.
  experimental: { shutdownInReverseOrder: true },

  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    // Core's own commands are loaded from backend/commands (directories.commands).
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    { file: () => import('@adonisjs/core/providers/repl_provider'), environment: ['repl', 'test'] },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/cors/cors_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/static/static_provider'),
    () => import('@adonisjs/mail/mail_provider'),
    () => import('#core/providers/i18n_provider'),
    () => import('#core/providers/identity_provider'),
    () => import('#core/providers/plugin_provider'),
  ],

  preloads: [
    () => import('#start/routes'),
    () => import('#start/kernel'),
    // Also in the console, so `node ace list:routes` lists the plugins' routes (and their
    // permission codes); without it the command saw core's routes only.
    { file: () => import('#start/plugin_routes'), environment: ['web', 'test', 'console'] },
  ],

  tests: {
    suites: [
      {
        name: 'unit',
        files: [
          'tests/unit/**/*.spec(.ts|.js)',
          'backend/*/tests/unit/**/*.spec(.ts|.js)',
          'plugins/*/tests/unit/**/*.spec(.ts|.js)',
        ],
        timeout: 5000,
      },
      {
        name: 'functional',
        files: [
          'tests/functional/**/*.spec(.ts|.js)',
          // Core areas keep their tests in their own folder (backend/<area>/tests/), as plugins do.
          'backend/*/tests/functional/**/*.spec(.ts|.js)',
          'plugins/*/tests/functional/**/*.spec(.ts|.js)',
        ],
        timeout: 30000,
      },
    ],
    forceExit: true,
  },

  // Non-code files read at run time, copied by `node ace build`: the console, the holiday
  // data the demo imports, plugins' document templates and make:plugin's stubs.
  metaFiles: [
    { pattern: 'public/**', reloadServer: false },
    { pattern: 'database/data/**/*.json', reloadServer: false },
    { pattern: 'plugins/*/documents/**/*.hbs', reloadServer: false },
    { pattern: 'backend/commands/stubs/**/*.stub', reloadServer: false },
  ],
})
