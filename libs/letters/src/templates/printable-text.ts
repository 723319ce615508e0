// Control characters (C0 except tab and line feed, DEL, C1) and lone surrogates have no glyph: a
// letter would show empty boxes where legacy data carried them. Tabs become spaces.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every string in a letter's content, with what a letter cannot show removed. */
export function printable<T>(content: T): T {
  if (typeof content === 'string') return content.replace(/\t/g, ' ').replace(UNPRINTABLE, '') as T;
  if (Array.isArray(content)) return content.map((item: unknown) => printable(item)) as T;
  if (content !== null && typeof content === 'object' && !(content instanceof Date)) {
    return Object.fromEntries(Object.entries(content).map(([key, value]) => [key, printable(value)])) as T;
  }
  return content;
}
