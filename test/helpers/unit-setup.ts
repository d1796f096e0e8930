import { beforeEach } from 'vitest';
import { setLanguage } from '../../src/model/i18n.js';

// The unit and slow lanes share one module graph between files: each test starts in the default language.
beforeEach(() => {
  setLanguage('ja');
});
