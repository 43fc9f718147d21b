/*
| The security headers, in one place (docs/security.md "Security headers").
|
| Console pages: scripts only from our own origin, never inline or eval (the Vite
| build has none); styles from our own origin too, plus inline style *attributes*
| (style-src-attr), which ECharts' tooltip HTML and Element Plus' positioned
| popovers need. A <style> element cannot be injected; the print window uses a
| constructed style sheet (CSSOM) instead. Images may be data:/blob: (captcha,
| previews). Plugin content only from blob: URLs the console made itself (the
| PDF viewer); no framing; forms and <base> only to ourselves.
|
| API answers are data, never a page: `default-src 'none'`, so even a file that
| slipped past the upload checks cannot run script when opened from /api.
*/

const ONE_YEAR = 31_536_000

const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-elem 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // A PDF opened in a tab from a blob (处置预案 审批表) inherits this policy and is a plugin document.
  'object-src blob:',
  "frame-src 'self' blob:",
  "worker-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
]

const API_CSP = [
  "default-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
]

export function securityHeaders(request: { api: boolean; https: boolean }): Record<string, string> {
  const csp = request.api ? [...API_CSP] : [...CONSOLE_CSP]
  if (request.https) csp.push('upgrade-insecure-requests')
  return {
    'Content-Security-Policy': csp.join('; '),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Permitted-Cross-Domain-Policies': 'none',
    // Over http the header is ignored by browsers and would mislead readers of a capture.
    ...(request.https
      ? { 'Strict-Transport-Security': `max-age=${ONE_YEAR}; includeSubDomains` }
      : {}),
    // Answers with business data are never kept in a shared or disk cache.
    ...(request.api ? { 'Cache-Control': 'no-store' } : {}),
  }
}
