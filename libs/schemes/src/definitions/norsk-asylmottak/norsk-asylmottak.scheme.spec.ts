import { Money } from '@imdi/kernel';
import { claimForm, OSLO, ratesInKroner } from '../shared/testing/scheme-fixtures';
import { NorskAsylmottakClaimForm } from './norsk-asylmottak.form';
import { billableParticipantHours, norskAsylmottak } from './norsk-asylmottak.scheme';

const rates = ratesInKroner({ 'per-participant-hour': 60 });

function grantFor(participants: number, participantHours: number): Money {
  return norskAsylmottak.calculation!.calculate({ participants, participantHours }, rates);
}

describe('norsk-asylmottak', () => {
  it('pays per participant-hour', () => {
    expect(grantFor(10, 490)).toEqual(Money.ofKroner(29_400)); // 490 × 60
    expect(grantFor(10, 500)).toEqual(Money.ofKroner(30_000)); // 500 × 60, the full 50 hours each
  });

  it('pays at most the 50-hour course per participant', () => {
    expect(grantFor(1, 50)).toEqual(Money.ofKroner(3_000)); // 50 × 60
    expect(grantFor(1, 51)).toEqual(Money.ofKroner(3_000)); // capped at 1 × 50 hours
    expect(billableParticipantHours({ participants: 10, participantHours: 510 })).toBe(500);
  });

  it('refuses a claim for more hours than the course has', () => {
    const form = (participantHours: number) =>
      claimForm(NorskAsylmottakClaimForm, { municipalityNumber: '0301', budgetYear: 2017, receptionCentreName: 'Mottaket', participants: 1, participantHours });
    expect(norskAsylmottak.checkEligibility(OSLO, form(50))).toEqual([]);
    expect(norskAsylmottak.checkEligibility(OSLO, form(51))).toEqual([expect.objectContaining({ field: 'participantHours', rule: 'course-hours' })]);
  });
});
