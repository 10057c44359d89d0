import { describe, expect, it } from 'vitest';
import { editDistance } from './words.js';

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('reciev', 'receiv')).toBe(1);
    expect(editDistance('recieve', 'recipe')).toBe(2);
    expect(editDistance('transfr', 'transfer')).toBe(1);
  });
});
