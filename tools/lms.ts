/**
 * `npm run build:lms`: the training as a SCORM 1.2 package for a learning management system.
 *
 *   npm run build:lms -- [--pass-mark 80] [--title "..."] [--activity-id https://...]
 *                        [--xapi-endpoint https://lrs.example.org/xapi/ [--xapi-auth "Basic ..."]]
 *                        [--out dist-lms/front-door-training-scorm12.zip]
 *
 * It builds the single-file page (vite.config.ts, mode "lms": the `build:single` build with the
 * options carried in), writes imsmanifest.xml beside it and zips the two. The README's "For a
 * workforce team" says how to import it and what it reports.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { build } from 'vite';
import { LMS_DEFAULTS, OPTION_NAMES, PASS_MARK, parseLmsConfig, type LmsConfig } from '../src/ui/training/lms/config';
import { InputError } from '../src/cli/io';
import { parseCommandLine } from '../src/cli/options';
import { LMS_PACKAGE_DIR } from './hosting';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** dist-lms/front-door-training-scorm12.zip, or -scorm2004.zip. */
export const defaultZip = (scorm: LmsConfig['scorm']) => join(ROOT, 'dist-lms', `front-door-training-scorm${scorm.replace('.', '')}.zip`);

export const USAGE = `npm run build:lms -- [options]

  --scorm VERSION      1.2 (the default: every common LMS imports it) or 2004 (4th edition)
  --pass-mark N        the score out of 100 a learner needs to pass: a whole number from ${PASS_MARK.min} to ${PASS_MARK.max} (default ${PASS_MARK.default}, an assumption)
  --title TEXT         the course's title in the LMS (default "${LMS_DEFAULTS.title}")
  --activity-id IRI    the xAPI activity id naming this course (default ${LMS_DEFAULTS.activityId}: set your own)
  --xapi-endpoint URL  a learning record store's https:// address: statements are sent there when a shift ends.
                       Off by default: without it nothing is sent anywhere.
  --xapi-auth VALUE    the Authorization header the record store asks for ("Basic ..."); it is written into
                       the package, so use a key that can only write statements for this course
  --out FILE           where the zip goes (default dist-lms/front-door-training-scorm12.zip, or -scorm2004.zip)
  --help               this text`;

/** The options, as the commands in src/cli read theirs (src/cli/options.ts): one field each, named as OPTION_NAMES says. */
const FIELDS: Record<string, keyof LmsConfig> = Object.fromEntries(Object.entries(OPTION_NAMES).map(([field, flag]) => [flag.slice(2), field as keyof LmsConfig]));
const OPTIONS = {
  ...Object.fromEntries(Object.keys(FIELDS).map((name) => [name, { type: 'string' as const }])),
  out: { type: 'string' as const },
  help: { type: 'boolean' as const, short: 'h' },
};

export type LmsArgs = { help: true } | { config: LmsConfig; out: string } | { errors: string[] };

/** Command-line words to checked options; every error names the option and its rule. */
export function parseLmsArgs(argv: readonly string[]): LmsArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseCommandLine('build:lms', argv, OPTIONS, { positionals: 0 }).values;
  } catch (e) {
    if (e instanceof InputError) return { errors: [e.message.replace(/^build:lms: /, '')] };
    throw e;
  }
  if (values.help) return { help: true };
  const input: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(FIELDS)) {
    const value = values[name];
    if (typeof value !== 'string') continue;
    input[field] = field === 'passMark' ? (/^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN) : value;
  }
  const out = typeof values.out === 'string' ? resolve(values.out) : undefined;
  const r = parseLmsConfig(input);
  if ('errors' in r) return { errors: r.errors };
  return { config: r.config, out: out ?? defaultZip(r.config.scorm) };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * imsmanifest.xml for SCORM 1.2 (ADL SCORM 1.2 Content Aggregation Model): one organisation, one
 * SCO that is the page. The pass mark is also the item's mastery score, so an LMS that judges
 * passed or failed itself from the score (RTE 3.4.4, cmi.student_data.mastery_score) agrees.
 */
export function scormManifest(config: LmsConfig, files: readonly string[]): string {
  return config.scorm === '2004' ? scorm2004Manifest(config, files) : scorm12Manifest(config, files);
}

const fileList = (files: readonly string[]) => files.map((f) => `      <file href="${xml(f)}"/>`).join('\n');

function scorm12Manifest(config: LmsConfig, files: readonly string[]): string {
  const title = xml(config.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="spa-front-door-training" version="1.2"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="front-door-training">
    <organization identifier="front-door-training">
      <title>${title}</title>
      <item identifier="shift" identifierref="training-page" isvisible="true">
        <title>${title}</title>
        <adlcp:masteryscore>${config.passMark}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="training-page" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList(files)}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * imsmanifest.xml for SCORM 2004 4th edition: one SCO; its primary objective is satisfied by
 * measure at the pass mark (as a scaled score), which the LMS gives the page as
 * cmi.scaled_passing_score.
 */
function scorm2004Manifest(config: LmsConfig, files: readonly string[]): string {
  const title = xml(config.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="spa-front-door-training" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="front-door-training">
    <organization identifier="front-door-training">
      <title>${title}</title>
      <item identifier="shift" identifierref="training-page" isvisible="true">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="pass-mark" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${config.passMark / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="training-page" type="webcontent" adlcp:scormType="sco" href="index.html">
${fileList(files)}
    </resource>
  </resources>
</manifest>
`;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(relative(dir, p).split(sep).join('/'));
  }
  return out.sort();
}

/** Build the page with `config`, then write the zip to `out`. Returns the zip's path and the files in it. */
export async function buildLmsPackage(config: LmsConfig, out: string, pageDir = LMS_PACKAGE_DIR(ROOT)): Promise<{ zip: string; files: string[] }> {
  const prevConfig = process.env.SPA_LMS_CONFIG;
  const prevNodeEnv = process.env.NODE_ENV;
  process.env.SPA_LMS_CONFIG = JSON.stringify(config);
  // Under Vitest NODE_ENV is "test", and Vite would bundle React's development build.
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), mode: 'lms', logLevel: 'warn', build: { outDir: pageDir, emptyOutDir: true } });
  } finally {
    if (prevConfig === undefined) delete process.env.SPA_LMS_CONFIG;
    else process.env.SPA_LMS_CONFIG = prevConfig;
    if (prevNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = prevNodeEnv;
  }
  const files = await listFiles(pageDir);
  const entries: Record<string, Uint8Array> = { 'imsmanifest.xml': new TextEncoder().encode(scormManifest(config, files)) };
  for (const f of files) entries[f] = new Uint8Array(await readFile(join(pageDir, f)));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, zipSync(entries, { level: 9 }));
  return { zip: out, files: ['imsmanifest.xml', ...files] };
}

async function main(): Promise<void> {
  const args = parseLmsArgs(process.argv.slice(2));
  if ('help' in args) {
    console.log(USAGE);
    return;
  }
  if ('errors' in args) {
    console.error(`${args.errors.map((e) => (e.startsWith('build:lms') ? e : `build:lms: ${e}`)).join('\n')}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { zip, files } = await buildLmsPackage(args.config, args.out);
  console.log(`Wrote ${relative(process.cwd(), zip)} (SCORM ${args.config.scorm}: ${files.join(', ')}); pass mark ${args.config.passMark}; xAPI statements ${args.config.xapiEndpoint ? `sent to ${args.config.xapiEndpoint}` : 'not sent anywhere (no --xapi-endpoint)'}.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
