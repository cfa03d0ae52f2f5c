import { hash, verify } from '@node-rs/argon2';

// Argon2id at the OWASP minimum (19 MiB, 2 passes): memory-hard, ~30 ms here. Parameters live in the PHC string,
// so raising them later only affects new hashes.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so timing does not reveal which usernames exist. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('tracenet-dummy-password');
  return dummy;
}
