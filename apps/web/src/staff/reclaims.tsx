import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { answer, api } from '../api/client';
import { useLoad } from '../load';
import { Loading, Page, ProblemAlert } from '../page';
import { formatDate, formatNok, useText } from './text';
import type { Reclaim } from './views';

type Which = 'open' | 'overdue' | 'all';

/** Finance: reclaims (tilbakekrav) to follow up, the overdue list, and repayments registered as they come in. */
export function ReclaimsPage() {
  const s = useText();
  const [params, setParams] = useSearchParams();
  const which: Which = params.get('vis') === 'forfalt' ? 'overdue' : params.get('vis') === 'alle' ? 'all' : 'open';
  const [message, setMessage] = useState<string | undefined>();
  const [problem, setProblem] = useState<{ id: string; error: unknown } | undefined>();
  const list = useLoad(
    () =>
      which === 'overdue'
        ? answer<Reclaim[]>(api.GET('/payments/reclaims/overdue'))
        : answer<Reclaim[]>(api.GET('/payments/reclaims', { params: { query: { status: which } } })),
    [which],
  );

  async function repay(event: FormEvent<HTMLFormElement>, reclaim: Reclaim): Promise<void> {
    event.preventDefault();
    setProblem(undefined);
    setMessage(undefined);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const amountNok = String(form.get('amountNok') ?? '')
      .replace(/\s/g, '')
      .replace(',', '.');
    try {
      const after = await answer<Reclaim>(
        api.POST('/payments/reclaims/{id}/repayments', {
          params: { path: { id: reclaim.id } },
          body: { amountNok, receivedOn: String(form.get('receivedOn') ?? '').trim() },
        }),
      );
      formElement.reset();
      setMessage(
        s(
          `Innbetalingen på ${formatNok(amountNok)} i sak ${reclaim.caseNumber} er registrert. Utestående: ${formatNok(after.outstandingNok)}.`,
          `Innbetalinga på ${formatNok(amountNok)} i sak ${reclaim.caseNumber} er registrert. Uteståande: ${formatNok(after.outstandingNok)}.`,
        ),
      );
      list.reload();
    } catch (failure) {
      setProblem({ id: reclaim.id, error: failure });
    }
  }

  const choices: Array<[Which, string, string]> = [
    ['open', s('Åpne', 'Opne'), ''],
    ['overdue', s('Forfalt', 'Forfalle'), 'forfalt'],
    ['all', s('Alle', 'Alle'), 'alle'],
  ];
  return (
    <Page title={s('Tilbakekreving', 'Tilbakekrevjing')}>
      <Paragraph>
        <Link to="/okonomi">{s('Utbetalinger', 'Utbetalingar')}</Link> · <Link to="/okonomi/per-capita">{s('Per capita-tilskudd', 'Per capita-tilskot')}</Link>
      </Paragraph>
      <Paragraph>
        {s(
          'Saksbehandleren krever tilbake; økonomi registrerer det som kommer inn. En innbetaling gjør det utbetalte på posten mindre fra dagen den kom.',
          'Sakshandsamaren krev tilbake; økonomi registrerer det som kjem inn. Ei innbetaling gjer det utbetalte på posten mindre frå dagen ho kom.',
        )}
      </Paragraph>
      <nav aria-label={s('Hvilke tilbakekrav', 'Kva for tilbakekrav')} className="row">
        {choices.map(([value, label, param]) => (
          <Button
            key={value}
            variant={which === value ? 'primary' : 'secondary'}
            aria-pressed={which === value}
            onClick={() => setParams(param ? { vis: param } : {})}
          >
            {label}
          </Button>
        ))}
      </nav>
      {message ? (
        <Alert data-color="success" role="status" className="status-message">
          {message}
        </Alert>
      ) : null}
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.length === 0 ? (
        <Paragraph>
          {which === 'overdue' ? s('Ingen forfalte tilbakekrav.', 'Ingen forfalne tilbakekrav.') : s('Ingen tilbakekrav.', 'Ingen tilbakekrav.')}
        </Paragraph>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <Paragraph>
          {s(
            `${list.data.length} tilbakekrav, utestående til sammen ${formatNok(sumKroner(list.data.map((entry) => entry.outstandingNok)))}.`,
            `${list.data.length} tilbakekrav, uteståande til saman ${formatNok(sumKroner(list.data.map((entry) => entry.outstandingNok)))}.`,
          )}
        </Paragraph>
      ) : null}
      <ul className="task-list">
        {list.data?.map((reclaim) => (
          <li key={reclaim.id} aria-labelledby={`krav-${reclaim.id}`}>
            <div className="stack">
              <Heading level={2} data-size="xs" id={`krav-${reclaim.id}`}>
                {s('Sak', 'Sak')} {reclaim.caseNumber}{' '}
                {reclaim.overdue ? (
                  <Tag data-color="danger">{s('Forfalt', 'Forfalle')}</Tag>
                ) : Number(reclaim.outstandingNok) === 0 ? (
                  <Tag data-color="success">{s('Betalt', 'Betalt')}</Tag>
                ) : null}
              </Heading>
              <dl className="summary">
                <div>
                  <dt>{s('Krevd tilbake', 'Kravd tilbake')}</dt>
                  <dd>{formatNok(reclaim.amountNok)}</dd>
                </div>
                <div>
                  <dt>{s('Tilbakebetalt', 'Tilbakebetalt')}</dt>
                  <dd>{formatNok(reclaim.repaidNok)}</dd>
                </div>
                <div>
                  <dt>{s('Utestående', 'Uteståande')}</dt>
                  <dd>{formatNok(reclaim.outstandingNok)}</dd>
                </div>
                <div>
                  <dt>{s('Frist', 'Frist')}</dt>
                  <dd>{formatDate(reclaim.dueOn)}</dd>
                </div>
              </dl>
              <Paragraph>{reclaim.reason}</Paragraph>
              {reclaim.appeal ? (
                <Paragraph>
                  {s('Påklaget', 'Påklaga')} {formatDate(reclaim.appeal.appealedAt)}
                  {reclaim.appeal.late ? s(' (etter fristen)', ' (etter fristen)') : ''}.
                </Paragraph>
              ) : null}
              {Number(reclaim.outstandingNok) > 0 ? (
                <form
                  className="row"
                  onSubmit={(event) => void repay(event, reclaim)}
                  aria-label={s(`Registrer innbetaling i sak ${reclaim.caseNumber}`, `Registrer innbetaling i sak ${reclaim.caseNumber}`)}
                >
                  <Textfield label={s('Innbetalt beløp, kroner', 'Innbetalt beløp, kroner')} name="amountNok" inputMode="decimal" />
                  <Textfield label={s('Mottatt dato (ÅÅÅÅ-MM-DD)', 'Motteken dato (ÅÅÅÅ-MM-DD)')} name="receivedOn" />
                  <Button type="submit" variant="secondary">
                    {s('Registrer innbetalingen', 'Registrer innbetalinga')}
                  </Button>
                </form>
              ) : null}
              {problem?.id === reclaim.id ? <ProblemAlert error={problem.error} /> : null}
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** Sums kroner given as exact decimal strings, in øre (integers), for display. */
function sumKroner(amounts: readonly string[]): string {
  let ore = 0n;
  for (const amount of amounts) {
    const [whole, fraction = ''] = amount.split('.');
    ore += BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  }
  const sign = ore < 0n ? '-' : '';
  const abs = ore < 0n ? -ore : ore;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
