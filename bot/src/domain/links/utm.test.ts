import { describe, expect, it } from 'vitest';
import { campaignSlug, withUtm } from './utm.js';

describe('UTM tagging', () => {
  it('adds the four tags', () => {
    const url = new URL(withUtm({ destination: 'https://contoso.example/jobs/1', network: 'x', campaign: 'jobs', code: 'abc123' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      utm_source: 'x',
      utm_medium: 'employee_advocacy',
      utm_campaign: 'jobs',
      utm_content: 'abc123',
    });
  });

  it("keeps the destination's own query string and fragment", () => {
    const out = withUtm({ destination: 'https://contoso.example/a?ref=jobs&lang=de#apply', network: 'linkedin', campaign: 'c', code: 'k' });
    const url = new URL(out);
    expect(url.searchParams.get('ref')).toBe('jobs');
    expect(url.searchParams.get('lang')).toBe('de');
    expect(url.hash).toBe('#apply');
    expect(url.searchParams.get('utm_source')).toBe('linkedin');
  });

  it('lets a UTM value the admins wrote into the destination win', () => {
    const url = new URL(withUtm({ destination: 'https://contoso.example/?utm_campaign=spring', network: 'x', campaign: 'auto', code: 'k' }));
    expect(url.searchParams.getAll('utm_campaign')).toEqual(['spring']);
  });

  it("always carries the link's code in utm_content: conversions are attributed by it", () => {
    const url = new URL(withUtm({ destination: 'https://contoso.example/jobs/1?utm_content=banner&utm_source=intranet', network: 'x', campaign: 'c', code: 'Abc123xyz9' }));
    expect(url.searchParams.getAll('utm_content')).toEqual(['Abc123xyz9']);
    expect(url.searchParams.getAll('utm_source')).toEqual(['intranet']);
  });

  it('makes readable campaign names from German titles', () => {
    expect(campaignSlug('Größte Übung: Wir suchen Dich!')).toBe('grosste-ubung-wir-suchen-dich');
    expect(campaignSlug('!!!')).toBe('item');
  });
});
