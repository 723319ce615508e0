import { classifySmtpFailure } from './message';

describe(classifySmtpFailure.name, () => {
  it('gives up on a 5xx reply and keeps its text as the reason', () => {
    expect(classifySmtpFailure(550, '550 5.1.1 Mailbox unavailable')).toEqual({ kind: 'permanent', reason: '550 5.1.1 Mailbox unavailable' });
  });

  it('retries a 4xx reply and a server that does not answer', () => {
    expect(classifySmtpFailure(451, '451 Try again later').kind).toBe('temporary');
    expect(classifySmtpFailure(undefined, 'connect ECONNREFUSED 127.0.0.1:2525').kind).toBe('temporary');
  });
});
