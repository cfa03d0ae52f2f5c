// The password rule's words beyond the first three (src/domains/registry/password-rules.shared.ts, issue 20 §1).
// messages.password.en.ts must have the same keys.
export const passwordZh = {
  'password.tooCommon': '不能使用常见密码',
};
