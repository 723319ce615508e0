import {
  addCalendarDays,
  addCalendarMonths,
  formatOsloDateTime,
  osloDate,
  osloDateTime,
  osloDateTimeWithOffset,
  osloLocalToInstant,
  toWholeSecond,
} from './oslo-time';

describe(osloLocalToInstant.name, () => {
  it('reads winter time as UTC+1', () => {
    expect(osloLocalToInstant('2017-01-31T23:59:59').toISOString()).toBe('2017-01-31T22:59:59.000Z');
  });

  it('reads summer time as UTC+2', () => {
    expect(osloLocalToInstant('2017-06-30T12:00:00').toISOString()).toBe('2017-06-30T10:00:00.000Z');
  });

  it('handles the day clocks go forward (26 March 2017)', () => {
    expect(osloLocalToInstant('2017-03-26T01:59:59').toISOString()).toBe('2017-03-26T00:59:59.000Z');
    expect(osloLocalToInstant('2017-03-26T03:00:00').toISOString()).toBe('2017-03-26T01:00:00.000Z');
    expect(osloLocalToInstant('2017-03-26T23:59:59').toISOString()).toBe('2017-03-26T21:59:59.000Z');
  });

  it('takes the first occurrence of the repeated hour when clocks go back (29 October 2017)', () => {
    expect(osloLocalToInstant('2017-10-29T02:30:00').toISOString()).toBe('2017-10-29T00:30:00.000Z');
    expect(osloLocalToInstant('2017-10-29T23:59:59').toISOString()).toBe('2017-10-29T22:59:59.000Z');
  });

  it('reads a time inside the spring gap as the wall time an hour later', () => {
    expect(osloLocalToInstant('2017-03-26T02:30:00').toISOString()).toBe('2017-03-26T01:30:00.000Z');
  });

  it('refuses what is not a date-time', () => {
    expect(() => osloLocalToInstant('2017-01-31T24:00:00', 'deadline')).toThrow(/deadline/);
    expect(() => osloLocalToInstant('2017-02-30T10:00:00', 'deadline')).toThrow(/deadline/);
    expect(() => osloLocalToInstant('31.01.2017 23:59', 'deadline')).toThrow(/deadline/);
  });

  it('round-trips through osloDateTime', () => {
    for (const local of ['2017-01-01T00:00:00', '2017-03-26T04:15:00', '2017-10-29T01:00:00', '2017-12-31T23:59:59']) {
      expect(osloDateTime(osloLocalToInstant(local))).toBe(local);
    }
  });
});

describe(osloDate.name, () => {
  it('gives the Oslo calendar day, not the UTC one', () => {
    expect(osloDate(new Date('2017-01-31T23:30:00Z'))).toBe('2017-02-01');
    expect(osloDate(new Date('2017-07-31T22:30:00Z'))).toBe('2017-08-01');
  });
});

describe(toWholeSecond.name, () => {
  it('floors to the second', () => {
    expect(toWholeSecond(new Date('2017-01-31T22:59:59.999Z')).toISOString()).toBe('2017-01-31T22:59:59.000Z');
  });
});

describe(osloDateTimeWithOffset.name, () => {
  it('writes winter time with +01:00 and summer time with +02:00', () => {
    expect(osloDateTimeWithOffset(new Date('2017-03-01T09:15:00.250Z'))).toBe('2017-03-01T10:15:00+01:00');
    expect(osloDateTimeWithOffset(new Date('2017-06-30T22:30:00Z'))).toBe('2017-07-01T00:30:00+02:00');
  });

  it('changes offset at the spring change of clocks', () => {
    expect(osloDateTimeWithOffset(new Date('2017-03-26T00:59:59Z'))).toBe('2017-03-26T01:59:59+01:00');
    expect(osloDateTimeWithOffset(new Date('2017-03-26T01:00:00Z'))).toBe('2017-03-26T03:00:00+02:00');
  });
});

describe(formatOsloDateTime.name, () => {
  it('writes Oslo time as a Norwegian reader expects it, seconds only when there are any', () => {
    expect(formatOsloDateTime(new Date('2017-02-15T11:00:00Z'))).toBe('15.02.2017 kl. 12.00');
    expect(formatOsloDateTime(new Date('2017-07-01T10:00:05Z'))).toBe('01.07.2017 kl. 12.00.05');
  });
});

describe(addCalendarDays.name, () => {
  it('counts calendar days across the change of clocks and the end of a year', () => {
    expect(addCalendarDays('2017-03-15', 21)).toBe('2017-04-05');
    expect(addCalendarDays('2017-10-20', 14)).toBe('2017-11-03');
    expect(addCalendarDays('2017-12-25', 7)).toBe('2018-01-01');
    expect(addCalendarDays('2018-03-10', -14)).toBe('2018-02-24');
  });

  it('refuses what is not a date', () => {
    expect(() => addCalendarDays('2017-02-30', 1)).toThrow(/2017-02-30/);
  });
});

describe(addCalendarMonths.name, () => {
  it("keeps the day, or takes the month's last when it has none", () => {
    expect(addCalendarMonths('2017-12-31', 3)).toBe('2018-03-31');
    expect(addCalendarMonths('2017-03-31', 1)).toBe('2017-04-30');
    expect(addCalendarMonths('2019-11-30', 3)).toBe('2020-02-29');
  });
});

describe('the Oslo wall clock, read through the offset kept per UTC hour', () => {
  // What Intl says Oslo's clocks show, independently of Luxon's offset lookups.
  const intl = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  });
  const expected = (instant: Date): string => {
    const part = Object.fromEntries(intl.formatToParts(instant).map(({ type, value }) => [type, value]));
    const offset = part.timeZoneName === 'GMT' ? '+00:00' : part.timeZoneName.replace('GMT', '');
    return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}${offset}`;
  };

  it('agrees with Intl on every minute around the 2017 and 2026 clock changes, both ways and in any order', () => {
    const changes = ['2017-03-26T01:00:00Z', '2017-10-29T01:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'];
    const instants = changes.flatMap((change) => Array.from({ length: 241 }, (_, minute) => new Date(Date.parse(change) + (minute - 120) * 60_000 + 1_000)));
    for (const instant of [...instants, ...instants.reverse()]) expect(osloDateTimeWithOffset(instant)).toBe(expected(instant));
  });

  it('agrees with Intl across the zone’s history, summer time during the war and local mean time before 1895 included', () => {
    const instants = [
      Date.UTC(1894, 11, 31, 23, 16, 59),
      Date.UTC(1894, 11, 31, 23, 17, 1),
      Date.UTC(1943, 5, 1, 12),
      Date.UTC(1965, 5, 1, 12),
      Date.UTC(2099, 6, 1, 12),
    ];
    for (let ms = Date.UTC(1970, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 997 * 3_600_017) instants.push(ms);
    for (const ms of instants) expect(osloDateTimeWithOffset(new Date(ms))).toBe(expected(new Date(ms)));
  });
});
