// Sharing a process by a link: the file's text comes back exactly; a link too long for mail and
// chat programs is refused with its length and the limit; a damaged link is said to be damaged.
import { describe, expect, it } from 'vitest';
import { processFileText, shippedProcessFile } from '../../../src/core/processes';
import { LAB_PROCESS_PARAM, SHARE_LINK_LIMIT, decodeProcessParam, shareLink } from '../../../src/ui/lab/editorLink';

const BASE = 'https://example.org/simulator/';
const paramOf = (url: string) => new URLSearchParams(url.split('?')[1]).get(LAB_PROCESS_PARAM)!;

describe('a process in a link', () => {
  it.each(['2013', '2015'] as const)('the %s process file comes back byte for byte, in a link under the limit', async (name) => {
    const text = processFileText(shippedProcessFile(name));
    const r = await shareLink(text, BASE);
    if (!('url' in r)) throw new Error(r.error);
    expect(r.url.startsWith(`${BASE}#/lab?${LAB_PROCESS_PARAM}=z.`)).toBe(true);
    expect(r.url.length).toBeLessThan(SHARE_LINK_LIMIT);
    expect(await decodeProcessParam(paramOf(r.url))).toEqual({ text });
  });

  it('a process too long for a link is refused, saying how long and the limit', async () => {
    // Text that does not compress: letters from a fixed pseudo-random sequence (Park and Miller's).
    let x = 1;
    const text = Array.from({ length: 20_000 }, () => String.fromCharCode(97 + ((x = (x * 48271) % 2147483647) % 26))).join('');
    const r = await shareLink(text, BASE);
    expect('error' in r ? r.error : r.url).toMatch(/^The link would be [\d,]+ characters long, over the 8,000 that mail and chat programs reliably carry: share the downloaded file instead\.$/);
  });

  it('a damaged or cut link is said to be one, never read as a process', async () => {
    const r = await shareLink(processFileText(shippedProcessFile('2015')), BASE);
    const value = paramOf((r as { url: string }).url);
    expect(await decodeProcessParam(value.slice(0, value.length / 2))).toEqual({ error: expect.stringMatching(/cut short/) });
    expect(await decodeProcessParam('x.abc')).toEqual({ error: expect.stringMatching(/does not hold a process/) });
  });
});
