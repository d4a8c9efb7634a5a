import { writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import check from '../../../checks/artifact/troubleshooting-log.js';
import { testCheck } from '../../../checks/tester.js';
import { tempRepo } from '../../helpers/temp-repo.js';
import { writeXlsx } from '../../helpers/write-xlsx.js';

const HEADER = ['N°', 'Date du problème', 'Libellé', 'Date de résolution', 'URL de la solution', 'Description de la solution'];
const good = [
  [1, 'date:2025-03-03', 'Encodage des accents', 'date:2025-03-03', 'https://docs.python.org/3/library/codecs.html', "read_csv(encoding='utf-8')"],
  [2, 'date:2025-03-04', 'to_sql tronque les libellés', 'date:2025-03-06', 'https://docs.sqlalchemy.org/en/20/core/type_basics.html', 'dtype={"libelle": String(120)}'],
  [3, '05/03/2025', 'Graphique illisible', '07/03/2025', 'https://matplotlib.org/stable/api/_as_gen/matplotlib.pyplot.xlabel.html', 'plt.xlabel / plt.ylabel'],
];
const repoWith = (rows: unknown[][], name = 'docs/carnet_de_bord.xlsx') => () => {
  const workspace = tempRepo({ 'README.md': '# x\n' });
  writeXlsx(workspace.resolve(name), rows);
  return { workspace };
};

/** A ZIP whose single entry inflates 1000× (a "zip bomb" in miniature, refused before parsing). */
function bomb(): Buffer {
  const data = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
  const name = Buffer.from('xl/sheet.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(50 * 1024 * 1024, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

testCheck(check, {
  valid: [
    {
      name: 'six columns, French headers, date cells and dd/mm/yyyy text',
      evidence: repoWith([HEADER, ...good]),
      expect: { status: 'pass', message: 'pass', includes: ['docs/carnet_de_bord.xlsx: 3 problems logged'], evidence: [{ kind: 'artifact', subject: 'docs/carnet_de_bord.xlsx', actual: 3 }] },
    },
    {
      name: 'English headers, declared path',
      options: { path: 'log.xlsx', minRows: 1 },
      evidence: repoWith([['Index', 'Problem date', 'Issue', 'Resolved on', 'Link', 'Details'], [1, '2025-03-03', 'UTF-8', '2025-03-04', 'https://pandas.pydata.org/docs/', 'encoding']], 'log.xlsx'),
      expect: { status: 'pass', message: 'pass' },
    },
  ],
  invalid: [
    {
      name: 'resolution before the problem, a malformed URL, an empty description',
      evidence: repoWith([HEADER, good[0]!, [2, 'date:2025-03-06', 'to_sql', 'date:2025-03-04', 'docs.sqlalchemy.org', 'String(120)'], [3, '05/03/2025', 'Graphique', '07/03/2025', 'https://matplotlib.org/', '']]),
      expect: { status: 'fail', message: 'invalid', evidence: [{ subject: 'docs/carnet_de_bord.xlsx', actual: 3 }], includes: ['row 3: resolved 2025-03-04 before 2025-03-06', 'row 3: URL "docs.sqlalchemy.org" malformed', 'row 4: no description'], includesFr: ['ligne 3 : résolu le 2025-03-04, avant le 2025-03-06', 'ligne 3 : URL "docs.sqlalchemy.org" mal formée', 'ligne 4 : description vide'] },
    },
    {
      name: 'no URL column',
      evidence: repoWith([HEADER.filter((h) => !h.startsWith('URL')), ...good.map((r) => r.filter((_, i) => i !== 4))]),
      expect: { status: 'fail', message: 'columns', includes: ['Columns missing in docs/carnet_de_bord.xlsx: URL'] },
    },
    {
      name: 'no workbook at all',
      evidence: () => ({ workspace: tempRepo({ 'README.md': '# x\n' }) }),
      expect: { status: 'fail', message: 'noFile' },
    },
    {
      name: 'a zip bomb is refused before parsing',
      options: { path: 'carnet.xlsx' },
      evidence: () => {
        const workspace = tempRepo({ 'README.md': '# x\n' });
        writeFileSync(workspace.resolve('carnet.xlsx'), bomb());
        return { workspace };
      },
      expect: { status: 'fail', message: 'unreadable', includes: ['expands'] },
    },
  ],
});
