import { beforeEach } from 'vitest';
import { setLanguage } from '../../src/model/i18n.js';

// The unit lane shares one module graph between files: each test starts in the default language.
beforeEach(() => {
  setLanguage('ja');
});
