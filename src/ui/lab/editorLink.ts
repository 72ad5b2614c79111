/**
 * A process file in a link (the lab's Share): the file's JSON, compressed (deflate, where the
 * browser has CompressionStream) and written in base64url after `#/lab?process=`. Nothing leaves
 * the browser: the part after # is never sent to a server.
 */

/**
 * The longest link the lab offers to share: mail and chat programs and many web forms cut links
 * longer than about 8,000 characters (assumption: the common limit of servers and link checkers,
 * RFC 9110 recommends senders and recipients support at least 8,000 octets). A longer process is
 * shared as a downloaded file instead.
 */
export const SHARE_LINK_LIMIT = 8_000;

/** The longest `process=` value the lab reads (anything longer is refused unread). */
const READ_LIMIT = 200_000;
/** The longest decoded file the lab reads from a link: a process file's bound (core/bounds.ts FILE_LIMITS). */
const TEXT_LIMIT = 1 << 20;

export const LAB_PROCESS_PARAM = 'process';

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function through(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

const canCompress = () => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** The `process=` value for a file's text: "z." then deflated base64url, or "j." then the text's base64url. */
export async function encodeProcessParam(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  if (canCompress()) return `z.${toBase64Url(await through(bytes, new CompressionStream('deflate-raw')))}`;
  return `j.${toBase64Url(bytes)}`;
}

/** A file's text from a `process=` value, or an error in plain words. */
export async function decodeProcessParam(value: string): Promise<{ text: string } | { error: string }> {
  if (value.length > READ_LIMIT) return { error: `The link's process is ${value.length.toLocaleString('en-GB')} characters long, more than the ${READ_LIMIT.toLocaleString('en-GB')} the lab reads.` };
  try {
    const kind = value.slice(0, 2);
    const bytes = fromBase64Url(value.slice(2));
    let text: string;
    if (kind === 'z.') {
      if (!canCompress()) return { error: 'This browser cannot read a compressed link (it has no DecompressionStream): open the link in a current browser.' };
      text = new TextDecoder().decode(await through(bytes, new DecompressionStream('deflate-raw')));
    } else if (kind === 'j.') text = new TextDecoder().decode(bytes);
    else return { error: 'The link does not hold a process the lab can read (it may have been cut short).' };
    if (text.length > TEXT_LIMIT) return { error: 'The link\u2019s process is longer than a process file may be (1 MB).' };
    return { text };
  } catch {
    return { error: 'The link does not hold a process the lab can read (it may have been cut short or changed).' };
  }
}

/** The lab's link for a file's text, or why it cannot be shared as a link. */
export async function shareLink(text: string, base: string): Promise<{ url: string } | { error: string }> {
  const url = `${base}#/lab?${LAB_PROCESS_PARAM}=${await encodeProcessParam(text)}`;
  if (url.length > SHARE_LINK_LIMIT) {
    return {
      error: `The link would be ${url.length.toLocaleString('en-GB')} characters long, over the ${SHARE_LINK_LIMIT.toLocaleString('en-GB')} that mail and chat programs reliably carry: share the downloaded file instead.`,
    };
  }
  return { url };
}
