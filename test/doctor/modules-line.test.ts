import { describe, expect, it } from 'vitest';
import { modulesLine, type Probe } from '../../runner/doctor/probe-python.js';

const probe = (modules: Probe['modules']): Probe => ({ version: '3.11.2', venv: false, modules });

describe('doctor: the modules line agrees with how many are missing and present', () => {
  it('one missing, one present: singular in French', () => {
    const line = modulesLine(probe({ pandas: '2.1.0', sklearn: null }), ['pandas', 'sklearn'], true, []);
    expect(line.summary).toEqual({ fr: 'manquant : sklearn ; présent : pandas 2.1.0', en: 'missing: sklearn; present: pandas 2.1.0' });
  });

  it('three missing, none present: plural for the missing, singular for zero present (French)', () => {
    const line = modulesLine(probe({ pandas: null, sklearn: null, nbconvert: null }), ['pandas', 'sklearn', 'nbconvert'], true, []);
    expect(line.summary).toEqual({ fr: 'manquants : pandas, sklearn, nbconvert ; présent : —', en: 'missing: pandas, sklearn, nbconvert; present: —' });
  });
});
