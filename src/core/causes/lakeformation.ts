/**
 * Lake Formation [AWS Lake Formation developer guide: permissions reference, troubleshooting]:
 * Glue Data Catalog and Athena/Glue/EMR reads of a governed database, table or S3 location need a
 * Lake Formation grant (DESCRIBE, SELECT, CREATE_TABLE, DATA_LOCATION_ACCESS …) as well as the IAM
 * permission; LF-tag administration needs a data lake administrator. The service says so in its
 * own words ("Insufficient Lake Formation permission(s) …"), which no IAM policy change fixes.
 */
import type { CauseContext, CauseDefinition } from './types.js';
import { fromMessage, has, sig } from './service-util.js';

const LF_WORDS = ['insufficient lake formation permission', 'lake formation permission'];

const saysLakeFormation = (ctx: CauseContext) => has(ctx, ...LF_WORDS);

const LF_PERMISSIONS_DOC = 'https://docs.aws.amazon.com/lake-formation/latest/dg/lf-permissions-reference.html';
const LF_TROUBLESHOOTING_DOC = 'https://docs.aws.amazon.com/lake-formation/latest/dg/troubleshooting.html';

const grantMissing: CauseDefinition = {
  id: 'lake-formation-grant-missing',
  title: 'Lake Formation has not granted the caller this database, table or data location',
  summary: 'The Data Catalog resource (or S3 location) is governed by Lake Formation: besides the IAM permission, the caller needs a Lake Formation grant on it (DESCRIBE on the database, SELECT on the table, DATA_LOCATION_ACCESS on the location), and creating LF-tags needs a data lake administrator. IAM policies alone cannot fix this.',
  family: 'service',
  prior: 0.08,
  specificity: 2,
  appliesTo: saysLakeFormation,
  signals: [
    (ctx) => (has(ctx, 'insufficient lake formation permission')
      ? sig(60, fromMessage('The service says the Lake Formation permissions are insufficient: the refusal comes from Lake Formation\'s grants, not from IAM.'))
      : sig(3, fromMessage('The text names Lake Formation permissions.'))),
    (ctx) => (has(ctx, 'required create tag', 'lf-tag', 'lftag')
      ? sig(1.5, fromMessage('Creating or changing LF-tags needs a data lake administrator (or an LF-tag creator).'))
      : null),
  ],
  confirm: [
    { description: 'The Lake Formation grants the caller holds (run with an identity that may list them, e.g. a data lake administrator).', command: 'aws lakeformation list-permissions --principal DataLakePrincipalIdentifier={callerPrincipalArn} --region {region}' },
    { description: 'Who the data lake administrators are, and whether new databases and tables still default to IAM-only access.', command: 'aws lakeformation get-data-lake-settings --region {region}' },
  ],
  fix: {
    description: 'Have a data lake administrator grant the caller the Lake Formation permission the call needs: DESCRIBE on the database, SELECT (and DESCRIBE) on the table, DATA_LOCATION_ACCESS on the S3 location for CREATE TABLE … LOCATION, or make the principal a data lake administrator for LF-tag work.',
    commands: [
      'aws lakeformation grant-permissions --principal DataLakePrincipalIdentifier={callerPrincipalArn} --permissions DESCRIBE --resource \'{"Database":{"Name":"<database>"}}\' --region {region}',
    ],
  },
  docs: [LF_PERMISSIONS_DOC, LF_TROUBLESHOOTING_DOC],
};

export const causes: CauseDefinition[] = [grantMissing];
