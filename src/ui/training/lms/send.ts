/**
 * Sending statements to a learning record store: only when the build was given an endpoint
 * (`npm run build:lms -- --xapi-endpoint ...`). Without one this function returns at once and
 * nothing leaves the page; the page's Content-Security-Policy would refuse it anyway (connect-src
 * is the page's own origin, plus the endpoint's origin when one is set: tools/hosting.ts).
 */
import type { LmsConfig } from './config';
import type { XapiStatement } from './xapi';

export type SendOutcome = { status: 'off' } | { status: 'sent'; count: number } | { status: 'failed'; message: string };

/** The statements resource under an endpoint (xAPI 2.1: endpoint + "statements"). */
export function statementsUrl(endpoint: string): string {
  return new URL('statements', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).href;
}

export async function sendStatements(config: LmsConfig | null, statements: readonly XapiStatement[], fetchFn: typeof fetch): Promise<SendOutcome> {
  if (!config?.xapiEndpoint) return { status: 'off' };
  try {
    const res = await fetchFn(statementsUrl(config.xapiEndpoint), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Experience-API-Version': '1.0.3',
        ...(config.xapiAuth ? { Authorization: config.xapiAuth } : {}),
      },
      body: JSON.stringify(statements),
    });
    if (!res.ok) return { status: 'failed', message: `the record store answered ${res.status} ${res.statusText}`.trim() };
    return { status: 'sent', count: statements.length };
  } catch (e) {
    return { status: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}
