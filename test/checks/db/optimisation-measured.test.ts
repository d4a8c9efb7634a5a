import check from '../../../checks/db/optimisation-measured.js';
import { testCheck } from '../../../checks/tester.js';
import { tempRepo } from '../../helpers/temp-repo.js';
import { DataTrace } from '../data/support/data-trace.js';

const QUERY = "SELECT magasin, SUM(quantite) FROM ventes WHERE canal = 'web' GROUP BY magasin";
const timedCode = ['import time', ...Array(55).fill('#'), 't0 = time.perf_counter()', 'cur.execute(QUERY)', 'print(time.perf_counter() - t0)', '', '', 'con.execute("CREATE INDEX idx ON ventes(canal)")', '', '', 't0 = time.perf_counter()', 'cur.execute(QUERY)', 'print(time.perf_counter() - t0)'].join('\n');
const trace = (second = QUERY, secondTables = ['ventes']) =>
  new DataTrace()
    .sql(58, QUERY, { tables: ['ventes'], duration: 0.0032 })
    .sql(63, 'CREATE INDEX idx ON ventes(canal)', { tables: ['ventes'] })
    .sql(67, second, { tables: secondTables, duration: 0.0004 })
    .index();

testCheck(check, {
  valid: [
    {
      name: 'same query timed with perf_counter before and after CREATE INDEX',
      evidence: () => ({ workspace: tempRepo({ 'etl.py': timedCode }), trace: trace() }),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['CREATE INDEX etl.py:63: 3.2 ms (etl.py:58) then 0.4 ms (etl.py:67)'],
        evidence: [{ subject: 'query before', actual: 0.0032, location: { file: 'etl.py', line: 58 } }, { subject: 'query after', actual: 0.0004 }],
      },
    },
  ],
  invalid: [
    {
      name: 're-run after the index but never timed by the code',
      evidence: () => ({ workspace: tempRepo({ 'etl.py': timedCode.replace(/time\.perf_counter\(\)/g, '0') }), trace: trace() }),
      expect: { status: 'warn', message: 'untimed', evidence: [{ subject: 'query before' }] },
    },
    {
      name: 'index created, but the query after it is a different one',
      evidence: () => ({ workspace: tempRepo({ 'etl.py': timedCode }), trace: trace('SELECT COUNT(*) FROM ventes', ['ventes']) }),
      expect: { status: 'fail', message: 'notRerun', includes: ['CREATE INDEX etl.py:63'] },
    },
    {
      name: 'no optimisation at all',
      evidence: () => ({ trace: new DataTrace().sql(58, QUERY, { tables: ['ventes'] }).sql(67, QUERY, { tables: ['ventes'] }).index() }),
      expect: { status: 'fail', message: 'noOptimisation', includes: ['2 SELECT'] },
    },
  ],
});
