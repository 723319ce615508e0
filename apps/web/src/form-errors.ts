import type { ApiProblem } from './api.js';
import { h } from './dom.js';
import { fieldMessage, type FieldFacts, problemMessage } from './messages.js';

export interface ShownError {
  /** The id of the input (or fieldset) the message belongs to; absent for a message about the whole form. */
  readonly inputId?: string;
  readonly message: string;
}

/** Input ids are derived from field paths so a server's "budget.0.amountNok" finds its input. */
export function inputIdOf(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function clearErrors(form: HTMLElement): void {
  form.querySelectorAll('.feiloppsummering, .feilmelding').forEach((element) => element.remove());
  form.querySelectorAll('.felt--feil').forEach((element) => element.classList.remove('felt--feil'));
  form.querySelectorAll('[aria-invalid]').forEach((element) => element.removeAttribute('aria-invalid'));
  form.querySelectorAll<HTMLElement>('[aria-describedby]').forEach((element) => {
    const kept = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && !id.endsWith('-feil'));
    if (kept.length > 0) element.setAttribute('aria-describedby', kept.join(' '));
    else element.removeAttribute('aria-describedby');
  });
}

/**
 * Shows each message beside its input (aria-invalid, aria-describedby) and all of them in a
 * summary at the top of the form, which takes focus so a screen reader reads it out at once.
 */
export function showErrors(form: HTMLElement, errors: readonly ShownError[], intro?: string): void {
  clearErrors(form);
  if (errors.length === 0) return;
  const seen = new Set<string>();
  for (const error of errors) {
    if (!error.inputId || seen.has(error.inputId)) continue;
    seen.add(error.inputId);
    const target = document.getElementById(error.inputId);
    if (!target) continue;
    const errorId = `${error.inputId}-feil`;
    const message = h('p', { class: 'feilmelding', id: errorId }, h('span', { class: 'skjult-visuelt' }, 'Feil: '), error.message);
    const wrapper = target.closest('.felt');
    wrapper?.classList.add('felt--feil');
    if (target instanceof HTMLFieldSetElement) {
      target.querySelector('legend')?.after(message);
    } else {
      target.parentElement?.classList.contains('med-enhet') ? target.parentElement.before(message) : target.before(message);
      target.setAttribute('aria-invalid', 'true');
    }
    target.setAttribute('aria-describedby', [target.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '));
  }
  const headingId = `${form.id || 'skjema'}-feiloppsummering`;
  const summary = h(
    'div',
    { class: 'feiloppsummering', tabindex: '-1', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, errors.length === 1 ? 'Det er 1 feil i skjemaet' : `Det er ${errors.length} feil i skjemaet`),
    intro ? h('p', {}, intro) : null,
    h(
      'ul',
      {},
      errors.map((error) =>
        h(
          'li',
          {},
          error.inputId && document.getElementById(error.inputId)
            ? h('a', { href: `#${error.inputId}`, onclick: (event: Event) => focusInput(event, error.inputId!) }, error.message)
            : error.message,
        ),
      ),
    ),
  );
  form.prepend(summary);
  summary.focus();
}

function focusInput(event: Event, inputId: string): void {
  event.preventDefault();
  const target = document.getElementById(inputId);
  const focusable = target instanceof HTMLFieldSetElement ? target.querySelector<HTMLElement>('input, select, textarea, button') : target;
  focusable?.focus();
  focusable?.scrollIntoView({ block: 'center' });
}

/**
 * A refusal from the API, shown on the form: each field-level problem beside its input (found by
 * `locate`), the rest in the summary, all in bokmål.
 */
export function showProblem(form: HTMLElement, problem: ApiProblem, locate: (field: string) => { inputId: string; facts: FieldFacts } | undefined, overrides: Readonly<Record<string, string>> = {}): void {
  const located = problem.errors.flatMap((entry) => {
    const found = locate(entry.field);
    return found ? [{ inputId: found.inputId, message: fieldMessage(entry, found.facts) }] : [];
  });
  const general = problemMessage(problem, overrides);
  if (located.length === 0) {
    showErrors(form, [{ message: general }]);
  } else {
    showErrors(form, located.length < problem.errors.length ? [...located, { message: general }] : located, general);
  }
}
