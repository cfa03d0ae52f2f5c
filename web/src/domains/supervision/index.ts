import { lazy } from 'react';
import { FIELD_LEVELS, type ConsoleDomain, type MenuEntry } from '../../app/console-domain';
import type { words } from './messages.zh';
import { shellZh } from './messages.shell.zh';

const menu = [
  { path: '/supervision/tasks', label: 'menu.tasks', order: 90, group: 'supervision', permission: 'supervision.task' },
  { path: '/supervision/field', label: 'menu.inspect', order: 100, group: 'supervision', permission: 'supervision.inspect', levels: FIELD_LEVELS },
  { path: '/supervision/inspections', label: 'menu.inspections', order: 110, group: 'supervision', permission: 'supervision.read' },
  { path: '/supervision/checklists', label: 'menu.checklists', order: 120, group: 'supervision', permission: 'supervision.checklist' },
] as const satisfies readonly MenuEntry[];

/** Supervision: tasks and notices to agencies, field inspections and their checklists. */
export const supervisionConsole: ConsoleDomain<typeof words, (typeof menu)[number]['path'], typeof shellZh> = {
  name: 'supervision',
  routes: [
    { path: 'supervision/tasks', permission: 'supervision.task', page: lazy(() => import('./TasksPage')) },
    { path: 'supervision/tasks/new', permission: 'supervision.publish', page: lazy(() => import('./TaskFormPage')) },
    { path: 'supervision/tasks/:id', permission: 'supervision.task', page: lazy(() => import('./TaskDetailPage')) },
    { path: 'supervision/field', permission: 'supervision.inspect', page: lazy(() => import('./InspectPage')) },
    { path: 'supervision/inspections', permission: 'supervision.read', page: lazy(() => import('./InspectionsPage')) },
    { path: 'supervision/checklists', permission: 'supervision.checklist', page: lazy(() => import('./ChecklistsPage')) },
  ],
  menu,
  messages: { shell: shellZh, zh: () => import('./messages.zh').then((m) => m.words) },
};
