import type { EvidenceImportance } from '@cairn/shared';

/**
 * What an evidence list shows while its importance filter hides some evidence: the importance
 * kept, in words, and how many match (once known). The list (insights) says it; the page's copy
 * and export (highlights) take out the same.
 */
export type ShownEvidence = { importance: EvidenceImportance; words: string; count: number | undefined };
