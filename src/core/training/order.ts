/** The one order of vignettes and contacts by id: code-unit order, the same in every locale. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
