import { describe, expect, it } from 'vitest';
import { formatFactor, formatNumber } from '../../../src/diagnosis/format-factor.js';

describe('formatFactor', () => {
  it('writes factors as a person would', () => {
    expect(formatFactor(3.0000000002)).toBe('3');
    expect(formatFactor(0.5)).toBe('0.5');
    expect(formatFactor(-1)).toBe('−1');
    expect(formatFactor(1 / 3)).toBe('1/3');
    expect(formatFactor(-1 / 64)).toBe('−1/64');
    expect(formatFactor(0.25)).toBe('0.25');
    expect(formatFactor(2.3712)).toBe('2.37');
    expect(formatFactor(1.013)).toBe('1.01');
    expect(formatFactor(0.0123)).toBe('0.0123');
  });

  it('writes numbers to three digits with a true minus', () => {
    expect(formatNumber(0.05)).toBe('0.05');
    expect(formatNumber(-0.23333)).toBe('−0.233');
  });
});
