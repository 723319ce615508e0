import { Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { DomainError, type RefusalStatus } from '@imdi/kernel';
import { DOMAIN_ERROR_STATUSES_PROVIDER, DomainErrorStatuses, domainErrorStatuses } from './domain-error-statuses';
import { ProblemDetailsFilter } from './problem-details.filter';

type WidgetErrorCode = 'WIDGET_NOT_FOUND' | 'WIDGET_LOCKED';

class WidgetError extends DomainError<WidgetErrorCode> {
  constructor(readonly code: WidgetErrorCode) {
    super(`widget refused: ${code}`);
  }
}

class GadgetError extends DomainError<'GADGET_BROKEN'> {
  readonly code = 'GADGET_BROKEN' as const;

  constructor() {
    super('gadget broken');
  }
}

const WIDGET_ERROR_STATUSES = { WIDGET_NOT_FOUND: 404, WIDGET_LOCKED: 409 } as const satisfies Record<WidgetErrorCode, RefusalStatus>;

@Module({ providers: [domainErrorStatuses(WidgetError, WIDGET_ERROR_STATUSES)] })
class WidgetModule {}

// A table that slipped past the compiler (built from a Partial, say): the start-up check is the second net.
@Module({
  providers: [domainErrorStatuses(WidgetError, { WIDGET_NOT_FOUND: 404, WIDGET_LOCKED: undefined } as unknown as Record<WidgetErrorCode, RefusalStatus>)],
})
class UnmappedWidgetModule {}

function appWith(context: object) {
  @Module({ imports: [DiscoveryModule, context as never], providers: [DOMAIN_ERROR_STATUSES_PROVIDER, ProblemDetailsFilter] })
  class TestAppModule {}
  return NestFactory.createApplicationContext(TestAppModule, { logger: false, abortOnError: false });
}

describe(DomainErrorStatuses.name, () => {
  it('refuses to create the app when a declared code has no status, naming the code', async () => {
    await expect(appWith(UnmappedWidgetModule)).rejects.toThrow(/WidgetError code WIDGET_LOCKED has no HTTP status/);
  });

  it('gives the problem filter the status each context module contributed', async () => {
    const app = await appWith(WidgetModule);
    try {
      const filter = app.get(ProblemDetailsFilter);
      expect(filter.toProblem(new WidgetError('WIDGET_LOCKED'))).toMatchObject({ status: 409, code: 'WIDGET_LOCKED' });
      expect(filter.toProblem(new WidgetError('WIDGET_NOT_FOUND'))).toMatchObject({ status: 404, code: 'WIDGET_NOT_FOUND' });
      // A context whose module contributed nothing still ends as 500: the api's e2e test checks every context contributes.
      expect(filter.toProblem(new GadgetError())).toMatchObject({ status: 500, code: 'INTERNAL' });
    } finally {
      await app.close();
    }
  });

  it('refuses two tables for the same error type', () => {
    expect(() => new DomainErrorStatuses([WIDGET_ERROR_STATUSES, WIDGET_ERROR_STATUSES].map((statuses) => ({ errorType: WidgetError, statuses })))).toThrow(
      /WidgetError has more than one status table/,
    );
  });
});
