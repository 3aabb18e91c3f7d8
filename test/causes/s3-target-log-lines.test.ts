/**
 * The S3 resource from a log line saying what was fetched or put (blind3 d20's miss, the rule tried on messages
 * written here), and no guess between several different s3:// URLs.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/core/index.js';
import { s3FromCommand } from '../../src/core/causes/s3-target.js';
import type { ExplainInput } from '../../src/core/types.js';

const S = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });

describe('S3 resource from a log line', () => {
  it.each([
    ['worker-3 ERROR could not fetch s3://media-ingest-ap/raw/2026/clip-0042.mp4', 's3:GetObject', { bucket: 'media-ingest-ap', key: 'raw/2026/clip-0042.mp4' }],
    // several URLs: the one the words on its line tie to the action
    ['INFO uploaded s3://media-out-ap/thumbs/0042.jpg\nERROR failed to download s3://media-ingest-ap/raw/0043.mp4', 's3:GetObject', { bucket: 'media-ingest-ap', key: 'raw/0043.mp4' }],
    ['INFO read s3://media-ingest-ap/raw/0043.mp4\nERROR failed writing s3://media-out-ap/thumbs/0043.jpg', 's3:PutObject', { bucket: 'media-out-ap', key: 'thumbs/0043.jpg' }],
    // one bucket for a bucket-level action, whatever the keys
    ['listing s3://media-ingest-ap/raw/ then s3://media-ingest-ap/tmp/', 's3:ListBucket', { bucket: 'media-ingest-ap', key: 'raw/' }],
    // the failing command's URL, another object named only in a later comment
    ['$ aws s3 cp s3://media-ingest-ap/raw/a.mp4 .\n# the uploader wrote s3://media-ingest-ap/raw/A.mp4', 's3:GetObject', { bucket: 'media-ingest-ap', key: 'raw/a.mp4' }],
  ])('%s', (text, action, want) => expect(s3FromCommand(text, action)).toEqual(want));

  it.each([
    ['two different URLs and nothing tying one to the action', 'copied s3://a-bucket-1/x.bin and s3://b-bucket-2/y.bin', 's3:GetObject'],
    ['a copy between buckets on one command line', 'aws s3 cp s3://a-bucket-1/x.bin s3://b-bucket-2/x.bin', 's3:PutObject'],
    ['the only verb-tied URL is for the other direction', 'uploaded s3://a-bucket-1/x.bin\nchecked s3://b-bucket-2/y.bin', 's3:GetObject'],
  ])('near miss: %s gives no resource', (_name, text, action) => expect(s3FromCommand(text, action)).toBeNull());

  it('the resource read from the log line decides whether the pasted identity policy allows', () => {
    const message = '2026-07-01 04:00:12.551 ERROR 9 --- [main] c.e.media.Ingest : could not fetch s3://media-ingest-ap/raw/2026/clip-0042.mp4\n' +
      'software.amazon.awssdk.services.s3.model.S3Exception: Access Denied (Service: S3, Status Code: 403, Request ID: 7Q2W4E6R8T0Y1U3I, Extended Request ID: bWVkaWEtZXh0LWlk=)\n' +
      '\tat software.amazon.awssdk.core.internal.handler.BaseSyncClientHandler.execute(BaseSyncClientHandler.java:103)\n' +
      '\tat software.amazon.awssdk.services.s3.DefaultS3Client.getObject(DefaultS3Client.java:5412)\n' +
      '\tat com.example.media.Ingest.fetch(Ingest.java:31)';
    const allows: ExplainInput = { message, policies: [{ kind: 'identity', document: S({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media-ingest-ap/raw/*' }) }] };
    expect(explain(allows).causes.find((c) => c.id === 'identity-missing-allow')?.status).toBe('ruled-out');
    // near miss: an Allow on another prefix does not cover the object the log names
    const other: ExplainInput = { message, policies: [{ kind: 'identity', document: S({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media-ingest-ap/processed/*' }) }] };
    expect(explain(other).causes.find((c) => c.id === 'identity-missing-allow')?.status).not.toBe('ruled-out');
  });
});
