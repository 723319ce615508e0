import { mayReachOrganisation, organisationScope, type Principal } from './principal';
import type { Role } from './role';

const principal = (roles: Role[], organisationNumbers: string[] = []): Principal => ({ userId: 'u', name: 'U', roles, organisationNumbers });
const CASEWORK: Role[] = ['caseworker', 'approver', 'admin'];

describe(organisationScope.name, () => {
  it('bounds an applicant by the organisations they act for', () => {
    expect(organisationScope(principal(['applicant'], ['974760673']), CASEWORK)).toEqual(['974760673']);
  });

  it.each(['caseworker', 'approver', 'admin', 'finance', 'ministry'] as Role[])('keeps the bound when the applicant also holds %s', (role) => {
    expect(organisationScope(principal(['applicant', role], ['974760673']), CASEWORK)).toEqual(['974760673']);
    expect(organisationScope(principal([role, 'applicant'], ['974760673']), CASEWORK)).toEqual(['974760673']);
  });

  it("lets the route's staff roles see every organisation, and no one else", () => {
    expect(organisationScope(principal(['caseworker']), CASEWORK)).toBeNull();
    expect(organisationScope(principal(['finance']), CASEWORK)).toEqual([]);
    expect(organisationScope(principal(['ministry']), CASEWORK)).toEqual([]);
  });
});

describe(mayReachOrganisation.name, () => {
  it('answers by the scope', () => {
    expect(mayReachOrganisation(principal(['applicant', 'finance'], ['974760673']), '974760673', ['finance'])).toBe(true);
    expect(mayReachOrganisation(principal(['applicant', 'finance'], ['974760673']), '988295388', ['finance'])).toBe(false);
    expect(mayReachOrganisation(principal(['finance']), '988295388', ['finance'])).toBe(true);
    expect(mayReachOrganisation(principal(['approver']), '988295388', ['finance'])).toBe(false);
  });
});
