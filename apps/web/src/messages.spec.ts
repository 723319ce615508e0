import { ApiProblem } from './api';
import { fieldMessage, problemMessage } from './messages';

describe('messages in bokmål for the API\'s refusals', () => {
  it('says again in bokmål what class-validator and the value objects say in English', () => {
    expect(fieldMessage({ field: 'accountNumber', rule: 'mod11-check-digit', message: 'accountNumber has an invalid MOD11 check digit.' }, { label: 'Kontonummer' })).toBe('«Kontonummer» har feil kontrollsiffer. Sjekk at du har skrevet det riktig.');
    expect(fieldMessage({ field: 'form.description', rule: 'isLength', message: 'description must be longer than or equal to 20 characters' }, { label: 'Beskrivelse', minLength: 20, maxLength: 10000 })).toBe('«Beskrivelse» må være mellom 20 og 10000 tegn.');
    expect(fieldMessage({ field: 'amountNok', rule: 'matches', message: 'amountNok must be an amount in kroner' }, { label: 'Beløp', kind: 'amount' })).toBe('«Beløp» må være et beløp i kroner, for eksempel 125 000 eller 125 000,50.');
  });

  it('shows a scheme\'s own eligibility message as written, since schemes write them in bokmål', () => {
    expect(fieldMessage({ field: 'form.requestedAmountNok', rule: 'request-within-budget', message: 'Omsøkt beløp kan ikke være større enn budsjettet (600 000,00 kr).' }, { label: 'Omsøkt beløp' })).toBe('Omsøkt beløp kan ikke være større enn budsjettet (600 000,00 kr).');
  });

  it('explains a refusal by its code, with the page\'s own words when it has them', () => {
    const fourEyes = new ApiProblem(403, 'FOUR_EYES', 'A payment batch must be approved by someone other than the one who prepared it', [], {});
    expect(problemMessage(fourEyes)).toBe('Dette må godkjennes av en annen person enn den som forberedte det (fire øyne).');
    expect(problemMessage(fourEyes, { FOUR_EYES: 'En annen må godkjenne.' })).toBe('En annen må godkjenne.');
    expect(problemMessage(new ApiProblem(409, 'ILLEGAL_TRANSITION', '', [], { currentStatus: 'proposed' }))).toBe('Dette kan ikke gjøres når saken har status «Forslag til vedtak».');
    expect(problemMessage(new ApiProblem(418, 'SOMETHING_NEW', 'Budsjettåret 2017 er avsluttet.', [], {}))).toBe('Budsjettåret 2017 er avsluttet.');
    expect(problemMessage(new ApiProblem(418, 'SOMETHING_NEW', '', [], {}))).toBe('Forespørselen ble avvist (feilkode SOMETHING_NEW).');
  });
});
