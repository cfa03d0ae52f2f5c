import { hash, verify } from '@node-rs/argon2';
import { hashGate } from './hash-gate.js';

// Argon2id at the OWASP minimum (19 MiB, 2 passes): memory-hard, ~30 ms here. Parameters live in the PHC string,
// so raising them later only affects new hashes.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hashGate().run(() => hash(password, OPTIONS));
}

/**
 * For passwords the platform generates itself (the initial logins of a county's bulk import): ≥ 60 random bits
 * already defeat offline guessing, so the memory-hard cost buys nothing there and would make 2,000 accounts take
 * a minute. Still Argon2id, so verifyPassword needs no second format; the holder's own password, set at the
 * forced change on first login, gets the full cost.
 */
const GENERATED_OPTIONS = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

export function hashGeneratedPassword(password: string): Promise<string> {
  return hash(password, GENERATED_OPTIONS);
}

/** Throws SERVER_BUSY (503) when too many hashes already wait; a wrong or unreadable hash is false. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  return hashGate().run(() => verify(stored, password).catch(() => false));
}

/** A hash to verify against when the username is unknown, so timing does not reveal which usernames exist. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('tracenet-dummy-password');
  return dummy;
}
