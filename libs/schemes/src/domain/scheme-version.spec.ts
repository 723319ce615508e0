import { narrowedApplicantTypes, windowHasOpened } from './scheme-version';

describe(windowHasOpened.name, () => {
  const window = { opensAt: new Date('2016-11-14T23:00:00Z'), deadlineAt: new Date('2017-01-31T22:59:59Z') };

  it('is open from the opening instant on, also after the deadline', () => {
    expect(windowHasOpened({ window, budgetYear: 2017 }, new Date('2016-11-14T22:59:59Z'))).toBe(false);
    expect(windowHasOpened({ window, budgetYear: 2017 }, window.opensAt)).toBe(true);
    expect(windowHasOpened({ window, budgetYear: 2017 }, new Date('2017-06-01T00:00:00Z'))).toBe(true);
  });

  it('counts a scheme without a window as opened once its budget year has begun in Oslo', () => {
    expect(windowHasOpened({ window: null, budgetYear: 2018 }, new Date('2017-12-31T22:59:59Z'))).toBe(false);
    expect(windowHasOpened({ window: null, budgetYear: 2018 }, new Date('2017-12-31T23:00:00Z'))).toBe(true);
  });
});

describe(narrowedApplicantTypes.name, () => {
  it('names the types a change would take away, and none for a widening or a reordering', () => {
    expect(narrowedApplicantTypes(['kommune', 'fylkeskommune'], ['kommune'])).toEqual(['fylkeskommune']);
    expect(narrowedApplicantTypes(['kommune', 'fylkeskommune'], ['fylkeskommune', 'kommune', 'organisasjon'])).toEqual([]);
  });
});
