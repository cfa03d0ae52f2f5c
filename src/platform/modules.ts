import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { DomainAudit } from './audit/catalog.js';
import { assembleGrants, type DomainGrants, type Grants } from './auth/permissions.js';
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import type { FileStorage } from './files/storage.js';
import type { Job } from './jobs/runner.js';
import type { Logger } from './logger.js';
import type { Notifier } from './notify/notifier.js';
import type { Pii } from './pii/pii.js';

/**
 * What one domain offers another it may not import (a lower domain cannot import a higher one): enforcement tells
 * supervision which field photos its cases hold, monitoring tells the public trace page its results. The domain
 * that needs a hook declares it here by declaration merging (`declare module`), with its own type; the domain that
 * has it fills it in its module's `provides`. Several providers of one hook are all kept, in the domains' order.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the domains that need a hook
export interface DomainHooks {}

/**
 * Services the composition root builds before any domain (they take part in authentication and metrics), declared
 * by the domain whose type they are, as DomainHooks are.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the domains that own a service
export interface DomainServices {}

export type HookLists = { [K in keyof DomainHooks]: DomainHooks[K][] };

/** What every domain's routes and jobs are built from. */
export type DomainContext = {
  db: Db;
  database: Database;
  pii: Pii;
  config: Config;
  files: FileStorage;
  notifier: Notifier;
  logger: Logger;
  services: DomainServices;
  hooks: HookLists;
  /** Who holds which permission: every listed domain's grants put together (domainGrants below). */
  grants: Grants;
};

/** A not-found request a domain may still answer (the resolver's compressed Digital Links); null when it does not. */
export type NotFoundResolver = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * One business domain as the application takes it in: src/domains/<d>/index.ts exports one, and src/domains/index.ts
 * lists them. Adding a domain is its folder and one line in that list.
 */
export type DomainModule = {
  name: string;
  /** Who holds the domain's permissions (its permissions.ts). */
  permissions?: readonly DomainGrants[];
  /** The audit actions the domain records and the kinds of thing it records them on (its audit-actions.ts). */
  audit?: readonly DomainAudit[];
  /** The domain's routes, registered in this order after the domains listed before it. */
  routes?: (ctx: DomainContext) => FastifyPluginAsync[];
  /** Recurring jobs; null for one the configuration switches off. */
  jobs?: (ctx: DomainContext) => (Job | null)[];
  /** Hooks this domain fills for others (see DomainHooks). */
  provides?: { [K in keyof DomainHooks]?: DomainHooks[K] };
  /** Asked, in the domains' order, about a request no route matched. */
  notFound?: (ctx: DomainContext) => NotFoundResolver;
};

/** Every domain's hooks gathered by name, in the domains' order. */
export function collectHooks(domains: readonly DomainModule[]): HookLists {
  const lists: Record<string, unknown[]> = {};
  for (const d of domains) {
    for (const [name, hook] of Object.entries(d.provides ?? {})) (lists[name] ??= []).push(hook);
  }
  return lists as HookLists;
}

/** The one provider of a hook a domain cannot do without; a missing or doubled one is a wiring mistake, found at start. */
export function theHook<K extends keyof DomainHooks>(hooks: HookLists, name: K): DomainHooks[K] {
  const list = (hooks[name] ?? []) as DomainHooks[K][];
  if (list.length !== 1) throw new Error(`hook ${String(name)} needs exactly one provider, has ${list.length}`);
  return list[0]!;
}

/**
 * The grants of the listed domains, read from their modules: the list of domains is the only list, and a domain's
 * code is handed the result (DomainContext.grants) instead of importing it, which would close an import cycle.
 */
export function domainGrants(domains: readonly DomainModule[]): Grants {
  return assembleGrants(domains.flatMap((d) => d.permissions ?? []));
}
