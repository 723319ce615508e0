import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Money } from '@imdi/kernel';
import type { ApplicantProfile } from '../../domain/scheme-definition';
import { bosettingsordningenKs } from '../bosettingsordningen-ks/bosettingsordningen-ks.scheme';
import { BosettingsordningenKsForm } from '../bosettingsordningen-ks/bosettingsordningen-ks.form';
import { GronlandForm } from '../gronland/gronland.form';
import { gronland } from '../gronland/gronland.scheme';
import { JobbsjansenCForm } from '../jobbsjansen-c/jobbsjansen-c.form';
import { jobbsjansenC } from '../jobbsjansen-c/jobbsjansen-c.scheme';
import { mentorTrainee } from '../mentor-trainee/mentor-trainee.scheme';
import { NasjonaleRessursmiljoerForm } from '../nasjonale-ressursmiljoer/nasjonale-ressursmiljoer.form';
import { nasjonaleRessursmiljoer } from '../nasjonale-ressursmiljoer/nasjonale-ressursmiljoer.scheme';
import { NedsattFunksjonsevneForm } from '../nedsatt-funksjonsevne/nedsatt-funksjonsevne.form';
import { nedsattFunksjonsevne } from '../nedsatt-funksjonsevne/nedsatt-funksjonsevne.scheme';
import { OmradesatsingOsloForm } from '../omradesatsing-oslo/omradesatsing-oslo.form';
import { omradesatsingOslo } from '../omradesatsing-oslo/omradesatsing-oslo.scheme';
import { InvalidCriteriaWeightsError, weightedCriteria } from './assessment-criteria';
import { BERGEN, OSLO, projectForm } from './testing/scheme-fixtures';

const KS: ApplicantProfile = { organisationNumber: '938801363', name: 'KS', type: 'ks' };

const rulesOf = (problems: ReadonlyArray<{ rule: string }>) => problems.map((problem) => problem.rule);

describe('navngitt schemes', () => {
  const gronlandForm = projectForm(GronlandForm, {
    addedEffect: 'Tiltakene kommer i tillegg til det kommunen alt gjør.',
    priorityArea: 'kriminalitetsforebygging',
  });

  it('accept only Oslo kommune for Grønland and the Oslo area earmarks', () => {
    expect(gronland.checkEligibility(OSLO, gronlandForm)).toEqual([]);
    expect(rulesOf(gronland.checkEligibility(BERGEN, gronlandForm))).toEqual(['named-recipient']);
    const omradeForm = projectForm(OmradesatsingOsloForm, { earmark: 'omradesatsing-oslo-sfo-oslo-sor' });
    expect(omradesatsingOslo.checkEligibility(OSLO, omradeForm)).toEqual([]);
    expect(rulesOf(omradesatsingOslo.checkEligibility(BERGEN, omradeForm))).toEqual(['named-recipient']);
  });

  it('accept only KS for the follow-up of the settlement scheme', () => {
    const form = projectForm(BosettingsordningenKsForm, { agreementFollowUp: 'Oppfølging av samarbeidsavtalen om bosetting.' });
    expect(bosettingsordningenKs.checkEligibility(KS, form)).toEqual([]);
    expect(rulesOf(bosettingsordningenKs.checkEligibility(OSLO, form))).toEqual(['named-recipient']);
  });

  it('still apply the project rules, score nothing, and pay Grønland in full on acceptance', () => {
    expect(rulesOf(gronland.checkEligibility(OSLO, { ...gronlandForm, requestedAmountNok: '600000' }))).toEqual(['request-within-budget']);
    expect(gronland.requestedAmount(gronlandForm)).toEqual(Money.ofKroner(400_000));
    expect(gronland.assessmentCriteria).toEqual([]);
    expect(gronland.payoutPlan).toEqual({ type: 'instalments', instalments: [{ sharePercent: 100, trigger: { on: 'acceptance' } }] });
  });

  it('make Grønland state the added effect and a priority area of the letter', () => {
    const errors = validateSync(plainToInstance(GronlandForm, { ...gronlandForm, addedEffect: '', priorityArea: 'idrett' }));
    expect(errors.map((error) => error.property).sort()).toEqual(['addedEffect', 'priorityArea']);
    expect(validateSync(plainToInstance(GronlandForm, { ...gronlandForm }))).toEqual([]);
  });
});

describe('søkbar schemes', () => {
  it('give Jobbsjansen C’s extra year only to participants now in the introduction programme', () => {
    const form = (plannedParticipants: number) => projectForm(JobbsjansenCForm, { participantsInProgramme: 20, plannedParticipants });
    expect(jobbsjansenC.checkEligibility(OSLO, form(20))).toEqual([]);
    expect(rulesOf(jobbsjansenC.checkEligibility(OSLO, form(21)))).toEqual(['in-introduction-programme']);
    expect(jobbsjansenC.payoutPlan).toEqual({
      type: 'instalments',
      instalments: [
        { sharePercent: 50, trigger: { on: 'date', month: 3, day: 1 } },
        { sharePercent: 50, trigger: { on: 'date', month: 9, day: 1 } },
      ],
    });
  });

  it('give operating grants for one calendar year', () => {
    const form = (periodStart: string, periodEnd: string) =>
      projectForm(NasjonaleRessursmiljoerForm, { nationalRole: 'Nasjonalt kompetansesenter.', periodStart, periodEnd });
    expect(nasjonaleRessursmiljoer.checkEligibility(OSLO, form('2017-01-01', '2017-12-31'))).toEqual([]);
    expect(rulesOf(nasjonaleRessursmiljoer.checkEligibility(OSLO, form('2017-03-01', '2017-12-31')))).toEqual(['calendar-year']);
    expect(rulesOf(nasjonaleRessursmiljoer.checkEligibility(OSLO, form('2017-01-01', '2018-12-31')))).toEqual(['calendar-year']);
  });

  it('require a documented need for settling persons with disabilities', () => {
    const form = (needDocumented: boolean) => projectForm(NedsattFunksjonsevneForm, { personsSettled: 1, needDocumented });
    expect(nedsattFunksjonsevne.checkEligibility(OSLO, form(true))).toEqual([]);
    expect(rulesOf(nedsattFunksjonsevne.checkEligibility(OSLO, form(false)))).toEqual(['documented-need']);
  });

  it('hold back the last quarter of a mentor grant until the report is approved', () => {
    expect(mentorTrainee.payoutPlan).toEqual({
      type: 'instalments',
      instalments: [
        { sharePercent: 75, trigger: { on: 'acceptance' } },
        { sharePercent: 25, trigger: { on: 'report-approved' } },
      ],
    });
  });

  it('refuse assessment weights that do not sum to 100', () => {
    expect(() => weightedCriteria({ budget: 50, transition: 40 })).toThrow(InvalidCriteriaWeightsError);
    expect(weightedCriteria({ budget: 60, transition: 40 }).map((criterion) => criterion.code)).toEqual(['budget', 'transition']);
  });
});
