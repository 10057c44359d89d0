/**
 * Normalized mutual information between two labelings of the same items, normalized by the
 * arithmetic mean of their entropies (scikit-learn's default `average_method`), with its limit
 * cases: two labelings that each put everything in one group agree perfectly (1); labelings
 * sharing no information score 0.
 */
export function normalizedMutualInformation(labelsA: readonly (number | string)[], labelsB: readonly (number | string)[]): number {
  if (labelsA.length !== labelsB.length) throw new RangeError(`The labelings differ in length (${labelsA.length} and ${labelsB.length})`);
  const count = labelsA.length;
  const idsA = toIds(labelsA);
  const idsB = toIds(labelsB);
  if (idsA.groups === idsB.groups && idsA.groups <= 1) return 1;
  const joint = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const key = idsA.ids[i]! * idsB.groups + idsB.ids[i]!;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  let mutual = 0;
  for (const [key, together] of joint) {
    const a = idsA.sizes[Math.floor(key / idsB.groups)]!;
    const b = idsB.sizes[key % idsB.groups]!;
    mutual += (together / count) * Math.log((together * count) / (a * b));
  }
  mutual = Math.max(mutual, 0);
  if (mutual === 0) return 0;
  return mutual / ((entropy(idsA.sizes, count) + entropy(idsB.sizes, count)) / 2);
}

function toIds(labels: readonly (number | string)[]): { ids: Int32Array; sizes: number[]; groups: number } {
  const groupOf = new Map<number | string, number>();
  const sizes: number[] = [];
  const ids = Int32Array.from(labels, (label) => {
    const id = groupOf.get(label) ?? groupOf.set(label, sizes.push(0) - 1).get(label)!;
    sizes[id]!++;
    return id;
  });
  return { ids, sizes, groups: sizes.length };
}

function entropy(sizes: number[], count: number): number {
  return -sizes.reduce((sum, size) => sum + (size / count) * Math.log(size / count), 0);
}
