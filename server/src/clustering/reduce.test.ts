import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer.js';
import { symmetricEigen } from './reduce.js';

describe('symmetricEigen', () => {
  it('finds the eigenvalues in decreasing order and orthonormal eigenvectors that rebuild the matrix', async () => {
    const size = 4;
    const matrix = Float64Array.from([4, 1, 2, 0.5, 1, 3, 0, 1, 2, 0, 5, 1.5, 0.5, 1, 1.5, 2]);
    const { values, vectors } = await symmetricEigen(matrix, size, new Pacer({}));
    expect([...values]).toEqual([...values].sort((a, b) => b - a));
    expect(values.reduce((sum, value) => sum + value, 0)).toBeCloseTo(4 + 3 + 5 + 2, 10);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        let rebuilt = 0;
        let dot = 0;
        for (let e = 0; e < size; e++) {
          rebuilt += vectors[i * size + e]! * values[e]! * vectors[j * size + e]!;
          dot += vectors[e * size + i]! * vectors[e * size + j]!;
        }
        expect(rebuilt).toBeCloseTo(matrix[i * size + j]!, 10);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
  });
});
