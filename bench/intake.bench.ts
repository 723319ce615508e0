import { Agent, request } from 'node:http';
import { percentile, ratePerSecond } from './bench-database';
import { measureBaseline } from './baseline.bench';
import { startBenchSystem, type BenchSystem } from './api-process';
import { cpuTime, describeCpuPerSubmit } from './cpu-time';

const APPLICANTS = 200;
const SATURATION_MS = Number(process.env.BENCH_INTAKE_MS ?? 8000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 8000);

interface Applicant {
  readonly token: string;
  readonly drafts: string[];
}

function organisationNumber(index: number): string {
  for (let salt = 0; ; salt++) {
    const base = `8${String(index).padStart(4, '0')}${String(salt).padStart(3, '0')}`;
    const weights = [3, 2, 7, 6, 5, 4, 3, 2];
    const check = 11 - (weights.reduce((sum, weight, position) => sum + weight * Number(base[position]), 0) % 11);
    if (check !== 10) return `${base}${check === 11 ? 0 : check}`;
  }
}

const FORM = {
  projectTitle: 'Jobbsjansen',
  description: 'Et program for innvandrere som står langt fra arbeidslivet, med tett oppfølging.',
  periodStart: '2017-03-01',
  periodEnd: '2018-02-28',
  budget: [{ description: 'Programrådgiver', amountNok: '500000' }],
  requestedAmountNok: '400000',
  contactName: 'Kari',
  contactEmail: 'kari@example.no',
  plannedParticipants: 12,
  expectedTransitionPercent: 60,
};

// node:http with kept-alive connections: the load generator shares the machine's two cores with the
// api and PostgreSQL, and fetch (undici) spends several times the CPU per request.
const connections = new Agent({ keepAlive: true, maxSockets: APPLICANTS + 16 });

interface Answer {
  readonly status: number;
  readonly body: string;
}

function post(system: BenchSystem, path: string, token: string, body?: object, headers: Record<string, string> = {}): Promise<Answer> {
  const payload = JSON.stringify(body ?? {});
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${system.baseUrl}${path}`,
      {
        method: 'POST',
        agent: connections,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

async function prepare(system: BenchSystem, draftsPerApplicant: number): Promise<Applicant[]> {
  const admin = await system.token({ sub: 'bench-admin', roles: ['admin'] });
  // The 2017 window has long closed; the bench database keeps it open so submits are accepted.
  const opened = await fetch(`${system.baseUrl}/admin/schemes/jobbsjansen-a/versions/2017`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ window: { opens: '2016-11-01T00:00:00', deadline: '2099-12-31T23:59:59' } }),
  });
  if (!opened.ok) throw new Error(`could not open the window: ${opened.status}`);
  return Promise.all(
    Array.from({ length: APPLICANTS }, async (_, index) => {
      const number = organisationNumber(index);
      const token = await system.token({ sub: `applicant-${index}`, roles: ['applicant'], organisationNumbers: [number] });
      const registered = await post(system, '/organisations', token, {
        organisationNumber: number,
        name: `Kommune ${index}`,
        kind: 'kommune',
        municipalityNumber: '3005',
        accountNumber: '15034212349',
        writtenStandard: 'nb',
        contactName: 'Kari',
        contactEmail: 'kari@example.no',
      });
      if (registered.status !== 201) throw new Error(`register: ${registered.status} ${registered.body}`);
      const drafts: string[] = [];
      for (let draft = 0; draft < draftsPerApplicant; draft++) {
        const response = await post(system, '/applications', token, { organisationNumber: number, schemeCode: 'jobbsjansen-a', budgetYear: 2017, form: FORM });
        drafts.push((JSON.parse(response.body) as { id: string }).id);
      }
      return { token, drafts };
    }),
  );
}

/** Two decimals for a printed ratio. */
function ratio(rate: number, baseline: number): string {
  return String(Math.round((rate / baseline) * 100) / 100);
}

async function submitNext(system: BenchSystem, applicant: Applicant): Promise<number> {
  const id = applicant.drafts.pop();
  if (!id) throw new Error('ran out of drafts');
  const started = performance.now();
  const response = await post(system, `/applications/${id}/submit`, applicant.token, undefined, { 'idempotency-key': `bench-${id}` }).catch((error: Error) => {
    throw new Error(`submit failed: ${String((error as Error & { cause?: unknown }).cause ?? error)}`);
  });
  if (response.status !== 201) throw new Error(`submit: ${response.status} ${response.body}`);
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const system = await startBenchSystem();
  try {
    const preparing = performance.now();
    // 200 each: enough for 8 s at the saturation rate and 8 s at half of it, up to about 3 300 submits/s
    // (110 ran out at 2 300 once the reads were batched).
    const applicants = await prepare(system, Number(process.env.BENCH_DRAFTS_PER_APPLICANT ?? 200));
    const draftCount = applicants.reduce((sum, applicant) => sum + applicant.drafts.length, 0);
    process.stdout.write(`intake: prepared ${APPLICANTS} organisations and ${draftCount} drafts in ${Math.round(performance.now() - preparing)} ms\n`);

    // Saturation: 200 applicants each submitting back to back.
    let submitted = 0;
    const started = performance.now();
    await Promise.all(
      applicants.map(async (applicant) => {
        while (performance.now() - started < SATURATION_MS) {
          await submitNext(system, applicant);
          submitted++;
        }
      }),
    );
    const saturationRate = ratePerSecond(submitted, performance.now() - started);

    // Latency at an offered load of half that rate (open loop: arrivals do not wait for answers).
    // BENCH_OFFERED pins the offered rate, to draw latency against load.
    const offered = Number(process.env.BENCH_OFFERED ?? 0) || Math.max(1, Math.floor(saturationRate / 2));
    const latencies: number[] = [];
    // The worst latency of the requests sent in each quarter second: shows whether slow answers come in bursts.
    const worstByQuarterSecond = new Map<number, number>();
    const inFlight: Array<Promise<void>> = [];
    const latencyStart = performance.now();
    const cpuAtStart = cpuTime(system.apiPid);
    for (let request = 0; performance.now() - latencyStart < LATENCY_MS; request++) {
      const due = latencyStart + (request * 1000) / offered;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      const applicant = applicants[request % applicants.length];
      // Caught here and rethrown by Promise.all below, so a failure ends the run in order.
      const quarter = Math.floor((performance.now() - latencyStart) / 250);
      const submitted = submitNext(system, applicant).then((ms) => {
        latencies.push(ms);
        worstByQuarterSecond.set(quarter, Math.max(ms, worstByQuarterSecond.get(quarter) ?? 0));
      });
      submitted.catch(() => undefined);
      inFlight.push(submitted);
    }
    await Promise.all(inFlight);
    const cpuPerSubmit = describeCpuPerSubmit(cpuAtStart, cpuTime(system.apiPid), latencies.length);
    latencies.sort((a, b) => a - b);
    const slowQuarters = [...worstByQuarterSecond.values()].filter((ms) => ms >= 50).length;

    const baseline = await measureBaseline();
    process.stdout.write(
      `intake: ${submitted} submits in ${SATURATION_MS} ms at ${APPLICANTS} concurrent applicants = ${saturationRate} submits/s\n` +
        `intake: raw PostgreSQL insert+commit in the same run: ${baseline.singleConnectionPerSecond}/s on 1 connection, ${baseline.concurrentPerSecond}/s on ${baseline.concurrency}\n` +
        `intake: ratio to baseline = ${ratio(saturationRate, baseline.singleConnectionPerSecond)} (1 connection), ${ratio(saturationRate, baseline.concurrentPerSecond)} (${baseline.concurrency} connections); target >= 0.5\n` +
        `intake: at ${offered} submits/s offered: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms over ${latencies.length} submits (target p99 < 50 ms)\n` +
        `intake: quarter seconds with an answer of 50 ms or more: ${slowQuarters} of ${worstByQuarterSecond.size}\n` +
        `intake: at ${offered} submits/s offered: ${cpuPerSubmit}\n`,
    );
  } finally {
    connections.destroy();
    await system.stop();
  }
}
