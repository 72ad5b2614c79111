import { describe, expect, it, vi } from 'vitest';
import { LMS_DEFAULTS, type LmsConfig } from '../../../../src/ui/training/lms/config';
import { sendStatements, statementsUrl } from '../../../../src/ui/training/lms/send';
import { agentOf, buildStatements } from '../../../../src/ui/training/lms/xapi';
import { workedShift } from './fixtures';

const statements = buildStatements({
  results: workedShift(),
  actor: agentOf('https://lms.example.org', 'L042', ''),
  activityId: LMS_DEFAULTS.activityId,
  title: LMS_DEFAULTS.title,
  passMark: 80,
  durationMs: 1000,
  timestamp: '2026-11-29T11:00:00.000Z',
  newId: () => '00000000-0000-4000-8000-000000000000',
});

const ok = () => vi.fn(async () => new Response('[]', { status: 200 }));

describe('sending xAPI statements', () => {
  it('sends nothing without an endpoint: not outside the LMS package, not in a package built without one', async () => {
    const fetchFn = ok();
    expect(await sendStatements(null, statements, fetchFn)).toEqual({ status: 'off' });
    const packaged: LmsConfig = { ...LMS_DEFAULTS };
    expect(await sendStatements(packaged, statements, fetchFn)).toEqual({ status: 'off' });
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('posts them to the endpoint\u2019s statements resource, with the version header and the auth given', async () => {
    const fetchFn = ok();
    const config: LmsConfig = { ...LMS_DEFAULTS, xapiEndpoint: 'https://lrs.example.org/xapi/', xapiAuth: 'Basic a2V5OnNlY3JldA==' };
    expect(await sendStatements(config, statements, fetchFn)).toEqual({ status: 'sent', count: statements.length });
    expect(fetchFn).toHaveBeenCalledTimes(1);
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://lrs.example.org/xapi/statements');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ 'X-Experience-API-Version': '1.0.3', Authorization: 'Basic a2V5OnNlY3JldA==', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init.body))).toEqual(statements);
  });

  it('says what went wrong when the record store refuses or cannot be reached', async () => {
    const config: LmsConfig = { ...LMS_DEFAULTS, xapiEndpoint: 'https://lrs.example.org/xapi' };
    expect(await sendStatements(config, statements, async () => new Response('', { status: 401, statusText: 'Unauthorized' }))).toEqual({ status: 'failed', message: 'the record store answered 401 Unauthorized' });
    expect(await sendStatements(config, statements, async () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ status: 'failed', message: 'Failed to fetch' });
    expect(statementsUrl('https://lrs.example.org/xapi')).toBe('https://lrs.example.org/xapi/statements');
  });
});
