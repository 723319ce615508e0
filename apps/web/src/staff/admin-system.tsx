import { Alert, Button, Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { answer, api } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { formatDate, formatDateTime, useText } from './text';
import type { ChainVerification, DayTotals, StaffAccess } from './views';

const ROLE: Record<string, [string, string]> = {
  caseworker: ['Saksbehandler', 'Sakshandsamar'],
  approver: ['Godkjenner', 'Godkjennar'],
  finance: ['Økonomi', 'Økonomi'],
  admin: ['Systemeier (administrator)', 'Systemeigar (administrator)'],
  ministry: ['Departementet', 'Departementet'],
  archivist: ['Arkivar', 'Arkivar'],
};

/** Admin: users and roles as the sign-in maps them, verification of the audit chain and the budget's day totals, and the queue board. */
export function SystemPage() {
  const s = useText();
  return (
    <Page title={s('Tilgang og kontroll', 'Tilgang og kontroll')}>
      <Paragraph>
        <Link to="/administrasjon">{s('Administrasjon', 'Administrasjon')}</Link>
      </Paragraph>
      <AccessSection />
      <VerificationSection />
      <section className="section stack" aria-labelledby="kotavle">
        <Heading level={2} data-size="md" id="kotavle">
          {s('Køtavla', 'Køtavla')}
        </Heading>
        <Paragraph>
          {s(
            'Bakgrunnsjobbene (utbetalinger, brev, e-post, rapporter) og hvordan de går, i køtavla (Bull Board, på engelsk).',
            'Bakgrunnsjobbane (utbetalingar, brev, e-post, rapportar) og korleis dei går, i køtavla (Bull Board, på engelsk).',
          )}
        </Paragraph>
        <Paragraph>
          <DsLink href="/admin/queues">{s('Åpne køtavla', 'Opne køtavla')}</DsLink>
        </Paragraph>
      </section>
    </Page>
  );
}

function AccessSection() {
  const s = useText();
  const access = useLoad(() => answer<StaffAccess>(api.GET('/admin/access')), []);
  const role = (code: string) => (ROLE[code] ? s(...ROLE[code]) : code);
  const data = access.data;
  return (
    <section className="section stack" aria-labelledby="tilgang">
      <Heading level={2} data-size="md" id="tilgang">
        {s('Brukere og roller', 'Brukarar og roller')}
      </Heading>
      {access.error ? <ProblemAlert error={access.error} /> : null}
      {!data && !access.error ? <Loading /> : null}
      {data ? (
        <>
          <Paragraph>
            {s(
              `Rollene kommer fra gruppene i innloggingen (kravet «${data.groupClaim}»), slik AUTH_STAFF_ROLE_MAP oversetter dem. En gruppe som ikke står her, gir ingen rolle. Endringer gjøres i gruppene hos identitetsleverandøren og i konfigurasjonen, ikke her.`,
              `Rollene kjem frå gruppene i innlogginga (kravet «${data.groupClaim}»), slik AUTH_STAFF_ROLE_MAP omset dei. Ei gruppe som ikkje står her, gir inga rolle. Endringar blir gjorde i gruppene hos identitetsleverandøren og i konfigurasjonen, ikkje her.`,
            )}
          </Paragraph>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="rollekart">
            <Heading level={3} data-size="sm" id="rollekart">
              {s('Gruppe til rolle', 'Gruppe til rolle')}
            </Heading>
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{s('Gruppe', 'Gruppe')}</Table.HeaderCell>
                  <Table.HeaderCell>{s('Rolle', 'Rolle')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.roleMap.map((entry) => (
                  <Table.Row key={entry.group}>
                    <Table.Cell>{entry.group}</Table.Cell>
                    <Table.Cell>{role(entry.role)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Heading level={3} data-size="sm" id="ansatte">
            {s('Brukere i innloggingstjenestens katalog', 'Brukarar i katalogen til innloggingstenesta')}
          </Heading>
          {data.directory.state === 'not-configured' ? (
            <Alert data-color="info">
              {s(
                'Katalogen er ikke satt opp (AUTH_STAFF_DIRECTORY_URL), så brukerlisten kan ikke vises.',
                'Katalogen er ikkje sett opp (AUTH_STAFF_DIRECTORY_URL), så brukarlista kan ikkje visast.',
              )}
            </Alert>
          ) : null}
          {data.directory.state === 'unavailable' ? (
            <Alert data-color="warning">
              {s(
                'Katalogen hos innloggingstjenesten svarer ikke nå. Prøv igjen om litt.',
                'Katalogen hos innloggingstenesta svarar ikkje no. Prøv igjen om litt.',
              )}
            </Alert>
          ) : null}
          {data.directory.state === 'listed' && data.directory.users.length === 0 ? (
            <Paragraph>{s('Katalogen har ingen brukere.', 'Katalogen har ingen brukarar.')}</Paragraph>
          ) : null}
          {data.directory.state === 'listed' && data.directory.users.length > 0 ? (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="ansatte">
              <Table>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{s('Navn', 'Namn')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Brukernavn', 'Brukarnamn')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Grupper', 'Grupper')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Roller', 'Roller')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.directory.users.map((person) => (
                    <Table.Row key={person.id}>
                      <Table.Cell>{person.name}</Table.Cell>
                      <Table.Cell>{person.userName}</Table.Cell>
                      <Table.Cell>{person.groups.length > 0 ? person.groups.join(', ') : s('Ingen', 'Ingen')}</Table.Cell>
                      <Table.Cell>
                        {person.roles.length > 0
                          ? person.roles.map(role).join(', ')
                          : s('Ingen rolle (kan ikke logge inn)', 'Inga rolle (kan ikkje logge inn)')}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function VerificationSection() {
  const s = useText();
  const [result, setResult] = useState<{ chain: ChainVerification; totals: DayTotals; at: string } | undefined>();
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function verify(): Promise<void> {
    setProblem(undefined);
    setBusy(true);
    try {
      const [chain, totals] = await Promise.all([
        answer<ChainVerification>(api.GET('/admin/audit/verify')),
        answer<DayTotals>(api.GET('/admin/budget/day-totals/verify')),
      ]);
      setResult({ chain, totals, at: new Date().toISOString() });
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section stack" aria-labelledby="kontroll">
      <Heading level={2} data-size="md" id="kontroll">
        {s('Kontroll av revisjonsloggen og dagssummene', 'Kontroll av revisjonsloggen og dagssummane')}
      </Heading>
      <Paragraph>
        {s(
          'Revisjonsloggen er en kjede der hver hendelse bærer et avtrykk av den forrige, forseglet med en nøkkel databasen ikke kjenner. Dagssummene i budsjettet regnes på nytt fra posteringene og skal stemme på øret.',
          'Revisjonsloggen er ei kjede der kvar hending ber eit avtrykk av den førre, forsegla med ein nøkkel databasen ikkje kjenner. Dagssummane i budsjettet blir rekna på nytt frå posteringane og skal stemme på øyret.',
        )}
      </Paragraph>
      <div>
        <Button onClick={() => void verify()} disabled={busy}>
          {s('Kontroller nå', 'Kontroller no')}
        </Button>
      </div>
      {busy ? <Loading /> : null}
      {problem ? <ProblemAlert error={problem} /> : null}
      {result ? (
        <div className="stack" role="status">
          <Alert data-color={result.chain.intact ? 'success' : 'danger'}>
            {result.chain.intact
              ? s(
                  `Revisjonsloggen er hel: ${result.chain.entries} hendelser, forseglet til og med nr. ${result.chain.sealedThrough}.`,
                  `Revisjonsloggen er heil: ${result.chain.entries} hendingar, forsegla til og med nr. ${result.chain.sealedThrough}.`,
                )
              : s(
                  `Revisjonsloggen er brutt ved hendelse nr. ${result.chain.firstBrokenId} (${result.chain.reason}).`,
                  `Revisjonsloggen er broten ved hending nr. ${result.chain.firstBrokenId} (${result.chain.reason}).`,
                )}
          </Alert>
          <Alert data-color={result.totals.consistent ? 'success' : 'danger'}>
            {result.totals.consistent
              ? s('Dagssummene stemmer med posteringene.', 'Dagssummane stemmer med posteringane.')
              : result.totals.differences.length === 1
                ? s('1 dagssum stemmer ikke med posteringene.', '1 dagssum stemmer ikkje med posteringane.')
                : s(
                    `${result.totals.differences.length} dagssummer stemmer ikke med posteringene.`,
                    `${result.totals.differences.length} dagssummar stemmer ikkje med posteringane.`,
                  )}
          </Alert>
          {!result.totals.consistent ? (
            <ul>
              {result.totals.differences.slice(0, 50).map((difference) => (
                <li key={`${difference.budgetLineId}-${difference.kind}-${difference.bookedOn}`}>
                  {formatDate(difference.bookedOn)} {difference.kind}: {s('dagssum', 'dagssum')} {difference.totalOre ?? '–'}{' '}
                  {s('øre, posteringer', 'øre, posteringar')} {difference.entriesOre ?? '–'} {s('øre', 'øre')}
                </li>
              ))}
            </ul>
          ) : null}
          <Paragraph className="muted">
            {s('Kontrollert', 'Kontrollert')} {formatDateTime(result.at)}.
          </Paragraph>
        </div>
      ) : null}
    </section>
  );
}
