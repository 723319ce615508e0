import { Button, Checkbox, Field, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { answer, api } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { CASE_STATUS_CODES, formatDate, formatNok, useStatusName, useText } from './text';
import type { BulkAssignResult, WorkQueueItem, WorkQueuePage } from './views';

const FILTERS = ['search', 'status', 'assignee', 'deadline', 'sort', 'year', 'scheme'] as const;

/** The caseworker's queue: search, filters, sort and paging in the address (so it can be shared and reloaded), bulk assignment. */
export function WorkQueuePage() {
  const s = useText();
  const statusName = useStatusName();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [assignTo, setAssignTo] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>();
  const query = Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : [])));
  const page = Number(params.get('side') ?? '1') || 1;
  const { data, error, reload } = useLoad(
    () => answer<WorkQueuePage>(api.GET('/casework/work-queue', { params: { query: { ...query, page, pageSize: 25 } as never } })),
    [params.toString()],
  );

  function search(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setSelected([]);
    setParams(next);
  }

  function goTo(pageNumber: number): void {
    const next = new URLSearchParams(params);
    next.set('side', String(pageNumber));
    setParams(next);
  }

  async function assignSelected(): Promise<void> {
    setProblem(undefined);
    try {
      const result = await answer<BulkAssignResult>(api.POST('/casework/assignments', { body: { caseIds: [...selected], caseworkerId: assignTo.trim() } }));
      setMessage(
        result.assigned === 1
          ? s(`1 sak er tildelt ${assignTo.trim()}.`, `1 sak er tildelt ${assignTo.trim()}.`)
          : s(`${result.assigned} saker er tildelt ${assignTo.trim()}.`, `${result.assigned} saker er tildelte ${assignTo.trim()}.`),
      );
      setSelected([]);
      reload();
    } catch (failure) {
      setProblem(failure);
    }
  }

  const deadlineTag = (item: WorkQueueItem) => {
    switch (item.deadline) {
      case 'overdue':
        return <Tag data-color="danger">{s('Fristen er passert', 'Fristen er passert')}</Tag>;
      case 'overdue-answered':
        return <Tag data-color="warning">{s('Foreløpig svar sendt', 'Førebels svar sendt')}</Tag>;
      case 'due-soon':
        return <Tag data-color="warning">{s('Frist snart', 'Frist snart')}</Tag>;
      case 'on-time':
        return <Tag data-color="neutral">{s('I rute', 'I rute')}</Tag>;
      default:
        return null;
    }
  };

  const lastPage = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Page title={s('Arbeidskø', 'Arbeidskø')}>
      <form onSubmit={search} className="stack filters" role="search" aria-label={s('Søk i saker', 'Søk i saker')}>
        <Textfield
          label={s('Søk etter saksnummer, organisasjon eller navn', 'Søk etter saksnummer, organisasjon eller namn')}
          name="search"
          defaultValue={params.get('search') ?? ''}
        />
        <div className="filter-grid">
          <Field>
            <Label>{s('Status', 'Status')}</Label>
            <Select name="status" defaultValue={params.get('status') ?? ''}>
              <Select.Option value="">{s('Alle åpne saker', 'Alle opne saker')}</Select.Option>
              {CASE_STATUS_CODES.map((code) => (
                <Select.Option key={code} value={code}>
                  {statusName(code)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>{s('Saksbehandler', 'Sakshandsamar')}</Label>
            <Select name="assignee" defaultValue={params.get('assignee') ?? ''}>
              <Select.Option value="">{s('Alle', 'Alle')}</Select.Option>
              <Select.Option value="me">{s('Mine saker', 'Mine saker')}</Select.Option>
              <Select.Option value="none">{s('Ikke tildelt', 'Ikkje tildelt')}</Select.Option>
            </Select>
          </Field>
          <Field>
            <Label>{s('Frist', 'Frist')}</Label>
            <Select name="deadline" defaultValue={params.get('deadline') ?? ''}>
              <Select.Option value="">{s('Alle', 'Alle')}</Select.Option>
              <Select.Option value="overdue">{s('Fristen er passert', 'Fristen er passert')}</Select.Option>
              <Select.Option value="due-soon">{s('Frist innen 7 dager', 'Frist innan 7 dagar')}</Select.Option>
            </Select>
          </Field>
          <Field>
            <Label>{s('Sorter etter', 'Sorter etter')}</Label>
            <Select name="sort" defaultValue={params.get('sort') ?? ''}>
              <Select.Option value="">{s('Eldste først', 'Eldste først')}</Select.Option>
              <Select.Option value="received-desc">{s('Nyeste først', 'Nyaste først')}</Select.Option>
              <Select.Option value="deadline">{s('Frist', 'Frist')}</Select.Option>
              <Select.Option value="organisation">{s('Organisasjon', 'Organisasjon')}</Select.Option>
              <Select.Option value="case-number">{s('Saksnummer', 'Saksnummer')}</Select.Option>
            </Select>
          </Field>
          <Textfield label={s('År', 'År')} name="year" inputMode="numeric" defaultValue={params.get('year') ?? ''} />
          <Textfield label={s('Ordning (kode)', 'Ordning (kode)')} name="scheme" defaultValue={params.get('scheme') ?? ''} />
        </div>
        <div>
          <Button type="submit">{s('Søk', 'Søk')}</Button>
        </div>
      </form>

      {message ? (
        <Paragraph role="status" className="status-message">
          {message}
        </Paragraph>
      ) : null}
      {problem ? <ProblemAlert error={problem} /> : null}
      {error ? <ProblemAlert error={error} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="treff" className="section">
          <h2 id="treff" className="results-heading">
            {data.total === 0
              ? s('Ingen saker passer med søket', 'Ingen saker passar med søket')
              : s(
                  `${data.total} ${data.total === 1 ? 'sak' : 'saker'} – viser ${(data.page - 1) * data.pageSize + 1}–${(data.page - 1) * data.pageSize + data.items.length}`,
                  `${data.total} ${data.total === 1 ? 'sak' : 'saker'} – viser ${(data.page - 1) * data.pageSize + 1}–${(data.page - 1) * data.pageSize + data.items.length}`,
                )}
          </h2>
          {data.items.length > 0 ? (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="treff">
              <Table zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{s('Velg', 'Vel')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Sak', 'Sak')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Organisasjon', 'Organisasjon')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Søker', 'Søkjar')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Status', 'Status')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Søkt beløp', 'Søkt beløp')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Svarfrist', 'Svarfrist')}</Table.HeaderCell>
                    <Table.HeaderCell>{s('Saksbehandler', 'Sakshandsamar')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.items.map((item) => (
                    <Table.Row key={item.caseId}>
                      <Table.Cell>
                        <Checkbox
                          aria-label={s(`Velg sak ${item.caseNumber ?? ''}`, `Vel sak ${item.caseNumber ?? ''}`)}
                          checked={selected.includes(item.caseId)}
                          onChange={(event) => setSelected(event.target.checked ? [...selected, item.caseId] : selected.filter((id) => id !== item.caseId))}
                        />
                      </Table.Cell>
                      <Table.Cell>
                        <Link to={`/saksbehandling/saker/${item.caseId}`}>{item.caseNumber ?? item.caseId}</Link>
                        <br />
                        {item.schemeCode} {item.budgetYear}
                      </Table.Cell>
                      <Table.Cell>
                        {item.organisationName}
                        <br />
                        <span className="muted">{item.organisationNumber}</span>
                        {item.callerHasConflict ? (
                          <>
                            <br />
                            <Tag data-color="warning">{s('Du er inhabil', 'Du er inhabil')}</Tag>
                          </>
                        ) : null}
                      </Table.Cell>
                      <Table.Cell>{item.applicantName}</Table.Cell>
                      <Table.Cell>{statusName(item.status)}</Table.Cell>
                      <Table.Cell className="number">{formatNok(item.requestedNok)}</Table.Cell>
                      <Table.Cell>
                        {item.deadline === 'none' ? '–' : formatDate(item.decisionDueOn)} {deadlineTag(item)}
                      </Table.Cell>
                      <Table.Cell>{item.caseworkerId ?? s('Ikke tildelt', 'Ikkje tildelt')}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          ) : null}
          {data.total > data.pageSize ? (
            <nav aria-label={s('Sider', 'Sider')} className="row pager">
              <Button variant="secondary" disabled={data.page <= 1} onClick={() => goTo(data.page - 1)}>
                {s('Forrige side', 'Førre side')}
              </Button>
              <span>{s(`Side ${data.page} av ${lastPage}`, `Side ${data.page} av ${lastPage}`)}</span>
              <Button variant="secondary" disabled={data.page >= lastPage} onClick={() => goTo(data.page + 1)}>
                {s('Neste side', 'Neste side')}
              </Button>
            </nav>
          ) : null}
          {data.items.length > 0 ? (
            <div className="row bulk">
              <Textfield
                label={s('Tildel valgte saker til (brukernavn)', 'Tildel valde saker til (brukarnamn)')}
                value={assignTo}
                onChange={(event) => setAssignTo(event.target.value)}
              />
              <Button variant="secondary" disabled={selected.length === 0 || assignTo.trim() === ''} onClick={() => void assignSelected()}>
                {s(`Tildel ${selected.length} valgte`, `Tildel ${selected.length} valde`)}
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
