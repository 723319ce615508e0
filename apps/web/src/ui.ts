import { ApiProblem, file } from './api.js';
import { byId, type Child, h, uniqueId } from './dom.js';
import { statusLabel } from './format.js';
import { problemMessage } from './messages.js';

/** Says something to screen-reader users without moving their focus (progress, saved, loaded). */
export function announce(message: string): void {
  const region = byId('kunngjoring');
  region.textContent = '';
  // A fresh text node after a tick, so the same message twice is announced twice.
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}

export function notice(kind: 'info' | 'suksess' | 'feil', ...content: Child[]): HTMLDivElement {
  return h('div', { class: `melding${kind === 'info' ? '' : ` melding--${kind}`}` }, h('p', {}, ...content));
}

export function statusTag(status: string): HTMLSpanElement {
  return h('span', { class: 'merke' }, statusLabel(status));
}

interface ActionOptions {
  readonly secondary?: boolean;
  /** Messages in the words of this button's page, by API error code. */
  readonly overrides?: Readonly<Record<string, string>>;
}

/**
 * A button that calls the API: disabled while it works (so one click is one request), and a
 * refusal appears beside it in bokmål, in an alert so it is read out.
 */
export function actionButton(label: string, work: () => Promise<void>, options: ActionOptions = {}): HTMLElement {
  const errorBox = h('div', { role: 'alert' });
  const button = h('button', { type: 'button', class: `knapp${options.secondary ? ' knapp--sekundar' : ''}` }, label);
  button.addEventListener('click', () => {
    void (async () => {
      errorBox.replaceChildren();
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      try {
        await work();
      } catch (error) {
        errorBox.replaceChildren(notice('feil', errorText(error, options.overrides)));
      } finally {
        button.disabled = false;
        button.removeAttribute('aria-busy');
      }
    })();
  });
  return h('div', { class: 'handling' }, h('div', { class: 'knapperad' }, button), errorBox);
}

export function errorText(error: unknown, overrides: Readonly<Record<string, string>> = {}): string {
  if (error instanceof ApiProblem) return problemMessage(error, overrides);
  return 'Noe gikk galt i nettleseren. Last siden på nytt og prøv igjen.';
}

/** Fetches a file with the bearer token and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const { blob, fileName } = await file(path);
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName ?? fallbackName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; keep the URL a little for slow machines.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  announce(`${fileName ?? fallbackName} er lastet ned.`);
}

export function downloadButton(label: string, path: string, fallbackName: string): HTMLElement {
  return actionButton(label, () => download(path, fallbackName), { secondary: true });
}

/** A titled part of a page; as a region it is reachable from a screen reader's landmark list. */
export function section(title: string, ...content: Child[]): HTMLElement {
  const id = uniqueId('del');
  return h('section', { class: 'seksjon', 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

/**
 * A wide table that may scroll sideways on a narrow screen; the scrolling box can take focus so
 * keyboard users can scroll it too, and is named by the table's caption.
 */
export function scrollable(table: HTMLTableElement): HTMLElement {
  const caption = table.querySelector('caption');
  const id = uniqueId('tabell');
  if (caption) caption.id = id;
  return h('div', { class: 'rulle', role: 'region', tabindex: '0', 'aria-labelledby': caption ? id : undefined }, table);
}
