/**
 * A small element builder. Text is always set as text, never parsed as HTML, so nothing an
 * applicant writes can become markup on a caseworker's screen.
 */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Listener = (event: Event) => void;
export type Attributes = Readonly<Record<string, string | number | boolean | undefined | null | Listener>>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

export function fragment(...children: Child[]): DocumentFragment {
  const result = document.createDocumentFragment();
  append(result, children);
  return result;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no element #${id}`);
  return element as T;
}

let counter = 0;

/** A page-unique id, for label/for and aria-describedby pairs. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A description list of label/value pairs. */
export function facts(rows: ReadonlyArray<readonly [string, Child]>): HTMLDListElement {
  return h('dl', { class: 'opplysninger' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '–')]));
}

export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => Child;
  readonly numeric?: boolean;
}

/** A data table with a caption and column headers, as screen readers need to announce cells. */
export function table<Row>(caption: string, columns: ReadonlyArray<Column<Row>>, rows: readonly Row[], footer?: readonly Child[]): HTMLTableElement {
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: column.numeric ? 'tall' : undefined }, column.header)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((column, index) => (index === 0 ? h('th', { scope: 'row', class: column.numeric ? 'tall' : undefined }, column.cell(row)) : h('td', { class: column.numeric ? 'tall' : undefined }, column.cell(row))))))),
    footer ? h('tfoot', {}, h('tr', {}, footer.map((cell, index) => (index === 0 ? h('th', { scope: 'row' }, cell) : h('td', { class: columns[index]?.numeric ? 'tall' : undefined }, cell))))) : null,
  );
}
