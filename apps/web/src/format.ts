import type { Language } from './i18n';

/** "12 345 kr" from the api's decimal kroner string (money stays a string: never a float). */
export function kroner(value: string | null | undefined): string {
  if (!value) return '–';
  const [whole, fraction] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return fraction && Number(fraction) !== 0 ? `${grouped},${fraction.padEnd(2, '0')}\u00a0kr` : `${grouped}\u00a0kr`;
}

/** "3. desember 2026", Oslo time. */
export function dateText(value: string | null | undefined, language: Language): string {
  if (!value) return '–';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(language === 'nn' ? 'nn-NO' : 'nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }).format(
    date,
  );
}

export function dateTimeText(value: string | null | undefined, language: Language): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat(language === 'nn' ? 'nn-NO' : 'nb-NO', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Oslo',
  }).format(new Date(value));
}
