/**
 * A demo account the README documents (« identifiant : demo / mot de passe : demo123 », "user: admin,
 * password: admin"): the runner may log in with it. Only the README is read, never code or .env files.
 */
export interface DemoAccount {
  user: string;
  password: string;
  /** `README.md:12`. */
  source: string;
}

const USER = /(?:identifiant|utilisateur|login|user(?:name)?|e-?mail|compte)\s*(?:de\s+d[ée]mo\s*)?[:=]\s*[`"'*]*([^\s`"'*,;]+)/i;
const PASSWORD = /(?:mot\s+de\s+passe|password|mdp|pass)\s*[:=]\s*[`"'*]*([^\s`"'*,;]+)/i;

export function demoAccount(readme: string | undefined, file: string): DemoAccount | undefined {
  if (!readme) return undefined;
  const lines = readme.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const user = USER.exec(lines[i]!);
    if (!user) continue;
    // The password on the same line or one of the next two.
    for (let j = i; j <= Math.min(i + 2, lines.length - 1); j++) {
      const password = PASSWORD.exec(j === i ? lines[i]!.slice(user.index + user[0].length) : lines[j]!);
      if (password) return { user: user[1]!, password: password[1]!, source: `${file}:${i + 1}` };
    }
  }
  return undefined;
}
