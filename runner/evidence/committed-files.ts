/**
 * The committed text of the workspace files the runner rewrote before the steps (today: the `.env` it points at
 * the run's database, runner/services/run-dotenv), by workspace-relative path; `null` for a file the runner wrote
 * that the submission does not have (a `.env` made from the `.env.example` the README copies). Checks that judge
 * what the team committed (repo/no-secrets) read these instead of the runner's text: the run's database password
 * is not the team's secret, and the team's own password is what they committed.
 */
export type CommittedFiles = ReadonlyMap<string, string | null>;
