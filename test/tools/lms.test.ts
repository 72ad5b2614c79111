import { describe, expect, it } from 'vitest';
import { LMS_DEFAULTS, PASS_MARK } from '../../src/ui/training/lms/config';
import { policyText, singleFilePolicy } from '../../tools/hosting';
import { defaultZip, parseLmsArgs, scormManifest } from '../../tools/lms';

const errorsOf = (argv: string[]) => {
  const r = parseLmsArgs(argv);
  return 'errors' in r ? r.errors : [];
};

describe('npm run build:lms options', () => {
  it('defaults to the documented pass mark, and no endpoint: nothing sent', () => {
    const r = parseLmsArgs([]);
    expect(r).toEqual({ config: { ...LMS_DEFAULTS, passMark: PASS_MARK.default }, out: defaultZip('1.2') });
    expect(parseLmsArgs(['--scorm', '2004'])).toMatchObject({ config: { scorm: '2004' }, out: defaultZip('2004') });
    expect(errorsOf(['--scorm', '3'])).toEqual(['--scorm: must be 1.2 or 2004']);
  });

  it('takes a pass mark from 0 to 100 and refuses anything else by name', () => {
    expect(parseLmsArgs(['--pass-mark', '0'])).toMatchObject({ config: { passMark: 0 } });
    expect(parseLmsArgs(['--pass-mark=100'])).toMatchObject({ config: { passMark: 100 } });
    for (const bad of ['101', '72.5', 'eighty', '']) expect(errorsOf(['--pass-mark', bad])).toEqual(['--pass-mark: must be a whole number from 0 to 100']);
    expect(errorsOf(['--pass-mark=-1'])).toEqual(['--pass-mark: must be a whole number from 0 to 100']);
    // Read as every command reads its options (src/cli/options.ts).
    expect(errorsOf(['--pass-mark'])).toEqual(['--pass-mark needs a value']);
    expect(errorsOf(['--pass-mark', '-1'])).toEqual(['--pass-mark needs a value; give one that starts with a dash as --pass-mark=VALUE']);
    expect(errorsOf(['--pass-mark', '70', '--pass-mark', '80'])).toEqual(['--pass-mark is given twice; give it once']);
    expect(errorsOf(['extra.zip'])[0]).toMatch(/^build:lms takes no file arguments/);
    expect(parseLmsArgs(['-h'])).toEqual({ help: true });
  });

  it('takes only an https endpoint without credentials in it, and auth only with an endpoint', () => {
    expect(parseLmsArgs(['--xapi-endpoint', 'https://lrs.example.org/xapi/', '--xapi-auth', 'Basic abc='])).toMatchObject({ config: { xapiEndpoint: 'https://lrs.example.org/xapi/', xapiAuth: 'Basic abc=' } });
    for (const bad of ['http://lrs.example.org/xapi/', 'https://user:pw@lrs.example.org/', 'lrs.example.org', 'https://lrs.example.org/?x=1']) {
      expect(errorsOf(['--xapi-endpoint', bad])[0]).toMatch(/^--xapi-endpoint: must be an https:\/\/ address/);
    }
    expect(errorsOf(['--xapi-auth', 'Basic abc='])).toEqual(['--xapi-auth: is given without --xapi-endpoint: there is nowhere to send it']);
    expect(errorsOf(['--nonsense', 'x'])[0]).toMatch(/^--nonsense is not an option of build:lms \(it takes --scorm, --pass-mark, .*--help\)$/);
  });

  it('writes a SCORM 1.2 manifest with the title escaped and the pass mark as the mastery score', () => {
    const m = scormManifest({ ...LMS_DEFAULTS, title: 'Front door <A&B>', passMark: 70 }, ['index.html', 'sim.worker-x.js']);
    expect(m).toContain('<schemaversion>1.2</schemaversion>');
    expect(m).toContain('<title>Front door &lt;A&amp;B&gt;</title>');
    expect(m).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
    expect(m).toContain('<file href="sim.worker-x.js"/>');
  });

  it('writes a SCORM 2004 manifest whose primary objective is satisfied at the pass mark', () => {
    const m = scormManifest({ ...LMS_DEFAULTS, scorm: '2004', passMark: 70 }, ['index.html']);
    expect(m).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(m).toContain('<imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>');
    expect(m).toContain('adlcp:scormType="sco" href="index.html"');
  });
});

describe('the page policy with a learning record store', () => {
  const connectSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('connect-src'));

  it("lets the page connect to its own origin only, when no endpoint is set", () => {
    expect(connectSrc(singleFilePolicy('<script>1</script>'))).toBe("connect-src 'self'");
  });

  it("adds the endpoint's origin, and only that, when one is set", () => {
    expect(connectSrc(singleFilePolicy('<script>1</script>', 'https://lrs.example.org/xapi/'))).toBe("connect-src 'self' https://lrs.example.org");
    expect(policyText({ 'connect-src': ["'self'"] })).toBe("connect-src 'self'");
  });
});
