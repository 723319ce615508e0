import { Global, Module } from '@nestjs/common';
import { AdjustableClock, Clock, StartedClock, SystemClock } from '@imdi/kernel';
import { AppConfig } from './app-config';

/** The system clock; in tests an adjustable one, so deadlines can be tested at the exact second. */
@Global()
@Module({
  providers: [
    {
      provide: Clock,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Clock =>
        config.NODE_ENV === 'test' ? new AdjustableClock() : config.CLOCK_START ? new StartedClock(new Date(config.CLOCK_START)) : new SystemClock(),
    },
  ],
  exports: [Clock],
})
export class ClockModule {}
