import { api, ApiProblem } from '../api.js';
import { latestBudgetYear } from '../catalogue.js';
import { facts, h, table } from '../dom.js';
import { inputIdOf, showErrors, showProblem, type ShownError } from '../form-errors.js';
import { formatAmount, formatDate, formatNok } from '../format.js';
import { navigate, reload, type View, type ViewContext } from '../router.js';
import type { BudgetStatus, PaymentBatch, PayoutRun } from '../types.js';
import { actionButton, announce, downloadButton, notice, scrollable, section } from '../ui.js';
import { recentReportsSection, reportOrderSection } from './reports.js';

const RUN_STATUS: Readonly<Record<PayoutRun['status'], string>> = { queued: 'I kø', running: 'Kjører', completed: 'Fullført' };
const BATCH_STATUS: Readonly<Record<PaymentBatch['status'], string>> = { prepared: 'Forberedt, venter på godkjenning', approved: 'Godkjent' };

/** Finance's start page: start a payout run for a kap./post, follow the runs, find batches to approve. */
export async function financeView(): Promise<View> {
  const year = await latestBudgetYear();
  const [budget, runs, waiting] = await Promise.all([api<BudgetStatus>(`/budget/${year}`), api<PayoutRun[]>('/payments/runs'), api<PaymentBatch[]>('/payments/batches?status=prepared')]);
  const prefix = 'utbetaling';
  const id = (name: string): string => inputIdOf(prefix, name);
  const form = h(
    'form',
    { id: prefix, novalidate: true },
    h('div', { class: 'felt' }, h('label', { for: id('budgetYear') }, 'Budsjettår'), h('input', { id: id('budgetYear'), name: 'budgetYear', type: 'text', inputmode: 'numeric', class: 'kort-felt', value: String(year) })),
    h(
      'div',
      { class: 'felt' },
      h('label', { for: id('budgetPost') }, 'Kapittel og post'),
      h('select', { id: id('budgetPost'), name: 'budgetPost' }, h('option', { value: '' }, 'Velg …'), budget.posts.map((post) => h('option', { value: post.budgetPost }, `${post.budgetPost} ${post.name}`))),
    ),
    h(
      'div',
      { class: 'felt' },
      h('label', { for: id('asOf') }, 'Betal det som forfaller til og med (valgfritt)'),
      h('p', { class: 'hjelp', id: `${id('asOf')}-hjelp` }, 'Står feltet tomt, betales det som har forfalt i dag.'),
      h('input', { id: id('asOf'), name: 'asOf', type: 'date', class: 'kort-felt', 'aria-describedby': `${id('asOf')}-hjelp` }),
    ),
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp' }, 'Start utbetalingskjøring')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const data = new FormData(form);
      const text = (name: string): string => String(data.get(name) ?? '').trim();
      const errors: ShownError[] = [];
      if (!/^\d{4}$/.test(text('budgetYear'))) errors.push({ inputId: id('budgetYear'), message: '«Budsjettår» må være et årstall med fire siffer.' });
      if (text('budgetPost') === '') errors.push({ inputId: id('budgetPost'), message: 'Du må velge «Kapittel og post».' });
      if (errors.length > 0) return showErrors(form, errors);
      try {
        const run = await api<PayoutRun>('/payments/runs', { method: 'POST', json: { budgetYear: Number(text('budgetYear')), budgetPost: text('budgetPost'), asOf: text('asOf') || undefined } });
        await navigate(`/okonomi/kjoringer/${run.id}`, `Utbetalingskjøringen for ${run.budgetPost} er startet.`);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        const labels: Record<string, string> = { budgetYear: 'Budsjettår', budgetPost: 'Kapittel og post', asOf: 'Betal det som forfaller til og med' };
        showProblem(form, error, (field) => (labels[field] ? { inputId: id(field), facts: { label: labels[field] } } : undefined));
      }
    })();
  });
  return {
    title: 'Utbetalinger',
    body: [
      h('p', { class: 'ingress' }, 'En utbetalingskjøring betaler hver forfalt avdrag på en kapittelpost én gang og samler betalingene i en bunt. Bunten må godkjennes av en annen i økonomi før betalingsfilen kan lastes ned.'),
      section('Start utbetalingskjøring', form),
      section(
        'Bunter til godkjenning',
        waiting.length === 0
          ? h('p', {}, 'Ingen bunter venter på godkjenning.')
          : table('Betalingsbunter som venter på godkjenning', [
              { header: 'Bunt', cell: (batch: PaymentBatch) => h('a', { href: `/okonomi/bunter/${batch.id}` }, `Bunt for ${batch.budgetPost} (${batch.budgetYear})`) },
              { header: 'Betalinger', cell: (batch) => String(batch.numberOfPayments), numeric: true },
              { header: 'Sum', cell: (batch) => formatNok(batch.totalNok), numeric: true },
              { header: 'Forberedt av', cell: (batch) => batch.preparedBy },
            ], waiting),
      ),
      section(
        'Siste utbetalingskjøringer',
        runs.length === 0
          ? h('p', {}, 'Ingen kjøringer ennå.')
          : table('Utbetalingskjøringer, nyeste først', [
              { header: 'Kjøring', cell: (run: PayoutRun) => h('a', { href: `/okonomi/kjoringer/${run.id}` }, `${run.budgetPost} (${run.budgetYear}), forfall til ${formatDate(run.asOf)}`) },
              { header: 'Status', cell: (run) => RUN_STATUS[run.status] },
              { header: 'Betalinger', cell: (run) => String(run.paymentsCreated), numeric: true },
              { header: 'Bunt', cell: (run) => (run.batchId ? h('a', { href: `/okonomi/bunter/${run.batchId}` }, 'Åpne bunten') : '–') },
            ], runs),
      ),
    ],
  };
}

/** A payout run as the worker does it: the page asks every second and says how far it has come. */
export async function runView(context: ViewContext): Promise<View> {
  const [id] = context.params;
  const run = await api<PayoutRun>(`/payments/runs/${id}`);
  const progress = h('progress', { 'aria-labelledby': 'kjoring-status' });
  const status = h('p', { id: 'kjoring-status', role: 'status' });
  const batchLink = h('p', {});
  const draw = (current: PayoutRun): void => {
    status.textContent = `${RUN_STATUS[current.status]}: ${current.paymentsCreated} ${current.paymentsCreated === 1 ? 'betaling' : 'betalinger'} opprettet.`;
    if (current.status === 'completed') {
      progress.max = 1;
      progress.value = 1;
      batchLink.replaceChildren(current.batchId ? h('a', { href: `/okonomi/bunter/${current.batchId}` }, 'Åpne betalingsbunten') : 'Kjøringen laget ingen bunt.');
    }
  };
  draw(run);
  if (run.status !== 'completed') {
    void (async () => {
      while (!context.signal.aborted) {
        await new Promise((done) => window.setTimeout(done, 1000));
        if (context.signal.aborted) return;
        try {
          const current = await api<PayoutRun>(`/payments/runs/${id}`, { signal: context.signal });
          draw(current);
          if (current.status === 'completed') {
            announce(`Utbetalingskjøringen er fullført med ${current.paymentsCreated} betalinger.`);
            return;
          }
        } catch {
          if (context.signal.aborted) return;
        }
      }
    })();
  }
  return {
    title: `Utbetalingskjøring ${run.budgetPost}`,
    body: [facts([['Budsjettår', String(run.budgetYear)], ['Kapittel og post', run.budgetPost], ['Forfall til og med', formatDate(run.asOf)]]), status, progress, batchLink, h('p', {}, h('a', { href: '/okonomi' }, 'Tilbake til utbetalinger'))],
  };
}

/** A batch: approved by a second finance user, then exported for the bank and the accounting system. */
export async function batchView(context: ViewContext): Promise<View> {
  const [id] = context.params;
  const batch = await api<PaymentBatch>(`/payments/batches/${id}`);
  const approved = batch.status === 'approved';
  return {
    title: `Betalingsbunt ${batch.budgetPost} (${batch.budgetYear})`,
    body: [
      facts([
        ['Status', BATCH_STATUS[batch.status]],
        ['Antall betalinger', String(batch.numberOfPayments)],
        ['Sum', formatNok(batch.totalNok)],
        ['Forberedt av', batch.preparedBy],
        ['Godkjent av', batch.approvedBy ?? '–'],
      ]),
      approved
        ? section(
            'Filer',
            h('p', {}, 'Betalingsfilen (ISO 20022 pain.001) går til banken; utbetalingsgrunnlaget går til regnskapssystemet. Summene er de samme som buntens.'),
            downloadButton('Last ned betalingsfil (pain.001, XML)', `/payments/batches/${id}/pain001.xml`, `pain001-${id}.xml`),
            downloadButton('Last ned utbetalingsgrunnlag (CSV)', `/payments/batches/${id}/utbetalingsgrunnlag.csv`, `utbetalingsgrunnlag-${id}.csv`),
          )
        : section(
            'Godkjenning',
            h('p', {}, 'Bunten må godkjennes av en annen enn den som startet kjøringen (fire øyne). Filene kan lastes ned når bunten er godkjent.'),
            actionButton('Godkjenn bunten', async () => {
              await api(`/payments/batches/${id}/approve`, { method: 'POST' });
              await reload('Bunten er godkjent. Betalingsfilen kan lastes ned.');
            }, { overrides: { FOUR_EYES: 'Du startet kjøringen som laget denne bunten. En annen i økonomi må godkjenne den (fire øyne).' } }),
          ),
      h('p', {}, h('a', { href: '/okonomi' }, 'Tilbake til utbetalinger')),
    ],
  };
}

/** Ordering reports, the latest reports, and budget status per kap./post, for finance, the ministry and the system owner. */
export async function reportsView(context: ViewContext): Promise<View> {
  const year = Number(context.query.get('ar')) || (await latestBudgetYear());
  let budget: BudgetStatus | undefined;
  let missingYear = false;
  try {
    budget = await api<BudgetStatus>(`/budget/${year}`);
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.code !== 'BUDGET_LINE_NOT_FOUND') throw error;
    missingYear = true;
  }
  type Post = BudgetStatus['posts'][number];
  const yearForm = h(
    'form',
    { method: 'get', action: '/rapporter', class: 'knapperad' },
    h('label', { for: 'rapport-ar' }, 'Budsjettstatus for år'),
    h('input', { id: 'rapport-ar', name: 'ar', type: 'text', inputmode: 'numeric', class: 'kort-felt', value: String(year) }),
    h('button', { type: 'submit', class: 'knapp knapp--sekundar' }, 'Vis'),
  );
  yearForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = (yearForm.querySelector('input') as HTMLInputElement).value.trim();
    void navigate(`/rapporter?ar=${encodeURIComponent(chosen)}`);
  });
  const recent = await recentReportsSection();
  return {
    title: 'Rapporter',
    body: [
      reportOrderSection(year, budget?.posts ?? []),
      recent,
      section(
        `Budsjettstatus ${year} per kapittel og post`,
        yearForm,
        missingYear || !budget
          ? notice('info', `Det er ikke lagt inn budsjett for ${year}.`)
          : [
              scrollable(
                table(
                  `Ramme, bundet, utbetalt, tilbakebetalt og tilgjengelig per post, ${year}, i kroner`,
                  [
                    { header: 'Kap./post', cell: (post: Post) => `${post.budgetPost} ${post.name}` },
                    { header: 'Ramme (kr)', cell: (post) => formatAmount(post.frameNok), numeric: true },
                    { header: 'Øremerket (kr)', cell: (post) => formatAmount(post.earmarkedNok), numeric: true },
                    { header: 'Bundet i tilsagn (kr)', cell: (post) => formatAmount(post.committedNok), numeric: true },
                    { header: 'Utbetalt (kr)', cell: (post) => formatAmount(post.paidNok), numeric: true },
                    { header: 'Tilbakebetalt (kr)', cell: (post) => formatAmount(post.reclaimedNok), numeric: true },
                    { header: 'Tilgjengelig (kr)', cell: (post) => [formatAmount(post.availableNok), post.estimate && post.exceededByNok !== '0.00' ? ` (overskredet med ${formatAmount(post.exceededByNok)})` : null], numeric: true },
                  ],
                  budget.posts,
                  ['Sum', formatAmount(budget.totals.frameNok), '', formatAmount(budget.totals.committedNok), formatAmount(budget.totals.paidNok), formatAmount(budget.totals.reclaimedNok), formatAmount(budget.totals.availableNok)],
                ),
              ),
              budget.posts.some((post) => post.pendingNote) ? h('ul', {}, budget.posts.filter((post) => post.pendingNote).map((post) => h('li', {}, `${post.budgetPost}: ${post.pendingNote}`))) : null,
            ],
      ),
    ],
  };
}
