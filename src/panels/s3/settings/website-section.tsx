// Static website hosting: index and error documents, redirect rules as JSON (checked before
// sending), the site's address, and turning the website off.

import { useEffect, useState } from 'preact/hooks';
import {
  type BucketWebsite,
  deleteBucketWebsite,
  getBucketWebsite,
  parseRoutingRules,
  putBucketWebsite,
  type RoutingRulesProblem,
  websiteEndpoint,
} from '../../../cloud/s3/bucket-website';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { TextField } from '../../components/field';
import { jsonErrorText } from '../../components/json-error';
import { type MessageKey, t } from '../../i18n';
import { SectionStatus } from './section-status';
import type { SectionProps } from './setting-section';
import { useSettingSection } from './use-setting-section';

interface SavedWebsite {
  site: BucketWebsite | null;
  /** The site's address; null when the store's website endpoint is not known. */
  endpoint: string | null;
}

const RULE_PROBLEM: Record<Exclude<RoutingRulesProblem['code'], 'syntax'>, MessageKey> = {
  notList: 's3WebsiteRulesNotList',
  ruleNotObject: 's3WebsiteRuleNotObject',
  redirectMissing: 's3WebsiteRedirectMissing',
  unknownField: 's3WebsiteUnknownField',
  notText: 's3WebsiteNotText',
  keyBoth: 's3WebsiteKeyBoth',
  badProtocol: 's3WebsiteBadProtocol',
  badCode: 's3WebsiteBadCode',
};

/** An example in the AWS CLI's own JSON, not words to translate. */
const RULES_EXAMPLE = JSON.stringify([
  { Condition: { KeyPrefixEquals: 'docs/' }, Redirect: { ReplaceKeyPrefixWith: 'documents/' } },
]);

function rulesProblemText(p: RoutingRulesProblem): string {
  if (p.code === 'syntax') return jsonErrorText(p.syntax);
  return t('s3PolicyProblemAt', p.path || t('s3WebsiteRulesAll'), t(RULE_PROBLEM[p.code]));
}

export function WebsiteSection({ bucket, at }: SectionProps) {
  const section = useSettingSection<SavedWebsite>(
    bucket,
    at,
    async ({ profile, signer }, name) => ({
      site: await getBucketWebsite(profile, signer, name),
      endpoint: websiteEndpoint(profile, name, profile.region),
    }),
  );
  const saved = section.value.value;
  const [index, setIndex] = useState('index.html');
  const [errorDoc, setErrorDoc] = useState('');
  const [rules, setRules] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    const site = saved?.site;
    if (!site) return;
    setIndex(site.indexDocument);
    setErrorDoc(site.errorDocument);
    setRules(site.routingRules.length ? JSON.stringify(site.routingRules, null, 2) : '');
  }, [saved]);

  const readOnly = section.state.value !== 'ready';
  const busy = section.saving.value;

  async function save() {
    const parsed = parseRoutingRules(rules);
    if (!parsed.ok) {
      setProblem(rulesProblemText(parsed.problem));
      return;
    }
    if (!index.trim() || index.includes('/')) {
      setProblem(t('s3WebsiteIndexInvalid'));
      return;
    }
    setProblem(null);
    const site = {
      indexDocument: index.trim(),
      errorDocument: errorDoc.trim(),
      routingRules: parsed.rules,
    };
    await section.change(({ profile, signer }) => putBucketWebsite(profile, signer, bucket, site));
  }

  return (
    <div class="website-section">
      <SectionStatus section={section} what={t('s3WebsiteWhat')} />
      {section.state.value === 'ready' && (
        <p class="muted">
          {!saved?.site
            ? t('s3WebsiteOff')
            : saved.endpoint
              ? t('s3WebsiteOnAt', saved.endpoint)
              : t('s3WebsiteEndpointUnknown')}
        </p>
      )}
      <fieldset disabled={readOnly}>
        <TextField
          id={`website-index-${bucket}`}
          label={t('s3WebsiteIndex')}
          value={index}
          onValue={setIndex}
        />
        <TextField
          id={`website-error-${bucket}`}
          label={t('s3WebsiteErrorDocument')}
          value={errorDoc}
          onValue={setErrorDoc}
        />
        <label for={`website-rules-${bucket}`}>{t('s3WebsiteRules')}</label>
        <textarea
          id={`website-rules-${bucket}`}
          class="mono"
          rows={6}
          spellcheck={false}
          value={rules}
          placeholder={RULES_EXAMPLE}
          aria-invalid={problem !== null}
          onInput={(e) => {
            setRules(e.currentTarget.value);
            setProblem(null);
          }}
        />
      </fieldset>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="toolbar">
        <button type="button" disabled={readOnly || busy} onClick={() => void save()}>
          {t('s3WebsiteSave')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={readOnly || busy || !saved?.site}
          onClick={() => setConfirming(true)}
        >
          {t('s3WebsiteDelete')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('s3WebsiteDeleteTitle', bucket)}
          confirm={t('s3WebsiteDelete')}
          error={section.error.value}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            if (
              await section.change(({ profile, signer }) =>
                deleteBucketWebsite(profile, signer, bucket),
              )
            )
              setConfirming(false);
          }}
        >
          <p>{t('s3WebsiteDeleteBody', bucket)}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
