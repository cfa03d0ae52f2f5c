import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('defaults to the embedded database on port 3000', () => {
    const c = loadConfig({ SECRET_KEY: 's'.repeat(32) });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('lists every bad value with a clear message', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', SECRET_KEY: 'short', PUBLIC_URL: 'not a url' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const text = (e as ConfigError).message;
      for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'SECRET_KEY', 'PUBLIC_URL']) expect(text).toContain(name);
      expect(text).toContain('postgres://');
      expect((e as ConfigError).problems).toHaveLength(5);
    }
  });

  it('requires a secret key and PostgreSQL in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' })).toThrow(/SECRET_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: 's'.repeat(32) })).toThrow(/DATABASE_URL/);
  });

  it('refuses the demo data in production: its accounts share a published password', () => {
    const production = { NODE_ENV: 'production', SECRET_KEY: 's'.repeat(32), DATABASE_URL: 'postgres://x/y' };
    try {
      loadConfig({ ...production, DEMO_SEED: 'yes' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toEqual([expect.stringMatching(/^DEMO_SEED: .*production.*DEMO_SEED=no/)]);
    }
    expect(loadConfig({ ...production, DEMO_SEED: 'no' }).demoSeed).toBe('no');
    expect(loadConfig({ ...production }).demoSeed).toBe('auto');
    expect(loadConfig({ SECRET_KEY: 's'.repeat(32), DEMO_SEED: 'yes' }).demoSeed).toBe('yes');
  });

  it('trusts no proxy by default; TRUST_PROXY takes off, a hop count or a list of addresses and CIDR ranges', () => {
    const key = { SECRET_KEY: 's'.repeat(32) };
    expect(loadConfig(key).trustProxy).toBe(false);
    expect(loadConfig({ ...key, TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ ...key, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...key, TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,fd00::/8,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5', 'fd00::/8', 'loopback']);
    for (const bad of ['true', 'all', '10.0.0.0/33', 'proxy.example.cn', '11', '10.0.0.1/8/2']) {
      try {
        loadConfig({ ...key, TRUST_PROXY: bad });
        expect.unreachable(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).message).toContain('TRUST_PROXY');
        expect((e as ConfigError).message).toContain(JSON.stringify(bad));
      }
    }
  });

  it('keeps app tokens within a default and a longest lifetime', () => {
    const key = { SECRET_KEY: 's'.repeat(32) };
    expect(loadConfig(key)).toMatchObject({ tokenTtlDays: 90, tokenMaxTtlDays: 365 });
    expect(() => loadConfig({ ...key, TOKEN_TTL_DAYS: '400' })).toThrow(/TOKEN_TTL_DAYS: must not exceed TOKEN_MAX_TTL_DAYS/);
  });
});
