/**
 * What a claim's source means: "004 ¶38" is paragraph 38 of seed document 004. The short titles
 * of the source documents (../shared/seeds/README.md) are written here so the page fetches
 * nothing: it works with no network.
 */

export interface SourceDocument {
  /** How the claims cite it: "004", "DOMAIN.md". */
  key: string;
  title: string;
  /** The year the document describes. */
  year: string;
  /** How its paragraphs are counted. */
  paragraphs: string;
}

const UNNUMBERED = '¶ counts non-empty lines';

export const SOURCE_DOCUMENTS: readonly SourceDocument[] = [
  { key: '004', title: 'Ofsted inspection of child protection in Kingston upon Thames, 3-12 June 2013 (judged inadequate)', year: '2013', paragraphs: 'numbered paragraphs' },
  { key: '003', title: 'The council’s own summary of the 2013 inspection (“more to do”)', year: '2013', paragraphs: UNNUMBERED },
  { key: '000', title: 'Trade-press case study of the 2015 re-inspection (judged good): the Single Point of Access team', year: '2015', paragraphs: UNNUMBERED },
  { key: '002', title: 'Summary of the 2019 Ofsted inspection (judged outstanding)', year: '2019', paragraphs: UNNUMBERED },
  { key: '001', title: 'Trade-press article on the 2019 outstanding judgement', year: '2019', paragraphs: UNNUMBERED },
  {
    key: 'DOMAIN.md',
    title: 'The project’s domain notes: statutory clocks and national figures for calibration (Department for Education, National Audit Office)',
    year: '2012-2017',
    paragraphs: 'cited by section name',
  },
];

/** The documents a source cites, in the order first cited: "004 ¶38; 000 ¶9" -> 004, 000. */
export function citedDocuments(source: string): SourceDocument[] {
  const keys: string[] = [];
  for (const m of source.matchAll(/\b(\d{3}) ¶|DOMAIN\.md/g)) {
    const key = m[1] ?? 'DOMAIN.md';
    if (!keys.includes(key)) keys.push(key);
  }
  return keys.map((k) => SOURCE_DOCUMENTS.find((d) => d.key === k) ?? { key: k, title: `Source document ${k}`, year: '', paragraphs: '' });
}
