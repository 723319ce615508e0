import { SaxesParser } from 'saxes';

export interface XmlPathEvents {
  /** Element paths (local names from the root, `Document/GrpHdr/MsgId`) whose text is wanted. */
  readonly texts: ReadonlySet<string>;
  /** Element paths whose opening and closing the reader needs to know about (an entry's bounds). */
  readonly bounds?: ReadonlySet<string>;
  readonly onOpen?: (path: string, attributes: Readonly<Record<string, string>>) => void;
  readonly onClose: (path: string, text: string | undefined) => void;
}

/** The file is not well-formed XML; the message says where saxes stopped. */
export class XmlSyntaxError extends Error {}

interface PathNode {
  /** The caller's own string for this path, so that its comparisons are by identity. */
  path: string;
  readonly children: Map<string, PathNode>;
  text: boolean;
  bound: boolean;
}

/** Elements nobody asked about, and everything below them. */
const ELSEWHERE: PathNode = { path: '', children: new Map(), text: false, bound: false };

function pathTree(events: XmlPathEvents): PathNode {
  const root: PathNode = { path: '', children: new Map(), text: false, bound: false };
  const add = (path: string, mark: (node: PathNode) => void) => {
    let node = root;
    for (const name of path.split('/')) {
      let child = node.children.get(name);
      if (!child) {
        child = { path: node.path === '' ? name : `${node.path}/${name}`, children: new Map(), text: false, bound: false };
        node.children.set(name, child);
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

/**
 * A streaming XML reader (saxes) that reports the elements asked for by their path of local names,
 * with their text. Memory stays flat whatever the file's size, and a million entries cost little
 * more than saxes itself: each element is one step in a tree of the paths asked for. Namespace
 * prefixes are dropped: the XSD has already fixed the one namespace a file may use.
 */
export function xmlPathReader(events: XmlPathEvents): { write(chunk: string): void; close(): void } {
  const parser = new SaxesParser();
  const stack: PathNode[] = [pathTree(events)];
  let text = '';
  const onText = (chunk: string): void => {
    text += chunk;
  };
  parser.on('opentag', (tag) => {
    const colon = tag.name.indexOf(':');
    const node = stack[stack.length - 1].children.get(colon < 0 ? tag.name : tag.name.slice(colon + 1)) ?? ELSEWHERE;
    stack.push(node);
    if (node.text) {
      text = '';
      // Listened to only inside a wanted element: saxes then skips building a string for every
      // run of indentation between elements, dozens per entry of a camt.054.
      parser.on('text', onText);
      parser.on('cdata', onText);
    }
    if (node.bound && events.onOpen) events.onOpen(node.path, tag.attributes as Record<string, string>);
  });
  parser.on('closetag', () => {
    const node = stack.pop() ?? ELSEWHERE;
    if (node.text) {
      parser.off('text');
      parser.off('cdata');
      events.onClose(node.path, text.trim());
    } else if (node.bound) {
      events.onClose(node.path, undefined);
    }
  });
  const wrap = (action: () => void): void => {
    try {
      action();
    } catch (error) {
      throw new XmlSyntaxError(error instanceof Error ? error.message : String(error));
    }
  };
  return { write: (chunk) => wrap(() => parser.write(chunk)), close: () => wrap(() => parser.close()) };
}
