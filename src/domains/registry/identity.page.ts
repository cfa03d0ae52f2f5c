const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page an anonymous scan of an electronic identity shows: small, no script, Chinese with English. */
export function renderIdentityPage(subject: { name: string; status: string; region: string | null } | null, token: string): string {
  const body = subject
    ? `<h1>${escape(subject.name)}</h1><p>${escape(subject.region ?? '')}</p>
<p class="${subject.status === 'active' ? 'ok' : 'warn'}">${subject.status === 'active' ? '✓ 已在国家追溯平台注册 · Registered on the platform' : '⚠ 该主体已被暂停 · This subject is suspended'}</p>
<p><a href="/identity/${encodeURIComponent(token)}">登录后查看详情 · Sign in for details</a></p>`
    : `<h1>电子身份标识无效</h1><p class="warn">该二维码未注册或已作废。<br>This identity QR is unknown or has been replaced.</p>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>电子身份标识 · Electronic identity</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#222}h1{font-size:1.3rem}.ok{color:#1a7f37}.warn{color:#b42318}</style>
</head><body><p>Tracenet 追溯一张网</p>${body}</body></html>`;
}
