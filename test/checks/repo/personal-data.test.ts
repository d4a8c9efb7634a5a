import { describe, expect, it } from 'vitest';
import check from '../../../checks/repo/personal-data.js';
import { maskEmail, personalValues, validIban, validNir } from '../../../checks/repo/personal-data-formats.js';
import { evaluateCheck, testCheck } from '../../../checks/tester.js';
import { tempRepo } from '../../helpers/temp-repo.js';
import { writeXlsx } from '../../helpers/write-xlsx.js';

// Made-up people; the NIRs and IBANs are built to pass their keys (nobody's real numbers).
const NIR_MALE = '185077512345608';
const NIR_CORSICA = '2 90 05 2A 123 456 29';
const IBAN = 'FR76 3000 6000 0112 3456 7890 189';

describe('personal data formats', () => {
  it('NIR: the key is 97 − (13 digits mod 97), 2A/2B as 19/18', () => {
    expect(validNir(NIR_MALE)).toBe(true);
    expect(validNir('185077512345607')).toBe(false);
    expect(validNir(NIR_CORSICA)).toBe(true);
    expect(validNir('290052A12345628')).toBe(false);
  });
  it('IBAN: mod 97 is 1', () => {
    expect(validIban(IBAN)).toBe(true);
    expect(validIban('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
  });
  it('hashes, uuids and masked values are not personal data', () => {
    // The second digest holds ten digits that read as a phone number (0212345618) between letters.
    for (const value of ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', '4c1e9d2b7a30ab0212345618cd5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e', '3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'j***@e***.fr', '06******78', '1**************']) expect(personalValues(value, 'email')).toEqual([]);
    expect(maskEmail('jeanne.dupont@ecole.fr')).toBe('j***@e***.fr');
  });
});

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const clients = latin1(
  ['id;nom;prénom;email;téléphone;nir;ville', `1;Dupont;Jeanne;jeanne.dupont@ecole.fr;06 12 34 56 78;${NIR_MALE};Besançon`, `2;Lefèvre;Élodie;elodie.lefevre@free.fr;+33 7 98 76 54 32;${NIR_CORSICA};Ajaccio`, '3;Benali;Karim;k.benali@orange.fr;0145678901;;Créteil', ''].join('\r\n'),
);
const pseudonymised = latin1(
  ['id;email_sha256;téléphone;nir;ville', '1;9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08;06******78;1**************;Besançon', '2;60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbf9f4c7ca6a1d2;07******32;2**************;Ajaccio', ''].join('\r\n'),
);
const PLAIN = ['jeanne.dupont@ecole.fr', 'elodie.lefevre@free.fr', 'k.benali@orange.fr', '06 12 34 56 78', NIR_MALE, '2 90 05 2A 123 456 29', '+33 7 98 76 54 32', '0145678901', 'FR7630006000011234567890189'];

testCheck(check, {
  valid: [
    {
      name: 'a pseudonymised export (digests, masked values) and a metrics JSON',
      evidence: () => ({ workspace: tempRepo({ 'data/clients_pseudo.csv': pseudonymised, 'outputs/metrics.json': '{"rmse": 12.4, "mae": 9.1}', 'README.md': '# Projet\n' }) }),
      expect: { status: 'pass', message: 'pass', includes: ['in the 1 data files'], evidence: [{ subject: 'data files and tables', actual: 0, expected: 0 }] },
    },
  ],
  invalid: [
    {
      name: 'a ;-separated Latin-1 CSV of e-mails, phones and NIRs (one from Corsica)',
      evidence: () => ({ workspace: tempRepo({ 'data/clients.csv': clients }) }),
      expect: {
        status: 'fail',
        message: 'found',
        includes: ['data/clients.csv:email (3 e-mail)', 'data/clients.csv:nir (2 NIR)', 'data/clients.csv:téléphone (3 phone)'],
        evidence: [
          { subject: 'data/clients.csv:email', actual: 3, expected: 0, data: { kind: 'e-mail', column: 'email', examples: ['j***@e***.fr', 'e***@f***.fr'] } },
          { subject: 'data/clients.csv:nir', actual: 2, data: expect.objectContaining({ kind: 'NIR' }) },
        ],
      },
    },
    {
      name: 'IBANs in a JSON of payments, and e-mails in an XLSX',
      evidence: () => {
        const workspace = tempRepo({ 'exports/paiements.json': JSON.stringify([{ client: 1, iban: IBAN.replace(/ /g, '') }, { client: 2, iban: 'FR7630006000011234567890188' }]) });
        writeXlsx(workspace.resolve('exports/contacts.xlsx'), [['nom', 'contact'], ['Dupont', 'jeanne.dupont@ecole.fr']]);
        return { workspace };
      },
      expect: {
        status: 'fail',
        message: 'found',
        evidence: [
          { subject: 'exports/paiements.json:iban', actual: 1, data: expect.objectContaining({ kind: 'IBAN', examples: ['FR*************************'] }) },
          { subject: 'exports/contacts.xlsx:contact', actual: 1, data: expect.objectContaining({ kind: 'e-mail' }) },
        ],
      },
    },
    {
      name: 'no data file: nothing compared',
      evidence: () => ({ workspace: tempRepo({ 'README.md': '# Projet\n', 'src/main.py': 'print(1)\n' }) }),
      expect: { status: 'skip', message: 'noData', evidence: [{ subject: 'data files and tables', actual: 0 }] },
    },
  ],
});

describe('no unmasked value in the verdict', () => {
  it('the failing verdict holds counts and masked examples only', async () => {
    const verdict = await evaluateCheck(check, { evidence: () => ({ workspace: tempRepo({ 'data/clients.csv': clients, 'exports/p.json': JSON.stringify([{ iban: 'FR7630006000011234567890189' }]) }) }) });
    const text = JSON.stringify(verdict);
    for (const value of PLAIN) expect(text).not.toContain(value);
    expect(text.replace(/\s/g, '')).not.toContain(NIR_CORSICA.replace(/\s/g, ''));
  });
});
