import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';
import { CLUSTER_K_MAX, ClusterInputError, clusterTexts, normalizedMutualInformation, type ClusterOutcome } from './index.js';

const TOPICS = {
  billing: ['invoice', 'refund', 'charged', 'payment', 'billing', 'receipt', 'overcharged', 'subscription', 'price', 'discount'],
  login: ['password', 'login', 'reset', 'locked', 'authentication', 'username', 'signin', 'verification', 'code', 'expired'],
  shipping: ['delivery', 'package', 'shipping', 'courier', 'tracking', 'parcel', 'late', 'address', 'warehouse', 'damaged'],
};
const FILLER = ['hi', 'the', 'my', 'please', 'thanks', 'is', 'again', 'why', 'with'];

/** Short messages on three topics with no word in common: what any clustering must get right. */
function threeTopics(perTopic: number, seed = 1): { texts: string[]; topics: string[] } {
  const random = seededRandom(seed);
  const pick = (words: string[]) => words[Math.floor(random() * words.length)]!;
  const texts: string[] = [];
  const topics: string[] = [];
  for (let i = 0; i < perTopic; i++) {
    for (const [topic, words] of Object.entries(TOPICS)) {
      texts.push(Array.from({ length: 6 }, (_, w) => (w % 3 === 0 ? pick(FILLER) : pick(words))).join(' '));
      topics.push(topic);
    }
  }
  return { texts, topics };
}

/** The cluster of each text (-1 when unclustered). */
function labelsOf(outcome: ClusterOutcome, count: number): number[] {
  const labels = new Array<number>(count).fill(-1);
  outcome.clusters.forEach((cluster, c) => cluster.members.forEach((member) => (labels[member.index] = c)));
  return labels;
}

describe('clusterTexts', () => {
  it('separates clearly different topics, and labels them with their words', async () => {
    const { texts, topics } = threeTopics(40);
    const outcome = await clusterTexts(texts, { k: 3, seed: 1 });
    expect(outcome.k).toBe(3);
    expect(normalizedMutualInformation(topics, labelsOf(outcome, texts.length))).toBe(1);
    for (const cluster of outcome.clusters) {
      const topic = topics[cluster.members[0]!.index]! as keyof typeof TOPICS;
      expect(cluster.terms.length).toBeGreaterThan(0);
      for (const word of cluster.terms.flatMap((term) => term.split(' '))) expect(TOPICS[topic]).toContain(word);
      expect(cluster.label).toBe(cluster.terms.slice(0, 3).join(' · '));
    }
  });

  it('chooses k automatically by silhouette', async () => {
    const { texts } = threeTopics(60);
    const outcome = await clusterTexts(texts, { k: 'auto', seed: 1 });
    expect(outcome.k).toBe(3);
    expect(outcome.silhouette).toBeGreaterThan(0);
  });

  it('returns the same outcome for the same texts, k and seed', async () => {
    const { texts } = threeTopics(30);
    const first = await clusterTexts(texts, { k: 8, seed: 42 });
    expect(await clusterTexts(texts, { k: 8, seed: 42 })).toEqual(first);
    const others = await Promise.all([1, 2, 3].map((seed) => clusterTexts(texts, { k: 8, seed })));
    expect(others.some((other) => JSON.stringify(other) !== JSON.stringify(first))).toBe(true);
  });

  it('sorts clusters by size and members by score, with scores in [0, 1] to 3 decimals', async () => {
    const { texts } = threeTopics(30);
    const outcome = await clusterTexts(texts, { k: 7, seed: 3 });
    const sizes = outcome.clusters.map((cluster) => cluster.members.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const { members } of outcome.clusters) {
      expect(members.map((member) => member.score)).toEqual(members.map((member) => member.score).sort((a, b) => b - a));
      for (const { score } of members) {
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(Math.round(score * 1000) / 1000).toBe(score);
      }
    }
    const indexes = outcome.clusters.flatMap((cluster) => cluster.members.map((member) => member.index));
    expect(indexes.sort((a, b) => a - b)).toEqual(texts.map((_, i) => i));
  });

  it('leaves out texts with nothing to cluster on and keeps the others at their input index', async () => {
    const { texts } = threeTopics(10);
    const odd = ['', '   ', 'Hi, thanks so much!', 'Order 12345 https://shop.example/o/12345 ana@example.com', 'zyzzyva quokka'];
    const outcome = await clusterTexts([...odd, ...texts], { k: 3, seed: 1 });
    expect(outcome.unclustered).toEqual([0, 1, 2, 3, 4]);
    const clustered = outcome.clusters.flatMap((cluster) => cluster.members.map((member) => member.index));
    expect(clustered.sort((a, b) => a - b)).toEqual(texts.map((_, i) => i + odd.length));
  });

  it('makes fewer clusters than k when the texts have fewer distinct contents', async () => {
    const outcome = await clusterTexts(['refund invoice', 'refund invoice', 'password reset', 'password reset'], { k: 3, seed: 1 });
    expect(outcome.k).toBe(3);
    expect(outcome.clusters.map((cluster) => cluster.members.map((member) => member.index))).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('refuses a k it cannot make, and too few texts for k, in plain words', async () => {
    const texts = ['refund invoice', 'invoice refund', 'password reset', 'reset password'];
    await expect(clusterTexts(texts, { k: 5, seed: 1 })).rejects.toThrow(
      new ClusterInputError('There are only 4 texts to cluster, and 5 clusters need at least 5. Choose fewer clusters or a wider scope.'),
    );
    await expect(clusterTexts([...texts, 'one lonely text', ''], { k: 5, seed: 1 })).rejects.toThrow(
      new ClusterInputError('Only 4 of the 6 texts share words with another text, and 5 clusters need at least 5. Choose fewer clusters or a wider scope.'),
    );
    await expect(clusterTexts([], { k: 'auto', seed: 1 })).rejects.toThrow(new ClusterInputError('There are no texts to cluster.'));
    for (const k of [1, CLUSTER_K_MAX + 1, 2.5, Number.NaN]) {
      await expect(clusterTexts(texts, { k, seed: 1 })).rejects.toThrow(new ClusterInputError('The number of clusters must be a whole number from 2 to 100, or automatic.'));
    }
  });

  it('reports progress that never decreases and ends at 1', async () => {
    const { texts } = threeTopics(300);
    const progress: number[] = [];
    await clusterTexts(texts, { k: 10, seed: 1 }, { onProgress: (fraction) => progress.push(fraction) });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.every((fraction) => fraction >= 0 && fraction <= 1)).toBe(true);
  });

  it('stops with the signal’s reason once aborted', async () => {
    const { texts } = threeTopics(300);
    const controller = new AbortController();
    const reason = new Error('run cancelled');
    const run = clusterTexts(texts, { k: 10, seed: 1 }, { signal: controller.signal, onProgress: () => controller.abort(reason) });
    await expect(run).rejects.toBe(reason);
    await expect(clusterTexts(texts, { k: 10, seed: 1 }, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  it('lets the event loop run during a long clustering', async () => {
    const { texts } = threeTopics(500);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    try {
      await clusterTexts(texts, { k: 'auto', seed: 1 });
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThanOrEqual(5);
  });
});
