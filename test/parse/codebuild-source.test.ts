/**
 * CodeBuild's DOWNLOAD_SOURCE refusal: "AccessDenied: Access Denied for primary source and source version <S3 ARN>"
 * is its service role's s3:GetObject of the source object, with the object as the target. Tried both ways.
 */
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/core/index.js';

const parsed = (m: string) => parseError(m).parsed;

describe('CodeBuild "Access Denied for primary source"', () => {
  it('reads the source object and s3:GetObject from the phase line', () => {
    const p = parsed('[Container] 2026/11/02 10:00:01 Phase context status code: CLIENT_ERROR Message: AccessDenied: Access Denied for primary source and source version arn:aws:s3:::ci-sources-eu/app/source.zip');
    expect(p.shape).toBe('codebuild-source-denied');
    expect(p.errorCode).toBe('AccessDenied');
    expect(p.action).toBe('s3:GetObject');
    expect(p.target?.arn).toBe('arn:aws:s3:::ci-sources-eu/app/source.zip');
  });

  it('drops the sentence\'s full stop from the key, and keeps a CodePipeline artifact path whole', () => {
    expect(parsed('CLIENT_ERROR: AccessDenied: Access Denied for primary source and source version arn:aws:s3:::codepipeline-us-east-1-123456789012/web/SourceArti/Xy7Abc.zip.').target?.arn)
      .toBe('arn:aws:s3:::codepipeline-us-east-1-123456789012/web/SourceArti/Xy7Abc.zip');
  });

  it('reads the action when S3\'s status line sits between the refusal and "for primary source"', () => {
    const p = parsed('[Container] 2026/11/02 10:00:00 Waiting for DOWNLOAD_SOURCE\nAccessDenied: Access Denied\n\tstatus code: 403, request id: 8XJ6ZB5N7C9T2Y3K, host id: abc= for primary source');
    expect(p.action).toBe('s3:GetObject');
    expect(p.target).toBeNull();
  });

  it('near misses: another CodeBuild source error, or a refusal far before the phrase, is not this', () => {
    expect(parsed('YAML_FILE_ERROR: stat /codebuild/output/src123/src/buildspec.yml: no such file or directory for primary source and source version main').shape).not.toBe('codebuild-source-denied');
    const far = parsed(`AccessDenied: Access Denied\n${'x '.repeat(300)}\nDOWNLOAD_SOURCE failed for primary source`);
    expect(far.shape).not.toBe('codebuild-source-denied');
    expect(far.action).toBeNull();
  });
});
