import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on every Linux the project runs on). */
const TICKS_PER_SECOND = 100;

/** CPU time used so far, in ms: the whole machine's (busy and all), the api process's and this process's. */
export interface CpuTime {
  readonly machineMs: number;
  readonly machineBusyMs: number;
  readonly apiMs: number;
  readonly benchMs: number;
}

/**
 * Reads /proc: the first line of /proc/stat for the machine (idle and iowait count as not busy) and
 * /proc/<pid>/stat for the api (utime + stime). Undefined where /proc is not there (not Linux) or the api has no pid.
 */
export function cpuTime(apiPid: number | undefined): CpuTime | undefined {
  if (apiPid === undefined) return undefined;
  try {
    // user nice system idle iowait irq softirq steal; the guest times after them are already in user and nice.
    const machine = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const [, , , idle, iowait] = machine;
    const total = machine.reduce((sum, ticks) => sum + ticks, 0);
    const api = readFileSync(`/proc/${apiPid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after it are fixed: utime and stime are the 12th and 13th.
    const apiFields = api.slice(api.lastIndexOf(')') + 2).split(' ');
    const bench = process.cpuUsage();
    const ticksToMs = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
    return {
      machineMs: ticksToMs(total),
      machineBusyMs: ticksToMs(total - idle - iowait),
      apiMs: ticksToMs(Number(apiFields[11]) + Number(apiFields[12])),
      benchMs: (bench.user + bench.system) / 1000,
    };
  } catch {
    return undefined;
  }
}

/**
 * What a phase cost per submit: ms of CPU in the api, in this load generator and in the rest of the
 * machine (PostgreSQL mostly), and how busy the machine was. Latency under load on a small machine
 * follows the busy share closely, so a latency figure means little without it.
 */
export function describeCpuPerSubmit(from: CpuTime | undefined, to: CpuTime | undefined, submits: number): string {
  if (!from || !to || submits === 0) return 'CPU use not measured (no /proc, or no api process to read)';
  const per = (ms: number) => (ms / submits).toFixed(2);
  const api = to.apiMs - from.apiMs;
  const bench = to.benchMs - from.benchMs;
  const busy = to.machineBusyMs - from.machineBusyMs;
  const share = Math.round((busy / (to.machineMs - from.machineMs)) * 100);
  return `CPU per submit: api ${per(api)} ms, load generator ${per(bench)} ms, the rest (PostgreSQL) ${per(busy - api - bench)} ms; machine ${share} % busy`;
}
