/**
 * Round 25 (held out, message only): the 30 pastes of test/fixtures/extra/real-errors-round25.jsonl (see
 * test/parse/round25.test.ts), labels in real-causes-round25.jsonl, both committed (767a2ad before rebasing onto main, the first commit of this
 * round) before anything was run against them. Each label is the cause its thread states (the note says who says it);
 * 9 are labeled, 21 listed unlabeled (the thread does not settle a cause). Scored from the pasted text alone with
 * score.mjs's rule.
 *
 * Measured blind (build at main 5e4791e): top-1 7/9, top-3 7/9. Not in the top 3:
 * - r25-01 (EMR on EKS: a bare botocore `ClientError: … AssumeRoleWithWebIdentity operation: Not authorized to perform
 *   sts:AssumeRoleWithWebIdentity` after `python throws errors when calling aws services:`; the job pods' service
 *   account had no role annotation): want irsa-service-account-misconfigured, got oidc-sub-mismatch,
 *   trust-action-mismatch, role-missing-or-typo.
 * - r25-10 (Crossplane: `seems to be ignoring the providerConfigRef`, caller `arn:aws:sts::{wrong-account}:…`, kms:CreateKey
 *   implicit identity-based deny): want wrong-credentials-in-use, got identity-missing-allow, identity-resource-mismatch,
 *   identity-action-mismatch.
 * After the cause rule of test/causes/round25-rules.test.ts — the paste saying the setting that picks the identity was
 * not applied (`ignoring the providerConfigRef`, `not using the configured role`, `instead of the profile`), with the
 * caller AWS saw printed, raises wrong-credentials-in-use — top-1 7/9, top-3 8/9: r25-10 second, identity-missing-allow
 * kept first (the message's own `no identity-based policy allows` is true of the identity that ran). r25-01 is left: the
 * paste (`python throws errors when calling aws services:` and a bare AssumeRoleWithWebIdentity refusal) says nothing
 * of EKS or a service account, so nothing in it separates a missing annotation from a trust policy that does not match
 * the token. The round is no longer blind; the bars are these figures.
 */
import { describeLabeledRound } from './held-out.js';

describeLabeledRound({
  name: 'round-25 labeled pastes (message only)', errorsFile: 'real-errors-round25.jsonl',
  causesFile: 'real-causes-round25.jsonl', minLabels: 9, top1Bar: 7 / 9, top3Bar: 8 / 9, everyMessageListed: true,
  distinctSources: true, sourcePattern: /^(?:[\w.-]+\/[\w.-]+#\d+|https:\/\/\S+)$/,
});
