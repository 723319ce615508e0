import { Alert, Button, Checkbox, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { answer, api, ApiProblem } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { formatDate, useText } from './text';
import type { PayoutRun, SettlementImport, SettlementRecord } from './views';

/** The per-capita schemes (paid per settled person from the settlement records), as the api names them. */
type PerCapitaScheme = 'integreringstilskudd' | 'enslige-mindreaarige';

const SCHEMES: ReadonlyArray<{ readonly code: PerCapitaScheme; readonly nb: string; readonly nn: string; readonly periods: string }> = [
  { code: 'integreringstilskudd', nb: 'Integreringstilskudd', nn: 'Integreringstilskot', periods: 'kvartal' },
  { code: 'enslige-mindreaarige', nb: 'Tilskudd for enslige mindreårige', nn: 'Tilskot for einslege mindreårige', periods: 'år' },
];

const CATEGORY: Record<string, [string, string]> = {
  'single-adult': ['Enslig voksen', 'Einsleg vaksen'],
  adult: ['Voksen', 'Vaksen'],
  'unaccompanied-minor': ['Enslig mindreårig', 'Einsleg mindreårig'],
  child: ['Barn', 'Barn'],
};

/** A problem's field-level errors as a list a person can act on (a CSV file's errors name their lines). */
function FieldProblems({ error }: { readonly error: unknown }) {
  if (!(error instanceof ApiProblem) || error.errors.length === 0) return <ProblemAlert error={error} />;
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{error.detail}</Paragraph>
      <ul>
        {error.errors.slice(0, 50).map((problem, index) => (
          <li key={index}>
            {problem.field}: {problem.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function SchemeSelect({ label, name, value, onChange }: { label: string; name: string; value?: string; onChange?: (code: PerCapitaScheme) => void }) {
  const s = useText();
  const id = `${name}-ordning`;
  return (
    <div className="stack">
      <label htmlFor={id}>{label}</label>
      <Select id={id} name={name} value={value} onChange={onChange ? (event) => onChange(event.target.value as PerCapitaScheme) : undefined}>
        {SCHEMES.map((scheme) => (
          <Select.Option key={scheme.code} value={scheme.code}>
            {s(scheme.nb, scheme.nn)}
          </Select.Option>
        ))}
      </Select>
    </div>
  );
}

/** Finance: per-capita runs (start, follow), settlement-record import from CSV, and corrections of single records. */
export function PerCapitaPage() {
  const s = useText();
  return (
    <Page title={s('Per capita-tilskudd', 'Per capita-tilskot')}>
      <Paragraph>
        <Link to="/okonomi">{s('Utbetalinger', 'Utbetalingar')}</Link> · <Link to="/okonomi/tilbakekreving">{s('Tilbakekreving', 'Tilbakekrevjing')}</Link>
      </Paragraph>
      <PerCapitaRuns />
      <RecordsImport />
      <RecordsCorrection />
    </Page>
  );
}

function PerCapitaRuns() {
  const s = useText();
  const navigate = useNavigate();
  const runs = useLoad(() => answer<PayoutRun[]>(api.GET('/payments/runs')), []);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();

  async function start(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setProblem(undefined);
    const form = new FormData(event.currentTarget);
    const text = (name: string): string => String(form.get(name) ?? '').trim();
    const errors: Record<string, string> = {};
    if (!/^\d{4}$/.test(text('budgetYear')))
      errors.budgetYear = s('«Budsjettår» må være et årstall med fire siffer.', '«Budsjettår» må vere eit årstal med fire siffer.');
    if (!/^\d{4}(-Q[1-4])?$/.test(text('period')))
      errors.period = s(
        '«Til og med periode» skrives som 2017-Q2 (kvartal) eller 2017 (år).',
        '«Til og med periode» blir skrive som 2017-Q2 (kvartal) eller 2017 (år).',
      );
    if (text('asOf') && !/^\d{4}-\d{2}-\d{2}$/.test(text('asOf')))
      errors.asOf = s('«Betalingsdato» må være en dato (ÅÅÅÅ-MM-DD).', '«Betalingsdato» må vere ein dato (ÅÅÅÅ-MM-DD).');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      const run = await answer<PayoutRun>(
        api.POST('/payments/per-capita/runs', {
          body: {
            schemeCode: text('schemeCode'),
            budgetYear: Number(text('budgetYear')),
            period: text('period'),
            ...(text('asOf') ? { asOf: text('asOf') } : {}),
          } as never,
        }),
      );
      navigate(`/okonomi/kjoringer/${run.id}`, {
        state: { flash: s(`Per capita-kjøringen for ${run.period} er startet.`, `Per capita-køyringa for ${run.period} er starta.`) },
      });
    } catch (failure) {
      setProblem(failure);
    }
  }

  const perCapita = runs.data?.filter((run) => run.kind === 'per-capita') ?? [];
  return (
    <>
      <section className="section stack" aria-labelledby="ny-per-capita">
        <Heading level={2} data-size="md" id="ny-per-capita">
          {s('Start per capita-kjøring', 'Start per capita-køyring')}
        </Heading>
        <Paragraph>
          {s(
            'Kjøringen betaler hver kommune det bosettingsopplysningene gir til og med perioden, med årets bekreftede satser, minus det tidligere kjøringer har betalt. Den blir avvist så lenge en av årets satser ikke er bekreftet.',
            'Køyringa betaler kvar kommune det busetjingsopplysningane gir til og med perioden, med årets stadfeste satsar, minus det tidlegare køyringar har betalt. Ho blir avvist så lenge ein av årets satsar ikkje er stadfest.',
          )}
        </Paragraph>
        <form onSubmit={(event) => void start(event)} className="stack" noValidate aria-label={s('Start per capita-kjøring', 'Start per capita-køyring')}>
          <SchemeSelect label={s('Ordning', 'Ordning')} name="schemeCode" />
          <Textfield
            label={s('Budsjettår', 'Budsjettår')}
            name="budgetYear"
            inputMode="numeric"
            defaultValue={String(new Date().getFullYear())}
            error={fieldErrors.budgetYear}
          />
          <Textfield
            label={s('Til og med periode', 'Til og med periode')}
            name="period"
            description={s(
              'Integreringstilskudd betales per kvartal (f.eks. 2017-Q2), enslige mindreårige per år (f.eks. 2017).',
              'Integreringstilskot blir betalt per kvartal (t.d. 2017-Q2), einslege mindreårige per år (t.d. 2017).',
            )}
            error={fieldErrors.period}
          />
          <Textfield
            label={s('Betalingsdato (valgfritt)', 'Betalingsdato (valfritt)')}
            name="asOf"
            description={s('ÅÅÅÅ-MM-DD; tomt betyr i dag.', 'ÅÅÅÅ-MM-DD; tomt tyder i dag.')}
            error={fieldErrors.asOf}
          />
          {problem ? <FieldProblems error={problem} /> : null}
          <div>
            <Button type="submit">{s('Start per capita-kjøring', 'Start per capita-køyring')}</Button>
          </div>
        </form>
      </section>
      <section className="section" aria-labelledby="per-capita-kjoringer">
        <Heading level={2} data-size="md" id="per-capita-kjoringer">
          {s('Per capita-kjøringer', 'Per capita-køyringar')}
        </Heading>
        {runs.error ? <ProblemAlert error={runs.error} /> : null}
        {!runs.data && !runs.error ? <Loading /> : null}
        {runs.data && perCapita.length === 0 ? <Paragraph>{s('Ingen per capita-kjøringer ennå.', 'Ingen per capita-køyringar enno.')}</Paragraph> : null}
        <ul className="task-list">
          {perCapita.map((run) => (
            <li key={run.id}>
              <Link to={`/okonomi/kjoringer/${run.id}`}>
                {run.schemeCode} {run.period}, {s('betalingsdato', 'betalingsdato')} {formatDate(run.asOf)}
              </Link>{' '}
              <span>
                {s(...RUN_STATUS_WORDS[run.status])}, {run.paymentsCreated} {s('betalinger', 'betalingar')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const RUN_STATUS_WORDS: Record<PayoutRun['status'], [string, string]> = {
  queued: ['I kø', 'I kø'],
  running: ['Kjører', 'Køyrer'],
  completed: ['Fullført', 'Fullført'],
  refused: ['Avvist', 'Avvist'],
};

function RecordsImport() {
  const s = useText();
  const [scheme, setScheme] = useState<PerCapitaScheme>(SCHEMES[0].code);
  const [file, setFile] = useState<File | undefined>();
  const [result, setResult] = useState<SettlementImport | undefined>();
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function upload(): Promise<void> {
    if (!file) return;
    setProblem(undefined);
    setResult(undefined);
    setBusy(true);
    try {
      const text = await file.text();
      const imported = await answer<SettlementImport>(
        api.POST('/payments/per-capita/{scheme}/records/csv', {
          params: { path: { scheme } },
          body: text as never,
          bodySerializer: (body: unknown) => body as string,
          headers: { 'content-type': 'text/csv; charset=utf-8' },
        }),
      );
      setResult(imported);
    } catch (failure) {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section stack" aria-labelledby="bosettingsopplysninger">
      <Heading level={2} data-size="md" id="bosettingsopplysninger">
        {s('Importer bosettingsopplysninger (CSV)', 'Importer busetjingsopplysningar (CSV)')}
      </Heading>
      <Paragraph>
        {s(
          'Én person per linje, kolonnene navngitt i første linje: nationalIdNumber;organisationNumber;municipalityNumber;settlementDate;category;specialCriterion. Ingenting lagres hvis én linje er feil. En kjent person med endrede opplysninger blir en rettelse, og neste kjøring betaler eller holder tilbake forskjellen.',
          'Éin person per linje, kolonnane namngitt i første linje: nationalIdNumber;organisationNumber;municipalityNumber;settlementDate;category;specialCriterion. Ingenting blir lagra viss éi linje er feil. Ein kjend person med endra opplysningar blir ei retting, og neste køyring betaler eller held tilbake skilnaden.',
        )}
      </Paragraph>
      <SchemeSelect label={s('Ordning for filen', 'Ordning for fila')} name="importScheme" value={scheme} onChange={setScheme} />
      <div className="stack">
        <label htmlFor="bosetting-fil">{s('Bosettingsopplysningene som CSV-fil', 'Busetjingsopplysningane som CSV-fil')}</label>
        <input
          id="bosetting-fil"
          type="file"
          accept="text/csv,.csv"
          onChange={(event) => {
            setFile(event.target.files?.[0]);
            setResult(undefined);
            setProblem(undefined);
          }}
        />
      </div>
      {problem ? <FieldProblems error={problem} /> : null}
      {result ? (
        <Alert data-color="success" role="status" className="status-message">
          {s(
            `Importert: ${result.imported} nye personer, ${result.corrected} rettet, ${result.unchanged} uendret.`,
            `Importert: ${result.imported} nye personar, ${result.corrected} retta, ${result.unchanged} uendra.`,
          )}
        </Alert>
      ) : null}
      <div>
        <Button disabled={!file || busy} onClick={() => void upload()}>
          {s('Importer filen', 'Importer fila')}
        </Button>
      </div>
    </section>
  );
}

function RecordsCorrection() {
  const s = useText();
  const [query, setQuery] = useState<{ scheme: PerCapitaScheme; organisationNumber: string } | undefined>();
  const [editing, setEditing] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>();
  const [lookupError, setLookupError] = useState<string | undefined>();
  const records = useLoad(
    () =>
      query
        ? answer<SettlementRecord[]>(
            api.GET('/payments/per-capita/{scheme}/records', {
              params: { path: { scheme: query.scheme }, query: { organisationNumber: query.organisationNumber } },
            }),
          )
        : Promise.resolve(undefined),
    [query?.scheme, query?.organisationNumber],
  );

  function find(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const organisationNumber = String(form.get('organisationNumber') ?? '').replace(/\s/g, '');
    setMessage(undefined);
    if (!/^\d{9}$/.test(organisationNumber)) {
      setLookupError(s('Organisasjonsnummeret har ni siffer.', 'Organisasjonsnummeret har ni siffer.'));
      return;
    }
    setLookupError(undefined);
    setQuery({ scheme: String(form.get('lookupScheme')) as PerCapitaScheme, organisationNumber });
  }

  async function correct(event: FormEvent<HTMLFormElement>, record: SettlementRecord): Promise<void> {
    event.preventDefault();
    if (!query) return;
    setProblem(undefined);
    const form = new FormData(event.currentTarget);
    const settlementDate = String(form.get('settlementDate') ?? '').trim();
    const category = String(form.get('category') ?? '');
    const voided = form.get('voided') === 'on';
    try {
      await answer(
        api.PATCH('/payments/per-capita/{scheme}/records/{id}', {
          params: { path: { scheme: query.scheme, id: record.id } },
          body: {
            ...(settlementDate && settlementDate !== record.settlementDate ? { settlementDate } : {}),
            ...(category && category !== record.category ? { category } : {}),
            ...(voided !== record.voided ? { voided } : {}),
            reason: String(form.get('reason') ?? '').trim(),
          },
        }),
      );
      setEditing(undefined);
      setMessage(
        s(`Opplysningen for person født ${formatDate(record.birthDate)} er rettet.`, `Opplysninga for person fødd ${formatDate(record.birthDate)} er retta.`),
      );
      records.reload();
    } catch (failure) {
      setProblem(failure);
    }
  }

  const category = (code: string) => (CATEGORY[code] ? s(...CATEGORY[code]) : code);
  return (
    <section className="section stack" aria-labelledby="rett-opplysninger">
      <Heading level={2} data-size="md" id="rett-opplysninger">
        {s('Rett bosettingsopplysninger', 'Rett busetjingsopplysningar')}
      </Heading>
      <form onSubmit={find} className="row" role="search" aria-label={s('Finn en kommunes opplysninger', 'Finn opplysningane til ein kommune')}>
        <SchemeSelect label={s('Ordning', 'Ordning')} name="lookupScheme" />
        <Textfield label={s('Kommunens organisasjonsnummer', 'Organisasjonsnummeret til kommunen')} name="organisationNumber" error={lookupError} />
        <Button type="submit" variant="secondary">
          {s('Vis opplysningene', 'Vis opplysningane')}
        </Button>
      </form>
      {message ? (
        <Alert data-color="success" role="status" className="status-message">
          {message}
        </Alert>
      ) : null}
      {records.error ? <ProblemAlert error={records.error} /> : null}
      {query && !records.data && !records.error ? <Loading /> : null}
      {records.data?.length === 0 ? <Paragraph>{s('Ingen opplysninger for kommunen.', 'Ingen opplysningar for kommunen.')}</Paragraph> : null}
      {records.data && records.data.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="rett-opplysninger">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{s('Person (født)', 'Person (fødd)')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Kommunenr.', 'Kommunenr.')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Bosatt', 'Busett')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Kategori', 'Kategori')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Status', 'Status')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Rett', 'Rett')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {records.data.map((record) => (
                <Table.Row key={record.id}>
                  <Table.Cell>
                    {record.nationalIdNumber} ({formatDate(record.birthDate)})
                  </Table.Cell>
                  <Table.Cell>{record.municipalityNumber}</Table.Cell>
                  <Table.Cell>{formatDate(record.settlementDate)}</Table.Cell>
                  <Table.Cell>{category(record.category)}</Table.Cell>
                  <Table.Cell>
                    {record.voided ? s('Annullert', 'Annullert') : s('Gjelder', 'Gjeld')}
                    {record.revision > 1 ? s(`, rettet ${record.revision - 1} gang(er)`, `, retta ${record.revision - 1} gong(ar)`) : ''}
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => setEditing(editing === record.id ? undefined : record.id)}
                      aria-expanded={editing === record.id}
                    >
                      {s(`Rett person født ${formatDate(record.birthDate)}`, `Rett person fødd ${formatDate(record.birthDate)}`)}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {records.data
        ?.filter((record) => record.id === editing)
        .map((record) => (
          <form
            key={record.id}
            className="stack"
            onSubmit={(event) => void correct(event, record)}
            aria-label={s(`Retting for person født ${formatDate(record.birthDate)}`, `Retting for person fødd ${formatDate(record.birthDate)}`)}
          >
            <Textfield label={s('Bosettingsdato (ÅÅÅÅ-MM-DD)', 'Busetjingsdato (ÅÅÅÅ-MM-DD)')} name="settlementDate" defaultValue={record.settlementDate} />
            <div className="stack">
              <label htmlFor={`kategori-${record.id}`}>{s('Kategori', 'Kategori')}</label>
              <Select id={`kategori-${record.id}`} name="category" defaultValue={record.category}>
                {Object.keys(CATEGORY).map((code) => (
                  <Select.Option key={code} value={code}>
                    {category(code)}
                  </Select.Option>
                ))}
              </Select>
            </div>
            <Checkbox
              label={s('Opplysningen var feil: personen skal ikke telle (annuller)', 'Opplysninga var feil: personen skal ikkje telje (annuller)')}
              name="voided"
              defaultChecked={record.voided}
            />
            <Textfield
              label={s('Begrunnelse for rettingen', 'Grunngiving for rettinga')}
              name="reason"
              description={s(
                'Blir stående i historikken, f.eks. «Feil bosettingsdato i NIR».',
                'Blir ståande i historikken, t.d. «Feil busetjingsdato i NIR».',
              )}
              multiline
              rows={2}
            />
            {problem ? <FieldProblems error={problem} /> : null}
            <div>
              <Button type="submit">{s('Lagre rettingen', 'Lagre rettinga')}</Button>
            </div>
          </form>
        ))}
    </section>
  );
}
