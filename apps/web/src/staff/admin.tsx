import { Alert, Button, Checkbox, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { answer, api, ApiProblem } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { formatDate, formatDateTime, formatNok, useText } from './text';
import type { SchemeView } from '../api/views';
import { SchemeTermsEditor } from './scheme-terms';
import type { AllocationImport, Delegation, TotalMismatch as Mismatch } from './views';

/** A scheme version as GET /schemes/{code}?year= gives it, with its window and rates. */
type AdminScheme = SchemeView;
type RateView = AdminScheme['rates'][number];

/** Admin: scheme windows and rates, allocation letters, delegations. */
export function AdminPage() {
  const s = useText();
  return (
    <Page title={s('Administrasjon', 'Administrasjon')}>
      <Paragraph>
        <Link to="/administrasjon/tilgang">
          {s('Tilgang og kontroll (brukere og roller, revisjonslogg, køtavla)', 'Tilgang og kontroll (brukarar og roller, revisjonslogg, køtavla)')}
        </Link>{' '}
        · <Link to="/okonomi/budsjett">{s('Budsjettstatus per kap./post', 'Budsjettstatus per kap./post')}</Link>
      </Paragraph>
      <SchemeAdmin />
      <AllocationLetterImport />
      <DelegationsAdmin />
    </Page>
  );
}

function Message({ text }: { readonly text: string | undefined }) {
  return text ? (
    <Alert data-color="success" role="status" className="status-message">
      {text}
    </Alert>
  ) : null;
}

function SchemeAdmin() {
  const s = useText();
  const [choice, setChoice] = useState<{ code: string; year: string } | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>();
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const scheme = useLoad(
    () =>
      choice
        ? answer<AdminScheme>(api.GET('/schemes/{code}', { params: { path: { code: choice.code }, query: { year: Number(choice.year) } as never } }))
        : Promise.resolve(undefined),
    [choice?.code, choice?.year],
  );

  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    setProblem(undefined);
    try {
      await action();
      setMessage(done);
      scheme.reload();
    } catch (failure) {
      setProblem(failure);
    }
  }

  function choose(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setMessage(undefined);
    setChoice({ code: String(form.get('code') ?? '').trim(), year: String(form.get('year') ?? '').trim() });
  }

  function saveWindow(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!choice) return;
    const form = new FormData(event.currentTarget);
    const seconds = (value: string) => (value.length === 16 ? `${value}:00` : value);
    const window = { opens: seconds(String(form.get('opens'))), deadline: seconds(String(form.get('deadline'))) };
    void run(
      () =>
        answer(
          api.PATCH('/admin/schemes/{code}/versions/{year}', { params: { path: { code: choice.code, year: Number(choice.year) } }, body: { window } as never }),
        ),
      s('Søknadsvinduet er lagret.', 'Søknadsvindauget er lagra.'),
    );
  }

  function saveRate(event: FormEvent<HTMLFormElement>, rate: RateView): void {
    event.preventDefault();
    if (!choice) return;
    const form = new FormData(event.currentTarget);
    void run(
      () =>
        answer(
          api.PUT('/admin/schemes/{code}/versions/{year}/rates/{rateCode}', {
            params: { path: { code: choice.code, year: Number(choice.year), rateCode: rate.code } },
            body: { amountNok: String(form.get('amountNok')).replace(/\s/g, '').replace(',', '.'), source: String(form.get('source')) },
          }),
        ),
      s(`Satsen ${rate.code} er lagret. Bekreft den når den er kontrollert.`, `Satsen ${rate.code} er lagra. Stadfest han når han er kontrollert.`),
    );
  }

  const toLocal = (iso: string | null) => (iso ? new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Oslo' }).replace(' ', 'T').slice(0, 16) : '');
  const rateName = (rate: RateView) => rate.label || rate.code;
  return (
    <section className="section stack" aria-labelledby="ordninger">
      <Heading level={2} data-size="md" id="ordninger">
        {s('Ordninger: søknadsvindu, tekster, regler og satser', 'Ordningar: søknadsvindauge, tekstar, reglar og satsar')}
      </Heading>
      <form onSubmit={choose} className="row" aria-label={s('Velg ordning', 'Vel ordning')}>
        <Textfield label={s('Ordning (kode)', 'Ordning (kode)')} name="code" defaultValue={choice?.code ?? ''} />
        <Textfield label={s('År', 'År')} name="year" inputMode="numeric" defaultValue={choice?.year ?? ''} />
        <Button type="submit" variant="secondary">
          {s('Hent ordningen', 'Hent ordninga')}
        </Button>
      </form>
      <Message text={message} />
      {problem ? <ProblemAlert error={problem} /> : null}
      {scheme.error ? <ProblemAlert error={scheme.error} /> : null}
      {choice && !scheme.data && !scheme.error ? <Loading /> : null}
      {scheme.data ? (
        <>
          <Heading level={3} data-size="sm">
            {s('Søknadsvindu', 'Søknadsvindauge')}
          </Heading>
          <Paragraph>
            {s('Nå', 'No')}: {formatDateTime(scheme.data.window.opensAt)} – {formatDateTime(scheme.data.window.deadlineAt)}
          </Paragraph>
          <form
            onSubmit={saveWindow}
            className="stack"
            aria-label={s('Søknadsvindu', 'Søknadsvindauge')}
            key={`${scheme.data.code}-${scheme.data.window.opensAt}`}
          >
            <Textfield
              label={s('Åpner (norsk tid)', 'Opnar (norsk tid)')}
              name="opens"
              type="datetime-local"
              defaultValue={toLocal(scheme.data.window.opensAt)}
            />
            <Textfield
              label={s('Søknadsfrist (norsk tid)', 'Søknadsfrist (norsk tid)')}
              name="deadline"
              type="datetime-local"
              defaultValue={toLocal(scheme.data.window.deadlineAt)}
            />
            <div>
              <Button type="submit">{s('Lagre søknadsvinduet', 'Lagre søknadsvindauget')}</Button>
            </div>
          </form>
          <SchemeTermsEditor
            key={`${scheme.data.code}-${scheme.data.budgetYear}-${JSON.stringify([scheme.data.name, scheme.data.purpose, scheme.data.applicantTypes, scheme.data.legalBasis, scheme.data.notes])}`}
            scheme={scheme.data}
            onSaved={(done) => {
              setProblem(undefined);
              setMessage(done);
              scheme.reload();
            }}
          />
          {scheme.data.rates && scheme.data.rates.length > 0 ? (
            <>
              <Heading level={3} data-size="sm">
                {s('Satser', 'Satsar')}
              </Heading>
              <ul className="task-list">
                {scheme.data.rates.map((rate) => (
                  <li key={rate.code}>
                    <div className="stack">
                      <Paragraph>
                        <strong>{rateName(rate)}</strong>: {formatNok(rate.amountNok)} –{' '}
                        {rate.confirmed ? s('bekreftet', 'stadfest') : s('ikke bekreftet', 'ikkje stadfest')}
                      </Paragraph>
                      <form
                        onSubmit={(event) => saveRate(event, rate)}
                        className="row"
                        aria-label={s(`Endre satsen ${rateName(rate)}`, `Endre satsen ${rateName(rate)}`)}
                      >
                        <Textfield label={s('Nytt beløp i kroner', 'Nytt beløp i kroner')} name="amountNok" />
                        <Textfield label={s('Kilde (f.eks. rundskriv)', 'Kjelde (t.d. rundskriv)')} name="source" />
                        <Button type="submit" variant="secondary">
                          {s('Lagre satsen', 'Lagre satsen')}
                        </Button>
                      </form>
                      {!rate.confirmed && rate.amountNok ? (
                        <div className="stack">
                          <Checkbox
                            label={s(
                              `Jeg har kontrollert ${formatNok(rate.amountNok)} mot kilden`,
                              `Eg har kontrollert ${formatNok(rate.amountNok)} mot kjelda`,
                            )}
                            checked={checked[rate.code] ?? false}
                            onChange={(event) => setChecked({ ...checked, [rate.code]: event.target.checked })}
                          />
                          <div>
                            <Button
                              disabled={!checked[rate.code]}
                              onClick={() =>
                                void run(
                                  () =>
                                    answer(
                                      api.POST('/admin/schemes/{code}/versions/{year}/rates/{rateCode}/confirm', {
                                        params: { path: { code: choice!.code, year: Number(choice!.year), rateCode: rate.code } },
                                      }),
                                    ),
                                  s(`Satsen ${rateName(rate)} er bekreftet.`, `Satsen ${rateName(rate)} er stadfest.`),
                                )
                              }
                            >
                              {s(`Bekreft satsen ${rateName(rate)}`, `Stadfest satsen ${rateName(rate)}`)}
                            </Button>
                          </div>
                        </div>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function AllocationLetterImport() {
  const s = useText();
  const [document, setDocument] = useState<Record<string, unknown> | undefined>();
  const [mismatches, setMismatches] = useState<readonly Mismatch[]>([]);
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>();
  const key = (mismatch: { chapter: string; post: string | null }) => `${mismatch.chapter}.${mismatch.post ?? ''}`;

  async function read(file: File | undefined): Promise<void> {
    setProblem(undefined);
    setMismatches([]);
    setMessage(undefined);
    if (!file) return setDocument(undefined);
    try {
      setDocument(JSON.parse(await file.text()) as Record<string, unknown>);
    } catch {
      setDocument(undefined);
      setProblem(new ApiProblem(400, 'ALLOCATION_INVALID', s('Filen er ikke gyldig JSON.', 'Fila er ikkje gyldig JSON.'), []));
    }
  }

  async function importLetter(): Promise<void> {
    if (!document) return;
    setProblem(undefined);
    const declared = Array.isArray(document.declaredTotals) ? (document.declaredTotals as Array<{ chapter: string; post: string | null }>) : [];
    const body = {
      ...document,
      declaredTotals: declared.map((total) => (explanations[key(total)]?.trim() ? { ...total, acknowledgedMismatch: explanations[key(total)].trim() } : total)),
    };
    const result = await api.POST('/admin/budget/allocation-letters', { body: body as never });
    if (result.response.ok) {
      const imported = result.data as AllocationImport;
      setMismatches([]);
      setMessage(
        s(
          `Tildelingsbrevet for ${imported.budgetYear} er importert: ${imported.posts} poster, ${imported.acknowledgedMismatches.length} avvik kvittert ut.`,
          `Tildelingsbrevet for ${imported.budgetYear} er importert: ${imported.posts} postar, ${imported.acknowledgedMismatches.length} avvik kvitterte ut.`,
        ),
      );
      return;
    }
    const error = (result.error ?? {}) as { code?: string; detail?: string; mismatches?: Mismatch[] };
    if (error.code === 'ALLOCATION_TOTALS_MISMATCH' && error.mismatches) setMismatches(error.mismatches);
    setProblem(new ApiProblem(result.response.status, error.code ?? 'HTTP', error.detail ?? '', []));
  }

  return (
    <section className="section stack" aria-labelledby="tildelingsbrev">
      <Heading level={2} data-size="md" id="tildelingsbrev">
        {s('Importer tildelingsbrev', 'Importer tildelingsbrev')}
      </Heading>
      <div className="stack">
        <label htmlFor="tildelingsbrev-fil">{s('Tildelingsbrevet som JSON-fil', 'Tildelingsbrevet som JSON-fil')}</label>
        <input id="tildelingsbrev-fil" type="file" accept="application/json,.json" onChange={(event) => void read(event.target.files?.[0])} />
      </div>
      {problem ? <ProblemAlert error={problem} /> : null}
      {mismatches.length > 0 ? (
        <div className="stack">
          <Paragraph>
            {s(
              'Disse summene stemmer ikke. Forklar hvert avvik for å kvittere det ut, og importer igjen.',
              'Desse summane stemmer ikkje. Forklar kvart avvik for å kvittere det ut, og importer igjen.',
            )}
          </Paragraph>
          {mismatches.map((mismatch) => (
            <div key={key(mismatch)} className="stack mismatch">
              <Paragraph>
                {s('Kap.', 'Kap.')} {mismatch.chapter}
                {mismatch.post ? ` ${s('post', 'post')} ${mismatch.post}` : ''}: {s('oppgitt', 'oppgitt')} {formatNok(mismatch.expected)},{' '}
                {s('summen av linjene er', 'summen av linjene er')} {formatNok(mismatch.found)} ({s('avvik', 'avvik')} {formatNok(mismatch.difference)}).
              </Paragraph>
              {mismatch.what === 'declared-total' ? (
                <Textfield
                  label={s(
                    `Forklaring på avviket for kap. ${mismatch.chapter}${mismatch.post ? ` post ${mismatch.post}` : ''}`,
                    `Forklaring på avviket for kap. ${mismatch.chapter}${mismatch.post ? ` post ${mismatch.post}` : ''}`,
                  )}
                  multiline
                  rows={2}
                  value={explanations[key(mismatch)] ?? ''}
                  onChange={(event) => setExplanations({ ...explanations, [key(mismatch)]: event.target.value })}
                />
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
      <Message text={message} />
      <div>
        <Button disabled={!document} onClick={() => void importLetter()}>
          {s('Importer tildelingsbrevet', 'Importer tildelingsbrevet')}
        </Button>
      </div>
    </section>
  );
}

function DelegationsAdmin() {
  const s = useText();
  const list = useLoad(() => answer<Delegation[]>(api.GET('/admin/delegations')), []);
  const [message, setMessage] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>();

  async function grant(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setProblem(undefined);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      const body = {
        approverId: String(form.get('approverId')).trim(),
        budgetPost: String(form.get('budgetPost')).trim(),
        maxAmountNok: String(form.get('maxAmountNok')).replace(/\s/g, '').replace(',', '.'),
        reference: String(form.get('reference')).trim(),
      };
      await answer(api.POST('/admin/delegations', { body }));
      setMessage(
        s(`${body.approverId} har fått fullmakt på kap./post ${body.budgetPost}.`, `${body.approverId} har fått fullmakt på kap./post ${body.budgetPost}.`),
      );
      formElement.reset();
      list.reload();
    } catch (failure) {
      setProblem(failure);
    }
  }

  async function revoke(delegation: Delegation): Promise<void> {
    setProblem(undefined);
    try {
      await answer(
        api.POST('/admin/delegations/{id}/revoke', {
          params: { path: { id: delegation.id } },
          body: { reason: s('Trukket av administrator', 'Trekt av administrator') },
        }),
      );
      setMessage(s(`Fullmakten til ${delegation.approverId} er trukket.`, `Fullmakta til ${delegation.approverId} er trekt.`));
      list.reload();
    } catch (failure) {
      setProblem(failure);
    }
  }

  return (
    <section className="section stack" aria-labelledby="delegeringer">
      <Heading level={2} data-size="md" id="delegeringer">
        {s('Fullmakter (delegeringer)', 'Fullmakter (delegeringar)')}
      </Heading>
      <Paragraph>{s('En fullmakt gis av en annen enn den som får den.', 'Ei fullmakt blir gitt av ein annan enn den som får ho.')}</Paragraph>
      <form onSubmit={(event) => void grant(event)} className="stack" aria-label={s('Gi fullmakt', 'Gi fullmakt')}>
        <Textfield label={s('Godkjenner (brukernavn)', 'Godkjennar (brukarnamn)')} name="approverId" />
        <Textfield label={s('Kap./post, f.eks. 496.62', 'Kap./post, t.d. 496.62')} name="budgetPost" />
        <Textfield label={s('Inntil beløp per vedtak, kroner', 'Inntil beløp per vedtak, kroner')} name="maxAmountNok" />
        <Textfield label={s('Delegeringsvedtak (referanse)', 'Delegeringsvedtak (referanse)')} name="reference" />
        <div>
          <Button type="submit">{s('Gi fullmakt', 'Gi fullmakt')}</Button>
        </div>
      </form>
      <Message text={message} />
      {problem ? <ProblemAlert error={problem} /> : null}
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="delegeringer">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{s('Godkjenner', 'Godkjennar')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Kap./post', 'Kap./post')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Inntil', 'Inntil')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Gitt av', 'Gitt av')}</Table.HeaderCell>
                <Table.HeaderCell>{s('Status', 'Status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((delegation) => (
                <Table.Row key={delegation.id}>
                  <Table.Cell>{delegation.approverId}</Table.Cell>
                  <Table.Cell>{delegation.budgetPost}</Table.Cell>
                  <Table.Cell className="number">{formatNok(delegation.maxAmountNok)}</Table.Cell>
                  <Table.Cell>
                    {delegation.grantedBy} {formatDate(delegation.grantedAt)}
                  </Table.Cell>
                  <Table.Cell>
                    {delegation.revokedAt ? (
                      s(`Trukket ${formatDate(delegation.revokedAt)}`, `Trekt ${formatDate(delegation.revokedAt)}`)
                    ) : (
                      <Button variant="tertiary" data-size="sm" onClick={() => void revoke(delegation)}>
                        {s(`Trekk fullmakten til ${delegation.approverId}`, `Trekk fullmakta til ${delegation.approverId}`)}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
