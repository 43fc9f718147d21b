import { createRouter, createWebHistory, type RouterHistory, type RouteRecordRaw } from 'vue-router'
import AdminLayout from '@/layouts/AdminLayout.vue'
import { LAYOUT_ROUTE } from './dynamic'
import { CHANGE_PASSWORD_ROUTE, installGuards, LOGIN_ROUTE } from './guard'

/* Shell routes exist for everyone; menu pages are added at runtime (router/dynamic.ts). */
export const shellRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: LOGIN_ROUTE,
    component: () => import('@/areas/identity/views/LoginView.vue'),
    meta: { public: true },
  },
  {
    // 单点登录 landing: the 信贷门户 sends the browser here with its ticket (views/SsoView.vue).
    path: '/sso',
    name: 'sso',
    component: () => import('@/areas/identity/views/SsoView.vue'),
    meta: { public: true },
  },
  {
    path: '/',
    name: LAYOUT_ROUTE,
    component: AdminLayout,
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/areas/dashboard/views/HomeView.vue'),
        meta: { titleKey: 'layout.home' },
      },
      {
        // Not a menu page: everyone may change their own password, and a session
        // that must change it first reaches nothing else (see guard.ts).
        path: 'change-password',
        name: CHANGE_PASSWORD_ROUTE,
        component: () => import('@/areas/identity/views/ChangePasswordView.vue'),
        meta: { titleKey: 'identity.password.title' },
      },
      {
        // Not a menu page: an approval is opened from 我的审批, a message or a business
        // page; the server shows it only to its participants (404 otherwise).
        path: 'workflow/instances/:id(\\d+)',
        name: 'workflow-instance',
        component: () => import('@/areas/workflow/pages/workflow/Instance.vue'),
        meta: { titleKey: 'workflow.detailTitle' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/NotFoundView.vue'),
        meta: { titleKey: 'errors.notFoundTitle' },
      },
    ],
  },
]

export function createAppRouter(history: RouterHistory = createWebHistory('/')) {
  const router = createRouter({ history, routes: shellRoutes })
  installGuards(router)
  return router
}
