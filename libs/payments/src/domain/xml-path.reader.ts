export interface XmlPathEvents {
  /** Element paths (local names from the root, `Document/GrpHdr/MsgId`) whose text is wanted. */
  readonly texts: ReadonlySet<string>;
  /** Element paths whose opening and closing the reader needs to know about (an entry's bounds). */
  readonly bounds?: ReadonlySet<string>;
  readonly onOpen?: (path: string, attributes: Readonly<Record<string, string>>) => void;
  readonly onClose: (path: string, text: string | undefined) => void;
}

/** The file is not XML this reader can follow; the message says where it stopped. */
export class XmlSyntaxError extends Error {}

interface PathNode {
  /** The caller's own string for this path, so that its comparisons are by identity. */
  path: string;
  /** Local name, and the children asked about below it (a handful: found by comparing in place). */
  readonly name: string;
  readonly children: PathNode[];
  text: boolean;
  bound: boolean;
}

function pathTree(events: XmlPathEvents): PathNode {
  const root: PathNode = { path: '', name: '', children: [], text: false, bound: false };
  const add = (path: string, mark: (node: PathNode) => void) => {
    let node = root;
    for (const name of path.split('/')) {
      let child = node.children.find((candidate) => candidate.name === name);
      if (!child) {
        child = { path: node.path === '' ? name : `${node.path}/${name}`, name, children: [], text: false, bound: false };
        node.children.push(child);
      }
      node = child;
    }
    node.path = path;
    mark(node);
  };
  for (const path of events.texts) add(path, (node) => (node.text = true));
  for (const path of events.bounds ?? []) add(path, (node) => (node.bound = true));
  return root;
}

const GT = 62; // >
const SLASH = 47; // /
const COLON = 58; // :
const QUOTE = 34; // "
const APOSTROPHE = 39; // '
const BANG = 33; // !
const QUESTION = 63; // ?

/** A construct (tag, comment, …) longer than this is not a bank file's: refused rather than buffered. */
const MAX_PENDING = 16 * 1024 * 1024;

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

const isSpace = (code: number): boolean => code === 32 || code === 10 || code === 13 || code === 9;

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its character and entity references replaced (the five of XML: a bank file's schema declares no others). */
function decode(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&([^;]*);?/g, (reference: string, name: string) => {
    if (!reference.endsWith(';')) throw new XmlSyntaxError(`unterminated reference «${reference.slice(0, 20)}»`);
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? parseInt(name.slice(1), 10) : undefined;
    if (code === undefined) {
      const character = PREDEFINED[name];
      if (character === undefined) throw new XmlSyntaxError(`unknown entity &${name};`);
      return character;
    }
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff) throw new XmlSyntaxError(`invalid character reference &${name};`);
    return String.fromCodePoint(code);
  });
}

/**
 * A streaming reader of the elements asked for by their path of local names, with their text.
 * Memory stays flat whatever the file's size. Namespace prefixes are dropped: the XSD has already
 * fixed the one namespace a file may use.
 *
 * It is written for files that xmllint validates against the ISO 20022 schema at the same time
 * (nothing the reader produced is committed unless that validation passes), so it does not check
 * well-formedness itself: it follows tags, comments, processing instructions, CDATA sections and
 * a DOCTYPE, decodes the predefined entities and character references, and otherwise only keeps
 * the depth of the elements nobody asked about. That is what makes it several times faster than a
 * general, checking parser (saxes, htmlparser2) on a million-entry camt.054: no string is made for
 * a tag that is not asked for, and an element is matched in place against the few names expected
 * at its position.
 */
export function xmlPathReader(events: XmlPathEvents): { write(chunk: string): void; close(): void } {
  const root = pathTree(events);
  /** The wanted elements open now, from the root; below the last of them, `unknownDepth` others. */
  const stack: PathNode[] = [root];
  let unknownDepth = 0;
  let capturing = false;
  let text = '';
  let pending = '';
  let sawRoot = false;
  let offset = 0;

  const fail = (message: string, at: number): never => {
    throw new XmlSyntaxError(`${message} (at character ${offset + at})`);
  };

  const attributesOf = (buffer: string, from: number, to: number): Record<string, string> => {
    const attributes: Record<string, string> = {};
    let index = from;
    while (index < to) {
      while (index < to && isSpace(buffer.charCodeAt(index))) index++;
      if (index >= to) break;
      const equals = buffer.indexOf('=', index);
      if (equals < 0 || equals >= to) fail('attribute without a value', index);
      const name = buffer.slice(index, equals).trim();
      let quoteAt = equals + 1;
      while (quoteAt < to && isSpace(buffer.charCodeAt(quoteAt))) quoteAt++;
      const quote = buffer.charCodeAt(quoteAt);
      if (quote !== QUOTE && quote !== APOSTROPHE) fail('attribute value without quotes', quoteAt);
      const end = buffer.indexOf(quote === QUOTE ? '"' : "'", quoteAt + 1);
      if (end < 0 || end >= to) fail('unterminated attribute value', quoteAt);
      const colon = name.indexOf(':');
      attributes[colon < 0 ? name : name.slice(colon + 1)] = decode(buffer.slice(quoteAt + 1, end));
      index = end + 1;
    }
    return attributes;
  };

  /** The end of the open tag starting at `from` (the index of its `>`), stepping over quoted values; -1 when it is not all here. */
  const tagEnd = (buffer: string, from: number): number => {
    for (let index = from; index < buffer.length; index++) {
      const code = buffer.charCodeAt(index);
      if (code === GT) return index;
      if (code === QUOTE || code === APOSTROPHE) {
        index = buffer.indexOf(code === QUOTE ? '"' : "'", index + 1);
        if (index < 0) return -1;
      }
    }
    return -1;
  };

  /** The child of `node` whose local name is the tag's at `from` (the name ends at a space, `/` or `>`). */
  const childAt = (node: PathNode, buffer: string, from: number): PathNode | undefined => {
    if (node.children.length === 0) return undefined;
    let start = from;
    let end = from;
    for (; end < buffer.length; end++) {
      const code = buffer.charCodeAt(end);
      if (code === GT || code === SLASH || isSpace(code)) break;
      if (code === COLON) start = end + 1;
    }
    const length = end - start;
    for (const child of node.children) {
      if (child.name.length === length && buffer.startsWith(child.name, start)) return child;
    }
    return undefined;
  };

  const open = (node: PathNode, buffer: string, nameAt: number, end: number): void => {
    stack.push(node);
    if (node.text) {
      capturing = true;
      text = '';
    }
    if (node.bound && events.onOpen) {
      let attributesAt = nameAt;
      while (attributesAt < end && !isSpace(buffer.charCodeAt(attributesAt)) && buffer.charCodeAt(attributesAt) !== SLASH) attributesAt++;
      const to = buffer.charCodeAt(end - 1) === SLASH ? end - 1 : end;
      events.onOpen(node.path, attributesAt < to ? attributesOf(buffer, attributesAt, to) : NO_ATTRIBUTES);
    }
  };

  const close = (): void => {
    if (unknownDepth > 0) {
      unknownDepth--;
      return;
    }
    const node = stack.pop();
    if (!node || node === root) fail('closing tag without an opening one', 0);
    const closed = node as PathNode;
    if (closed.text) {
      capturing = false;
      events.onClose(closed.path, text.trim());
    } else if (closed.bound) {
      events.onClose(closed.path, undefined);
    }
  };

  /** Reads what is complete in `buffer` from `start`; returns where the incomplete rest starts. */
  const read = (buffer: string, start: number): number => {
    let index = start;
    const length = buffer.length;
    while (index < length) {
      const lt = buffer.indexOf('<', index);
      // Wanted text is taken up to the next tag, so that a reference split between chunks is whole.
      if (lt < 0) return capturing ? index : length;
      if (capturing && lt > index) text += decode(buffer.slice(index, lt));
      if (lt + 1 >= length) return lt;
      const next = buffer.charCodeAt(lt + 1);
      if (next === SLASH) {
        const gt = buffer.indexOf('>', lt + 2);
        if (gt < 0) return lt;
        close();
        index = gt + 1;
      } else if (next === QUESTION) {
        const end = buffer.indexOf('?>', lt + 2);
        if (end < 0) return lt;
        index = end + 2;
      } else if (next === BANG) {
        if (buffer.startsWith('<!--', lt)) {
          const end = buffer.indexOf('-->', lt + 4);
          if (end < 0) return lt;
          index = end + 3;
        } else if (buffer.startsWith('<![CDATA[', lt)) {
          const end = buffer.indexOf(']]>', lt + 9);
          if (end < 0) return lt;
          if (capturing) text += buffer.slice(lt + 9, end);
          index = end + 3;
        } else if (lt + 9 > length) {
          return lt;
        } else if (buffer.startsWith('<!DOCTYPE', lt)) {
          // Its internal subset, if any, is in brackets; the declaration ends at the `>` after it.
          const bracket = buffer.indexOf('[', lt);
          const firstGt = buffer.indexOf('>', lt);
          if (firstGt < 0) return lt;
          let end = firstGt;
          if (bracket >= 0 && bracket < firstGt) {
            const closing = buffer.indexOf(']', bracket);
            if (closing < 0) return lt;
            end = buffer.indexOf('>', closing);
            if (end < 0) return lt;
          }
          index = end + 1;
        } else {
          fail('unknown markup', lt);
        }
      } else {
        const gt = tagEnd(buffer, lt + 1);
        if (gt < 0) return lt;
        const selfClosing = buffer.charCodeAt(gt - 1) === SLASH;
        if (!sawRoot) sawRoot = true;
        else if (stack.length === 1 && unknownDepth === 0) fail('a second root element', lt);
        const node = unknownDepth > 0 ? undefined : childAt(stack[stack.length - 1], buffer, lt + 1);
        if (node) open(node, buffer, lt + 1, gt);
        else unknownDepth++;
        if (selfClosing) close();
        index = gt + 1;
      }
    }
    return length;
  };

  /**
   * A chunk is read where it lies: joined to the unfinished rest of the one before, a megabyte
   * string would be a rope that is several times slower to read character by character. Only
   * the seam is joined: the rest with as much of the new chunk as it takes to finish it.
   */
  const write = (chunk: string): void => {
    let start = 0;
    if (pending.length > 0) {
      for (let take = Math.min(chunk.length, 1024); ; take = Math.min(chunk.length, take * 8)) {
        const seam = pending + chunk.slice(0, take);
        // Either the seam's first construct is finished (and read), or nothing of it has been read.
        const rest = read(seam, 0);
        if (rest >= pending.length) {
          start = rest - pending.length;
          offset += pending.length;
          pending = '';
          break;
        }
        if (take === chunk.length) {
          pending = seam;
          if (pending.length > MAX_PENDING) fail('markup that does not end', 0);
          return;
        }
      }
    }
    const rest = read(chunk, start);
    offset += rest;
    pending = rest < chunk.length ? chunk.slice(rest) : '';
  };

  return {
    write,
    close: () => {
      if (pending.length > 0) fail('the file ends inside markup', 0);
      if (!sawRoot) fail('no root element', 0);
      if (stack.length > 1 || unknownDepth > 0) fail('the file ends before its elements are closed', 0);
    },
  };
}
