import { render } from 'preact';
import browser from '../../shared/browser';
import { App } from '../app';
import { t } from '../i18n';
import '../styles.css';
import { QuickLaunch } from './quick-launch';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('extName');
render(
  <App compact>
    <QuickLaunch />
  </App>,
  document.getElementById('app') as HTMLElement,
);
