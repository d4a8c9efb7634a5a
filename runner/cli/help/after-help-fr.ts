/**
 * The French of the help text after the options (examples, exit codes), by command path. Command lines are the
 * same in both languages; a command missing here gets its English text with only the "Examples:" title translated.
 */
export const AFTER_HELP_FR: Record<string, string> = {
  '': `
Exemples :
  mspr-lab check examples/etl-sqlite --scenario cdp-data-ia-bloc1-etl
  mspr-lab batch promo.csv -s cdp-data-ia-bloc1-etl -o promo-2026
  mspr-lab plan ../team-3          # ce que check lancerait, et pourquoi
  mspr-lab scenarios list
  mspr-lab checks show db/rows-match-source --lang fr
  mspr-lab render out/<id-exécution>/report.json --format junit,md
  mspr-lab doctor
  mspr-lab ci github --scenario cdp-data-ia-bloc1-etl
  sudo mspr-lab images build && mspr-lab check . -s cdp-data-ia-bloc1-etl --sandbox docker`,
  check: `
Exemples :
  mspr-lab check examples/etl-sqlite --scenario cdp-data-ia-bloc1-etl
  mspr-lab check https://git.example.org/team3/mspr.git --scenario scenario.yaml --deadline 2026-06-30T23:59:00+02:00
  mspr-lab check . -s cdp-data-ia-bloc1-etl --format junit,md --sandbox docker --lang en
  mspr-lab check . -s cdp-data-ia-bloc1-etl --database postgres --services local --sandbox local
  mspr-lab check ../team-3 -s cdp-data-ia-bloc3-regression --pip-index https://pypi.ecole.fr/simple
  mspr-lab check . -s cdp-data-ia-bloc1-etl --json > report.json

Codes de sortie : 0 = toutes les vérifications requises sont réussies, 1 = certaines ne le sont pas, 2 = l’exécution
n’a pas pu se faire (une entrée invalide, comme un --deadline mal écrit ou un --out où l’on ne peut pas écrire, est
refusée avec 2 avant toute exécution).`,
  regrade: `
Exemples :
  mspr-lab regrade promo-2026 -s bloc1-tolerant.yaml
  mspr-lab regrade promo-2026 --team beta

Seules les vérifications sont relancées : un scénario dont les étapes, le bac à sable, les services ou les jeux de
données ont changé demande de relancer les équipes (mspr-lab batch … --team <nom>) ; ces équipes sont listées et leur
ligne dit pourquoi. Écrit regrade.json et regrade.csv (les verdicts qui ont changé) à côté du carnet de notes, qui est
réécrit. Codes de sortie : comme batch (0 = toutes les équipes réussissent, 1 = certaines échouent, 2 = une équipe
n’a pas pu être évaluée ou réévaluée).`,
  batch: `
Exemples :
  mspr-lab batch promo.csv -s cdp-data-ia-bloc1-etl --deadline 2026-06-30T23:59 -o promo-2026
  mspr-lab batch depots/ -s cdp-data-ia-bloc1-etl -j 2 -o promo-2026 --csv-dialect excel-fr
  mspr-lab batch promo.csv -s cdp-data-ia-bloc1-etl -o promo-2026 --team alpha,beta

Relancer la même commande reprend le lot : les équipes déjà évaluées avec le même scénario et le même commit sont
gardées. Codes de sortie : 0 = toutes les équipes réussissent, 1 = toutes sont évaluées et certaines échouent,
2 = une équipe n’a pas pu être évaluée (clonage en échec, exécution impossible, pas encore évaluée) ou le lot
lui-même n’a pas pu se faire (liste invalide…).`,
  'checks new': `
À lancer dans votre copie de mspr-lab ; le guide est docs/writing-a-check.md.
Exemple :
  mspr-lab checks new ml/training-procedure --criteria cdp-data-ia:C3.3,dev-ia-ds:A1.2 C4 --evidence trace`,
  'images build': `
Exemples :
  sudo mspr-lab images build
  sudo mspr-lab images build python --extra-packages python3-dotenv,imbalanced-learn
  sudo mspr-lab images build python --force
  mspr-lab images build --method dockerfile --base-image registry.example.fr/debian:bookworm-slim
  mspr-lab images build --dockerfile docker/runtime/Dockerfile

Depuis Debian : il faut être root (debootstrap, chroot), l’archive Debian configurée dans apt, et un moteur Docker.
Sur une machine sans sources apt Debian (Fedora, Ubuntu, macOS), les mêmes recettes se construisent par des Dockerfiles générés sur debian:bookworm-slim.
Depuis un Dockerfile : il faut un moteur Docker et le registre que nomme sa ligne FROM.`,
  cleanup: `
Exemples :
  mspr-lab cleanup
  mspr-lab cleanup --run 20260630-101500-cdp-data-ia-bloc1-etl-ab12
  mspr-lab cleanup --work-dir /srv/mspr-runs

Un dossier d’exécution n’est retiré que si le processus mspr-lab qui l’a créé n’existe plus (vérifié par pid et
heure de démarrage) : ceux des évaluations en cours ne sont jamais touchés. Les dossiers gardés par
--keep-workspace ne partent qu’avec --run. Les images sont gardées ; voir \`mspr-lab images list\`.`,
  doctor: `
Code de sortie : 0 quand chaque ligne requise est bonne, 1 sinon.

Exemples :
  mspr-lab doctor
  mspr-lab doctor --python .venv/bin/python --json`,
};

/** The English text with its titles in French: for commands whose text is only examples. */
export function translateTitles(text: string): string {
  return text.replace(/^Examples:$/gm, 'Exemples :').replace(/^Example:$/gm, 'Exemple :');
}
