/**
 * The red team's held-out scenarios (test/fixtures/extra-scenarios, x01–x69) through explain(),
 * scored with the rules of shared/tools/score.mjs: expect.top first among the causes that are not
 * ruled out; every expect.ruledOut id ruled out (or unlikely and below rank 3); expect.notAbove
 * ids no higher than their rank. Aggregate bars are what this build reaches (run 2026-11-30:
 * top-1 69/69, ruled-out kept 127/127); a case may slip to the top 3 without failing the suite.
 */

import { describeHeldOut } from './held-out.js';

describeHeldOut({
  name: 'extra scenarios (red team, held out)',
  folder: 'extra-scenarios',
  minCount: 69,
  top1Bar: 0.98,
  top3Bar: 1,
  ruledOutBar: 0.99,
});
