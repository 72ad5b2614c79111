/**
 * What a trainer sets when building the LMS package (`npm run build:lms`, tools/lms.ts): the pass
 * mark, and, only if they want statements sent anywhere, a learning record store's address. The
 * build checks the options with this schema and carries the result into the page as
 * `__SPA_LMS__` (vite.config.ts); every other build carries `null`, and the app behaves as it
 * always has.
 */
import type { NumberBound } from '../../../core/bounds';
import { z } from '../../../core/zod';

/**
 * The pass mark, out of 100 on the training score (src/core/training/scoring.ts). The bound is the
 * score's own range. The default is an assumption: a common LMS mastery score, not from a source.
 */
export const PASS_MARK: NumberBound & { default: number } = {
  min: 0,
  max: 100,
  whole: true,
  why: 'the training score runs from 0 to 100',
  default: 80,
};

/** Where statements are sent; the build's Content-Security-Policy allows this origin and no other. */
const endpoint = z
  .string({ message: 'must be the https:// address of a learning record store' })
  .max(2_000, 'must be at most 2000 characters')
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && u.username === '' && u.password === '' && u.search === '' && u.hash === '';
    } catch {
      return false;
    }
  }, 'must be an https:// address with no user name, password, query or fragment (for example https://lrs.example.org/xapi/)');

export const LmsConfigSchema = z
  .object({
    /** Which SCORM the package speaks: 1.2, which every common LMS imports, or 2004 (4th edition). */
    scorm: z.enum(['1.2', '2004'], { message: 'must be 1.2 or 2004' }),
    passMark: z
      .number({ message: `must be a whole number from ${PASS_MARK.min} to ${PASS_MARK.max}` })
      .int(`must be a whole number from ${PASS_MARK.min} to ${PASS_MARK.max}`)
      .min(PASS_MARK.min, `must be a whole number from ${PASS_MARK.min} to ${PASS_MARK.max}`)
      .max(PASS_MARK.max, `must be a whole number from ${PASS_MARK.min} to ${PASS_MARK.max}`),
    /** The course's title in the LMS. */
    title: z.string({ message: 'must be text' }).min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    /** The xAPI activity id: an IRI naming this course (the default is an assumption; set your own). */
    activityId: z.string({ message: 'must be text' }).url('must be an absolute address (an IRI), for example https://training.example.org/front-door').max(2_000, 'must be at most 2000 characters'),
    xapiEndpoint: endpoint.optional(),
    /** The Authorization header the record store asks for ("Basic ..."), only with an endpoint. */
    xapiAuth: z.string({ message: 'must be text' }).max(2_000, 'must be at most 2000 characters').regex(/^[\x20-\x7e]*$/, 'must be printable ASCII (an HTTP header value)').optional(),
  })
  .strict()
  .refine((c) => c.xapiAuth === undefined || c.xapiEndpoint !== undefined, { message: 'is given without --xapi-endpoint: there is nowhere to send it', path: ['xapiAuth'] });

export type LmsConfig = z.output<typeof LmsConfigSchema>;

export const LMS_DEFAULTS = {
  scorm: '1.2',
  passMark: PASS_MARK.default,
  title: 'A shift at the front door: threshold decisions (training)',
  /** An assumption: a reserved (.invalid) address, so that nobody's real address is claimed by accident. */
  activityId: 'https://spa-front-door-simulator.invalid/training',
} as const;

/** Options as a person typed them (strings from the command line) to a checked config, or errors naming the option. */
export function parseLmsConfig(input: Record<string, unknown>): { config: LmsConfig } | { errors: string[] } {
  const r = LmsConfigSchema.safeParse({ ...LMS_DEFAULTS, ...input });
  if (r.success) return { config: r.data };
  return { errors: r.error.issues.map((i) => `${OPTION_NAMES[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`) };
}

/** The command-line option for each field, so that an error names what the trainer typed. */
export const OPTION_NAMES: Record<string, string> = {
  scorm: '--scorm',
  passMark: '--pass-mark',
  title: '--title',
  activityId: '--activity-id',
  xapiEndpoint: '--xapi-endpoint',
  xapiAuth: '--xapi-auth',
};

/** The config this build carries: null except in the LMS package. */
export function buildConfig(): LmsConfig | null {
  return typeof __SPA_LMS__ === 'undefined' ? null : __SPA_LMS__;
}
