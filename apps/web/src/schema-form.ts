import { type Child, h } from './dom.js';
import { formatNok, fromOre, normaliseAmount, toOre } from './format.js';
import { inputIdOf } from './form-errors.js';
import type { FieldModel, RawRow, RawValue } from './form-model.js';

export interface RenderedForm {
  readonly element: HTMLElement;
  /** What the inputs hold now. */
  read(): RawRow;
}

/**
 * Inputs for a list of field models: a label for each input, help text and limits tied to it with
 * aria-describedby, optional fields marked as such. Lists (budget lines) get rows that can be added
 * and removed, with a running sum when a row has an amount.
 */
export function renderFields(fields: readonly FieldModel[], values: RawRow, idPrefix: string, pathPrefix = ''): RenderedForm {
  const element = h('div', {});
  const readers: Array<[string, () => RawValue]> = [];
  for (const field of fields) {
    const rendered = renderField(field, values[field.name], idPrefix, `${pathPrefix}${field.name}`);
    element.append(rendered.element);
    readers.push([field.name, rendered.read]);
  }
  return { element, read: () => Object.fromEntries(readers.map(([name, read]) => [name, read()])) };
}

function renderField(field: FieldModel, value: RawValue | undefined, idPrefix: string, path: string): { element: HTMLElement; read: () => RawValue } {
  if (field.kind === 'list') return renderList(field, Array.isArray(value) ? (value as readonly RawRow[]) : [], idPrefix, path);
  const id = inputIdOf(idPrefix, path);
  const helpId = `${id}-hjelp`;
  const help = helpText(field);
  const label = h('label', { for: id }, field.label, field.required ? null : ' (valgfritt)');
  const helpElement = help ? h('p', { class: 'hjelp', id: helpId }, help) : null;
  const describedBy = help ? helpId : undefined;
  const text = typeof value === 'string' ? value : '';

  if (field.kind === 'boolean') {
    const box = h('input', { type: 'checkbox', id, name: path, checked: value === true, 'aria-describedby': describedBy });
    return { element: h('div', { class: 'felt' }, h('div', { class: 'valg' }, box, h('label', { for: id }, field.label)), helpElement), read: () => box.checked };
  }
  if (field.kind === 'choice') {
    const select = h(
      'select',
      { id, name: path, 'aria-describedby': describedBy },
      h('option', { value: '' }, 'Velg …'),
      (field.choices ?? []).map((choice) => h('option', { value: choice.value, selected: choice.value === text }, choice.label)),
    );
    return { element: h('div', { class: 'felt' }, label, helpElement, select), read: () => select.value };
  }
  if (field.kind === 'textarea') {
    const area = h('textarea', { id, name: path, rows: 6, 'aria-describedby': describedBy });
    area.value = text;
    return { element: h('div', { class: 'felt' }, label, helpElement, area), read: () => area.value };
  }
  const input = h('input', {
    id,
    name: path,
    type: field.kind === 'date' ? 'date' : field.kind === 'email' ? 'email' : 'text',
    inputmode: field.kind === 'integer' ? 'numeric' : field.kind === 'amount' ? 'decimal' : undefined,
    autocomplete: field.kind === 'email' ? 'email' : path === 'contactName' ? 'name' : undefined,
    class: field.kind === 'integer' || field.kind === 'date' ? 'kort-felt' : undefined,
    'aria-describedby': describedBy,
    spellcheck: field.kind === 'text' ? undefined : 'false',
  });
  input.value = text;
  const control: Child = field.kind === 'amount' ? h('div', { class: 'med-enhet' }, input, h('span', { 'aria-hidden': 'true' }, 'kr')) : input;
  return { element: h('div', { class: 'felt' }, label, helpElement, control), read: () => input.value };
}

/** What the schema's limits mean for the person typing, said before they get it wrong. */
function helpText(field: FieldModel): string | undefined {
  const parts: string[] = [];
  if (field.help) parts.push(field.help);
  if (field.kind === 'amount') parts.push('Beløp i kroner, for eksempel 125 000 eller 125 000,50.');
  if (field.kind === 'integer' && field.minimum !== undefined && field.maximum !== undefined) parts.push(`Et helt tall fra ${field.minimum} til ${field.maximum}.`);
  if ((field.kind === 'text' || field.kind === 'textarea') && field.minLength !== undefined && field.minLength > 1) parts.push(`Minst ${field.minLength} tegn.`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function renderList(field: FieldModel, initial: readonly RawRow[], idPrefix: string, path: string): { element: HTMLElement; read: () => RawValue } {
  const id = inputIdOf(idPrefix, path);
  const rowsElement = h('div', {});
  const amountField = field.item?.find((item) => item.kind === 'amount');
  const sumElement = amountField ? h('p', { 'aria-live': 'polite', id: `${id}-sum` }) : null;
  let rows: Array<() => RawRow> = [];
  const empty = (): RawRow => Object.fromEntries((field.item ?? []).map((item) => [item.name, item.kind === 'boolean' ? false : '']));

  const read = (): RawValue => rows.map((readRow) => readRow());
  const updateSum = (): void => {
    if (!sumElement || !amountField) return;
    let total = 0n;
    let complete = true;
    for (const row of read() as readonly RawRow[]) {
      const typed = row[amountField.name];
      const amount = typeof typed === 'string' && typed.trim() !== '' ? normaliseAmount(typed) : '0';
      if (amount === undefined) complete = false;
      else total += toOre(amount);
    }
    sumElement.textContent = complete ? `Sum ${field.label.toLowerCase()}: ${formatNok(fromOre(total))}` : `Sum ${field.label.toLowerCase()}: rett beløpene for å se summen`;
  };
  const draw = (values: readonly RawRow[], focusRow?: number): void => {
    rowsElement.replaceChildren();
    rows = [];
    values.forEach((rowValues, index) => {
      const rowPath = `${path}.${index}`;
      // Each input carries its full path ("budget.0.amountNok"), so a server's message finds it.
      const rendered = renderFields(field.item ?? [], rowValues, idPrefix, `${rowPath}.`);
      const remove =
        values.length > 1
          ? h('button', { type: 'button', class: 'knapp knapp--sekundar', onclick: () => { const current = read() as readonly RawRow[]; draw(current.filter((_, at) => at !== index)); addButton.focus(); updateSum(); } }, `Fjern ${(field.itemLabel ?? 'linje').toLowerCase()} ${index + 1}`)
          : null;
      rowsElement.append(h('fieldset', { class: 'gruppe', id: inputIdOf(idPrefix, rowPath) }, h('legend', {}, `${field.itemLabel ?? 'Linje'} ${index + 1}`), rendered.element, remove));
      rows.push(rendered.read);
    });
    if (focusRow !== undefined) rowsElement.querySelectorAll('fieldset')[focusRow]?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  };
  const addButton = h('button', { type: 'button', class: 'knapp knapp--sekundar', onclick: () => { const current = read() as readonly RawRow[]; draw([...current, empty()], current.length); updateSum(); } }, `Legg til ${(field.itemLabel ?? 'linje').toLowerCase()}`);
  draw(initial.length > 0 ? initial : [empty()]);
  rowsElement.addEventListener('change', updateSum);
  updateSum();
  const element = h(
    'fieldset',
    { class: 'felt', id, 'aria-describedby': field.help ? `${id}-hjelp` : undefined },
    h('legend', { class: 'etikett' }, field.label),
    field.help ? h('p', { class: 'hjelp', id: `${id}-hjelp` }, field.help) : null,
    rowsElement,
    h('div', { class: 'knapperad' }, addButton),
    sumElement,
  );
  return { element, read };
}
