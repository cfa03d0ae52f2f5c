import { html, trustedHtml } from '../../../platform/http/html.js';

const CERT_KIND: Record<string, string> = {
  green: '绿色食品 Green food',
  organic: '有机农产品 Organic',
  geo: '农产品地理标志 Geographical indication',
  pledge: '承诺达标合格证 Compliance pledge',
  pollution_free: '无公害农产品 Pollution-free',
};

type PublicSubject = {
  name: string;
  status: string;
  region: string | null;
  certificates: { kind: string; number: string; validTo: string; valid: boolean; verified: boolean }[];
};

const CSS = trustedHtml(
  'body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#222}h1{font-size:1.3rem}.ok{color:#1a7f37}.warn{color:#b42318}small{color:#57606a}',
);

/** The page an anonymous scan of an electronic identity shows (its public card): small, no script, Chinese with English. */
export function renderIdentityPage(subject: PublicSubject | null, token: string): string {
  const body = subject
    ? html`<h1>${subject.name}</h1><p>${subject.region ?? ''}</p>
<p class="${subject.status === 'active' ? 'ok' : 'warn'}">${subject.status === 'active' ? '✓ 已在国家追溯平台注册 · Registered on the platform' : '⚠ 该主体已被暂停 · This subject is suspended'}</p>
${
  subject.certificates.length
    ? html`<h2>认证证书 · Certificates</h2><ul>${subject.certificates.map(
        (c) => html`<li>${CERT_KIND[c.kind] ?? c.kind} ${c.number} <small>有效期至 valid to ${c.validTo}${c.valid ? '' : ' · 已过期 expired'}${c.verified ? '' : ' · 待核验 not yet verified'}</small></li>`,
      )}</ul>`
    : ''
}
<p><a href="/identity/${encodeURIComponent(token)}">登录后查看详情 · Sign in for details</a></p>`
    : html`<h1>电子身份标识无效</h1><p class="warn">该二维码未注册或已作废。<br>This identity QR is unknown or has been replaced.</p>`;
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>电子身份标识 · Electronic identity</title><link rel="icon" type="image/svg+xml" href="/favicon.svg">
<style>${CSS}</style>
</head><body><p>Tracenet 追溯一张网</p>${body}</body></html>`.value;
}
