import { jsonNestingDepth } from './json-nesting';

describe(jsonNestingDepth.name, () => {
  it('counts arrays and objects alike', () => {
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}', 32)).toBe(4);
    expect(jsonNestingDepth('[[],[[]],[]]', 32)).toBe(3);
    expect(jsonNestingDepth('"flat"', 32)).toBe(0);
  });

  it('ignores brackets inside strings, also after escaped quotes and backslashes', () => {
    expect(jsonNestingDepth('{"a":"[[[{{{"}', 32)).toBe(1);
    expect(jsonNestingDepth('{"a":"\\"[[[","b":"\\\\"}', 32)).toBe(1);
    expect(jsonNestingDepth('["\\\\",[["x"]]]', 32)).toBe(3);
  });

  it('stops as soon as the limit is passed, whatever follows', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(jsonNestingDepth(deep, 32)).toBe(33);
  });

  it('matches the depth JSON.parse sees on generated documents', () => {
    const build = (depth: number): unknown => (depth === 0 ? 'x[{' : depth % 2 ? [build(depth - 1), '"]'] : { k: build(depth - 1) });
    for (const depth of [1, 5, 17, 32]) expect(jsonNestingDepth(JSON.stringify(build(depth)), 64)).toBe(depth);
  });
});
