// Shared browser-test harness: build the app, serve it with `vite preview`, drive it with
// Chromium through playwright-core, and audit it with axe-core.
//
// It has to work on a fresh machine after `npm install` alone: CI runs as root, in a container
// with no sandbox, no system Chromium and no network beyond the npm registry. So the browser is
// the one shipped inside the @sparticuz/chromium npm package (brotli files, inflated into
// os.tmpdir() on first use), unless CHROMIUM_PATH names another executable.
import { spawn, execFile } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Result as AxeResult, RunOptions as AxeRunOptions } from 'axe-core';
import { chromium as pw, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { afterAll, beforeAll } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---------------------------------------------------------------------------------------------
// Chromium
// ---------------------------------------------------------------------------------------------

/**
 * Flags we always add. Playwright already passes most of them itself (see chromiumSwitches in
 * playwright-core) but stating them keeps the harness correct if that list changes.
 * - --no-sandbox: CI runs as root in a container without user namespaces; the sandbox cannot start.
 * - --disable-gpu: no GPU in CI; software compositing only.
 * - --disable-background-networking, --disable-component-update, --disable-sync, --no-first-run,
 *   --disable-quic: the network is closed, and Chromium's background connections (component
 *   updater, variations, sync, QUIC probes) otherwise fail noisily on stderr.
 * - --disable-dev-shm-usage: containers often give /dev/shm only 64 MB.
 */
const HARNESS_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/**
 * @sparticuz/chromium's args are tuned for AWS Lambda. Those we drop, and why:
 * - --single-process: Lambda needs it (prctl(PR_SET_NO_NEW_PRIVS) fails there). Here it puts the
 *   renderer in the browser process, and closing the first BrowserContext kills the whole browser
 *   (SIGTRAP; the next newPage() fails with "Target page, context or browser has been closed").
 *   Verified with playwright-core 1.65 + @sparticuz/chromium 147: fine once this flag is dropped.
 * - --disable-features=… / --enable-features=…: Chromium keeps only the LAST occurrence of a switch,
 *   so these would silently replace Playwright's own lists (which turn off HttpsUpgrades,
 *   PaintHolding, OptimizationHints, NetworkTimeServiceQuerying, … and turn on
 *   CDPScreenshotNewSurface). The features they set only matter with --single-process anyway.
 * - --disable-web-security, --allow-running-insecure-content: a test browser must enforce the same
 *   CORS / mixed-content rules as a user's browser, or tests pass that should fail.
 * - --headless='shell': Playwright already passes --headless; the literal quotes are a bug upstream
 *   and the headless-shell binary ignores the value.
 * - GPU flags (--use-gl=angle, --use-angle=swiftshader, --in-process-gpu, --ignore-gpu-blocklist):
 *   contradict --disable-gpu; Playwright already passes --enable-unsafe-swiftshader, so WebGL
 *   still falls back to SwiftShader if a later test needs it.
 */
const DROPPED_SPARTICUZ_ARGS = [
  /^--single-process$/,
  /^--disable-features=/,
  /^--enable-features=/,
  /^--disable-web-security$/,
  /^--allow-running-insecure-content$/,
  /^--headless(=|$)/,
  /^--use-gl=/,
  /^--use-angle=/,
  /^--in-process-gpu$/,
  /^--ignore-gpu-blocklist$/,
  /^--enable-unsafe-swiftshader$/,
];

export function filterSparticuzArgs(args: readonly string[]): string[] {
  return args.filter((a) => !DROPPED_SPARTICUZ_ARGS.some((re) => re.test(a)));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cross-process mutex on a directory (mkdir is atomic). Test files run in parallel forks, and
 * @sparticuz/chromium's executablePath() is not safe to call concurrently: it returns
 * /tmp/chromium as soon as the file EXISTS, i.e. while another process is still writing it.
 */
async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock left by a dead process (or one older than 5 minutes) is stale.
      try {
        const owner = Number(await readFile(join(lockDir, 'pid'), 'utf8').catch(() => 'NaN'));
        const age = Date.now() - (await stat(lockDir)).mtimeMs;
        if ((Number.isInteger(owner) && !isAlive(owner)) || age > 300_000) {
          await rm(lockDir, { recursive: true, force: true });
          continue;
        }
      } catch {
        continue; // lock vanished between mkdir and stat: retry at once
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for lock ${lockDir}`);
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

function sparticuzDir(): string {
  // The package exports only ".", so resolve its entry (build/cjs/index.cjs) and walk up.
  return resolve(dirname(require.resolve('@sparticuz/chromium')), '..', '..');
}

/** Inflate a .tar.br into `dest` with Node's brotli and the system `tar` (no extra npm deps). */
async function extractTarBr(file: string, dest: string): Promise<void> {
  await mkdir(dest, { recursive: true });
  await new Promise<void>((res, rej) => {
    const tar = spawn('tar', ['-x', '-C', dest], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    tar.stderr.on('data', (d) => (stderr += String(d)));
    tar.on('error', rej);
    tar.on('close', (code) => (code === 0 ? res() : rej(new Error(`tar exited ${code}: ${stderr}`))));
    const src = createReadStream(file).on('error', rej);
    src.pipe(createBrotliDecompress()).on('error', rej).pipe(tar.stdin);
  });
}

/** Shared libraries the binary needs that the dynamic loader cannot find (via `ldd`). */
async function missingLibraries(executable: string, env: NodeJS.ProcessEnv): Promise<string[] | null> {
  return new Promise((res) => {
    execFile('ldd', [executable], { env }, (err, stdout) => {
      if (err && !stdout) return res(null); // no ldd on this machine: cannot tell
      res(stdout.split('\n').filter((l) => l.includes('not found')).map((l) => l.trim().split(/\s/)[0]));
    });
  });
}

interface ResolvedChromium {
  executablePath: string;
  args: string[];
  env: Record<string, string>;
}

let sparticuzPromise: Promise<ResolvedChromium> | undefined;

async function resolveSparticuz(): Promise<ResolvedChromium> {
  const chromium = (await import('@sparticuz/chromium')).default;
  const pkgDir = sparticuzDir();
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const tmp = tmpdir();
  const marker = join(tmp, `chromium.sparticuz-${version}.ok`);
  const al2023Lib = join(tmp, 'al2023', 'lib');

  const executablePath = await withLock(join(tmp, 'chromium.sparticuz.lock'), async () => {
    if (existsSync(marker) && existsSync(join(tmp, 'chromium'))) return join(tmp, 'chromium');
    // No marker: whatever is there is partial (a killed extraction) or another version.
    // executablePath() would trust it blindly, so clear it first.
    for (const f of ['chromium', 'fonts', 'libGLESv2.so', 'libEGL.so', 'libvk_swiftshader.so', 'libvulkan.so.1', 'vk_swiftshader_icd.json']) {
      await rm(join(tmp, f), { recursive: true, force: true });
    }
    for (const f of await readdir(tmp)) {
      if (f.startsWith('chromium.sparticuz-') && f.endsWith('.ok')) await rm(join(tmp, f), { force: true });
    }
    const path = await chromium.executablePath();
    await writeFile(marker, `${path}\n`);
    return path;
  });

  const env: Record<string, string> = {};
  // The binary links NSS/NSPR/expat dynamically. Slim images (e.g. node:*-slim) lack them; the
  // package ships Amazon Linux 2023 builds of exactly those in al2023.tar.br, which it only
  // unpacks on Lambda. Unpack it ourselves and point LD_LIBRARY_PATH at it if anything is missing.
  const missing = await missingLibraries(executablePath, process.env);
  if (missing && missing.length > 0) {
    await withLock(join(tmp, 'chromium.sparticuz.lock'), async () => {
      if (!existsSync(join(al2023Lib, 'libnss3.so'))) await extractTarBr(join(pkgDir, 'bin', 'al2023.tar.br'), join(tmp, 'al2023'));
    });
    env.LD_LIBRARY_PATH = [al2023Lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    const still = await missingLibraries(executablePath, { ...process.env, ...env });
    if (still && still.length > 0) {
      throw new Error(`Chromium at ${executablePath} cannot load: ${still.join(', ')}. Install them or set CHROMIUM_PATH.`);
    }
  }
  // Without /etc/fonts (slim images), text renders as nothing. Use the package's Open Sans;
  // its fonts.conf hard-codes /tmp/fonts, which is where executablePath() put it when TMPDIR=/tmp.
  if (!existsSync('/etc/fonts/fonts.conf') && !process.env.FONTCONFIG_PATH) {
    env.FONTCONFIG_PATH = join(tmp, 'fonts');
  }
  return { executablePath, args: filterSparticuzArgs(chromium.args), env };
}

/** Launch a headless Chromium: CHROMIUM_PATH if set and present, else @sparticuz/chromium's. */
export async function launchBrowser(): Promise<Browser> {
  const custom = process.env.CHROMIUM_PATH;
  let resolved: ResolvedChromium;
  if (custom && existsSync(custom)) {
    resolved = { executablePath: custom, args: [], env: {} };
  } else {
    if (custom) console.warn(`CHROMIUM_PATH=${custom} does not exist; using @sparticuz/chromium instead.`);
    sparticuzPromise ??= resolveSparticuz();
    sparticuzPromise.catch(() => (sparticuzPromise = undefined)); // allow a retry after a failure
    resolved = await sparticuzPromise;
  }
  const args = [...new Set([...resolved.args, ...HARNESS_ARGS])];
  return pw.launch({
    executablePath: resolved.executablePath,
    headless: true,
    chromiumSandbox: false,
    args,
    env: { ...process.env, ...resolved.env } as Record<string, string>,
    timeout: 60_000,
  });
}

// ---------------------------------------------------------------------------------------------
// Build + preview
// ---------------------------------------------------------------------------------------------

const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'browser-tests');
// One outDir per test process: vitest runs test files in parallel forks, each may build.
const OUT_DIR = join(CACHE_DIR, `dist-test-${process.pid}`);

let buildPromise: Promise<string> | undefined;
let exitHookInstalled = false;

async function removeStaleOutDirs(): Promise<void> {
  const entries = await readdir(CACHE_DIR).catch(() => [] as string[]);
  for (const e of entries) {
    const m = /^dist-test-(\d+)$/.exec(e);
    if (m && Number(m[1]) !== process.pid && !isAlive(Number(m[1]))) {
      await rm(join(CACHE_DIR, e), { recursive: true, force: true });
    }
  }
}

/**
 * Build the app into `outDir` with vite.config.ts: mode 'production' is the site (`npm run
 * build`), mode 'single' the one-file page (`npm run build:single`, whose config picks its own
 * folder unless `outDir` is given).
 */
export async function buildInto(outDir: string, mode: 'production' | 'single' = 'production'): Promise<string> {
  // Vitest sets NODE_ENV=test, and Vite then bundles React's development build. Build as production.
  const prevNodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      mode,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (prevNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = prevNodeEnv;
  }
  return outDir;
}

async function buildOnce(): Promise<string> {
  await removeStaleOutDirs();
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => rmSync(OUT_DIR, { recursive: true, force: true }));
  }
  return buildInto(OUT_DIR);
}

export interface PreviewHandle {
  url: string;
  close(): Promise<void>;
}

let previewsOpen = 0;

/** Build the app (once per process) and serve it with `vite preview` on 127.0.0.1, a free port. */
export async function startPreview(): Promise<PreviewHandle> {
  buildPromise ??= buildOnce();
  buildPromise.catch(() => (buildPromise = undefined));
  const outDir = await buildPromise;
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  previewsOpen++;
  const { port } = server.httpServer.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      if (--previewsOpen === 0) {
        buildPromise = undefined;
        await rm(outDir, { recursive: true, force: true });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught page errors and renderer crashes, in order. */
  errors: string[];
  close(): Promise<void>;
}

/** Open `url` in a fresh context; collects console errors and page errors into `errors`. */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      errors.push(`console.error: ${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.stack ?? err.message}`));
  page.on('crash', () => errors.push('crash: the renderer crashed'));
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, errors, close: () => context.close() };
}

// ---------------------------------------------------------------------------------------------
// Waiting on the page
// ---------------------------------------------------------------------------------------------

/**
 * Resolve once the page has drawn `n` more animation frames. For checking that something does NOT
 * happen (a paused clock stays still): whatever the page does frame by frame has had `n` chances
 * to do it, however fast or slow the machine, where a fixed sleep would guess a duration.
 */
export async function animationFrames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let seen = 0;
        const tick = () => (++seen >= count ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

// ---------------------------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------------------------

let axeSource: string | undefined;

/** Inject axe-core into the page and return its violations (all impacts; filter as needed). */
export async function runAxe(page: Page, options: AxeRunOptions = {}): Promise<AxeResult[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, not as a <script> tag: the page's Content-Security-
  // Policy (tools/hosting.ts) refuses inline scripts, and should, but the test's own tool is not
  // the page's code.
  if (!hasAxe) await page.evaluate(`${axeSource}\n;window.axe = axe; void 0;`);
  return page.evaluate(async (opts) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { ...opts, resultTypes: ['violations'] });
    return results.violations;
  }, options);
}

/** A readable one-line-per-node summary of violations, for assertion messages. */
export function formatViolations(violations: readonly AxeResult[]): string {
  return violations
    .map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// One page for a describe block
// ---------------------------------------------------------------------------------------------

export interface SuitePage {
  /** Set before the block's first test. */
  readonly server: PreviewHandle;
  readonly browser: Browser;
  readonly opened: OpenedPage;
}

/**
 * The set-up most browser tests share: before the block's tests, start the preview server and the
 * browser and open one page at `hash` in a laptop-sized window (1366x850); after them, close all
 * three. `then` runs after the page opens, inside the same beforeAll (e.g. a command-line run to
 * compare with).
 */
export function suitePage(hash: string, then?: () => Promise<void>): SuitePage {
  let server: PreviewHandle | undefined;
  let browser: Browser | undefined;
  let opened: OpenedPage | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
    opened = await openPage(browser, `${server.url}${hash}`);
    await opened.page.setViewportSize({ width: 1366, height: 850 });
    await then?.();
  }, 180_000);
  afterAll(async () => {
    await opened?.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });
  const ready = <T>(what: string, v: T | undefined): T => {
    if (v === undefined) throw new Error(`suitePage(${hash}): the ${what} is not open yet (use it inside a test)`);
    return v;
  };
  return {
    get server() { return ready('server', server); },
    get browser() { return ready('browser', browser); },
    get opened() { return ready('page', opened); },
  };
}
