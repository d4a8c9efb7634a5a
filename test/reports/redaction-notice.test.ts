import { describe, expect, it } from 'vitest';
import { redactionNotice } from '../../runner/build-report.js';

describe('the report notice on masked secrets agrees with their number', () => {
  it('1 secret: singular', () => {
    const notice = redactionNotice(1);
    expect(notice.fr.startsWith('1 secret masqué par *** dans ce rapport :')).toBe(true);
    expect(notice.en.startsWith('1 secret masked as *** in this report:')).toBe(true);
  });

  it('3 secrets: plural', () => {
    const notice = redactionNotice(3);
    expect(notice.fr.startsWith('3 secrets masqués par *** dans ce rapport :')).toBe(true);
    expect(notice.en.startsWith('3 secrets masked as *** in this report:')).toBe(true);
  });
});
