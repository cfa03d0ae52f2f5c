import { lazy } from 'react';
import { lazyPage } from '../../app/lazy-page';
import { COLD_PAGES } from '../../app/cold-pages';
import type { ConsoleDomain, MenuEntry } from '../../app/console-domain';
import type { words } from './messages.zh';
import { shellZh } from './messages.shell.zh';

const menu = [
  { path: '/agencies', label: 'menu.agencies', order: 10, group: 'system', permission: 'agency.read' },
  { path: '/allocate', label: 'menu.allocate', order: 20, group: 'system', permission: 'agency.allocate' },
  { path: '/users', label: 'menu.users', order: 30, group: 'system', permission: 'user.read' },
  { path: '/applications', label: 'menu.applications', order: 40, group: 'subjects', permission: 'subject.approve' },
  { path: '/change-requests', label: 'menu.changeRequests', order: 50, group: 'subjects', permission: 'subject.approve' },
  { path: '/import', label: 'import.menu', order: 60, group: 'subjects', permission: 'subject.approve' },
  { path: '/subjects', label: 'menu.subjects', order: 70, group: 'subjects', permission: 'subject.read' },
  { path: '/my-subject', label: 'menu.mySubject', order: 200, group: 'subjects', permission: 'subject.self' },
  { path: '/account', label: 'menu.account', order: 350 },
] as const satisfies readonly MenuEntry[];

/** Agencies, accounts and subjects: registration, review, the subject's own page, sign-in. */
export const registryConsole: ConsoleDomain<typeof words, (typeof menu)[number]['path'], typeof shellZh> = {
  name: 'registry',
  routes: [
    { path: 'agencies', permission: 'agency.read', page: lazy(() => import('./accounts/AgencyTreePage')) },
    { path: 'allocate', permission: 'agency.allocate', page: lazy(() => import('./accounts/AllocatePage')) },
    { path: 'users', permission: 'user.read', page: lazy(() => import('./accounts/UsersPage')) },
    { path: 'applications', permission: 'subject.approve', page: lazy(() => import('./subjects/ApplicationsPage')) },
    { path: 'change-requests', permission: 'subject.approve', page: lazy(() => import('./subjects/ChangeRequestsPage')) },
    { path: 'import', permission: 'subject.approve', page: lazy(() => import('./subjects/ImportPage')) },
    { path: 'subjects', permission: 'subject.read', page: lazy(() => import('./subjects/SubjectsPage')) },
    { path: 'subjects/:id', permission: 'subject.read', page: lazy(() => import('./subjects/SubjectDetailPage')) },
    { path: 'identity/:token', page: lazy(() => import('./subjects/IdentityScanPage')) },
    { path: 'my-subject', permission: 'subject.self', page: lazyPage(() => import('./subjects/MySubjectPage'), COLD_PAGES.mySubject) },
    { path: 'account', page: lazy(() => import('./accounts/AccountPage')) },
  ],
  publicRoutes: [
    { path: 'register', page: lazy(() => import('./subjects/RegisterPage')) },
    { path: 'register/status', page: lazy(() => import('./subjects/StatusLookupPage')) },
    { path: 'register/status/:code', page: lazy(() => import('./subjects/ApplicationStatusPage')) },
    { path: 'register/status/:code/edit', page: lazy(() => import('./subjects/ResubmitPage')) },
  ],
  signIn: { login: lazy(() => import('./accounts/LoginPage')), forcedPassword: lazy(() => import('./accounts/ForcedPasswordPage')) },
  menu,
  messages: { shell: shellZh, zh: () => import('./messages.zh').then((m) => m.words) },
};
