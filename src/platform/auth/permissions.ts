/**
 * Every route declares one of these in `config.permission`; the server refuses to start with a route that
 * does not (app.ts). 'public' needs no login, 'authenticated' any logged-in account; the rest are granted by
 * role (registry/policies.ts decides which actor holds which).
 */
export const PERMISSIONS = [
  'agency.read',
  'agency.allocate',
  'user.read',
  'user.manage',
  'audit.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type RoutePermission = Permission | 'public' | 'authenticated';
