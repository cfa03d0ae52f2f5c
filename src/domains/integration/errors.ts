import { defineErrors } from '../../platform/http/errors.js';

const KIND_ZH: Record<string, string> = { provincial_platform: '省级平台', certification: '认证系统', market: '市场', shop: '网店' };

export const integrationError = defineErrors({
  CLIENT_NOT_FOUND: { status: 404, zh: '接入系统不存在，或不在本机构辖区', en: 'No such client system, or not in your jurisdiction' },
  KEY_NOT_FOUND: { status: 404, zh: '该接入系统没有这个密钥', en: 'This client system has no such key' },
  CLIENT_KIND_NOT_YOURS: {
    status: 403,
    zh: (d) => `本机构不能登记「${KIND_ZH[String(d.kind)] ?? String(d.kind)}」：省级平台和认证系统由农业农村部登记，市场和网店由所在省登记`,
    en: (d) => `Your agency cannot register a client of kind ${String(d.kind)}: the ministry registers provincial platforms and certification systems, a province its markets and shops`,
  },
  REGION_OUT_OF_JURISDICTION: {
    status: 422,
    zh: (d) => `地区 ${String(d.region) || '全国'} 不在本机构辖区内，接入范围只能在辖区之内`,
    en: (d) => `Region ${String(d.region) || '(whole country)'} is outside your jurisdiction; a client's scope lies within it`,
  },
  REGION_UNKNOWN: { status: 422, zh: (d) => `地区代码 ${String(d.region)} 不存在`, en: (d) => `There is no region ${String(d.region)}` },
  PROVINCE_REQUIRED: { status: 422, zh: '省级平台的接入范围须为一个省（2 位地区代码）', en: 'A provincial platform’s scope is one province (a 2-digit region code)' },
  SCHEME_REQUIRED: { status: 422, zh: '认证系统须选择认证类别（绿色、有机、地理标志或农垦）', en: 'A certification system needs its scheme (green, organic, geographical indication or state farm)' },
  OPERATION_NOT_ALLOWED: {
    status: 422,
    zh: (d) => `此类接入系统不能授予业务 ${String(d.operation)}`,
    en: (d) => `A client of this kind cannot be given the operation ${String(d.operation)}`,
  },
  CLIENT_DISABLED: { status: 409, zh: '该接入系统已停用，不能签发密钥', en: 'This client system is disabled; no key can be issued' },
  KEY_LIMIT: { status: 409, zh: '每个接入系统最多同时有两个有效密钥（轮换期间新旧各一），请先撤销旧密钥', en: 'A client has at most two live keys (the new and the old during a rotation); revoke one first' },
  KEY_ALREADY_REVOKED: { status: 409, zh: '该密钥已撤销', en: 'This key was already revoked' },
});
