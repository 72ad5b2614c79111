/**
 * The vignette library, bundled from scenarios/training/*.json and validated with the core's
 * parser. A file that fails validation is left out and reported (by file, field and rule), so a
 * trainer's mistake in one vignette does not stop a class.
 */
import { loadLibrary, type LibraryLoad } from '../../core/training';

const files = import.meta.glob('../../../scenarios/training/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

export const LIBRARY: LibraryLoad = loadLibrary(
  Object.entries(files)
    .map(([path, text]) => ({ name: path.replace(/^.*\//, ''), text }))
    .sort((a, b) => (a.name < b.name ? -1 : 1)),
);
