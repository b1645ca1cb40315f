// The filters of a search as tokens of their own in the index, so that filtering happens inside the full-text
// query (no join, no row read): ASCII letters and digits only, none of which segment.ts makes from a text's words
// in the same index part (the engines match them only in the facets part).
const hex = (s: string) => [...new TextEncoder().encode(s)].map((b) => b.toString(16).padStart(2, '0')).join('');

export const facet = {
  agency: (id: number) => `ag${id}`,
  kind: (kind: string) => `kd${kind.toLowerCase()}`,
  topic: (topic: string) => `tp${hex(topic)}`,
  year: (year: number) => `yr${year}`,
  validity: (validity: string) => `vd${validity.toLowerCase()}`,
};
