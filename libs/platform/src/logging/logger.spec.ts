import { Writable } from 'node:stream';
import { createRootLogger, scrubSecrets } from './logger';

describe(scrubSecrets.name, () => {
  it('removes national id numbers, account numbers and bearer tokens', () => {
    const text = 'fnr 01019012345, konto 1503.42.12349 and 15034212349, Bearer eyJhbGciOi.abc.def';
    const scrubbed = scrubSecrets(text);
    expect(scrubbed).not.toMatch(/01019012345|1503\.42\.12349|15034212349|eyJhbGciOi/);
  });

  it('keeps organisation numbers (public, 9 digits) and case numbers', () => {
    expect(scrubSecrets('org 974760673 case 2017/00123')).toBe('org 974760673 case 2017/00123');
  });
});

describe(createRootLogger.name, () => {
  it('never writes a national id number or account number, wherever it is put', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createRootLogger('info', sink);
    logger.info({ person: { nationalIdNumber: '01019012345' }, note: 'paid to 15034212349' }, 'settled 01019012345');
    logger.error(new Error('bad account 1503 42 12349'));
    logger.warn(
      {
        session: { csrfToken: 'csrf-secret', idToken: 'id-secret', sessionId: 'session-secret' },
        request: { headers: { cookie: 'cookie-secret', authorization: 'Basic basic-secret' } },
      },
      'refused',
    );
    const output = lines.join('');
    expect(output).toContain('refused');
    expect(output).not.toMatch(/csrf-secret|id-secret|session-secret|cookie-secret|basic-secret/);
    expect(output).toContain('settled');
    expect(output).not.toMatch(/01019012345|15034212349|1503 42 12349/);
  });
});

describe('the root logger and Nest', () => {
  it("writes Nest's start-up chatter at debug, other lines at their level", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createRootLogger('info', sink);
    logger.info({ context: 'InstanceLoader' }, 'AppModule dependencies initialized');
    logger.info({ context: 'JobDispatcher' }, 'handling 8 job kinds');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['handling 8 job kinds']);
    const verbose = createRootLogger('debug', sink);
    verbose.info({ context: 'RouterExplorer' }, 'Mapped {/reports, POST} route');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ level: 20, context: 'RouterExplorer' });
  });
});
