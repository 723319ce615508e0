import { isRole } from './role';
import { meetsAssuranceLevel, principalOf, rolesForGroups, safeReturnPath, type WebSession } from './web-session';

describe('web session rules', () => {
  it('returns only to paths on this site after login', () => {
    expect(safeReturnPath('/soknader/1?fane=2')).toBe('/soknader/1?fane=2');
    for (const hostile of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', undefined, '']) {
      expect(safeReturnPath(hostile)).toBe('/');
    }
  });

  it('maps groups to roles by the configured map and ignores unknown groups and the applicant role', () => {
    const map = new Map([
      ['grp-saksbehandler', 'caseworker'],
      ['grp-okonomi', 'finance'],
      ['grp-sneaky', 'applicant'],
    ]);
    expect(rolesForGroups(['grp-saksbehandler', 'grp-okonomi', 'grp-kantine'], map, isRole).sort()).toEqual(['caseworker', 'finance']);
    expect(rolesForGroups(['grp-kantine', 'grp-sneaky'], map, isRole)).toEqual([]);
  });

  it('accepts a higher ID-porten level than required, never a lower one', () => {
    expect(meetsAssuranceLevel('idporten-loa-high', 'idporten-loa-substantial')).toBe(true);
    expect(meetsAssuranceLevel('idporten-loa-substantial', 'idporten-loa-high')).toBe(false);
    expect(meetsAssuranceLevel(undefined, 'idporten-loa-high')).toBe(false);
  });

  it('scopes an applicant to the chosen organisation only, and to none before a choice', () => {
    const session: WebSession = {
      kind: 'applicant',
      userId: 'person:1',
      name: 'Kari',
      roles: ['applicant'],
      representations: [
        { organisationNumber: '310500011', name: 'A' },
        { organisationNumber: '310500038', name: 'B' },
      ],
      actingFor: null,
      csrfToken: 'x',
    };
    expect(principalOf(session).organisationNumbers).toEqual([]);
    expect(principalOf({ ...session, actingFor: '310500038' })).toMatchObject({ organisationNumbers: ['310500038'], actingFor: '310500038' });
  });
});
