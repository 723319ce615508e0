import { type DynamicModule, Module, type Type } from '@nestjs/common';
import type { SchemeDefinition } from '../../domain/scheme-definition';

export const SCHEME_DEFINITION_PREFIX = 'scheme-definition:';

/** One NestJS module per scheme: it provides the scheme's definition under a token of its own. */
export function schemeModule(definition: SchemeDefinition): Type & { definition: SchemeDefinition } {
  @Module({
    providers: [{ provide: `${SCHEME_DEFINITION_PREFIX}${definition.code}`, useValue: definition }],
    exports: [`${SCHEME_DEFINITION_PREFIX}${definition.code}`],
  })
  class SchemeDefinitionModule {
    static readonly definition = definition;
  }
  Object.defineProperty(SchemeDefinitionModule, 'name', { value: `${pascal(definition.code)}SchemeModule` });
  return SchemeDefinitionModule;
}

function pascal(code: string): string {
  return code.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}

export type SchemeModuleClass = ReturnType<typeof schemeModule> | DynamicModule;
