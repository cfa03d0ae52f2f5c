// Server-rendered pages (the public trace page, the electronic identity card) are written with `html`: every value
// placed in the template is escaped unless it is itself `html`, so no page can forget to escape a name.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
// Most values hold nothing to escape: testing first spares the public page a replace per value.
export const escapeHtml = (s: string) => (SPECIAL.test(s) ? s.replace(SPECIALS, (c) => `&#${c.charCodeAt(0)};`) : s);

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (typeof v === 'string') return escapeHtml(v);
  if (Array.isArray(v)) {
    let out = '';
    for (const item of v) out += render(item);
    return out;
  }
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Markup the code itself wrote (a style sheet): placed as is. */
export const trustedHtml = (s: string) => new SafeHtml(s);
