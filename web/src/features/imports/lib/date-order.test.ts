import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '@cairn/shared';
import { dateOrderInFile, dateOrderToSend } from './date-order';

const preview = { dateOrders: { Submitted: 'month-first', Opened: 'unknown' } } as unknown as ImportPreview;

describe('dateOrderInFile', () => {
  it('gives the order the preview found for the mapped date column', () => {
    expect(dateOrderInFile(preview, 'Submitted')).toBe('month-first');
    expect(dateOrderInFile(preview, 'Opened')).toBe('unknown');
  });

  it('gives null for a column without slashed dates, no column, or a name Object has', () => {
    expect(dateOrderInFile(preview, 'Email')).toBeNull();
    expect(dateOrderInFile(preview, undefined)).toBeNull();
    expect(dateOrderInFile(preview, 'constructor')).toBeNull();
  });
});

describe('dateOrderToSend', () => {
  it('sends the order the file proved unless the person chose another', () => {
    expect(dateOrderToSend('month-first', null)).toBe('month-first');
    expect(dateOrderToSend('month-first', 'day-first')).toBe('day-first');
  });

  it('sends the choice when the file cannot tell, and nothing without one or without slashed dates', () => {
    expect(dateOrderToSend('unknown', 'day-first')).toBe('day-first');
    expect(dateOrderToSend('unknown', null)).toBeUndefined();
    expect(dateOrderToSend(null, 'day-first')).toBeUndefined();
  });
});
