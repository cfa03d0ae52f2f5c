import { RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import punctuation, { fixText } from './full-width-punctuation.js';

const rule = punctuation.rules['full-width-punctuation'];
const tester = new RuleTester({
  languageOptions: { ecmaVersion: 2022, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
});

describe('full-width-punctuation', () => {
  it('makes the marks of Chinese text full-width and leaves English and code alone', () => {
    expect(fixText('名称: {name}')).toBe('名称：{name}');
    expect(fixText('主体不存在, 请检查; 是否重试?')).toBe('主体不存在，请检查；是否重试？');
    expect(fixText('标准 (GB 2763-2021) 第4.1条')).toBe('标准（GB 2763-2021）第4.1条');
    expect(fixText('合格证(试行)!')).toBe('合格证（试行）！');
    expect(fixText('Certificate (合格证), issued')).toBe('Certificate (合格证), issued');
    expect(fixText('1:2, a,b (x) https://x.cn/?a=1')).toBe('1:2, a,b (x) https://x.cn/?a=1');
    expect(fixText('已有（全角），不变')).toBe('已有（全角），不变');
  });

  it('reports literals, template text and JSX text, and fixes them', () => {
    tester.run('full-width-punctuation', rule, {
      valid: [
        "const a = '名称：张三';",
        "const a = 'Name: Zhang (张三), owner';",
        'const a = `共 ${n} 条，第 ${p} 页`;',
        "const re = /名称:(.*)/;",
        "const summary = '加工: quantities of my input batches become one batch';",
        'const line = `the backup was written 备份已写入: ${file} (${size} bytes)`;',
        'const el = <p>Batch (批次)</p>;',
        { code: "export const en = { a: 'A 承诺达标合格证 (certificate): issued' };", filename: '/x/web/src/app/messages.foo.en.ts' },
      ],
      invalid: [
        { code: "const a = '名称: 张三';", output: "const a = '名称：张三';", errors: 1 },
        { code: "const a = \"主体(临时), 待认领\";", output: "const a = \"主体（临时），待认领\";", errors: 3 },
        { code: 'const a = `第 ${n} 条记录:${x}`;', output: 'const a = `第 ${n} 条记录：${x}`;', errors: 1 },
        { code: 'const a = `${p}抽检不合格(样品 ${n})`;', output: 'const a = `${p}抽检不合格（样品 ${n}）`;', errors: 2 },
        { code: 'const a = `样品 ${n}(${p},追溯码 ${c})`;', output: 'const a = `样品 ${n}（${p}，追溯码 ${c}）`;', errors: 3 },
        { code: "const a = ok ? '(18 位,末位可为 X)' : ';不合格项目';", output: "const a = ok ? '（18 位，末位可为 X）' : '；不合格项目';", errors: 4 },
        { code: 'const el = <p>限量 (mg/kg): {v}</p>;', output: 'const el = <p>限量（mg/kg）：{v}</p>;', errors: 3 },
        { code: 'const el = <Tag title="已撤销(过期)" />;', output: 'const el = <Tag title="已撤销（过期）" />;', errors: 2 },
        { code: "const a = '演示账号:moa-admin、sd-admin 等,密码 Tracenet#2026';", output: "const a = '演示账号：moa-admin、sd-admin 等，密码 Tracenet#2026';", errors: 2 },
        { code: "const a = '已入市:{name}({kind}),{quantity}。';", output: "const a = '已入市：{name}（{kind}），{quantity}。';", errors: 4 },
        { code: "const a = '已撤销!';", filename: '/x/web/src/app/messages.foo.zh.ts', output: "const a = '已撤销！';", errors: 1 },
      ],
    });
  });
});
