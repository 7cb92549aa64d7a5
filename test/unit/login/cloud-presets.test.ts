import { describe, expect, test } from 'vitest';
import { CLOUD_PRESETS, cloudPreset, matchingPreset } from '../../../src/cloud/cloud-presets';
import { validateProfile } from '../../../src/cloud/profile-validation';

describe('cloud presets', () => {
  test('each cloud with its own port, paths and signature', () => {
    expect(cloudPreset('eucalyptus-3')).toMatchObject({
      port: 8773,
      ec2Path: '/services/Eucalyptus',
      s3Path: '/services/Walrus',
      signatureVersion: 2,
      separateS3: false,
    });
    expect(cloudPreset('eucalyptus-4')).toMatchObject({
      port: 8773,
      ec2Path: '/services/compute',
      s3Path: '/services/objectstorage',
      signatureVersion: 4,
    });
    expect(cloudPreset('openstack')).toMatchObject({
      port: 8773,
      ec2Path: '/services/Cloud',
      s3Path: '',
      signatureVersion: 2,
      separateS3: true,
    });
    expect(cloudPreset('cloudstack')).toMatchObject({
      port: 7080,
      ec2Path: '/awsapi',
      s3Path: '',
      signatureVersion: 2,
      separateS3: true,
    });
    // Only Eucalyptus has CloudWatch, Euare and Tokens beside EC2.
    expect(CLOUD_PRESETS.filter((p) => p.services).map((p) => p.id)).toEqual([
      'eucalyptus-3',
      'eucalyptus-4',
    ]);
  });

  test('a profile filled from any preset passes validation', () => {
    for (const preset of CLOUD_PRESETS) {
      const problems = validateProfile(
        {
          id: '',
          kind: 'eucalyptus',
          name: preset.id,
          accessKeyId: 'AKIEXAMPLE',
          host: 'cloud.example.com',
          port: preset.port,
          https: false,
          ec2Path: preset.ec2Path,
          s3Path: preset.s3Path,
          s3Host: '',
          region: 'eucalyptus',
          signatureVersion: preset.signatureVersion,
          apiVersion: preset.apiVersion ?? '2013-02-01',
        },
        true,
      );
      expect(problems, preset.id).toEqual({});
    }
  });

  test('the preset a profile matches', () => {
    expect(
      matchingPreset({ port: 7080, ec2Path: '/awsapi', s3Path: '', signatureVersion: 2 }),
    ).toBe('cloudstack');
    expect(
      matchingPreset({ port: 8774, ec2Path: '/awsapi', s3Path: '', signatureVersion: 2 }),
    ).toBeUndefined();
  });
});
