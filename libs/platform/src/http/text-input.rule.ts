import { describeCodePoint, findUnsafeCharacter, type UnsafeCharacter } from '@imdi/kernel';
import { getMetadataStorage } from 'class-validator';
import type { FieldProblem } from './problem-details';

/** From this declared length a text may span lines; the web form shows a textarea from the same length. */
export const MULTI_LINE_FROM = 500;

interface Pending {
  readonly value: unknown;
  readonly path: string;
  readonly lineBreaks: boolean;
}

/**
 * Every string of a request (values and keys), walked without recursion so a deep body cannot
 * exhaust the stack. Where a validated class declares a property, its length says whether TAB/LF/CR
 * may stand in it; elsewhere (plain objects, the root) `lineBreaks` says.
 */
export function unsafeTextProblems(root: unknown, rootPath: string, lineBreaks: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: Pending[] = [{ value: root, path: rootPath, lineBreaks }];
  while (stack.length > 0) {
    const { value, path, lineBreaks: allowed } = stack.pop()!;
    if (typeof value === 'string') {
      const found = findUnsafeCharacter(value, allowed);
      if (found) problems.push(textProblem(path || 'body', found, value));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: join(path, String(index)), lineBreaks: allowed }));
    } else if (isWalkable(value)) {
      const multiLine = multiLineProperties(value);
      for (const [key, item] of Object.entries(value)) {
        const keyProblem = findUnsafeCharacter(key, false);
        if (keyProblem) {
          problems.push(textProblem(join(path, JSON.stringify(key).slice(1, -1)), keyProblem, key));
          continue;
        }
        stack.push({ value: item, path: join(path, key), lineBreaks: multiLine ? multiLine.has(key) : lineBreaks });
      }
    }
  }
  return problems.sort((a, b) => a.field.localeCompare(b.field));
}

function textProblem(field: string, found: UnsafeCharacter, text: string): FieldProblem {
  const where = text.includes('\n') && found.kind !== 'line-break' ? ` på linje ${text.slice(0, found.index).split('\n').length}` : '';
  const messages: Record<UnsafeCharacter['kind'], string> = {
    'control-character': `«${field}» inneholder et kontrolltegn (${describeCodePoint(found.codePoint)})${where}. Fjern tegnet og send på nytt.`,
    'line-break': `«${field}» må stå på én linje uten tabulator eller linjeskift.`,
    'lone-surrogate': `«${field}» inneholder et ugyldig tegn (${describeCodePoint(found.codePoint)}, et halvt tegnpar)${where}. Skriv teksten inn på nytt.`,
    'non-character': `«${field}» inneholder et tegn som ikke er tekst (${describeCodePoint(found.codePoint)})${where}. Fjern tegnet og send på nytt.`,
  };
  return { field, rule: found.kind, message: messages[found.kind] };
}

/**
 * The properties of a validated class that may hold line breaks: those declared with a length of
 * MULTI_LINE_FROM or more. Undefined for plain objects (a form's answers, checked against their
 * own class later), which keep what their parent allows.
 */
function multiLineProperties(value: object): Set<string> | undefined {
  const target = value.constructor;
  if (target === Object || target === undefined) return undefined;
  const cached = cache.get(target);
  if (cached) return cached;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  if (metadata.length === 0) return undefined;
  const multiLine = new Set<string>();
  for (const rule of metadata) {
    const max = rule.name === 'isLength' ? rule.constraints?.[1] : rule.name === 'maxLength' ? rule.constraints?.[0] : undefined;
    if (typeof max === 'number' && max >= MULTI_LINE_FROM) multiLine.add(rule.propertyName);
  }
  cache.set(target, multiLine);
  return multiLine;
}

const cache = new WeakMap<object, Set<string>>();

function isWalkable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Buffer.isBuffer(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
