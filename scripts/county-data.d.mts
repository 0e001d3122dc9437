// The types of county-data.mjs (the sample county's generator), for the TypeScript scripts that import it.
export function rng(seed: number): () => number;
