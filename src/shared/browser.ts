// The one place that imports the polyfill, so Node tests can import everything else.
import browser from 'webextension-polyfill';

export default browser;
