import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type ValidationMetadata = ReturnType<Lookup>[number];

const INSTALLED = Symbol('imdi.validationMetadataCache');

/**
 * class-validator finds a class's rules by walking every validated class of the program for its
 * parents, on every validate() and for every nested object: with the api's hundreds of input classes
 * that walk was the largest single cost of a submit (22 µs of its 580 µs). The rules of a class never
 * change once its module has loaded, so each answer is kept until a rule is added (a class loaded
 * later), which empties the cache. Callers get a copy, so none can change what the next one reads.
 */
export function cacheValidationMetadata(): void {
  const storage = getMetadataStorage() as MetadataStorage & { [INSTALLED]?: true };
  if (storage[INSTALLED]) return;
  storage[INSTALLED] = true;
  const lookUp: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const cache = new Map<Parameters<Lookup>[0], Map<string, ValidationMetadata[]>>();
  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    const key = `${String(targetSchema)}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let forClass = cache.get(targetConstructor);
    if (!forClass) cache.set(targetConstructor, (forClass = new Map()));
    let found = forClass.get(key);
    if (!found) forClass.set(key, (found = lookUp(targetConstructor, targetSchema, always, strictGroups, groups)));
    return found.slice();
  };
  for (const method of ['addValidationMetadata', 'addValidationSchema'] as const) {
    const add = storage[method].bind(storage) as (argument: never) => void;
    storage[method] = ((argument: never) => {
      cache.clear();
      add(argument);
    }) as never;
  }
}
