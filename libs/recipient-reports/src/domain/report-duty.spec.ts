import { Money } from '@imdi/kernel';
import { auditorRequired, reminderDue, reportDueOn } from './report-duty';

describe(reportDueOn.name, () => {
  it("falls three months after the project ends, on the month's last day when the day does not exist", () => {
    expect(reportDueOn('2017-11-30', 2017, 3)).toBe('2018-02-28');
    expect(reportDueOn('2017-12-31', 2017, 3)).toBe('2018-03-31');
  });

  it('runs from the end of the budget year when the grant has no project period', () => {
    expect(reportDueOn(null, 2017, 3)).toBe('2018-03-31');
  });
});

describe(auditorRequired.name, () => {
  it('asks for an auditor from 400 000 kr', () => {
    expect(auditorRequired(Money.parseNok('399999.99'))).toBe(false);
    expect(auditorRequired(Money.parseNok('400000'))).toBe(true);
  });
});

describe(reminderDue.name, () => {
  it('reminds two weeks ahead and after the deadline, not before', () => {
    expect(reminderDue('2018-03-31', '2018-03-16')).toBeNull();
    expect(reminderDue('2018-03-31', '2018-03-17')).toBe('before-deadline');
    expect(reminderDue('2018-03-31', '2018-03-31')).toBe('before-deadline');
    expect(reminderDue('2018-03-31', '2018-04-01')).toBe('overdue');
  });
});
