/** One team of a promotion, as the roster gives it. */
export interface RosterEntry {
  /** Its name, also its folder under `<out>/teams/` (letters, digits, `.`, `_`, `-`). */
  team: string;
  /** A git URL, or a folder (absolute, or relative to the roster file's folder). */
  source: string;
  ref?: string;
  /** ISO 8601, as `check --deadline`; the batch's `--deadline` when absent. */
  deadline?: string;
  members: string[];
  /** The team's plan kept outside its repository (mspr.yaml format), as `check --manifest`. */
  manifest?: string;
}

export interface Roster {
  /** The file or folder it was read from. */
  source: string;
  entries: RosterEntry[];
}
