import { fixtureTable } from './fixture-table.js';

fixtureTable('mysql');
