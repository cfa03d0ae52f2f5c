import { describe, expect, it } from 'vitest';
import { assembleGrants, type DomainGrants } from './permissions.js';

// The names are real ones (the type admits only declared names); the domains here are made up for the assembly rules.
const a = { names: ['agency.read'], agency: () => ['agency.read'], subject: () => [] } as unknown as DomainGrants;
const b = { names: ['trace.read'], agency: ({ kind }) => [kind === 'testing' && 'trace.read'], subject: ({ status }) => [status === 'active' && 'trace.read'] } as DomainGrants;

describe('assembleGrants', () => {
  it('is the union of what each domain grants', () => {
    const g = assembleGrants([a, b]);
    expect([...g.ofAgency('staff', 'testing', 'county')].sort()).toEqual(['agency.read', 'trace.read']);
    expect([...g.ofAgency('staff', 'supervision', 'county')]).toEqual(['agency.read']);
    expect([...g.ofSubject('admin', 'active')]).toEqual(['trace.read']);
    expect([...g.ofSubject('admin', 'suspended')]).toEqual([]);
    expect([...g.names].sort()).toEqual(['agency.read', 'trace.read']);
  });
  it('refuses a name two domains declare, and a grant of a name its domain does not declare', () => {
    expect(() => assembleGrants([a, a])).toThrow(/declared by two domains/);
    const stray = { ...a, agency: () => ['trace.read'] } as unknown as DomainGrants;
    expect(() => assembleGrants([stray]).ofAgency('staff', 'testing', 'county')).toThrow(/does not declare/);
  });
});
