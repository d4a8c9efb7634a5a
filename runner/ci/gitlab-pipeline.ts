import { stringify } from 'yaml';
import type { CiPlan } from './ci-plan.js';

/**
 * `.gitlab-ci.yml`: one job in a Node 20 Debian image, the JUnit report as GitLab's test report (shown in the
 * merge request) and every report kept as an artefact, even when the grade fails.
 */
export function gitlabPipeline(plan: CiPlan): string {
  const pipeline = {
    stages: ['test'],
    'mspr-lab': {
      stage: 'test',
      image: plan.image,
      timeout: '1h',
      // The whole history: --deadline and the late-commit count read it.
      variables: { GIT_DEPTH: '0' },
      before_script: [plan.commands.apt, plan.commands.install],
      script: [plan.commands.check],
      artifacts: {
        when: 'always',
        expire_in: '30 days',
        paths: [`${plan.reports}/`],
        reports: { junit: `${plan.reports}/*/report.junit.xml` },
      },
    },
  };
  const header = `# Written by \`mspr-lab ci gitlab --scenario ${plan.scenario}\`: grades this repository on every push.\n# Exit 1 (job failed): a required check failed; exit 2: the run could not be done (see the log).\n`;
  return header + stringify(pipeline, { lineWidth: 0 });
}
