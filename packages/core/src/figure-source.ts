/**
 * How a figure was obtained (the seed's `_source`). `shared`: read at task
 * boundaries that overlapped another task's (concurrent tests, parallel task
 * scopes), so the value mixes what both did; see TaskNode.overlaps.
 */
export type FigureSource = 'measured' | 'sampled' | 'inferred' | 'shared';
