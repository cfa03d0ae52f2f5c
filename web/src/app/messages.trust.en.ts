import type { trustZh } from './messages.trust.zh';

// English for messages.trust.zh.ts; the same keys.
export const trustEn: Record<keyof typeof trustZh, string> = {
  'rule.choose': 'Please choose {field}',
  'action.subject.account_reset_password': "Subject account's password reset",
  'resetRequests.subjectTitle': 'Password reset requests of staff',
  'resetRequests.subjectDesc': 'Staff of this subject asked for a password reset on the login page. Check who is asking, set a temporary password and tell them in person or by phone; they change it at their next login.',
  'resetRequests.mainTitle': 'Password reset requests of main accounts',
  'resetRequests.mainDesc': 'Main accounts of subjects in your county asked for a password reset on the login page. Check it is the subject itself, set a temporary password and tell it in person or by phone; it is changed at the next login.',
  'resetRequests.subject': 'Subject',
  'staff.resetPassword': 'Reset password',
  'history.field.className': 'Class',
  'doseUnit.kg_per_mu': 'kg/mu',
  'doseUnit.g_per_mu': 'g/mu',
  'doseUnit.ml_per_mu': 'mL/mu',
  'doseUnit.l_per_mu': 'L/mu',
  'doseUnit.kg': 'kg',
  'doseUnit.g': 'g',
  'doseUnit.ml': 'mL',
  'doseUnit.l': 'L',
  'doseUnit.kg_per_head': 'kg/head',
  'doseUnit.ml_per_head': 'mL/head',
};
