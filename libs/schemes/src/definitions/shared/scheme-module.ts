import { Module, type Type } from '@nestjs/common';
import type { SchemeDefinition } from '../../domain/scheme-definition';

/**
 * One NestJS module per scheme (SPEC §2), carrying the scheme's definition. The catalogue reads the
 * definitions from these modules at load time, so the modules provide no token: nothing would inject it.
 */
export function schemeModule(definition: SchemeDefinition): Type & { definition: SchemeDefinition } {
  @Module({})
  class SchemeDefinitionModule {
    static readonly definition = definition;
  }
  Object.defineProperty(SchemeDefinitionModule, 'name', { value: `${pascal(definition.code)}SchemeModule` });
  return SchemeDefinitionModule;
}

function pascal(code: string): string {
  return code.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}
