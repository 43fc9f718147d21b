/*
| HTTP kernel: global middleware and named middleware.
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#core/exceptions/handler'))

server.use([
  // First, so the latency it records for GET /metrics covers every other middleware.
  () => import('#core/metrics/latency_middleware'),
  () => import('#core/security/security_headers_middleware'),
  () => import('#core/start/container_bindings_middleware'),
  // The console's files; API requests skip the disk lookup (backend/console_assets).
  () => import('#core/console_assets/static_middleware'),
  () => import('@adonisjs/cors/cors_middleware'),
])

router.use([
  () => import('#core/identity/cookie_session_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  // Before anything walks the body (auth, 防重复提交, validators): deep nesting is a 400.
  () => import('#core/security/nesting_limit_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#core/security/security_log_middleware'),
  () => import('#core/security/repeat_submit_middleware'),
])

export const middleware = router.named({
  auth: () => import('#core/identity/auth_middleware'),
  can: () => import('#core/identity/permission_middleware'),
})
