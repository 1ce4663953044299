import { describe, expect, it } from 'vitest';
import { redirectTargetFrom } from './redirect-target';

describe('redirectTargetFrom', () => {
  it('returns to the page that asked for a login', () => {
    expect(redirectTargetFrom({ from: '/anggota?page=2' })).toBe('/anggota?page=2');
  });

  it('goes home without a previous page', () => {
    expect(redirectTargetFrom(null)).toBe('/');
    expect(redirectTargetFrom({})).toBe('/');
    expect(redirectTargetFrom({ from: '/masuk' })).toBe('/');
  });

  it('refuses to leave the app', () => {
    expect(redirectTargetFrom({ from: 'https://evil.example' })).toBe('/');
    expect(redirectTargetFrom({ from: '//evil.example' })).toBe('/');
    expect(redirectTargetFrom({ from: '/\\evil.example' })).toBe('/');
  });
});
