/** The source of "now" for domain rules, so deadlines can be tested at any instant. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock the caller sets: tests and benchmarks use it to stand at a deadline. */
export class AdjustableClock extends Clock {
  private fixed?: Date;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  set(instant: Date | undefined): void {
    this.fixed = instant;
  }
}

/** Runs like the system clock from a chosen starting instant (development and benchmarks). */
export class StartedClock extends Clock {
  private readonly offsetMs: number;

  constructor(start: Date) {
    super();
    this.offsetMs = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
