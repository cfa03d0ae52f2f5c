import type { CommandContext } from '../../../platform/auth/actor.js';
import type { Tx } from '../../../platform/db/client.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { idCheckChar, usccCheckChar } from './identity-check.shared.js';
import { registerSubject, type RegistrationData } from './subject.registration.js';

const withCheck = (first17: string, check: (s: string) => string | null) => first17 + check(first17)!;

/** Registered producers of the demo county (寿光市 化龙镇), each with a main account. */
export const DEMO_SUBJECTS: (RegistrationData & { username: string })[] = [
  {
    username: 'sg-coop',
    category: 2,
    orgForm: 3,
    name: '寿光市化龙镇绿源蔬菜专业合作社',
    industries: ['planting'],
    scale: 860,
    scaleUnit: 'mu',
    annualOutput: 5200,
    outputUnit: 'tonne',
    idKind: 'uscc',
    idNumber: withCheck('93370783MA3C00001', usccCheckChar),
    legalRep: '王立新',
    phone: '13905360001',
    photos: [],
    townshipCode: '370783100',
    address: '化龙镇政府驻地东 500 米',
    lat: 36.868,
    lng: 118.653,
  },
  {
    username: 'sg-farmer',
    category: 0,
    orgForm: 1,
    name: '张建国',
    industries: ['planting'],
    scale: 12,
    scaleUnit: 'mu',
    annualOutput: 45,
    outputUnit: 'tonne',
    idKind: 'resident_id',
    idNumber: withCheck('37078319750315001', idCheckChar),
    legalRep: '张建国',
    phone: '13905360002',
    photos: [],
    townshipCode: '370783100',
    address: '化龙镇裴岭村 17 号',
    lat: 36.874,
    lng: 118.641,
  },
];

export async function seedDemoSubjects(tx: Tx, pii: Pii, ctx: CommandContext, passwordHash: string): Promise<void> {
  for (const s of DEMO_SUBJECTS) {
    const { username, ...data } = s;
    await registerSubject(tx, pii, ctx, data, { username, passwordHash, mustChangePassword: false }, { via: 'import' });
  }
}
