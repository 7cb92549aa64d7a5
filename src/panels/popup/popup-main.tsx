import { render } from 'preact';
import browser from '../../shared/browser';
import { t } from '../i18n';
import '../styles.css';
import { Popup } from './popup';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('extName');
render(<Popup />, document.getElementById('app') as HTMLElement);
