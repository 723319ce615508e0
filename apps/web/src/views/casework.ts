import { api, ApiProblem } from '../api.js';
import { schemeName } from '../catalogue.js';
import { type Child, facts, h, table } from '../dom.js';
import { inputIdOf, showErrors, showProblem, type ShownError } from '../form-errors.js';
import { fieldsOf } from '../form-model.js';
import { formatDateTime, formatNok, formatOrganisationNumber, normaliseAmount, OUTCOME_LABELS, schemeKindLabel } from '../format.js';
import { amountMessage } from '../messages.js';
import { reload, type View, type ViewContext } from '../router.js';
import { currentPrincipal, hasRole } from '../session.js';
import type { ApplicationDetail, CaseOverview, QueueEntry, SchemeView } from '../types.js';
import { actionButton, downloadButton, notice, section, statusTag } from '../ui.js';
import { answersList, attachmentsSection, historySection } from './application.js';
import { caseworkReportSection } from './recipient-reports.js';

/** The caseworker's and approver's work queue: open cases, theirs or everyone's. */
export async function queueView(context: ViewContext): Promise<View> {
  const mine = context.query.get('mine') === 'true';
  const entries = await api<QueueEntry[]>(`/casework/queue${mine ? '?mine=true' : ''}`);
  const names = new Map(await Promise.all([...new Set(entries.map((entry) => entry.schemeCode))].map(async (code) => [code, await schemeName(code)] as const)));
  const queueTable = (caption: string, rows: readonly QueueEntry[]): Child =>
    rows.length === 0
      ? h('p', {}, 'Ingen saker.')
      : table(caption, [
          { header: 'Saksnummer', cell: (entry: QueueEntry) => h('a', { href: `/saksbehandling/saker/${entry.caseId}` }, entry.caseNumber ?? entry.caseId) },
          { header: 'Ordning', cell: (entry) => names.get(entry.schemeCode) ?? entry.schemeCode },
          { header: 'Søker (org.nr.)', cell: (entry) => formatOrganisationNumber(entry.organisationNumber) },
          { header: 'Status', cell: (entry) => statusTag(entry.status) },
          { header: 'Saksbehandler', cell: (entry) => entry.caseworkerId ?? 'Ikke tildelt' },
          { header: 'Mottatt', cell: (entry) => formatDateTime(entry.receivedAt) },
        ], rows);
  const toApprove = entries.filter((entry) => entry.status === 'proposed');
  return {
    title: 'Arbeidskø',
    body: [
      h('nav', { 'aria-label': 'Utvalg' }, h('ul', { class: 'meny__lenker utvalg' }, h('li', {}, h('a', { href: '/saksbehandling', 'aria-current': mine ? undefined : 'page' }, 'Alle åpne saker')), h('li', {}, h('a', { href: '/saksbehandling?mine=true', 'aria-current': mine ? 'page' : undefined }, 'Mine saker')))),
      hasRole('approver') ? section('Til godkjenning', queueTable('Forslag til vedtak som venter på godkjenning', toApprove)) : null,
      section(mine ? 'Mine saker' : 'Alle åpne saker', queueTable(mine ? 'Saker tildelt deg' : 'Åpne saker, eldste først', entries)),
    ],
  };
}

/** One case for IMDi staff: the application, the assessment, the decision and everything after it. */
export async function caseworkCaseView(context: ViewContext): Promise<View> {
  const [id] = context.params;
  const [overview, application] = await Promise.all([api<CaseOverview>(`/casework/cases/${id}`), api<ApplicationDetail>(`/applications/${id}`)]);
  const caseworker = hasRole('caseworker');
  const [scheme, report] = await Promise.all([api<SchemeView>(`/schemes/${overview.schemeCode}?year=${overview.budgetYear}`), caseworkReportSection(id, caseworker)]);
  const fields = fieldsOf(scheme.formSchema);
  const principal = currentPrincipal()!;
  const approver = hasRole('approver');
  const status = overview.status;
  const decision = overview.decision;

  return {
    title: `Sak ${overview.caseNumber ?? ''}: ${scheme.name.nb}`,
    body: [
      facts([
        ['Status', statusTag(status)],
        ['Søker', overview.organisation ? `${overview.organisation.name} (${formatOrganisationNumber(overview.organisation.organisationNumber)})` : formatOrganisationNumber(application.organisationNumber)],
        ['Ordning', `${scheme.name.nb} (${overview.budgetYear}), kap./post ${scheme.budgetPost}`],
        ['Type ordning', schemeKindLabel(scheme.kind)],
        ['Omsøkt beløp', formatNok(application.requestedNok)],
        ['Mottatt', formatDateTime(application.submittedAt)],
        ['Saksbehandler', overview.assignedTo ?? 'Ikke tildelt'],
      ]),
      caseworker && overview.assignedTo !== principal.userId && ['submitted', 'in_assessment', 'proposed'].includes(status)
        ? actionButton('Ta saken', async () => {
            await api(`/casework/cases/${id}/assign`, { method: 'POST', json: { caseworkerId: principal.userId } });
            await reload('Saken er tildelt deg.');
          }, { secondary: true })
        : null,
      section('Søknaden', answersList(fields, application.form)),
      attachmentsSection(application, false),
      scheme.assessmentCriteria.length > 0 ? assessmentSection(id, overview, scheme, caseworker && ['submitted', 'in_assessment'].includes(status)) : null,
      proposalSection(id, overview, application, caseworker && ['submitted', 'in_assessment', 'proposed', 'appeal_received'].includes(status)),
      decision ? approvalSection(id, overview, approver && status === 'proposed' && decision.status === 'proposed') : null,
      decision && decision.status === 'approved' ? notificationSection(overview, scheme, context.signal) : null,
      decision && decision.status === 'approved' ? letterSection(id, overview) : null,
      overview.appeal ? appealSection(id, overview, caseworker) : null,
      report,
      historySection(application.history),
    ],
  };
}

function assessmentSection(id: string, overview: CaseOverview, scheme: SchemeView, editable: boolean): HTMLElement {
  const assessment = overview.assessment;
  const shown = assessment
    ? [
        table('Poeng per kriterium (0–5)', [
          { header: 'Kriterium', cell: (row: { criterion: string; score: number; comment: string }) => scheme.assessmentCriteria.find((criterion) => criterion.code === row.criterion)?.label.nb ?? row.criterion },
          { header: 'Vekt', cell: (row) => `${scheme.assessmentCriteria.find((criterion) => criterion.code === row.criterion)?.weight ?? ''} %`, numeric: true },
          { header: 'Poeng', cell: (row) => String(row.score), numeric: true },
          { header: 'Kommentar', cell: (row) => row.comment },
        ], assessment.scores),
        facts([
          ['Vektet sum', String(assessment.totalScore)],
          ['Samlet vurdering', assessment.comment],
          ['Vurdert av', `${assessment.assessedBy}, ${formatDateTime(assessment.assessedAt)}`],
        ]),
      ]
    : h('p', {}, 'Søknaden er ikke vurdert ennå.');
  if (!editable) return section('Vurdering', shown);

  const prefix = 'vurdering';
  const form = h(
    'form',
    { id: prefix, novalidate: true },
    scheme.assessmentCriteria.map((criterion) => {
      const scoreId = inputIdOf(prefix, `${criterion.code}-poeng`);
      const commentId = inputIdOf(prefix, `${criterion.code}-kommentar`);
      const previous = assessment?.scores.find((score) => score.criterion === criterion.code);
      return h(
        'fieldset',
        { class: 'gruppe felt' },
        h('legend', { class: 'etikett' }, `${criterion.label.nb} (vekt ${criterion.weight} %)`),
        h('div', { class: 'felt' }, h('label', { for: scoreId }, 'Poeng'), h('select', { id: scoreId, name: `${criterion.code}-poeng`, class: 'kort-felt' }, h('option', { value: '' }, 'Velg …'), [0, 1, 2, 3, 4, 5].map((score) => h('option', { value: String(score), selected: previous?.score === score }, `${score}`)))),
        h('div', { class: 'felt' }, h('label', { for: commentId }, 'Kommentar (valgfritt)'), h('textarea', { id: commentId, name: `${criterion.code}-kommentar`, rows: 2 }, previous?.comment ?? '')),
      );
    }),
    h('div', { class: 'felt' }, h('label', { for: inputIdOf(prefix, 'comment') }, 'Samlet vurdering'), h('textarea', { id: inputIdOf(prefix, 'comment'), name: 'comment', rows: 4 }, assessment?.comment ?? '')),
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp' }, 'Lagre vurderingen')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const value = (name: string): string => (form.elements.namedItem(name) as HTMLSelectElement | HTMLTextAreaElement | null)?.value.trim() ?? '';
      const errors: ShownError[] = scheme.assessmentCriteria.filter((criterion) => value(`${criterion.code}-poeng`) === '').map((criterion) => ({ inputId: inputIdOf(prefix, `${criterion.code}-poeng`), message: `Du må velge poeng for «${criterion.label.nb}».` }));
      if (value('comment') === '') errors.push({ inputId: inputIdOf(prefix, 'comment'), message: 'Du må fylle ut «Samlet vurdering».' });
      if (errors.length > 0) return showErrors(form, errors);
      try {
        const result = await api<{ totalScore: number }>(`/casework/cases/${id}/assessment`, {
          method: 'POST',
          json: { scores: scheme.assessmentCriteria.map((criterion) => ({ criterion: criterion.code, score: Number(value(`${criterion.code}-poeng`)), comment: value(`${criterion.code}-kommentar`) })), comment: value('comment') },
        });
        await reload(`Vurderingen er lagret. Vektet sum: ${result.totalScore}.`);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        showProblem(form, error, (field) => (field === 'comment' ? { inputId: inputIdOf(prefix, 'comment'), facts: { label: 'Samlet vurdering' } } : undefined));
      }
    })();
  });
  return section('Vurdering', shown, h('h3', {}, assessment ? 'Endre vurderingen' : 'Vurder søknaden'), form, h('p', {}, h('a', { href: `/saksbehandling/runder/${overview.schemeCode}/${overview.budgetYear}` }, 'Se rangeringen i søknadsrunden')));
}

function proposalSection(id: string, overview: CaseOverview, application: ApplicationDetail, editable: boolean): HTMLElement {
  const decision = overview.decision;
  const shown = decision
    ? facts([
        ['Utfall', OUTCOME_LABELS[decision.outcome] ?? decision.outcome],
        ['Beløp', formatNok(decision.amountNok)],
        ['Omsøkt', formatNok(decision.requestedNok)],
        ['Kapittel og post', decision.budgetPost],
        ['Begrunnelse', decision.reasons],
        ['Særlige vilkår', decision.conditions || '–'],
        ['Foreslått av', decision.proposedBy],
      ])
    : h('p', {}, 'Det er ikke foreslått noe vedtak ennå.');
  if (!editable) return section('Forslag til vedtak', shown);
  const prefix = 'forslag';
  const inputId = (name: string): string => inputIdOf(prefix, name);
  const form = h(
    'form',
    { id: prefix, novalidate: true },
    h(
      'div',
      { class: 'felt' },
      h('label', { for: inputId('amountNok') }, 'Beløp som foreslås innvilget'),
      h('p', { class: 'hjelp', id: `${inputId('amountNok')}-hjelp` }, `Omsøkt: ${formatNok(application.requestedNok)}. Skriv 0 for å foreslå avslag.`),
      h('div', { class: 'med-enhet' }, h('input', { id: inputId('amountNok'), name: 'amountNok', type: 'text', inputmode: 'decimal', 'aria-describedby': `${inputId('amountNok')}-hjelp` }), h('span', { 'aria-hidden': 'true' }, 'kr')),
    ),
    h('div', { class: 'felt' }, h('label', { for: inputId('reasons') }, 'Begrunnelse'), h('p', { class: 'hjelp', id: `${inputId('reasons')}-hjelp` }, 'Står i vedtaksbrevet (forvaltningsloven §§ 24 og 25). Minst 10 tegn.'), h('textarea', { id: inputId('reasons'), name: 'reasons', rows: 5, 'aria-describedby': `${inputId('reasons')}-hjelp` })),
    h('div', { class: 'felt' }, h('label', { for: inputId('conditions') }, 'Særlige vilkår (valgfritt)'), h('textarea', { id: inputId('conditions'), name: 'conditions', rows: 3 })),
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp' }, 'Send forslaget til godkjenning')),
  );
  const labels: Record<string, { label: string; kind?: 'amount'; minLength?: number; maxLength?: number }> = {
    amountNok: { label: 'Beløp som foreslås innvilget', kind: 'amount' },
    reasons: { label: 'Begrunnelse', minLength: 10, maxLength: 20000 },
    conditions: { label: 'Særlige vilkår', maxLength: 20000 },
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const value = (name: string): string => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value.trim() ?? '';
      const amount = normaliseAmount(value('amountNok'));
      const errors: ShownError[] = [];
      if (value('amountNok') === '') errors.push({ inputId: inputId('amountNok'), message: 'Du må fylle ut «Beløp som foreslås innvilget».' });
      else if (amount === undefined) errors.push({ inputId: inputId('amountNok'), message: amountMessage(labels.amountNok) });
      if (value('reasons').length < 10) errors.push({ inputId: inputId('reasons'), message: value('reasons') ? '«Begrunnelse» må være minst 10 tegn.' : 'Du må fylle ut «Begrunnelse».' });
      if (errors.length > 0) return showErrors(form, errors);
      try {
        const result = await api<{ outcome: string }>(`/casework/cases/${id}/proposal`, { method: 'POST', json: { amountNok: amount, reasons: value('reasons'), conditions: value('conditions') || undefined } });
        await reload(`Forslaget (${(OUTCOME_LABELS[result.outcome] ?? result.outcome).toLowerCase()}) er sendt til godkjenning.`);
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        showProblem(form, error, (field) => (labels[field] ? { inputId: inputId(field), facts: labels[field] } : undefined));
      }
    })();
  });
  return section('Forslag til vedtak', shown, h('h3', {}, decision ? 'Nytt forslag' : 'Foreslå vedtak'), form);
}

function approvalSection(id: string, overview: CaseOverview, canApprove: boolean): HTMLElement {
  const decision = overview.decision!;
  if (decision.status === 'approved') {
    return section('Godkjenning', h('p', {}, `Vedtaket er godkjent av ${decision.approvedBy ?? ''} ${formatDateTime(decision.approvedAt)}. Foreslått av ${decision.proposedBy}.`));
  }
  return section(
    'Godkjenning',
    h('p', {}, 'Forslaget må godkjennes av en annen enn den som foreslo det, innenfor en skriftlig delegert fullmakt for kapittelposten.'),
    canApprove
      ? actionButton(`${decision.outcome === 'refused' ? 'Godkjenn avslaget' : 'Godkjenn vedtaket'}`, async () => {
          const result = await api<{ status: string }>(`/casework/cases/${id}/approve`, { method: 'POST' });
          await reload(result.status === 'refused' ? 'Avslaget er godkjent.' : 'Vedtaket er godkjent, og beløpet er bundet på posten.');
        }, { overrides: { FOUR_EYES: 'Du foreslo dette vedtaket selv. En annen godkjenner må godkjenne det (fire øyne).' } })
      : h('p', {}, 'Venter på godkjenning.'),
  );
}

/** Instruks 6.1: the ministry must have the notification before a søkbar grant letter exists. */
function notificationSection(overview: CaseOverview, scheme: SchemeView, signal: AbortSignal): HTMLElement | null {
  const notification = overview.ministryNotification;
  if (!notification.required) {
    return section('Forhåndsorientering av departementet', h('p', {}, `Ikke nødvendig: ${overview.decision?.outcome === 'refused' ? 'avslag forhåndsorienteres ikke' : `${schemeKindLabel(scheme.kind).toLowerCase()} ordning`} (instruks 6.1 gjelder søkbare ordninger).`));
  }
  const statusText = h('p', { role: 'status' });
  const describe = (gatheredAt: string | null, deliveredAt: string | null): void => {
    statusText.textContent = deliveredAt
      ? `Levert til departementet ${formatDateTime(deliveredAt)} (runde ${notification.round ?? ''}).`
      : gatheredAt
        ? `Sendt ${formatDateTime(gatheredAt)}, venter på levering til departementet …`
        : 'Departementet er ikke orientert ennå. Tilskuddsbrevet kan ikke lages før orienteringen er levert.';
  };
  describe(notification.gatheredAt, notification.deliveredAt);
  const failed = notification.deliveryFailure !== null && notification.messageId !== null;
  if (notification.gatheredAt && !notification.deliveredAt) void followDelivery(overview.caseId, notification.deliveryFailure, describe, signal);
  return section(
    'Forhåndsorientering av departementet',
    failed
      ? [
          h('p', { role: 'alert' }, `E-posten til departementet kunne ikke leveres: ${notification.deliveryFailure}. Tilskuddsbrevet kan ikke lages før den er levert.`),
          actionButton('Send forhåndsorienteringen på nytt', async () => {
            await api(`/messages/${notification.messageId}/resend`, { method: 'POST', json: {} });
            await reload('Forhåndsorienteringen sendes på nytt til departementet.');
          }),
        ]
      : statusText,
    notification.gatheredAt
      ? null
      : actionButton(`Send forhåndsorientering for ${scheme.name.nb} ${overview.budgetYear}`, async () => {
          const sent = await api<{ items: readonly unknown[]; totalNok: string }>('/casework/ministry-notifications', { method: 'POST', json: { schemeCode: overview.schemeCode, budgetYear: overview.budgetYear } });
          await reload(`Forhåndsorienteringen med ${sent.items.length} vedtak (til sammen ${formatNok(sent.totalNok)}) er sendt til departementet.`);
        }),
  );
}

/** The worker delivers the notification; the page asks until it has, and says so without moving focus. */
async function followDelivery(caseId: string, shownFailure: string | null, describe: (gatheredAt: string | null, deliveredAt: string | null) => void, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    await new Promise((done) => window.setTimeout(done, 1000));
    if (signal.aborted) return;
    try {
      const { ministryNotification } = await api<CaseOverview>(`/casework/cases/${caseId}`, { signal });
      // A failure appeared, or a resend cleared it: draw the section again.
      if (ministryNotification.deliveryFailure !== shownFailure && !ministryNotification.deliveredAt) {
        await reload(ministryNotification.deliveryFailure ? 'E-posten til departementet kunne ikke leveres.' : 'Forhåndsorienteringen sendes på nytt til departementet.');
        return;
      }
      if (ministryNotification.deliveredAt) {
        describe(ministryNotification.gatheredAt, ministryNotification.deliveredAt);
        // The letter can now be produced: draw the page again, with a message saying why it changed.
        await reload('Forhåndsorienteringen er levert til departementet. Vedtaksbrevet kan nå lages.');
        return;
      }
    } catch {
      if (signal.aborted) return;
    }
  }
}

function letterSection(id: string, overview: CaseOverview): HTMLElement {
  const notification = overview.ministryNotification;
  const ready = !notification.required || notification.deliveredAt !== null;
  const sent = overview.letters.length > 0;
  return section(
    'Vedtaksbrev',
    !ready ? h('p', {}, 'Brevet kan lages når departementet har mottatt forhåndsorienteringen.') : null,
    ready && !sent
      ? [
          h('p', {}, 'Les brevet før det sendes. Det skrives på mottakerens målform.'),
          downloadButton('Forhåndsvis vedtaksbrevet (PDF)', `/casework/cases/${id}/letters/preview`, `forhandsvisning-${(overview.caseNumber ?? id).replace('/', '-')}.pdf`),
          actionButton('Send vedtaksbrevet', async () => {
            await api(`/casework/cases/${id}/letters`, { method: 'POST' });
            await reload('Vedtaksbrevet er sendt til mottakeren.');
          }),
        ]
      : null,
    sent
      ? h(
          'ul',
          {},
          overview.letters.map((letter) => h('li', {}, downloadButton(`Last ned ${letter.kind === 'grant' ? 'tilskuddsbrev' : 'avslagsbrev'} sendt ${formatDateTime(letter.producedAt)} (PDF)`, `/cases/${id}/letters/${letter.id}`, `vedtaksbrev-${(overview.caseNumber ?? id).replace('/', '-')}.pdf`))),
        )
      : null,
  );
}

function appealSection(id: string, overview: CaseOverview, caseworker: boolean): HTMLElement {
  const appeal = overview.appeal!;
  const open = appeal.outcome === null && overview.status === 'appeal_received';
  const summaryId = inputIdOf('klagebehandling', 'summary');
  const uphold = h(
    'form',
    { id: 'klagebehandling', novalidate: true },
    h('div', { class: 'felt' }, h('label', { for: summaryId }, 'Oppsummering til departementet'), h('p', { class: 'hjelp', id: `${summaryId}-hjelp` }, 'Brukes når vedtaket opprettholdes og en klage sendes til departementet som klageinstans. Minst 10 tegn.'), h('textarea', { id: summaryId, name: 'summary', rows: 4, 'aria-describedby': `${summaryId}-hjelp` })),
    h('div', { class: 'knapperad' }, h('button', { type: 'submit', class: 'knapp knapp--sekundar' }, 'Oppretthold vedtaket')),
  );
  uphold.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const summary = uphold.querySelector('textarea')!.value.trim();
      if (summary.length < 10) return showErrors(uphold, [{ inputId: summaryId, message: summary ? '«Oppsummering til departementet» må være minst 10 tegn.' : 'Du må fylle ut «Oppsummering til departementet».' }]);
      try {
        await api(`/casework/cases/${id}/appeal/uphold`, { method: 'POST', json: { summary } });
        await reload('Vedtaket er opprettholdt.');
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        showProblem(uphold, error, () => undefined);
      }
    })();
  });
  return section(
    appeal.kind === 'klage' ? 'Klage' : 'Anmodning om ny vurdering',
    facts([
      ['Mottatt', formatDateTime(appeal.receivedAt)],
      ['Innen fristen', appeal.late ? 'Nei, for sent' : 'Ja'],
      ['Begrunnelse', appeal.grounds],
      ['Utfall', appeal.outcome === 'reversed' ? 'Omgjort' : appeal.outcome === 'upheld' ? 'Opprettholdt' : 'Ikke avgjort'],
    ]),
    open && caseworker
      ? [
          actionButton('Omgjør vedtaket', async () => {
            await api(`/casework/cases/${id}/appeal/reverse`, { method: 'POST' });
            await reload('Vedtaket er omgjort. Foreslå et nytt vedtak.');
          }, { secondary: true }),
          uphold,
        ]
      : null,
  );
}

/** The round's assessed applications, best first, against what is left on the scheme's earmark. */
export async function rankingView(context: ViewContext): Promise<View> {
  const [code, year] = context.params;
  const ranking = await api<{ budgetPost: string; earmark: string | null; availableNok: string; applications: ReadonlyArray<{ rank: number; caseId: string; caseNumber: string; organisationNumber: string; totalScore: number; status: string; requestedNok: string; cumulativeNok: string; withinAvailableFrame: boolean }> }>(
    `/casework/rounds/${encodeURIComponent(code)}/${encodeURIComponent(year)}/ranking`,
  );
  type Row = (typeof ranking.applications)[number];
  return {
    title: `Rangering: ${await schemeName(code)} ${year}`,
    body: [
      facts([
        ['Kapittel og post', ranking.budgetPost],
        ['Øremerking', ranking.earmark ?? 'Ingen'],
        ['Tilgjengelig', formatNok(ranking.availableNok)],
      ]),
      ranking.applications.length === 0
        ? notice('info', 'Ingen søknader i runden er vurdert ennå.')
        : table('Vurderte søknader, høyest poengsum først', [
            { header: 'Plass', cell: (row: Row) => String(row.rank), numeric: true },
            { header: 'Saksnummer', cell: (row) => h('a', { href: `/saksbehandling/saker/${row.caseId}` }, row.caseNumber) },
            { header: 'Org.nr.', cell: (row) => formatOrganisationNumber(row.organisationNumber) },
            { header: 'Poeng', cell: (row) => String(row.totalScore), numeric: true },
            { header: 'Omsøkt', cell: (row) => formatNok(row.requestedNok), numeric: true },
            { header: 'Akkumulert', cell: (row) => formatNok(row.cumulativeNok), numeric: true },
            { header: 'Innenfor rammen', cell: (row) => (row.withinAvailableFrame ? 'Ja' : 'Nei') },
            { header: 'Status', cell: (row) => statusTag(row.status) },
          ], ranking.applications),
    ],
  };
}
