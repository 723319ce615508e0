import { call, startApi, tokenFor, type RunningApi } from '../support/api-harness';

interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly nullable?: boolean;
  readonly properties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly minItems?: number;
  readonly maxItems?: number;
}

interface Operation {
  readonly parameters?: ReadonlyArray<{ name: string; in: string; required?: boolean; schema?: Schema }>;
  readonly requestBody?: { content: Record<string, { schema: Schema }> };
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { schemas: Record<string, Schema> };
}

/** The api's OpenAPI document is what clients (and the generated web client) are built from. */
describe('GET /docs-json', () => {
  let api: RunningApi;
  let document: OpenApiDocument;

  beforeAll(async () => {
    api = await startApi();
    // The document is for signed-in users (issue 15); any role will do.
    const response = await call<OpenApiDocument>(api.baseUrl, '/docs-json', { token: await tokenFor({ sub: 'openapi-leser', roles: ['caseworker'] }) });
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => api.close());

  const operations = (): Array<[string, string, Operation]> =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]): [string, string, Operation] => [method, path, operation]),
    );
  const resolve = (schema: Schema): Schema => (schema.$ref ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema);

  it('is written in Norwegian: no summary or description in English', () => {
    const texts: Array<[string, string]> = [];
    const collect = (value: unknown, where: string): void => {
      if (Array.isArray(value)) value.forEach((item, index) => collect(item, `${where}[${index}]`));
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) {
          if ((key === 'description' || key === 'summary') && typeof inner === 'string') texts.push([where, inner]);
          else collect(inner, `${where}.${key}`);
        }
    };
    collect(document, '');
    // Words English needs in any sentence and Norwegian never writes.
    const english = /\b(the|while|which|when|with|and|of|is|are|must|returns?)\b/i;
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.filter(([, text]) => english.test(text))).toEqual([]);
  });

  it('describes the fields of every JSON request body, down to nested DTOs', () => {
    const bare: string[] = [];
    const visit = (schema: Schema, where: string, seen: Set<Schema>): void => {
      const resolved = resolve(schema);
      if (resolved === undefined) return void bare.push(`${where}: ${schema.$ref} is not in components`);
      if (seen.has(resolved)) return;
      seen.add(resolved);
      if (schema.$ref && Object.keys(resolved.properties ?? {}).length === 0) bare.push(`${where}: ${schema.$ref} has no properties`);
      for (const [name, property] of Object.entries(resolved.properties ?? {})) {
        if (!property.$ref && !property.type && !property.enum && !('oneOf' in property) && !('allOf' in property)) bare.push(`${where}.${name} has no type`);
        visit(property.items ?? property, `${where}.${name}`, seen);
      }
    };
    const withJsonBody = operations().filter(([, , operation]) => operation.requestBody?.content['application/json']);
    expect(withJsonBody.length).toBeGreaterThanOrEqual(30);
    for (const [method, path, operation] of withJsonBody)
      visit(operation.requestBody!.content['application/json'].schema, `${method.toUpperCase()} ${path}`, new Set());
    expect(bare).toEqual([]);
  });

  it('gives every write a body, either JSON fields or a file, unless it takes none', () => {
    const routesTakingFiles = operations()
      .filter(([, , operation]) => operation.requestBody && !operation.requestBody.content['application/json'])
      .map(([method, path, operation]) => `${method.toUpperCase()} ${path} ${Object.keys(operation.requestBody!.content).join(',')}`);
    expect(routesTakingFiles.sort()).toEqual([
      'POST /admin/budget/allocation-letters/csv text/csv',
      'POST /applications/{id}/attachments application/octet-stream',
      'POST /cases/{id}/report/attachments application/octet-stream',
      'POST /payments/bank-files application/xml,text/xml',
      'POST /payments/per-capita/{scheme}/records/csv text/csv',
    ]);
    const attachment = document.paths['/applications/{id}/attachments'].post.requestBody!.content['application/octet-stream'].schema;
    expect(attachment).toEqual({ type: 'string', format: 'binary' });
  });

  it('describes every {parameter} of every path, with its type', () => {
    const missing: string[] = [];
    for (const [method, path, operation] of operations()) {
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        const parameter = operation.parameters?.find((candidate) => candidate.in === 'path' && candidate.name === name);
        if (!parameter?.required || !(parameter.schema?.type || parameter.schema?.enum)) missing.push(`${method.toUpperCase()} ${path} {${name}}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('states types, formats, enums and which fields are required, as the validation does', () => {
    const schemas = document.components.schemas;
    expect(schemas.RegisterOrganisationDto.properties!.kind).toEqual({ type: 'string', enum: ['kommune', 'fylkeskommune', 'organisasjon', 'ks'] });
    expect(schemas.RegisterOrganisationDto.properties!.contactEmail).toMatchObject({ type: 'string', format: 'email' });
    expect(schemas.RegisterOrganisationDto.required).not.toContain('municipalityNumber');
    expect(schemas.CreateDraftDto.properties!.budgetYear).toEqual({ type: 'integer', minimum: 2000, maximum: 2100 });
    expect(schemas.CreateDraftDto.properties!.form).toEqual({ type: 'object' });
    expect([...schemas.CreateDraftDto.required!].sort()).toEqual(['organisationNumber', 'schemeCode']);
    expect(schemas.SettlementRecordsDto.properties!.records).toEqual({
      type: 'array',
      minItems: 1,
      maxItems: 50000,
      items: { $ref: '#/components/schemas/SettlementRecordDto' },
    });
    expect(schemas.SettlementRecordDto.properties!.specialCriterion).toEqual({ type: 'boolean' });
    expect(schemas.SettlementRecordDto.required).toEqual(expect.arrayContaining(['nationalIdNumber', 'settlementDate']));
    expect(schemas.SettlementRecordDto.required).not.toContain('category');
    // Validated unless null: the key must be there, null is a value.
    expect(schemas.AllocationLineDto.properties!.amountNok).toMatchObject({ type: 'string', nullable: true });
    expect(schemas.AllocationLineDto.required).toContain('amountNok');
  });

  it('describes query parameters from their query DTOs', () => {
    const records = document.paths['/payments/per-capita/{scheme}/records'].get;
    expect(records.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          in: 'path',
          name: 'scheme',
          required: true,
          schema: { type: 'string', enum: ['integreringstilskudd', 'enslige-mindreaarige'] },
        }),
        expect.objectContaining({ in: 'query', name: 'organisationNumber', required: true, schema: { type: 'string', pattern: '^\\d{9}$' } }),
      ]),
    );
    const queue = document.paths['/casework/queue'].get;
    expect(queue.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'query', name: 'mine', required: false, schema: { type: 'string', enum: ['true', 'false'] } })]),
    );
    const upload = document.paths['/applications/{id}/attachments'].post;
    expect(upload.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'path', name: 'id', schema: { type: 'string', format: 'uuid' } }),
        expect.objectContaining({ in: 'query', name: 'fileName', required: true }),
      ]),
    );
  });
});
