/**
 * The people and systems of the local identity provider (development and tests). Nothing here is
 * real: the national identity numbers are synthetic (month + 80) and the organisation numbers are
 * test numbers; all of them pass the MOD11 checks the system applies to real ones.
 */

/** An IMDi employee at the agency's (Entra ID-style) provider: its group claim is mapped to roles by configuration. */
export interface TestStaffMember {
  readonly userName: string;
  readonly name: string;
  readonly groups: readonly string[];
}

/** A right a person holds for an organisation in the (Altinn-style) register of representation. */
export interface TestRepresentation {
  readonly organisationNumber: string;
  readonly organisationName: string;
  /** Resources the person may use for the organisation; IMDi's service is `imdi-tilskudd`. */
  readonly resources: readonly string[];
}

/** A person at the (ID-porten-style) provider, identified by national identity number. */
export interface TestPerson {
  readonly nationalIdNumber: string;
  readonly name: string;
  readonly representations: readonly TestRepresentation[];
}

/** A municipality's system with a Maskinporten-style client: client credentials, acting for its organisation. */
export interface TestMachineClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly organisationNumber: string;
  readonly scopes: readonly string[];
}

export interface TestIdentities {
  readonly staff: readonly TestStaffMember[];
  readonly persons: readonly TestPerson[];
  readonly machineClients: readonly TestMachineClient[];
}

/** The group names of the local staff provider, as AUTH_STAFF_ROLE_MAP maps them by default. */
export const LOCAL_STAFF_GROUPS = {
  caseworker: 'imdi-tilskudd-saksbehandler',
  approver: 'imdi-tilskudd-godkjenner',
  finance: 'imdi-tilskudd-okonomi',
  admin: 'imdi-tilskudd-systemeier',
  ministry: 'aid-tilskudd-departement',
  archivist: 'imdi-tilskudd-arkiv',
} as const;

/** The client ids the api is registered with at the local provider (and its secret, as good as public). */
export const LOCAL_CLIENTS = {
  staff: { clientId: 'imdi-tilskudd-ansatt', clientSecret: 'lokal-hemmelighet-ansatt' },
  applicants: { clientId: 'imdi-tilskudd-soker', clientSecret: 'lokal-hemmelighet-soker' },
} as const;
export const LOCAL_ASSURANCE_LEVEL = 'idporten-loa-high';
/** The audience the local Maskinporten-style provider puts in machine tokens for the api. */
export const LOCAL_MACHINE_AUDIENCE = 'https://tilskudd.imdi.no';

export const IMDI_RESOURCE = 'imdi-tilskudd';
export const SETTLEMENT_RECORDS_SCOPE = 'imdi:tilskudd.bosetting';

export const TEST_ORGANISATIONS = {
  fjordvikKommune: { organisationNumber: '310500011', organisationName: 'Fjordvik kommune' },
  fjellbygdKommune: { organisationNumber: '310500038', organisationName: 'Fjellbygd kommune' },
  nordvikKommune: { organisationNumber: '310500046', organisationName: 'Nordvik kommune' },
} as const;

export const DEFAULT_TEST_IDENTITIES: TestIdentities = {
  staff: [
    { userName: 'kari.saksbehandler', name: 'Kari Saksbehandler', groups: [LOCAL_STAFF_GROUPS.caseworker, 'imdi-alle-ansatte'] },
    { userName: 'per.godkjenner', name: 'Per Godkjenner', groups: [LOCAL_STAFF_GROUPS.approver, 'imdi-alle-ansatte'] },
    { userName: 'fiona.okonomi', name: 'Fiona Økonomi', groups: [LOCAL_STAFF_GROUPS.finance, 'imdi-alle-ansatte'] },
    { userName: 'frode.okonomi', name: 'Frode Økonomi', groups: [LOCAL_STAFF_GROUPS.finance, 'imdi-alle-ansatte'] },
    { userName: 'ada.systemeier', name: 'Ada Systemeier', groups: [LOCAL_STAFF_GROUPS.admin, 'imdi-alle-ansatte'] },
    { userName: 'arne.arkivar', name: 'Arne Arkivar', groups: [LOCAL_STAFF_GROUPS.archivist, 'imdi-alle-ansatte'] },
    { userName: 'dina.departement', name: 'Dina Departement', groups: [LOCAL_STAFF_GROUPS.ministry] },
    { userName: 'truls.kantine', name: 'Truls Kantine', groups: ['imdi-alle-ansatte'] },
  ],
  persons: [
    {
      nationalIdNumber: '12857810153',
      name: 'Kari Nordmann',
      representations: [
        { ...TEST_ORGANISATIONS.fjordvikKommune, resources: [IMDI_RESOURCE] },
        { ...TEST_ORGANISATIONS.fjellbygdKommune, resources: [IMDI_RESOURCE] },
      ],
    },
    {
      nationalIdNumber: '03918522149',
      name: 'Ola Nordmann',
      representations: [
        { ...TEST_ORGANISATIONS.nordvikKommune, resources: [IMDI_RESOURCE] },
        // Listed for Fjordvik, but for another agency's service only: he may not act for it here.
        { ...TEST_ORGANISATIONS.fjordvikKommune, resources: ['skatteetaten-mva'] },
      ],
    },
    { nationalIdNumber: '24879034139', name: 'Siri Uten Fullmakt', representations: [] },
  ],
  machineClients: [
    {
      clientId: 'fjordvik-fagsystem',
      clientSecret: 'fjordvik-fagsystem-hemmelighet',
      organisationNumber: TEST_ORGANISATIONS.fjordvikKommune.organisationNumber,
      scopes: [SETTLEMENT_RECORDS_SCOPE],
    },
  ],
};

/** The default identities and any a test adds (tests use their own organisation numbers). */
export function mergeIdentities(base: TestIdentities, extra: Partial<TestIdentities>): TestIdentities {
  return {
    staff: [...base.staff, ...(extra.staff ?? [])],
    persons: [...base.persons, ...(extra.persons ?? [])],
    machineClients: [...base.machineClients, ...(extra.machineClients ?? [])],
  };
}
