import type { Principal } from '@imdi/auth';
import { applicantActions } from './application.query';

const applicant = { userId: 'kari', name: 'Kari', roles: ['applicant'], organisationNumbers: ['974760673'] } as unknown as Principal;
const caseworker = { userId: 'per', name: 'Per', roles: ['caseworker'], organisationNumbers: [] } as unknown as Principal;

describe(applicantActions.name, () => {
  it("offers the applicant only the applicant's own moves the case allows now", () => {
    expect(applicantActions(['accept', 'close', 'appeal'], 'letter_sent', applicant)).toEqual(['accept', 'appeal']);
    expect(applicantActions(['withdraw', 'rejectFormally', 'startAssessment'], 'submitted', applicant)).toEqual(['withdraw']);
  });

  it('adds the report when one is due, and offers staff nothing', () => {
    expect(applicantActions(['approveReport'], 'report_due', applicant)).toEqual(['report']);
    expect(applicantActions(['accept'], 'letter_sent', caseworker)).toEqual([]);
  });
});
