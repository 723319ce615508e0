import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';

type JsonSchema = ReturnType<typeof targetConstructorToSchema> & { $ref?: string };

/**
 * The OpenAPI description of a request DTO is derived from its class-validator rules (through
 * class-validator-jsonschema), so the document cannot drift from what the api accepts. The project
 * builds with plain tsc, so the @nestjs/swagger CLI plugin, which would do this at compile time,
 * never runs; this gives swagger the same property metadata at start-up instead.
 */
export function describeValidatedDtos(classes: Iterable<Type>): Set<Type> {
  const described = new Set<Type>();
  const pending = [...classes];
  for (let dto = pending.pop(); dto !== undefined; dto = pending.pop()) {
    if (described.has(dto) || !isValidated(dto)) continue;
    described.add(dto);
    const schema = schemaOf(dto);
    const required = new Set(schema.required ?? []);
    for (const [property, propertySchema] of Object.entries(schema.properties ?? {})) {
      const nested = nestedClassOf(dto, property);
      if (nested) pending.push(nested);
      // A nullable key (validated unless null) must still be sent; an optional one is @IsOptional().
      const mustBeSent = required.has(property) || (propertySchema as JsonSchema).nullable === true;
      ApiProperty(propertyOptions(propertySchema as JsonSchema, mustBeSent, nested))(dto.prototype, property);
    }
  }
  return described;
}

/** The classes every route takes as body, path parameters or query: the DTOs worth describing. */
export function routeParameterClasses(app: INestApplication): Set<Type> {
  const classes = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as unknown[];
        for (const type of types) if (typeof type === 'function') classes.add(type as Type);
      }
    }
  }
  return classes;
}

function isValidated(type: Type): boolean {
  return getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
}

function schemaOf(dto: Type): JsonSchema {
  return targetConstructorToSchema(dto, { classTransformerMetadataStorage: defaultMetadataStorage, refPointerPrefix: '#/components/schemas/' });
}

function nestedClassOf(dto: Type, property: string): Type | undefined {
  const nested = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction();
  return typeof nested === 'function' && nested !== Number && nested !== String && nested !== Boolean && nested !== Date ? (nested as Type) : undefined;
}

function propertyOptions(schema: JsonSchema, required: boolean, nested: Type | undefined): ApiPropertyOptions {
  const items = schema.items as JsonSchema | undefined;
  if (nested && (schema.$ref || items?.$ref)) {
    const { $ref: _ref, items: _items, type, ...rest } = schema;
    return { ...(rest as ApiPropertyOptions), type: () => nested, isArray: type === 'array', required } as ApiPropertyOptions;
  }
  return { ...(schema as ApiPropertyOptions), required } as ApiPropertyOptions;
}
