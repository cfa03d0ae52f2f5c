// Chinese text takes full-width punctuation (，：；（）！？), as the developers' guide asks of the console and of the
// server's Chinese messages. A mark counts as part of Chinese text when the nearest character before it (spaces
// skipped) is Chinese; a parenthesis pair goes with its opening mark, so "标准(GB 2763)" becomes "标准（GB 2763）" and
// an English "Certificate (合格证)" stays as it is. Checked: string literals, template text and JSX text.
// English text keeps English punctuation around a Chinese name: English message files (*.en.ts) are not checked,
// nor a string (or template literal) holding an English phrase (three words in a row) — an English or bilingual
// sentence such as an OpenAPI summary "加工: quantities of my input batches become…". Names and codes inside Chinese
// ("JPG 或 PNG", "{name}({kind})", "moa-admin、sd-admin") are no phrase.

const FULL = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };
const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff1f\uff08\uff09\uff0c\uff1a\uff1b\u2014\u2026\u201c\u201d]/;
const HAS_IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const SPACE = /[ \t]/;
/** Where a template literal has a `${…}`: skipped when looking for the text before a mark. */
const HOLE = '\u0001';
const ENGLISH_PHRASE = /[A-Za-z]{2,}(?:[ ,'\u2019]+[A-Za-z]+){2,}/;

/** An English phrase in it: English or bilingual text, whose punctuation is English. */
export function isEnglish(text) {
  return ENGLISH_PHRASE.test(text);
}

/** The index of the nearest character before i that is not a space, or -1. */
function before(text, i) {
  let j = i - 1;
  for (;;) {
    while (j >= 0 && (SPACE.test(text[j]) || text[j] === HOLE)) j--;
    // A message's {placeholder} stands for a value, like a template's `${…}`.
    const slot = j >= 0 && text[j] === '}' ? /\{\w+\}$/.exec(text.slice(0, j + 1)) : null;
    if (!slot) return j;
    j -= slot[0].length;
  }
}

/** The index of the nearest character after i that is not a space, or -1. */
function after(text, i) {
  let j = i + 1;
  while (j < text.length && SPACE.test(text[j])) j++;
  return j < text.length ? j : -1;
}

/**
 * The ASCII marks of `text` that belong to Chinese text, each with the span a fix replaces (the mark and the
 * spaces it swallows: full-width marks carry their own spacing).
 */
export function findMarks(text) {
  if (!HAS_IDEOGRAPH.test(text)) return [];
  const found = new Map();
  // A mark after a mark already made full-width is in Chinese text too: "（试行)!" ends "（试行）！".
  const chineseBefore = (i) => {
    const j = before(text, i);
    return j >= 0 && (CHINESE.test(text[j]) || found.has(j));
  };
  const open = [];
  const pairs = new Map();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) pairs.set(open.pop(), i);
  }
  const closers = new Set(pairs.values());
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!(c in FULL)) continue;
    const startsText = before(text, i) < 0;
    if (c === '(') {
      const close = pairs.get(i);
      // After Chinese, or opening the text with Chinese inside: "(18 位，末位可为 X)".
      if (chineseBefore(i) || (startsText && close !== undefined && HAS_IDEOGRAPH.test(text.slice(i, close)))) {
        found.set(i, c);
        if (close !== undefined) found.set(close, ')');
      }
    } else if (c === ')') {
      if (!closers.has(i) && chineseBefore(i)) found.set(i, c);
    } else if (chineseBefore(i) || (after(text, i) >= 0 && HAS_IDEOGRAPH.test(text[after(text, i)]))) {
      // "1:2", "a,b" and a ":" in "https:" never follow Chinese; a "?" of a query string neither. A mark opening
      // a piece of Chinese text (";不合格项目", "5 MB;手机上") is Chinese too.
      found.set(i, c);
    }
  }
  return [...found.keys()]
    .sort((a, b) => a - b)
    .map((i) => {
      const c = text[i];
      let start = i;
      let end = i + 1;
      if (c === '(' || c === ')') while (start > 0 && SPACE.test(text[start - 1])) start--;
      while (end < text.length && SPACE.test(text[end])) end++;
      return { index: i, mark: c, start, end, replacement: FULL[c] };
    });
}

/** The text with every mark of findMarks made full-width. */
export function fixText(text) {
  let out = '';
  let at = 0;
  for (const m of findMarks(text)) {
    if (m.start < at) {
      out += m.replacement;
      at = m.end;
      continue;
    }
    out += text.slice(at, m.start) + m.replacement;
    at = m.end;
  }
  return out + text.slice(at);
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'suggestion',
    fixable: 'code',
    messages: { ascii: "Chinese text takes full-width '{{full}}', not ASCII '{{mark}}'" },
    schema: [],
  },
  create(context) {
    if (/\.en\.tsx?$/.test(context.filename)) return {};
    const source = context.sourceCode;
    function check(node, text, offset) {
      const marks = findMarks(text);
      if (!marks.length) return;
      const base = node.range[0] + offset;
      // One fix for the whole node: marks of a pair, and spaces two marks both swallow, never conflict.
      const fixed = fixText(text);
      marks.forEach((m, n) => {
        context.report({
          loc: { start: source.getLocFromIndex(base + m.index), end: source.getLocFromIndex(base + m.index + 1) },
          messageId: 'ascii',
          data: { mark: m.mark, full: m.replacement },
          ...(n === 0 ? { fix: (fixer) => fixer.replaceTextRange([base, base + text.length], fixed) } : {}),
        });
      });
    }
    return {
      Literal(node) {
        if (typeof node.value !== 'string' || node.regex || isEnglish(node.value)) return;
        // Inside the quotes, on the raw source, so escapes stay as written.
        const raw = source.getText(node);
        check(node, raw.slice(1, -1), 1);
      },
      TemplateLiteral(node) {
        if (isEnglish(node.quasis.map((q) => q.value.raw).join(' '))) return;
        // The whole literal at once, each `${…}` a HOLE, so a "(" and its ")" on both sides of a `${…}` stay a pair.
        const parts = node.quasis.map((quasi) => {
          const raw = source.getText(quasi);
          // The element's text runs from after "`" or "}" to before "`" or "${".
          return { quasi, text: raw.slice(1, raw.length - (quasi.tail ? 1 : 2)) };
        });
        const whole = parts.map((p) => p.text).join(HOLE);
        const marks = findMarks(whole);
        if (!marks.length) return;
        const fixed = fixText(whole).split(HOLE);
        let offset = 0;
        parts.forEach((part, k) => {
          const mine = marks.filter((m) => m.index >= offset && m.index < offset + part.text.length);
          const base = part.quasi.range[0] + 1;
          mine.forEach((m, n) => {
            context.report({
              loc: { start: source.getLocFromIndex(base + m.index - offset), end: source.getLocFromIndex(base + m.index - offset + 1) },
              messageId: 'ascii',
              data: { mark: m.mark, full: m.replacement },
              ...(n === 0 ? { fix: (fixer) => fixer.replaceTextRange([base, base + part.text.length], fixed[k]) } : {}),
            });
          });
          offset += part.text.length + 1;
        });
      },
      JSXText(node) {
        if (isEnglish(node.value)) return;
        check(node, source.getText(node), 0);
      },
    };
  },
};

export default { rules: { 'full-width-punctuation': rule } };
