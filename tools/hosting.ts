/**
 * How the built app is hosted: its Content-Security-Policy, and the single-file build's swap of
 * workers.ts for workers.inline.ts. Used by vite.config.ts; the README's "For a trainer" section
 * says what each build is for.
 *
 * The policy lets the page talk to nothing but where it came from: scripts, styles, workers and
 * fetches from its own origin only, no eval, no inline script or style (the single-file build's
 * one inline script and one inline style are allowed by their sha256 hashes, and its workers come
 * from blob: URLs it makes itself), no plugins, no forms, no <base>. A browser test
 * (test/browser/hosting.test.ts) reads the page's `securitypolicyviolation` events on every view.
 */
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

type Directives = Record<string, readonly string[]>;

/** The directives every build shares. `frame-ancestors` is left out: a <meta> policy ignores it. */
const BASE: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // Charts and downloads may use data: or blob: images made by the page itself.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

export function policyText(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy of the site build (`npm run build`), also sent by `vite preview` as a header. */
export const SITE_POLICY = policyText(BASE);

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The origin a page may also connect to: a learning record store the trainer named when building
 * the LMS package (`--xapi-endpoint`). Without one, connect-src is the page's own origin only.
 */
function connectTo(endpoint: string | undefined): readonly string[] {
  return endpoint ? ["'self'", new URL(endpoint).origin] : BASE['connect-src'];
}

/** The policy of a single-file page: its inline scripts and styles by hash, workers from blob:. */
export function singleFilePolicy(html: string, endpoint?: string): string {
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((s) => s.length > 0);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  return policyText({
    ...BASE,
    'script-src': ["'self'", ...scripts.map(sha256)],
    'style-src': ["'self'", ...styles.map(sha256)],
    'worker-src': ["'self'", 'blob:'],
    'connect-src': connectTo(endpoint),
  });
}

function withPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  if (!/<meta charset[^>]*>/i.test(html)) throw new Error('index.html has no <meta charset>: the policy goes right after it');
  // Straight after the charset, so that it is in force before any script or style is read.
  return html.replace(/(<meta charset[^>]*>)/i, `$1\n    ${meta}`);
}

/** Puts the policy into index.html as a <meta http-equiv> (after single-file inlining, if any). */
export function contentSecurityPolicy(single: boolean, endpoint?: string): Plugin {
  return {
    name: 'spa:content-security-policy',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          const html = String(file.source);
          file.source = withPolicy(html, single ? singleFilePolicy(html, endpoint) : policyText({ ...BASE, 'connect-src': connectTo(endpoint) }));
        }
      },
    },
  };
}

/**
 * In the single-file build, every import of src/ui/workers.ts gets src/ui/workers.inline.ts
 * instead: the same functions, with the workers carried inside the page.
 */
export function inlineWorkers(root: string): Plugin {
  const site = resolve(root, 'src/ui/workers.ts');
  const inline = resolve(root, 'src/ui/workers.inline.ts');
  return {
    name: 'spa:inline-workers',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/(^|\/)workers$/.test(source)) return null;
      const target = resolve(dirname(importer), source);
      return target === site.replace(/\.ts$/, '') || target === site ? inline : null;
    },
  };
}

export const SINGLE_FILE_DIR = (root: string) => join(root, 'dist-single');
/** Where `npm run build:lms` builds the page before zipping it (tools/lms.ts). */
export const LMS_PACKAGE_DIR = (root: string) => join(root, 'dist-lms', 'package');
