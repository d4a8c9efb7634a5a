import { stringify } from 'yaml';
import type { CiPlan } from './ci-plan.js';

/**
 * `.github/workflows/mspr-lab.yml`: one job in a Node 20 Debian container (the Python stack from apt, as
 * mspr-lab's own sandboxes have it), the grade as the job's outcome, the Markdown report as the job summary
 * and every report (JSON, JUnit, Markdown, HTML) uploaded even when the grade fails.
 */
export function githubWorkflow(plan: CiPlan): string {
  const workflow = {
    name: 'mspr-lab',
    on: { push: null, pull_request: null, workflow_dispatch: null },
    permissions: { contents: 'read' },
    jobs: {
      grade: {
        'runs-on': 'ubuntu-latest',
        container: plan.image,
        'timeout-minutes': 60,
        steps: [
          { name: 'Python data stack (Debian packages)', run: plan.commands.apt },
          // The whole history: --deadline and the late-commit count read it.
          { uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } },
          { name: 'Install mspr-lab', run: plan.commands.install },
          // Also writes the Markdown report to the job summary ($GITHUB_STEP_SUMMARY).
          { name: 'Grade', run: plan.commands.check },
          { name: 'Reports', if: 'always()', uses: 'actions/upload-artifact@v4', with: { name: 'mspr-lab-reports', path: `${plan.reports}/`, 'if-no-files-found': 'warn' } },
        ],
      },
    },
  };
  const header = `# Written by \`mspr-lab ci github --scenario ${plan.scenario}\`: grades this repository on every push.\n# Exit 1 (job failed): a required check failed; exit 2: the run could not be done (see the log).\n`;
  return header + stringify(workflow, { lineWidth: 0 }).replace(/: null$/gm, ':');
}
